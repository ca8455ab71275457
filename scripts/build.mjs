#!/usr/bin/env node
// One build script: compiles the knowledge base, then bundles client, server and CLI with esbuild,
// and the web client and worker server for VS Code for the Web.
// Usage: node scripts/build.mjs [--watch] [--minify]
import { build, context } from 'esbuild';
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
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  { ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browserExtension.js', format: 'cjs', external: ['vscode'] },
  { ...browser, entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browserServer.js', format: 'iife' },
];

if (watch) {
  for (const bundle of bundles) await (await context({ ...common, ...bundle })).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(bundles.map((bundle) => build({ ...common, ...bundle })));
  for (const file of ['dist/server.js', 'dist/cli.js']) chmodSync(join(root, file), 0o755);
}
