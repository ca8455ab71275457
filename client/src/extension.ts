/**
 * The thin VS Code client: starts the language server and hands it the settings.
 * Terminology logic belongs in the service, never here.
 */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONFIGURATION_SECTION } from '../../server/src/protocol';

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
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: CONFIGURATION_SECTION },
  };
  client = new LanguageClient('carnk', 'CAR-NK Terminology', serverOptions, clientOptions);
  await client.start();
}

/** Called by VS Code on shutdown. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
