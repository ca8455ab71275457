#!/usr/bin/env node
// `npm run bench`: measures the product against its speed and size targets and prints a
// table of medians and spreads, each next to its target. Also writes
// bench-results/latest.json (git-ignored). Inputs are generated from examples/ into a
// temporary folder that is removed afterwards.
//
// Usage: node bench/run.mjs [--build] [--quick]
//   --build  rebuild dist/ first (otherwise dist/ is built only when missing)
//   --quick  fewer runs, for a smoke test of the benchmark itself
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildManuscript, countWords } from './corpus.mjs';
import { positionsOf, startServer, timeRequests } from './lspSession.mjs';
import { summarise } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
/** Runs per whole-process or whole-document measure; micro-measures take many more. */
const RUNS = quick ? 5 : 9;
const KEYSTROKES = quick ? 20 : 60;
const REQUESTS = quick ? 200 : 1000;

const THESIS_WORDS = 200_000;
const ARTICLE_WORDS = 20_000;

/** Rows of the final table, in the order measured. */
const rows = [];
const notes = [];

/**
 * Records one measure. `target` is compared with the median unless `compare` says `p95`;
 * `unit` is `ms`, `MB`, `ratio` or `KB`.
 */
function record(name, samples, { target, compare = 'median', unit = 'ms', label } = {}) {
  const stats = summarise(samples);
  const value = stats[compare];
  const status = target === undefined || !Number.isFinite(value) ? '' : value <= target ? 'ok' : 'OVER';
  rows.push({ name, label: label ?? name, unit, compare, target, status, ...stats, samples });
}

function note(text) {
  notes.push(text);
  console.error(`  note: ${text}`);
}

function progress(text) {
  console.error(`- ${text}`);
}

function ensureBuilt() {
  const needed = ['dist/server.js', 'dist/cli.js'].map((f) => join(root, f));
  if (process.argv.includes('--build') || needed.some((f) => !existsSync(f))) {
    progress('building dist/ (node scripts/build.mjs)');
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('build failed');
  }
  const ageMinutes = (Date.now() - statSync(join(root, 'dist', 'server.js')).mtimeMs) / 60_000;
  return ageMinutes;
}

/** Bundles a TypeScript entry the way scripts/build.mjs bundles the product (CommonJS, node20). */
async function bundle(entry, outfile) {
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    absWorkingDir: root,
    // As in scripts/build.mjs: ES module builds first (jsonc-parser's UMD build hides its requires).
    mainFields: ['module', 'main'],
    define: { 'import.meta.url': '__carnkImportMetaUrl', __CARNK_VERSION__: '"bench"' },
    banner: { js: 'const __carnkImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
  });
}

function runNode(args, options = {}) {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (result.error) throw result.error;
  return result;
}

async function measureInProcess(work, thesisFile, doubleFile) {
  progress('in-process service measures (bundled with esbuild)');
  const script = join(work, 'inProcess.cjs');
  await bundle('bench/inProcess.ts', script);
  const result = runNode([script, thesisFile, doubleFile, String(RUNS)]);
  if (result.status !== 0) throw new Error(`in-process bench failed:\n${result.stderr}`);
  const { samples, maxRssKiB } = JSON.parse(result.stdout);
  record('lint.thesis', samples['lint.thesis'], { target: 250, label: 'lint 200k-word thesis, in process' });
  record('lint.thesis.cold', samples['lint.thesis.cold'], { label: '  first lint in a fresh process (JIT cold)' });
  const partLabels = {
    'parts.markdownItBlocks': '  markdown-it block parse alone',
    'parts.scanProse': '  scanProse (prose map) alone',
    'parts.detectDefinitions': '  detectDefinitions, per prose block',
    'parts.findMentionTokens': '  findMentionTokens, per prose block',
    'parts.detectDefinitions.wholeText': '  detectDefinitions, whole masked text at once',
    'parts.findTermOccurrences': '  knowledge.findTermOccurrences, per prose block',
    'parts.buildDocumentModel': '  buildDocumentModel (all of the above + scopes, keys)',
    'parts.buildDocumentModel.noKnowledge': '  buildDocumentModel without the knowledge base',
    'parts.rulesOnCachedModel': '  lint on a cached model (rules + ranges)',
  };
  for (const [name, label] of Object.entries(partLabels)) record(name, samples[name], { label });
  if (samples['detect.ab3pDev']) record('detect.ab3pDev', samples['detect.ab3pDev'], { target: 100, label: 'detectDefinitions over the Ab3P dev half (626 records)' });
  else console.log('note: Ab3P corpus not found beside the repository; its detection time is not measured');
  record('linearity.1x', samples['linearity.1x'], { label: 'lint 1x thesis (interleaved with 2x)' });
  record('linearity.2x', samples['linearity.2x'], { label: 'lint 2x thesis' });
  const single = summarise(samples['linearity.1x']).median;
  const twice = summarise(samples['linearity.2x']).median;
  record('linearity.ratio', [twice / single], { target: 2.6, unit: 'ratio', label: 'linearity: time(2x) / time(1x), about 2' });
  record('memory.inProcess', [maxRssKiB / 1024], { unit: 'MB', label: '  peak RSS of the in-process bench (1x and 2x)' });
}

