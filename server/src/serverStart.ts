/**
 * `startServer`: answers `initialize` at once and only then loads the LSP adapter (server.ts)
 * and, with it, the terminology service. Evaluating the service's modules (chiefly compiling its
 * Unicode regular expressions) was most of the time a client waited for its `initialize` answer;
 * a client sends nothing else before `initialized` (LSP), so the adapter is in place before any
 * document arrives. This module imports nothing of the service but the settings table.
 */
import { TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import type { ServerHost } from './host';
import { APPLY_SAFE_FIXES_COMMAND } from './protocol';
import type { LanguageServerSession } from './server';

declare const __CARNK_VERSION__: string;

/** What the server offers, answered to `initialize`. */
function initializeResult(): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['-'], resolveProvider: false },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      documentSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      executeCommandProvider: { commands: [APPLY_SAFE_FIXES_COMMAND] },
    },
    serverInfo: { name: 'carnk-language-server', version: typeof __CARNK_VERSION__ === 'string' ? __CARNK_VERSION__ : '0.0.0-dev' },
  };
}

/** Wires the terminology service to an LSP connection and starts listening; `host` gives files and paths where the server runs. */
export function startServer(connection: Connection, host: ServerHost): void {
  let session: LanguageServerSession | undefined;
  let params: InitializeParams | undefined;
  // A `require`, not an import: the bundler then evaluates server.ts and the service on this
  // call, not when the bundle starts.
  const sessionOf = (initialize: InitializeParams): LanguageServerSession => {
    if (!session) {
      const { LanguageServerSession: Session } = require('./server') as typeof import('./server');
      session = new Session(connection, host, initialize);
      session.register();
    }
    return session;
  };
  connection.onInitialize((initialize) => {
    params = initialize;
    // After the answer is written. The connection writes it on an immediate of its own, queued
    // after one queued here; so the session loads an immediate later, still before the connection
    // handles the next message (`initialized`, then documents), whose immediate is queued later
    // still, and that message finds every handler registered. A web worker has no setImmediate;
    // there the connection's queue runs on zero-delay timers, which keep the same order.
    const soon = typeof setImmediate === 'function' ? setImmediate : (run: () => void) => setTimeout(run, 0);
    soon(() => soon(() => sessionOf(initialize)));
    return initializeResult();
  });
  connection.onInitialized(() => {
    if (params) sessionOf(params).initialized();
  });
  connection.listen();
}
