#!/usr/bin/env node
/**
 * `carnk`'s entry (dist/cli.js): runs the CLI bundle (dist/cliBundle.js) through a V8 code
 * cache, because Node 20 has no compile cache of its own and compiling the bundle is a good part
 * of every short run. The cache is keyed to the Node version and the bundle's content hash
 * (written in here by scripts/build.mjs) and kept in the user's cache folder. Whenever the cache
 * is missing, rejected by V8, unreadable or unwritable, the bundle simply runs without it.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

declare const __CARNK_CLI_BUNDLE_HASH__: string | undefined;
declare const __CARNK_VERSION__: string;

/** The bundle's content hash, or undefined (a watch build) when no cache may be used. */
const BUNDLE_HASH = typeof __CARNK_CLI_BUNDLE_HASH__ === 'string' ? __CARNK_CLI_BUNDLE_HASH__ : undefined;

/**
 * The per-user cache folder. Never a shared temporary folder: V8 trusts a code cache as compiled
 * code, so a cache another user could plant there would run as this user.
 */
function cacheFolder(): string | undefined {
  const xdg = process.env['XDG_CACHE_HOME'];
  if (xdg && xdg.startsWith('/')) return join(xdg, 'carnk');
  try {
    const home = homedir();
    return home ? join(home, '.cache', 'carnk') : undefined;
  } catch {
    return undefined;
  }
}

function readCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache through a temporary name, so that a concurrent run never reads half a file,
 * and removes the caches of other versions (each is about a megabyte).
 */
function writeCache(folder: string, name: string, script: Script): void {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const file = join(folder, name);
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, file);
    for (const other of readdirSync(folder)) {
      if (other !== name && /^cli-.*\.v8cache$/.test(other)) rmSync(join(folder, other), { force: true });
    }
  } catch {
    // an unwritable cache folder only costs the next run its head start
  }
}

function main(): void {
  // `carnk --version` alone needs nothing of the bundle: answered as commander would answer it
  // (cli/main.ts), without reading, compiling or running 2 MB of code.
  const args = process.argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
    process.stdout.write(`${typeof __CARNK_VERSION__ === 'string' ? __CARNK_VERSION__ : '0.0.0-dev'}\n`);
    return;
  }
  // The same tuning flag the CLI bundle sets (cli/main.ts), set before compiling: V8 rejects a
  // code cache made under other flags, and the cache is written after the bundle has set it.
  if (/^1[12]\./.test(process.versions.v8)) setFlagsFromString('--interrupt-budget=528000');
  const filename = join(__dirname, 'cliBundle.js');
  // The bundle's shebang line becomes a comment: line numbers in stack traces stay right. The
  // build writes the bundle in ASCII (scripts/build.mjs), and Node decodes ASCII as Latin-1 many
  // times faster than as UTF-8 (about 0.2 against 15 ms for 2 MB); a watch build is not made
  // ASCII, and has no hash.
  const source = readFileSync(filename, BUNDLE_HASH ? 'latin1' : 'utf8').replace(/^#!/, '//');
  const folder = BUNDLE_HASH ? cacheFolder() : undefined;
  const name = `cli-${process.version}-${process.arch}-${BUNDLE_HASH}.v8cache`;
  const cachedData = readCache(folder && join(folder, name));
  const script = new Script(Module.wrap(source), { filename, cachedData });
  // Written at exit, when the functions this run needed have been compiled and can be cached too.
  if (folder && (cachedData === undefined || script.cachedDataRejected)) process.once('exit', () => writeCache(folder, name, script));
  const bundle = new Module(filename, module);
  bundle.filename = filename;
  const compiled = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  compiled.call(bundle.exports, bundle.exports, require, bundle, filename, __dirname);
}

main();
