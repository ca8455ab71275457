/**
 * The thin VS Code client: starts the language server, hands it the settings, and
 * registers the one command that needs the editor UI. Terminology logic belongs in the
 * service, never here.
 */
import * as path from 'node:path';
import { commands, Position, Range, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  ABBREVIATIONS_REQUEST,
  CONFIGURATION_SECTION,
  INSERT_ABBREVIATION_LIST_COMMAND,
  type AbbreviationsParams,
  type AbbreviationsResult,
} from '../../server/src/protocol';

let client: LanguageClient | undefined;

/** Document selector: markdown, Quarto and R Markdown, by language id and by file pattern (the Quarto and R Markdown ids exist only with their extensions). */
export const DOCUMENT_SELECTOR = [
  { language: 'markdown' },
  { language: 'quarto' },
  { language: 'rmd' },
  { scheme: 'file', pattern: '**/*.{qmd,Rmd,rmd}' },
  { scheme: 'untitled', language: 'markdown' },
];

/** Asks the server for the list of abbreviations and writes it at the cursor, or over the existing list. */
async function insertAbbreviationList(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || !client) {
    void window.showInformationMessage('Open a Markdown, Quarto or R Markdown manuscript first.');
    return;
  }
  const document = editor.document;
  const params: AbbreviationsParams = {
    textDocument: { uri: document.uri.toString() },
    position: { line: editor.selection.active.line, character: editor.selection.active.character },
  };
  const result = await client.sendRequest<AbbreviationsResult | null>(ABBREVIATIONS_REQUEST, params);
  if (!result || result.text.length === 0) {
    void window.showInformationMessage('This manuscript defines no abbreviations yet.');
    return;
  }
  await editor.edit((builder) => {
    if (result.range) {
      const range = new Range(new Position(result.range.start.line, result.range.start.character), new Position(result.range.end.line, result.range.end.character));
      builder.replace(range, result.text);
    } else {
      builder.replace(editor.selection, result.text);
    }
  });
}

/** Called by VS Code when a markdown, Quarto or R Markdown file opens. */
export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: {
      configurationSection: CONFIGURATION_SECTION,
      fileEvents: workspace.createFileSystemWatcher('**/{.carnkrc,.carnkrc.json,.carnkrc.yaml,.carnkrc.yml,.carnk-glossary.yaml,.carnk-glossary.yml,.carnk-glossary.json}'),
    },
  };
  client = new LanguageClient('carnk', 'CAR-NK Terminology', serverOptions, clientOptions);
  context.subscriptions.push(
    commands.registerCommand(INSERT_ABBREVIATION_LIST_COMMAND, () =>
      insertAbbreviationList().catch((error: unknown) => {
        void window.showErrorMessage(`CAR-NK Terminology: could not write the list of abbreviations (${String(error)}).`);
      }),
    ),
  );
  await client.start();
}

/** Called by VS Code on shutdown. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
