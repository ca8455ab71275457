import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

// The npm package as a user gets it: packed from the built bundles, then run with npx on a machine
// that has only Node, an empty npm cache and no registry, so that nothing can be fetched.
const root = join(__dirname, '..', '..');
const EXAMPLE = join(root, 'examples', 'car-nk-review.md');

let scratch: string;
let tarball: string;
let offlineEnv: NodeJS.ProcessEnv;

/** npx from the tarball only: empty cache, `--offline`, and a registry where nothing listens. */
function npxArgs(command: string, args: string[]): string[] {
  return ['--yes', '--offline', `--package=${tarball}`, command, ...args];
}

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'carnk-pack-'));
  // --ignore-scripts: `npm test` has just built dist/; the package is what is there.
  const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  tarball = join(scratch, pack.stdout.trim().split('\n').pop()!);
  mkdirSync(join(scratch, 'cache'));
  mkdirSync(join(scratch, 'work'));
  offlineEnv = { ...process.env, npm_config_cache: join(scratch, 'cache'), npm_config_registry: 'http://127.0.0.1:9/', npm_config_update_notifier: 'false', NO_COLOR: '1' };
});

after(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm package', () => {
  test('holds only the two command bundles, their entries, the manifest, README, LICENSE and CHANGELOG', () => {
    const listing = spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' });
    assert.equal(listing.status, 0, listing.stderr);
    const files = listing.stdout.trim().split('\n').sort();
    assert.deepEqual(files, ['package/CHANGELOG.md', 'package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/dist/cliBundle.js', 'package/dist/server.js', 'package/dist/serverBundle.js', 'package/package.json']);
  });

  test('npx --package=<tarball> carnk lint prints diagnostics JSON without fetching anything', () => {
    const run = spawnSync('npx', npxArgs('carnk', ['lint', EXAMPLE, '--format', 'json']), { cwd: join(scratch, 'work'), env: offlineEnv, encoding: 'utf8', timeout: 120_000 });
    // Warnings alone exit 0; `prepare` (node scripts/build.mjs) would fail here, so it did not run.
    assert.equal(run.status, 0, run.stderr);
    const results = JSON.parse(run.stdout) as { file: string; diagnostics: { code: string; severity: string }[] }[];
    assert.equal(results.length, 1);
    assert.equal(results[0]!.file, EXAMPLE);
    assert.ok(results[0]!.diagnostics.some((d) => d.code === 'undefined-abbreviation' && d.severity === 'warning'), 'the example manuscript has undefined abbreviations');
  });

  test('npx --package=<tarball> carnk-language-server --stdio answers initialize', async () => {
    const child = spawn('npx', npxArgs('carnk-language-server', ['--stdio']), { cwd: join(scratch, 'work'), env: offlineEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as { capabilities: { hoverProvider?: unknown } };
      assert.ok(result.capabilities.hoverProvider, 'the server advertises hover');
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
