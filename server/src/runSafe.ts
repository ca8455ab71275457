import type { Connection } from 'vscode-languageserver';

/**
 * Runs a request handler so that a failure is logged and answered with `fallback`
 * instead of an error, keeping the server alive for the next request.
 */
export function runSafe<T>(connection: Connection, name: string, fallback: T, handler: () => T): T {
  try {
    return handler();
  } catch (error) {
    connection.console.error(`carnk: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}
