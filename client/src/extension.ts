/**
 * The thin desktop VS Code client: starts the language server in Node, hands it the
 * settings, and registers the one command that needs the editor UI. Terminology logic
 * belongs in the service, never here. The web client is `client/src/browserExtension.ts`.
 */
import * as path from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions, PROJECT_FILE_GLOB, registerClientCommands } from './common';

let client: LanguageClient | undefined;

/** Document selector: markdown, Quarto and R Markdown, by language id and by file pattern (the Quarto and R Markdown ids exist only with their extensions). */
export const DOCUMENT_SELECTOR = [
  { language: 'markdown' },
  { language: 'quarto' },
  { language: 'rmd' },
  { scheme: 'file', pattern: '**/*.{qmd,Rmd,rmd}' },
  { scheme: 'untitled', language: 'markdown' },
];

/** Called by VS Code when a markdown, Quarto or R Markdown file opens. */
export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  client = new LanguageClient('carnk', 'CAR-NK Terminology', serverOptions, clientOptions(DOCUMENT_SELECTOR, workspace.createFileSystemWatcher(PROJECT_FILE_GLOB)));
  registerClientCommands(context, client);
  await client.start();
}

/** Called by VS Code on shutdown. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
