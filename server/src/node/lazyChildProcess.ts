/**
 * `node:child_process` for the dependencies that import it inside the CLI and server bundles
 * (scripts/build.mjs points their imports here): commander spawns only for executable
 * subcommands, which `carnk` has none of, and vscode-languageserver only to find global npm or
 * yarn folders, which this server never asks for; yet loading the module costs every start
 * several milliseconds. It is loaded on first use.
 */
import type * as ChildProcess from 'node:child_process';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const childProcess = (): typeof ChildProcess => require('node:child_process') as typeof ChildProcess;

/** `child_process.spawn`, loading the module when first called. */
export function spawn(...args: Parameters<typeof ChildProcess.spawn>): ReturnType<typeof ChildProcess.spawn> {
  return childProcess().spawn(...args);
}

/** `child_process.spawnSync`, loading the module when first called. */
export function spawnSync(...args: Parameters<typeof ChildProcess.spawnSync>): ReturnType<typeof ChildProcess.spawnSync> {
  return childProcess().spawnSync(...args);
}

/** `child_process.fork`, loading the module when first called. */
export function fork(...args: Parameters<typeof ChildProcess.fork>): ReturnType<typeof ChildProcess.fork> {
  return childProcess().fork(...args);
}