function measureCli(work, thesisFile) {
  progress('CLI as a whole process');
  const cli = join(root, 'dist', 'cli.js');
  const args = [cli, 'lint', '--format', 'json', thesisFile];
  const samples = [];
  let findings;
  for (let run = -1; run < RUNS; run++) {
    const started = performance.now();
    const result = runNode(args);
    const took = performance.now() - started;
    if (result.status !== 0 && result.status !== 1) throw new Error(`carnk lint failed (${result.status}): ${result.stderr}`);
    if (run >= 0) samples.push(took);
    if (findings === undefined) {
      try {
        const parsed = JSON.parse(result.stdout);
        findings = Array.isArray(parsed) ? parsed.reduce((n, file) => n + (file.diagnostics?.length ?? 0), 0) : undefined;
      } catch {
        findings = undefined;
      }
    }
  }
  record('cli.thesis', samples, { target: 600, label: 'carnk lint --format json, 200k words, whole process' });
  if (findings !== undefined) note(`the CLI reported ${findings} diagnostics on the thesis`);

  progress('peak memory of the CLI on the thesis');
  const rssFile = join(work, 'rss.txt');
  const peaks = [];
  for (let run = 0; run < Math.min(RUNS, 5); run++) {
    rmSync(rssFile, { force: true });
    runNode(['--require', join(root, 'bench', 'peakMemory.cjs'), ...args], { env: { ...process.env, CARNK_BENCH_RSS_FILE: rssFile } });
    if (existsSync(rssFile)) peaks.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  if (peaks.length > 0) record('memory.cli', peaks, { target: 150, unit: 'MB', label: 'peak RSS, carnk lint on the thesis' });
  else note('peak memory: no measurement (the CLI exited before the preload could write it)');
}

async function measureKnowledgeLoad(work) {
  const source = 'server/src/service/knowledge/builtin.ts';
  if (!existsSync(join(root, source))) {
    note('knowledge base load: builtin.ts not present, skipped');
    return;
  }
  progress('knowledge base load in fresh processes');
  const library = join(work, 'knowledge.cjs');
  await bundle(source, library);
  // Times evaluating the bundled module (which holds the compiled JSON) plus the first call.
  const probe =
    `const { performance } = require('node:perf_hooks');` +
    `const t0 = performance.now(); const m = require(${JSON.stringify(library)});` +
    `const t1 = performance.now(); const kb = m.loadBuiltinKnowledge(); const t2 = performance.now();` +
    `process.stdout.write(JSON.stringify({ total: t2 - t0, call: t2 - t1, entries: kb.entries?.length }));`;
  const totals = [];
  const calls = [];
  let entries;
  for (let run = 0; run < RUNS; run++) {
    const result = runNode(['-e', probe]);
    if (result.status !== 0) {
      note(`knowledge base load failed: ${result.stderr.split('\n')[0]}`);
      return;
    }
    const measured = JSON.parse(result.stdout);
    totals.push(measured.total);
    calls.push(measured.call);
    entries = measured.entries;
  }
  record('knowledge.load', totals, { target: 20, label: `knowledge base: module load + loadBuiltinKnowledge() (${entries ?? '?'} entries)` });
  record('knowledge.call', calls, { label: '  loadBuiltinKnowledge() call alone' });
}

async function measureServer(articleText) {
  const serverPath = join(root, 'dist', 'server.js');
  const settings = { debounceMs: 0 };

  progress('server start-up to initialize answered');
  const starts = [];
  for (let run = 0; run < RUNS; run++) {
    const session = await startServer(serverPath, settings);
    starts.push(session.initializeMs);
    await session.stop();
  }
  record('server.initialize', starts, { target: 150, label: 'server spawn -> initialize answered' });

  progress('keystrokes, hover and completion on the article over stdio');
  const session = await startServer(serverPath, settings);
  const { connection } = session;
  try {
    await session.settled(1000);
    const uri = 'file:///bench/article.md';
    const opened = session.diagnosticsFor(uri, 1);
    const openStarted = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: articleText } });
    await opened;
    record('server.open', [performance.now() - openStarted], { label: '  didOpen -> diagnostics, 20k-word article (once)' });

    // Type a character at the end of a prose line in the middle of the article, then delete it.
    const lines = articleText.split('\n');
    let line = Math.floor(lines.length / 2);
    while (line < lines.length - 1 && !/^[A-Za-z].{40,}$/.test(lines[line])) line++;
    const end = lines[line].length;
    const samples = [];
    let version = 1;
    for (let i = -5; i < KEYSTROKES; i++) {
      version++;
      const insert = version % 2 === 0;
      const change = insert
        ? { range: { start: { line, character: end }, end: { line, character: end } }, text: 'x' }
        : { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' };
      const published = session.diagnosticsFor(uri, version);
      const started = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await published;
      if (i >= 0) samples.push(performance.now() - started);
    }
    // Leave the text as opened, so hover positions computed on it stay right.
    if (version % 2 === 0) {
      version++;
      const published = session.diagnosticsFor(uri, version);
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' }],
      });
      await published;
    }
    record('server.keystroke', samples, { target: 20, label: 'keystroke: didChange -> diagnostics, 20k words' });
    if (summarise(samples).median > 150) note('keystroke median above 150 ms: is debounceMs 0 honoured (initializationOptions / configuration)?');

    // Hover where words with capitals are (the abbreviation path), spread over the document.
    const tokenOffsets = [];
    for (const match of articleText.matchAll(/\b[A-Za-z]*[A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*/g)) tokenOffsets.push(match.index + 1);
    const stride = Math.max(1, Math.floor(tokenOffsets.length / 400));
    const spread = tokenOffsets.filter((_offset, index) => index % stride === 0);
    const hoverPositions = positionsOf(articleText, spread);
    const hovers = await timeRequests(connection, 'textDocument/hover', uri, hoverPositions, REQUESTS, 50);
    record('server.hover', hovers, { target: 2, compare: 'p95', label: 'hover round trip, p95 (target on p95)' });

    if (session.capabilities.completionProvider) {
      const completionPositions = positionsOf(articleText, spread.map((offset) => offset + 1));
      const completions = await timeRequests(connection, 'textDocument/completion', uri, completionPositions, REQUESTS, 50);
      record('server.completion', completions, { target: 2, compare: 'p95', label: 'completion round trip, p95 (target on p95)' });
    } else {
      note('completion: the server does not offer completionProvider yet, skipped');
    }
    const peak = session.peakRssKiB();
    if (peak !== undefined) record('memory.server', [peak / 1024], { unit: 'MB', label: '  server peak RSS after the session' });
  } finally {
    await session.stop();
  }
}

