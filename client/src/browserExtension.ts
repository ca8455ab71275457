/**
 * The web client (VS Code for the Web: vscode.dev, github.dev): starts the language server in
 * a web worker (`dist/browserServer.js`) and answers its requests for project files with
 * `vscode.workspace.fs`, which reaches the workspace wherever it lives (a GitHub repository,
 * a local folder the browser opened). Everything else is what the desktop client does.
 */
import { FileType, Uri, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import {
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  type ReadDirectoryResult,
  type ReadFileResult,
  type WorkspaceFileParams,
} from '../../server/src/protocol';
import { clientOptions, registerClientCommands } from './common';

// The web extension host has the Worker global; this project type-checks without the DOM library.
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

let client: LanguageClient | undefined;

/** Documents in any workspace scheme (`vscode-vfs`, `file`, ...): by language id and by file pattern. */
const WEB_DOCUMENT_SELECTOR = [{ language: 'markdown' }, { language: 'quarto' }, { language: 'rmd' }, { pattern: '**/*.{qmd,Rmd,rmd}' }];

// Without a file watcher in the worker, the server forgets what it read when any project,
// book or chapter file changes, and reads it again.
const WATCHED_FILES = '**/{.carnkrc,.carnkrc.json,.carnkrc.yaml,.carnkrc.yml,.carnk-glossary.yaml,.carnk-glossary.yml,.carnk-glossary.json,_quarto.yml,_quarto.yaml,_bookdown.yml,metadata.yaml,*.md,*.qmd,*.Rmd,*.rmd}';

/** The text of a workspace file, or null when it cannot be read. */
async function readFile(params: WorkspaceFileParams): Promise<ReadFileResult> {
  try {
    return new TextDecoder('utf-8').decode(await workspace.fs.readFile(Uri.parse(params.uri)));
  } catch {
    return null;
  }
}

/** A workspace folder's entries, or null when it cannot be read. */
async function readDirectory(params: WorkspaceFileParams): Promise<ReadDirectoryResult> {
  try {
    const entries = await workspace.fs.readDirectory(Uri.parse(params.uri));
    return entries.map(([name, type]) => ({ name, isDirectory: (type & FileType.Directory) !== 0 }));
  } catch {
    return null;
  }
}

/** Called by VS Code for the Web when a markdown, Quarto or R Markdown file opens. */
export async function activate(context: ExtensionContext): Promise<void> {
  const worker = new Worker(Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js').toString(true));
  client = new LanguageClient('carnk', 'CAR-NK Terminology', clientOptions(WEB_DOCUMENT_SELECTOR, workspace.createFileSystemWatcher(WATCHED_FILES)), worker);
  client.onRequest(READ_FILE_REQUEST, readFile);
  client.onRequest(READ_DIRECTORY_REQUEST, readDirectory);
  registerClientCommands(context, client);
  await client.start();
}

/** Called by VS Code on shutdown. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
