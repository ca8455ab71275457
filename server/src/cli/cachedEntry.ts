#!/usr/bin/env node
/**
 * `carnk`'s entry (dist/cli.js): runs the CLI bundle (dist/cliBundle.js) through a V8 code cache
 * (node/codeCachedBundle.ts), keyed to the bundle's content hash that scripts/build.mjs writes in here.
 */
import { join } from 'node:path';
import { runCachedBundle } from '../node/codeCachedBundle';
import { tuneV8ForOneLint } from './v8Tuning';

declare const __CARNK_CLI_BUNDLE_HASH__: string | undefined;
declare const __CARNK_VERSION__: string;

/**
 * Whether the run lints (`carnk lint …`, not its help): the run whose start-up matters, and the
 * one whose code cache serves the others (`terms` and `export` use a small part of the code).
 */
function isLintRun(args: readonly string[]): boolean {
  return args[0] === 'lint' && !args.some((arg) => arg === '-h' || arg === '--help');
}

function main(): void {
  // `carnk --version` alone needs nothing of the bundle: answered as commander would answer it
  // (cli/main.ts), without reading, compiling or running 2 MB of code.
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
    process.stdout.write(`${typeof __CARNK_VERSION__ === 'string' ? __CARNK_VERSION__ : '0.0.0-dev'}\n`);
    return;
  }
  // The same tuning flags the CLI bundle sets (cli/main.ts), set before compiling: V8 rejects a
  // code cache made under other flags, and the cache is written after the bundle has set them.
  tuneV8ForOneLint();
  runCachedBundle({
    filename: join(__dirname, 'cliBundle.js'),
    cachePrefix: 'cli',
    bundleHash: typeof __CARNK_CLI_BUNDLE_HASH__ === 'string' ? __CARNK_CLI_BUNDLE_HASH__ : undefined,
    parent: module,
    require,
    representative: isLintRun(args),
  });
}

main();
