import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';

// The VSIX as the Marketplace and Open VSX receive it, through the pinned @vscode/vsce devDependency.
const root = join(__dirname, '..', '..');
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

/** Runs vsce without a terminal (so it does not ask the registry for its latest version) and without GitHub Actions' log format. */
function runVsce(args: string[]) {
  const env = { ...process.env };
  delete env.GITHUB_ACTIONS;
  // Empty standard input: a question vsce would ask (missing LICENSE or repository) is answered "no".
  return spawnSync(process.execPath, [vsce, ...args], { cwd: root, env: { ...env, NO_COLOR: '1' }, input: '', encoding: 'utf8', timeout: 120_000 });
}

describe('VSIX', () => {
  test('vsce ls lists only the runtime bundles, grammar, snippets, schema, icon, README, LICENSE and CHANGELOG', () => {
    const run = runVsce(['ls']);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stdout.trim().split('\n').sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'data/schema/glossary.schema.json',
      'dist/browserExtension.js',
      'dist/browserServer.js',
      'dist/extension.js',
      'dist/server.js',
      'dist/serverBundle.js',
      'images/icon.png',
      'package.json',
      'snippets/carnk.code-snippets',
      'syntaxes/carnk.injection.tmLanguage.json',
    ]);
  });

  test('the manifest carries what the Marketplace and Open VSX show', () => {
    for (const field of ['publisher', 'displayName', 'description', 'license', 'icon', 'categories', 'keywords', 'galleryBanner', 'repository']) {
      assert.ok(manifest[field], `package.json has ${field}`);
    }
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /^MIT License/);
    assert.match(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), /## 0\.1\.0 \(unreleased\)/);
    assert.ok((manifest.keywords as string[]).length <= 30, 'the Marketplace takes at most 30 keywords');
  });

  test('vsce package warns about nothing', () => {
    const out = mkdtempSync(join(tmpdir(), 'carnk-vsix-'));
    try {
      const vsix = join(out, 'carnk-terminology.vsix');
      // --no-rewrite-relative-links: with the placeholder repository URL vsce cannot turn the README's
      // relative links into absolute ones, which is the one thing the placeholder costs.
      const run = runVsce(['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix]);
      assert.equal(run.status, 0, run.stderr + run.stdout);
      assert.ok(existsSync(vsix));
      const output = run.stdout + run.stderr;
      assert.doesNotMatch(output, /WARNING|::warning|ERROR/i, output);
      assert.match(output, /Packaged: .*\(15 files/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