function measureVsix() {
  const packages = readdirSync(root).filter((name) => name.endsWith('.vsix'));
  if (packages.length === 0) {
    note('VSIX: not built');
    return;
  }
  for (const name of packages) record(`vsix.${name}`, [statSync(join(root, name)).size / 1024], { unit: 'KB', label: `VSIX size: ${name}` });
}

function format(value, unit) {
  if (!Number.isFinite(value)) return '-';
  if (unit === 'ratio') return value.toFixed(2);
  if (unit === 'KB' || unit === 'MB') return `${value.toFixed(value < 10 ? 1 : 0)} ${unit}`;
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function printTable(machine) {
  const header = ['measure', 'median', 'min-max', 'p95', 'n', 'target', ''];
  const body = rows.map((row) => [
    row.label,
    format(row.median, row.unit),
    row.n > 1 ? `${format(row.min, row.unit)}-${format(row.max, row.unit)}` : '',
    row.n >= 20 ? format(row.p95, row.unit) : '',
    String(row.n),
    row.target === undefined ? '' : `${row.compare === 'p95' ? 'p95 ' : ''}< ${row.target}${row.unit === 'ms' ? ' ms' : row.unit === 'ratio' ? '' : ` ${row.unit}`}`,
    row.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\nCAR-NK Terminology benchmark — ${machine.cpuCount} cores (${machine.cpuModel}), node ${machine.node}, ${machine.platform}`);
  console.log(`load average at start: ${machine.loadAverage1m} (at end: ${loadavg()[0].toFixed(2)})`);
  console.log(`inputs: thesis ${machine.inputs.thesisWords} words, article ${machine.inputs.articleWords} words; times in ms unless marked\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) console.log(line(r));
  if (notes.length > 0) console.log(`\n${notes.map((n) => `note: ${n}`).join('\n')}`);
}

async function main() {
  const began = performance.now();
  const distAgeMinutes = ensureBuilt();
  const work = mkdtempSync(join(tmpdir(), 'carnk-bench-'));
  try {
    progress('generating inputs from examples/');
    const examples = join(root, 'examples');
    const thesis = buildManuscript(examples, THESIS_WORDS);
    const double = buildManuscript(examples, 2 * THESIS_WORDS);
    const article = buildManuscript(examples, ARTICLE_WORDS);
    const thesisFile = join(work, 'thesis.md');
    const doubleFile = join(work, 'thesis-2x.md');
    writeFileSync(thesisFile, thesis);
    writeFileSync(doubleFile, double);

    const machine = {
      cpuCount: cpus().length,
      cpuModel: cpus()[0]?.model?.trim() ?? 'unknown',
      node: process.version,
      platform: `${platform()} ${release()}`,
      totalMemoryGB: Math.round(totalmem() / 2 ** 30),
      // Other work on the machine skews every number; printed so that a run can be judged.
      loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
      distAgeMinutes: Math.round(distAgeMinutes),
      inputs: {
        thesisWords: countWords(thesis),
        thesisChars: thesis.length,
        doubleWords: countWords(double),
        articleWords: countWords(article),
        articleChars: article.length,
      },
    };
    if (distAgeMinutes > 60) note(`dist/ was built ${Math.round(distAgeMinutes)} minutes ago; pass --build to rebuild`);

    await measureInProcess(work, thesisFile, doubleFile);
    measureCli(work, thesisFile);
    await measureKnowledgeLoad(work);
    await measureServer(article);
    measureVsix();

    const ratio = rows.find((r) => r.name === 'linearity.ratio');
    if (ratio && ratio.median > 2.6) note(`linearity ratio ${ratio.median.toFixed(2)} > 2.6: something grows faster than the input`);

    printTable(machine);
    const seconds = (performance.now() - began) / 1000;
    console.log(`\nfinished in ${seconds.toFixed(1)} s`);
    const outDir = join(root, 'bench-results');
    mkdirSync(outDir, { recursive: true });
    const report = {
      date: new Date().toISOString(),
      machine,
      seconds,
      results: rows.map(({ samples, ...row }) => ({ ...row, samples: samples.map((s) => Math.round(s * 1000) / 1000) })),
      notes,
    };
    writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log('wrote bench-results/latest.json');
    const over = rows.filter((r) => r.status === 'OVER').map((r) => r.name);
    if (over.length > 0) console.log(`over target: ${over.join(', ')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
