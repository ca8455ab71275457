import assert from 'node:assert/strict';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

/** The name a code cache of `prefix` (`cli`, `server`) has for this Node and architecture. */
export function cacheNamePattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}-${process.version.replace(/\./g, '\\.')}-${process.arch}-[0-9a-f]{16}\\.v8cache$`);
}

/**
 * Asserts that `cacheHome`/carnk holds exactly one cache of `prefix`, of a compiled bundle's size,
 * and dates it back: an old modification time survives only if the next run accepts the cache (a
 * rejected one is rewritten). Returns its path and a check of that.
 */
export function agedOnlyCache(cacheHome: string, prefix: string): { file: string; assertAccepted(): void } {
  const files = readdirSync(join(cacheHome, 'carnk')).filter((name) => name.startsWith(`${prefix}-`));
  assert.equal(files.length, 1);
  assert.match(files[0]!, cacheNamePattern(prefix));
  const file = join(cacheHome, 'carnk', files[0]!);
  assert.ok(statSync(file).size > 100_000, 'the cache holds the compiled bundle');
  const old = new Date('2001-01-01T00:00:00Z');
  utimesSync(file, old, old);
  return { file, assertAccepted: () => assert.equal(statSync(file).mtimeMs, old.getTime(), 'the next run accepted the cache') };
}
