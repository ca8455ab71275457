#!/usr/bin/env node
// One build script: compiles the knowledge base, then bundles client, server and CLI with esbuild,
// and the web client and worker server for VS Code for the Web.
// Usage: node scripts/build.mjs [--watch] [--minify]
import { build, context } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
// The built-in knowledge base ready to revive, and the gene symbols grouped for look-up
// (scripts/prebuild-knowledge.ts, bundled and run here: it runs the service's own code).
if (existsSync(join(root, 'out', 'generated', 'knowledge.json'))) {
  const script = join(root, 'out', 'prebuild-knowledge.cjs');
  await build({ entryPoints: [join(root, 'scripts', 'prebuild-knowledge.ts')], outfile: script, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', absWorkingDir: root });
  createRequire(import.meta.url)(script).writeBuiltinData(root);
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

/**
 * Gives the dependencies that import `node:child_process` (commander, vscode-languageserver) and
 * `node:crypto` (vscode-jsonrpc) modules that load them on first use (server/src/node/lazyChildProcess.ts,
 * lazyCrypto.ts): neither is used by a CLI run or a server over stdio, and loading both cost
 * every start about 10 ms. fdir (under tinyglobby) gets a `node:module` whose `require` finds
 * nothing (server/src/node/fdirModule.ts), so it does not load picomatch from node_modules at start.
 */
const lazyNodeModules = {
  name: 'lazy-node-modules',
  setup(pluginBuild) {
    const lazy = { child_process: 'lazyChildProcess.ts', crypto: 'lazyCrypto.ts' };
    pluginBuild.onResolve({ filter: /^(node:)?(child_process|crypto)$/ }, (args) =>
      /[\\/]node_modules[\\/](commander|vscode-languageserver|vscode-jsonrpc)[\\/]/.test(args.importer)
        ? { path: join(root, 'server', 'src', 'node', lazy[args.path.replace(/^node:/, '')]) }
        : undefined,
    );
    // fdir's `node:module` is only for a look-up of picomatch it never uses here (node/fdirModule.ts).
    pluginBuild.onResolve({ filter: /^(node:)?module$/ }, (args) =>
      /[\\/]node_modules[\\/]fdir[\\/]/.test(args.importer) ? { path: join(root, 'server', 'src', 'node', 'fdirModule.ts') } : undefined,
    );
  },
};

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The server bundle; dist/server.js, built below, runs it through a V8 code cache (node/cachedEntry.ts).
  { entryPoints: ['server/src/node/main.ts'], outfile: 'dist/serverBundle.js', plugins: [lazyNodeModules] },
  // The CLI bundle; dist/cli.js, built below, runs it through a V8 code cache (cli/cachedEntry.ts).
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cliBundle.js', plugins: [lazyNodeModules] },
  { ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browserExtension.js', format: 'cjs', external: ['vscode'] },
  { ...browser, entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browserServer.js', format: 'iife' },
];

/**
 * The two small entries, `carnk` (dist/cli.js) and `carnk-language-server` (dist/server.js), each
 * knowing its bundle's content hash so that a code cache is never used for another bundle. A watch
 * build leaves the hashes out, and the entries then use no cache.
 */
function cachedEntries(hashes) {
  const entry = (entryPoint, outfile, hashName, hash) => ({
    ...common,
    entryPoints: [entryPoint],
    outfile,
    banner: {},
    define: { [hashName]: JSON.stringify(hash), __CARNK_VERSION__: JSON.stringify(version) },
  });
  return [
    entry('server/src/cli/cachedEntry.ts', 'dist/cli.js', '__CARNK_CLI_BUNDLE_HASH__', hashes?.cli),
    entry('server/src/node/cachedEntry.ts', 'dist/server.js', '__CARNK_SERVER_BUNDLE_HASH__', hashes?.server),
  ];
}

/**
 * Rewrites a Node bundle in ASCII: esbuild escapes strings but leaves other characters in
 * regular expressions and comments, and one such character makes Node decode the whole file
 * into two-byte characters (about 15 ms for 2 MB, on every start). Each UTF-16 unit becomes
 * `\uXXXX`, which means the same character in a string, a template, a regular expression
 * (with or without the u flag) and an identifier, and nothing in a comment; only in a raw
 * template (`String.raw`) would it not, and the build stops if one holds such a character. The
 * entries (dist/cli.js, dist/server.js) read their bundles as Latin-1.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  for (const [raw] of text.matchAll(/String\.raw`(?:[^`\\]|\\.)*`/gs)) {
    if (/[^\x00-\x7f]/.test(raw)) throw new Error(`${file}: a String.raw template holds a non-ASCII character, which escaping would change: ${raw.slice(0, 60)}`);
  }
  writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

if (watch) {
  for (const bundle of [...bundles, ...cachedEntries(undefined)]) await (await context({ ...common, ...bundle })).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(bundles.map((bundle) => build({ ...common, ...bundle })));
  for (const file of ['dist/cliBundle.js', 'dist/serverBundle.js']) asciiOnly(join(root, file));
  const hashOf = (file) => createHash('sha256').update(readFileSync(join(root, 'dist', file))).digest('hex').slice(0, 16);
  await Promise.all(cachedEntries({ cli: hashOf('cliBundle.js'), server: hashOf('serverBundle.js') }).map((entry) => build(entry)));
  for (const file of ['dist/server.js', 'dist/cli.js']) chmodSync(join(root, file), 0o755);
}
