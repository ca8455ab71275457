#!/usr/bin/env node
/**
 * `carnk-language-server`'s entry (dist/server.js): runs the server bundle (dist/serverBundle.js,
 * from node/main.ts) through a V8 code cache (node/codeCachedBundle.ts), keyed to the bundle's
 * content hash that scripts/build.mjs writes in here, so that answering `initialize` does not
 * wait for 2 MB of code to compile.
 */
import { join } from 'node:path';
import { runCachedBundle } from './codeCachedBundle';

declare const __CARNK_SERVER_BUNDLE_HASH__: string | undefined;
declare const __CARNK_VERSION__: string;

// `--version` needs nothing of the bundle (answered as node/main.ts answers it), and a run that
// compiled only the bundle's top level would write a cache poor in compiled functions.
if (process.argv.includes('--version')) {
  process.stdout.write(`${typeof __CARNK_VERSION__ === 'string' ? __CARNK_VERSION__ : '0.0.0-dev'}\n`);
} else {
  runCachedBundle({
    filename: join(__dirname, 'serverBundle.js'),
    cachePrefix: 'server',
    bundleHash: typeof __CARNK_SERVER_BUNDLE_HASH__ === 'string' ? __CARNK_SERVER_BUNDLE_HASH__ : undefined,
    parent: module,
    require,
    representative: true,
  });
}
