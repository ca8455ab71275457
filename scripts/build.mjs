#!/usr/bin/env node
// One build script: compiles the knowledge base, then bundles client, server and CLI with esbuild,
// and the web client and worker server for VS Code for the Web.
// Usage: node scripts/build.mjs [--watch] [--minify]
import { build, context } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

const knowledgeBuilder = join(root, 'scripts', 'build-knowledge.mjs');
if (existsSync(knowledgeBuilder) && !process.env.CARNK_SKIP_KNOWLEDGE) {
  const { buildKnowledge } = await import(pathToFileURL(knowledgeBuilder).href);
  await buildKnowledge({ root });
}
// The TextMate injection grammar is generated from the compiled knowledge base (scripts/build-grammar.mjs).
if (existsSync(join(root, 'out', 'generated', 'knowledge.json'))) (await import(pathToFileURL(join(root, 'scripts', 'build-grammar.mjs')).href)).buildGrammar({ root });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  minify,
  logLevel: 'warning',
  absWorkingDir: root,
  // Prefer ES module builds: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
  // Some dependencies ship ESM that reads import.meta.url; give the CommonJS bundles a real one.
  define: { __CARNK_VERSION__: JSON.stringify(version), 'import.meta.url': '__carnkImportMetaUrl' },
  banner: { js: 'const __carnkImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
};

// VS Code for the Web: the client runs in the web extension host (CommonJS, `vscode` external),
// the server in a web worker (one self-contained script, knowledge base included). `node:path`
// becomes path-browserify, Node's POSIX path module ported, as VS Code's own web extensions do.
const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  alias: { 'node:path': 'path-browserify', path: 'path-browserify' },
  define: { __CARNK_VERSION__: JSON.stringify(version) },
  banner: {},
};

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js' },
  // The CLI bundle; dist/cli.js, built below, runs it through a V8 code cache (cli/cachedEntry.ts).
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cliBundle.js' },
  { ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browserExtension.js', format: 'cjs', external: ['vscode'] },
  { ...browser, entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browserServer.js', format: 'iife' },
];

/**
 * The `carnk` entry, which knows the CLI bundle's content hash so that its code cache is never used
 * for another bundle. A watch build leaves the hash out, and the entry then uses no cache.
 */
function cliEntry(bundleHash) {
  return {
    ...common,
    entryPoints: ['server/src/cli/cachedEntry.ts'],
    outfile: 'dist/cli.js',
    banner: {},
    define: { __CARNK_CLI_BUNDLE_HASH__: JSON.stringify(bundleHash) },
  };
}

if (watch) {
  for (const bundle of [...bundles, cliEntry(undefined)]) await (await context({ ...common, ...bundle })).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(bundles.map((bundle) => build({ ...common, ...bundle })));
  const bundleHash = createHash('sha256').update(readFileSync(join(root, 'dist', 'cliBundle.js'))).digest('hex').slice(0, 16);
  await build(cliEntry(bundleHash));
  for (const file of ['dist/server.js', 'dist/cli.js']) chmodSync(join(root, file), 0o755);
}
