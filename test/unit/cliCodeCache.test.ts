import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { agedOnlyCache } from '../helpers/codeCache';

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

describe('carnk code cache', () => {
  test('the first run writes the cache, the second uses it without rewriting it, and both print what the bundle prints', () => {
    const home = mkdtempSync(join(tmpdir(), 'carnk-cache-'));
    const expected = uncached(LINT);
    assert.deepEqual(carnk(home, LINT), expected);
    assert.equal(readdirSync(join(home, 'carnk')).length, 1);
    const cache = agedOnlyCache(home, 'cli');
    assert.deepEqual(carnk(home, LINT), expected);
    cache.assertAccepted();
  });

  test('a large input, which tunes V8 after start-up, neither writes nor spoils the cache', () => {
    const home = mkdtempSync(join(tmpdir(), 'carnk-cache-'));
    // Over 512 KB: the run optimises for size, and a cache made under that flag would be rejected by every ordinary run.
    const large = join(mkdtempSync(join(tmpdir(), 'carnk-large-')), 'large.md');
    writeFileSync(large, readFileSync(EXAMPLE, 'utf8').repeat(Math.ceil(600_000 / statSync(EXAMPLE).size)));
    carnk(home, ['lint', '--format', 'json', large]);
    assert.deepEqual(readdirSync(home).filter((name) => name === 'carnk').flatMap(() => readdirSync(join(home, 'carnk'))), []);
    const expected = uncached(LINT);
    assert.deepEqual(carnk(home, LINT), expected);
    const cache = agedOnlyCache(home, 'cli');
    carnk(home, ['lint', '--format', 'json', large]);
    assert.deepEqual(carnk(home, LINT), expected);
    cache.assertAccepted();
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

  test('a cache another command wrote is replaced by the first lint, which later runs of any command keep', () => {
    const home = mkdtempSync(join(tmpdir(), 'carnk-cache-'));
    const TERMS = ['terms', 'NK'];
    assert.deepEqual(carnk(home, TERMS), uncached(TERMS));
    const fromTerms = agedOnlyCache(home, 'cli');
    assert.deepEqual(carnk(home, ['lint', '--help']), uncached(['lint', '--help']));
    fromTerms.assertAccepted();
    assert.deepEqual(carnk(home, LINT), uncached(LINT));
    assert.notEqual(statSync(fromTerms.file).mtimeMs, new Date('2001-01-01T00:00:00Z').getTime(), 'the lint replaced the cache');
    const fromLint = agedOnlyCache(home, 'cli');
    assert.ok(statSync(fromLint.file).size > readFileSync(fromTerms.file).length / 2);
    assert.deepEqual(carnk(home, LINT), uncached(LINT));
    assert.deepEqual(carnk(home, TERMS), uncached(TERMS));
    fromLint.assertAccepted();
  });

  test('an empty or truncated cache file is rejected silently and replaced', () => {
    const home = mkdtempSync(join(tmpdir(), 'carnk-cache-'));
    carnk(home, LINT);
    const [name] = readdirSync(join(home, 'carnk'));
    const file = join(home, 'carnk', name!);
    const whole = readFileSync(file);
    for (const broken of [Buffer.alloc(0), whole.subarray(0, 1), whole.subarray(0, whole.length >> 1)]) {
      writeFileSync(file, broken);
      assert.deepEqual(carnk(home, LINT), uncached(LINT));
      const rewritten = readFileSync(file);
      assert.ok(rewritten.length > whole.length / 2 && rewritten[0] === whole[0], 'a whole cache again');
    }
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
