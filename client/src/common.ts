/**
 * What the desktop and web clients share: the documents the server lints, the client
 * options, and the command that needs the editor UI. Terminology logic belongs in the
 * service, never here.
 */
import { commands, Position, Range, window, type ExtensionContext, type FileSystemWatcher } from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import {
  ABBREVIATIONS_REQUEST,
  CONFIGURATION_SECTION,
  INSERT_ABBREVIATION_LIST_COMMAND,
  type AbbreviationsParams,
  type AbbreviationsResult,
} from '../../server/src/protocol';

/** Project files whose change makes the server read its project again. */
export const PROJECT_FILE_GLOB = '**/{.carnkrc,.carnkrc.json,.carnkrc.yaml,.carnkrc.yml,.carnk-glossary.yaml,.carnk-glossary.yml,.carnk-glossary.json}';

/** Client options for both clients: the documents to lint, settings and watched files. */
export function clientOptions(documentSelector: DocumentSelector, fileEvents: FileSystemWatcher): LanguageClientOptions {
  return { documentSelector, synchronize: { configurationSection: CONFIGURATION_SECTION, fileEvents } };
}

/** Asks the server for the list of abbreviations and writes it at the cursor, or over the existing list. */
async function insertAbbreviationList(client: BaseLanguageClient): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor) {
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

/** Registers the client-side command (`carnk.insertAbbreviationList`) against `client`. */
export function registerClientCommands(context: ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand(INSERT_ABBREVIATION_LIST_COMMAND, () =>
      insertAbbreviationList(client).catch((error: unknown) => {
        void window.showErrorMessage(`CAR-NK Terminology: could not write the list of abbreviations (${String(error)}).`);
      }),
    ),
  );
}
