import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

// dist/cli.js runs the CLI bundle through a V8 code cache in $XDG_CACHE_HOME/carnk
// (server/src/cli/cachedEntry.ts). The cache must never change what the CLI prints.
const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const EXAMPLE = join(root, 'examples', 'car-nk-review.md');

function carnk(cacheHome: string, args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What the bundle prints without the entry and its cache. */
function uncached(args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'dist', 'cliBundle.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const LINT = ['lint', '--format', 'json', EXAMPLE];
const CACHE_NAME = new RegExp(`^cli-${process.version.replace(/\./g, '\\.')}-${process.arch}-[0-9a-f]{16}\\.v8cache$`);

describe('carnk code cache', () => {
  test('the first run writes the cache, the second uses it without rewriting it, and both print what the bundle prints', () => {
    const home = mkdtempSync(join(tmpdir(), 'carnk-cache-'));
    const expected = uncached(LINT);
    assert.deepEqual(carnk(home, LINT), expected);
    const files = readdirSync(join(home, 'carnk'));
    assert.equal(files.length, 1);
    assert.match(files[0]!, CACHE_NAME);
    const file = join(home, 'carnk', files[0]!);
    assert.ok(statSync(file).size > 100_000, 'the cache holds the compiled bundle');
    // An old modification time survives only if the second run accepted the cache (a rejected one is rewritten).
    const old = new Date('2001-01-01T00:00:00Z');
    utimesSync(file, old, old);
    assert.deepEqual(carnk(home, LINT), expected);
    assert.equal(statSync(file).mtimeMs, old.getTime());
  });

  test('a corrupt cache is rejected silently and replaced; caches of other versions are removed', () => {
    const home = mkdtempSync(join(tmpdir(), 'carnk-cache-'));
    carnk(home, LINT);
    const [name] = readdirSync(join(home, 'carnk'));
    writeFileSync(join(home, 'carnk', name!), 'not a code cache');
    writeFileSync(join(home, 'carnk', 'cli-v0.0.0-x64-0000000000000000.v8cache'), 'stale');
    const run = carnk(home, LINT);
    assert.deepEqual(run, uncached(LINT));
    assert.deepEqual(readdirSync(join(home, 'carnk')), [name]);
    assert.notEqual(readFileSync(join(home, 'carnk', name!), 'utf8').slice(0, 16), 'not a code cache');
  });

  test('--version alone is answered without the bundle: the same output, and no cache written', () => {
    const home = mkdtempSync(join(tmpdir(), 'carnk-cache-'));
    for (const flag of ['--version', '-v']) {
      assert.deepEqual(carnk(home, [flag]), uncached([flag]));
      assert.match(carnk(home, [flag]).stdout, /^\d+\.\d+\.\d+\S*\n$/);
    }
    assert.deepEqual(readdirSync(home), []);
    // With anything else the bundle answers, as before.
    assert.deepEqual(carnk(home, ['--version', '--help']), uncached(['--version', '--help']));
  });

  test('an unwritable cache folder changes nothing', () => {
    const home = mkdtempSync(join(tmpdir(), 'carnk-cache-'));
    // A file where the folder should be: creating the folder fails, whoever runs the test.
    writeFileSync(join(home, 'carnk'), '');
    assert.deepEqual(carnk(home, LINT), uncached(LINT));
    assert.deepEqual(carnk(home, ['--version']), uncached(['--version']));
  });
});
