// A minimal LSP client for the benchmark: starts the real server bundle over stdio and
// times start-up, keystrokes (didChange to publishDiagnostics), hover and completion.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

/** Longest wait for any single server answer before the benchmark gives up on it. */
const ANSWER_TIMEOUT_MS = 30_000;

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ANSWER_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts `serverPath --stdio` and initializes it with `settings` (sent both as
 * initialization options and in answer to workspace/configuration).
 * Resolves with the connection, the initialize result and the milliseconds from spawn
 * to the initialize answer.
 */
export async function startServer(serverPath, settings) {
  const started = performance.now();
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.resume();
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = [];
  let configurationAnswered;
  const configured = new Promise((resolve) => (configurationAnswered = resolve));
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const index = waiting.findIndex((w) => w.uri === params.uri && w.version === params.version);
    if (index >= 0) waiting.splice(index, 1)[0].resolve(params);
  });
  connection.onRequest('workspace/configuration', (params) => {
    configurationAnswered();
    return params.items.map((item) => (item.section === 'carnk' ? settings : null));
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const initializeResult = await withTimeout(
    connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      initializationOptions: { settings },
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
    }),
    'initialize',
  );
  const initializeMs = performance.now() - started;
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    initializeMs,
    capabilities: initializeResult?.capabilities ?? {},
    /** Resolves when the server has pulled settings (or after `waitMs` if it never does). */
    settled: (waitMs) => Promise.race([configured, new Promise((resolve) => setTimeout(resolve, waitMs))]),
    /** Resolves with the next diagnostics published for `uri` at `version`. */
    diagnosticsFor: (uri, version) => withTimeout(new Promise((resolve) => waiting.push({ uri, version, resolve })), `diagnostics v${version}`),
    /** Peak resident set size of the server process in KiB (Linux /proc), or undefined. */
    peakRssKiB: () => {
      try {
        const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return match ? Number(match[1]) : undefined;
      } catch {
        return undefined;
      }
    },
    async stop() {
      try {
        await withTimeout(connection.sendRequest('shutdown'), 'shutdown');
        await connection.sendNotification('exit');
      } catch {
        // fall through to kill below
      }
      await new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill(), 2000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      connection.dispose();
    },
  };
}

/** LSP position (UTF-16) of every offset in `offsets`, computed on `text` with \n, \r\n or \r breaks. */
export function positionsOf(text, offsets) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) lineStarts.push(i + 1);
  }
  return offsets.map((offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - lineStarts[low] };
  });
}

/** Times `count` sequential requests, each at the next of `positions` (cycling), after `warmups`. */
export async function timeRequests(connection, method, uri, positions, count, warmups) {
  const samples = [];
  for (let i = -warmups; i < count; i++) {
    const position = positions[((i % positions.length) + positions.length) % positions.length];
    const started = performance.now();
    await withTimeout(connection.sendRequest(method, { textDocument: { uri }, position }), method);
    if (i >= 0) samples.push(performance.now() - started);
  }
  return samples;
}
