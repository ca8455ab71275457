import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** A plain LSP client over stdio against the built server bundle (no VS Code involved). */
export interface TestServer {
  connection: MessageConnection;
  process: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version, optionally matching `accept`). */
  nextDiagnostics(uri: string, version?: number, accept?: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  /** Settings the server reads through workspace/configuration. */
  settings: Record<string, unknown>;
  stop(): Promise<void>;
}

/** Starts `dist/server.js --stdio` (with `env`, else this process's environment) and initializes it. */
export async function startTestServer(settings: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = process.env): Promise<TestServer> {
  const serverPath = join(__dirname, '..', '..', 'dist', 'server.js');
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting: { uri: string; version?: number; accept?: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const server: TestServer = {
    connection,
    process: child,
    settings,
    nextDiagnostics(uri, version, accept) {
      return new Promise((resolve) => waiting.push({ uri, version, accept, resolve }));
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      connection.dispose();
    },
  };
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const index = waiting.findIndex((w) => w.uri === params.uri && (w.version === undefined || w.version === params.version) && (!w.accept || w.accept(params)));
    if (index >= 0) waiting.splice(index, 1)[0]!.resolve(params);
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'carnk' ? server.settings : null)),
  );
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification('initialized', {});
  return server;
}
