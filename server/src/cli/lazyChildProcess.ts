/**
 * `node:child_process` for commander inside the CLI bundle (scripts/build.mjs points commander's
 * import here): commander only spawns for executable subcommands, which `carnk` has none of,
 * yet loading the module costs every run several milliseconds. It is loaded on first use.
 */
import type * as ChildProcess from 'node:child_process';

/** `child_process.spawn`, loading the module when first called. */
export function spawn(...args: Parameters<typeof ChildProcess.spawn>): ReturnType<typeof ChildProcess.spawn> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:child_process') as typeof ChildProcess).spawn(...args);
}
