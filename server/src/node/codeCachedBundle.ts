/**
 * Runs a bundle of ours (dist/cliBundle.js, dist/serverBundle.js) through a V8 code cache,
 * because Node 20 has no compile cache of its own and compiling 2 MB of bundle is a good part of
 * every start. Used by the two small entries, dist/cli.js (cli/cachedEntry.ts) and dist/server.js
 * (node/cachedEntry.ts). The cache is keyed to the Node version, the architecture and the bundle's
 * content hash (written into the entry by scripts/build.mjs) and kept in the user's cache folder.
 * Whenever the cache is missing, rejected by V8, unreadable or unwritable, the bundle simply runs
 * without it.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** Which bundle to run, and how its cache is named. */
export interface CachedBundle {
  /** The bundle's path; its folder is the `__dirname` it sees. */
  readonly filename: string;
  /** The cache file's name prefix, one per bundle (`cli`, `server`): caches of the same prefix and another key are removed. */
  readonly cachePrefix: string;
  /** The bundle's content hash, or undefined (a watch build, not ASCII) when no cache may be used. */
  readonly bundleHash: string | undefined;
  /** The module the bundle's `require` is relative to (the entry's own). */
  readonly parent: NodeJS.Module;
  /** The entry's `require`, handed to the bundle (it only requires Node built-ins). */
  readonly require: NodeJS.Require;
  /**
   * Whether this run compiles what the runs that matter need (`carnk lint`, a server): its cache
   * then replaces one another kind of run wrote. V8 caches only the functions compiled before
   * the cache is made, and a cache from `carnk --help` left a lint compiling most of its code
   * (a 41 KB article took ~9 % longer, paired medians).
   */
  readonly representative: boolean;
}

/**
 * Set on the process by a bundle that changes V8's flags after start-up (cli/v8Tuning.ts, for a
 * large input). V8 stamps a code cache with the flags current when it is made, and setting a flag
 * back does not restore the stamp: a cache made then would be rejected by every ordinary run
 * after it, so none is written. A registered symbol, as the entry and the bundle are separate
 * bundles that share only the process.
 */
export const FLAGS_CHANGED_KEY = Symbol.for('carnk.v8FlagsChanged');

/** Whether this run changed V8's flags after start-up (see {@link FLAGS_CHANGED_KEY}). */
function flagsChanged(): boolean {
  return (process as unknown as Record<symbol, unknown>)[FLAGS_CHANGED_KEY] === true;
}

/** A cache file is this byte, 1 when a representative run wrote it, then V8's data. */
const REPRESENTATIVE_MARK = 1;

/** A cache file's V8 data, and whether a representative run wrote it. */
interface CacheFile {
  readonly data: Buffer;
  readonly representative: boolean;
}

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

function readCache(file: string | undefined): CacheFile | undefined {
  if (!file) return undefined;
  try {
    const bytes = readFileSync(file);
    // A short or foreign file passes on to V8, which rejects it, and the run replaces it.
    return { data: bytes.subarray(1), representative: bytes[0] === REPRESENTATIVE_MARK };
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache through a temporary name, so that a concurrent run never reads half a file,
 * and removes the same bundle's caches for other versions (each is about a megabyte).
 */
function writeCache(folder: string, name: string, prefix: string, script: Script, representative: boolean): void {
  if (flagsChanged()) return;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const file = join(folder, name);
    const partial = `${file}.${process.pid}`;
    const descriptor = openSync(partial, 'w', 0o600);
    try {
      writeSync(descriptor, Uint8Array.of(representative ? REPRESENTATIVE_MARK : 0));
      writeSync(descriptor, script.createCachedData());
    } finally {
      closeSync(descriptor);
    }
    renameSync(partial, file);
    for (const other of readdirSync(folder)) {
      if (other !== name && other.startsWith(`${prefix}-`) && other.endsWith('.v8cache')) rmSync(join(folder, other), { force: true });
    }
  } catch {
    // an unwritable cache folder only costs the next run its head start
  }
}

/**
 * Compiles and runs the bundle as a CommonJS module, with the code cache when there is a good one.
 * A run that had none, or had it rejected, or a representative run that had one another kind of
 * run wrote, writes one at exit, when the functions this run needed have been compiled and can be
 * cached too.
 */
export function runCachedBundle(bundle: CachedBundle): void {
  const { filename, cachePrefix, bundleHash } = bundle;
  const dirname = join(filename, '..');
  // The bundle's shebang line becomes a comment: line numbers in stack traces stay right. The
  // build writes the bundles in ASCII (scripts/build.mjs), and Node decodes ASCII as Latin-1 many
  // times faster than as UTF-8 (about 0.2 against 15 ms for 2 MB); a watch build is not made
  // ASCII, and has no hash.
  const source = readFileSync(filename, bundleHash ? 'latin1' : 'utf8').replace(/^#!/, '//');
  const folder = bundleHash ? cacheFolder() : undefined;
  const name = `${cachePrefix}-${process.version}-${process.arch}-${bundleHash}.v8cache`;
  const cached = readCache(folder && join(folder, name));
  const script = new Script(Module.wrap(source), { filename, cachedData: cached?.data });
  const { representative } = bundle;
  if (folder && (cached === undefined || script.cachedDataRejected || (representative && !cached.representative))) {
    process.once('exit', () => writeCache(folder, name, cachePrefix, script, representative));
  }
  const module = new Module(filename, bundle.parent);
  module.filename = filename;
  const compiled = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  compiled.call(module.exports, module.exports, bundle.require, module, filename, dirname);
}
