/**
 * `node:crypto` for vscode-jsonrpc inside the server bundle (scripts/build.mjs points its import
 * here): it draws random bytes only to name a pipe for the pipe transport, which a server started
 * over stdio or IPC never opens, yet loading the module costs every start several milliseconds.
 * It is loaded on first use.
 */
import type * as Crypto from 'node:crypto';

/** `crypto.randomBytes` (the synchronous form vscode-jsonrpc calls), loading the module when first called. */
export function randomBytes(size: number): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:crypto') as typeof Crypto).randomBytes(size);
}
