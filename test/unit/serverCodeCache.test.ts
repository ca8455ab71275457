import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { agedOnlyCache } from '../helpers/codeCache';
import { startTestServer } from '../helpers/lspClient';

// dist/server.js runs the server bundle (dist/serverBundle.js) through a V8 code cache in
// $XDG_CACHE_HOME/carnk (server/src/node/cachedEntry.ts), as dist/cli.js does for the CLI.
const root = join(__dirname, '..', '..');
const EXAMPLE = join(root, 'examples', 'car-nk-review.md');

/** One session: open the example, wait for its diagnostics, hover its first abbreviation, shut down. */
async function session(cacheHome: string) {
  const server = await startTestServer({}, { ...process.env, XDG_CACHE_HOME: cacheHome });
  try {
    const uri = pathToFileURL(EXAMPLE).href;
    const text = readFileSync(EXAMPLE, 'utf8');
    const diagnostics = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const published = await diagnostics;
    const line = text.split('\n').findIndex((l) => /\bNK\b/.test(l));
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: text.split('\n')[line]!.search(/\bNK\b/) } });
    return { diagnostics: published.diagnostics, hover };
  } finally {
    await server.stop();
  }
}

describe('language server code cache', () => {
  test('the first session writes the cache, the second uses it without rewriting it, and both answer alike', async () => {
    const home = mkdtempSync(join(tmpdir(), 'carnk-cache-'));
    // A CLI cache in the same folder is the CLI's: the server leaves it alone.
    const cliCache = join(home, 'carnk', 'cli-v0.0.0-x64-0000000000000000.v8cache');
    const first = await session(home);
    writeFileSync(cliCache, 'the CLI cache');
    assert.ok(first.diagnostics.length > 0, 'the example has problems');
    assert.ok(first.hover, 'NK has a hover');
    const cache = agedOnlyCache(home, 'server');
    assert.deepEqual(await session(home), first);
    cache.assertAccepted();
    assert.equal(readFileSync(cliCache, 'utf8'), 'the CLI cache');
  });

  test('a corrupt cache is rejected silently and replaced', async () => {
    const home = mkdtempSync(join(tmpdir(), 'carnk-cache-'));
    const first = await session(home);
    const [name] = readdirSync(join(home, 'carnk'));
    writeFileSync(join(home, 'carnk', name!), 'not a code cache');
    assert.deepEqual(await session(home), first);
    assert.notEqual(readFileSync(join(home, 'carnk', name!), 'utf8').slice(0, 16), 'not a code cache');
  });

  test('--version is answered without the bundle, as the bundle answers it, and writes no cache', () => {
    const home = mkdtempSync(join(tmpdir(), 'carnk-cache-'));
    const run = (file: string) => spawnSync(process.execPath, [join(root, 'dist', file), '--version'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: home } });
    const entry = run('server.js');
    assert.equal(entry.status, 0);
    assert.match(entry.stdout, /^\d+\.\d+\.\d+\S*\n$/);
    assert.equal(entry.stdout, run('serverBundle.js').stdout);
    assert.deepEqual(readdirSync(home), []);
  });
});
