#!/usr/bin/env node
// `npm run bench`: measures the product against its speed and size targets and prints a
// table of medians and spreads, each next to its target. Also writes
// bench-results/latest.json (git-ignored). Inputs are generated from examples/ into a
// temporary folder that is removed afterwards.
//
// Usage: node bench/run.mjs [--build] [--quick] [--huge-timeout=SECONDS]
//   --build         rebuild dist/ first (otherwise dist/ is built only when missing)
//   --quick         fewer runs and a 1 MB/2 MB huge paragraph instead of 10 MB/20 MB, for a
//                   smoke test of the benchmark itself (its huge-paragraph rows have no target)
//   --huge-timeout  seconds one huge-paragraph run may take before it is stopped and reported
//                   as over that bound (default 120)
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildArticle, buildDefinitionParagraph, buildManuscript, countWords, writeBook } from './corpus.mjs';
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
/** The CLI start-up measure's article: 41 KB, as in issue 16. */
const SMALL_ARTICLE_CHARS = 41_000;
const BOOK_CHAPTERS = 20;
/** The huge one-paragraph file and its half, for the time ratio; a smoke run uses 1 MB and 2 MB. */
const HUGE_MB = quick ? 2 : 20;
const HUGE_TIMEOUT_S = Number(/^--huge-timeout=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--huge-timeout=')) ?? '')?.[1] ?? 120);

/** Rows of the final table, in the order measured. */
const rows = [];
const notes = [];

/**
 * Records one measure. `target` is compared with the median unless `compare` says `p95`;
 * `unit` is `ms`, `s`, `MB`, `ratio` or `KB`.
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

async function measureInProcess(work, thesisFile, doubleFile, articleFile) {
  progress('in-process service measures (bundled with esbuild)');
  const script = join(work, 'inProcess.cjs');
  await bundle('bench/inProcess.ts', script);
  const result = runNode([script, thesisFile, doubleFile, String(RUNS), articleFile, String(REQUESTS)]);
  if (result.status !== 0) throw new Error(`in-process bench failed:\n${result.stderr}`);
  const { samples, maxRssKiB } = JSON.parse(result.stdout);
  record('lint.thesis', samples['lint.thesis'], { target: 200, label: 'lint 200k-word thesis, in process' });
  record('lint.thesis.cold', samples['lint.thesis.cold'], { label: '  first lint in a fresh process (JIT cold)' });
  const partLabels = {
    'parts.markdownItBlocks': '  markdown-it block parse alone',
    'parts.scanProse': '  scanProse (prose map) alone',
    'parts.tokenize': '  token pass (tokenize), per prose block',
    'parts.detectDefinitions': '  detectDefinitions on the tokens, per prose block',
    'parts.findMentionTokens': '  mentions from the tokens, per prose block',
    'parts.detectDefinitions.wholeText': '  detectDefinitions, whole masked text at once',
    'parts.findTermOccurrences': '  term matcher on the tokens, per prose block',
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
  record('inProcess.hover', samples['inProcess.hover'], { target: 1, compare: 'p95', label: 'hover in process, 20k-word article, p95 (target on p95)' });
  record('inProcess.completion', samples['inProcess.completion'], { target: 1, compare: 'p95', label: 'completion in process, 20k-word article, p95 (target on p95)' });
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
  record('cli.thesis', samples, { target: 400, label: 'carnk lint --format json, 200k words, whole process' });
  if (findings !== undefined) note(`the CLI reported ${findings} diagnostics on the thesis`);

  progress('peak memory of the CLI on the thesis');
  const rssFile = join(work, 'rss.txt');
  const peaks = [];
  for (let run = 0; run < Math.min(RUNS, 5); run++) {
    rmSync(rssFile, { force: true });
    runNode(['--require', join(root, 'bench', 'peakMemory.cjs'), ...args], { env: { ...process.env, CARNK_BENCH_RSS_FILE: rssFile } });
    if (existsSync(rssFile)) peaks.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  if (peaks.length > 0) record('memory.cli', peaks, { target: 120, unit: 'MB', label: 'peak RSS, carnk lint on the thesis' });
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

/**
 * Types a character at the end of a prose line in the middle of `text` (open as `uri`, at
 * `version`), then deletes it, `KEYSTROKES` times after 5 warm-ups: milliseconds from each
 * didChange to its diagnostics. Leaves the text as it was; resolves with the samples and
 * the version reached.
 */
async function timeKeystrokes(session, uri, text, version) {
  const { connection } = session;
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (line < lines.length - 1 && !/^[A-Za-z].{40,}$/.test(lines[line])) line++;
  const end = lines[line].length;
  const change = async (insert) => {
    version++;
    const published = session.diagnosticsFor(uri, version);
    const edit = insert
      ? { range: { start: { line, character: end }, end: { line, character: end } }, text: 'x' }
      : { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: '' };
    const started = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edit] });
    await published;
    return performance.now() - started;
  };
  const samples = [];
  let inserted = false;
  for (let i = -5; i < KEYSTROKES; i++) {
    inserted = !inserted;
    const took = await change(inserted);
    if (i >= 0) samples.push(took);
  }
  if (inserted) await change(false);
  return { samples, version };
}

/** Opens `text` as `uri` and resolves when its first diagnostics arrive, with the milliseconds taken. */
async function open(session, uri, text, languageId = 'markdown') {
  const opened = session.diagnosticsFor(uri, 1);
  const started = performance.now();
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  await opened;
  return performance.now() - started;
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
    record('server.open', [await open(session, uri, articleText)], { label: '  didOpen -> diagnostics, 20k-word article (once)' });
    const { samples } = await timeKeystrokes(session, uri, articleText, 1);
    record('server.keystroke', samples, { target: 10, label: 'keystroke: didChange -> diagnostics, 20k words (debounce 0)' });
    if (summarise(samples).median > 150) note('keystroke median above 150 ms: is debounceMs 0 honoured (initializationOptions / configuration)?');

    // Hover where words with capitals are (the abbreviation path), spread over the document.
    const tokenOffsets = [];
    for (const match of articleText.matchAll(/\b[A-Za-z]*[A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*/g)) tokenOffsets.push(match.index + 1);
    const stride = Math.max(1, Math.floor(tokenOffsets.length / 400));
    const spread = tokenOffsets.filter((_offset, index) => index % stride === 0);
    const hoverPositions = positionsOf(articleText, spread);
    const hovers = await timeRequests(connection, 'textDocument/hover', uri, hoverPositions, REQUESTS, 50);
    record('server.hover', hovers, { label: '  hover round trip over stdio' });

    if (session.capabilities.completionProvider) {
      const completionPositions = positionsOf(articleText, spread.map((offset) => offset + 1));
      const completions = await timeRequests(connection, 'textDocument/completion', uri, completionPositions, REQUESTS, 50);
      record('server.completion', completions, { label: '  completion round trip over stdio' });
    } else {
      note('completion: the server does not offer completionProvider yet, skipped');
    }
    const peak = session.peakRssKiB();
    if (peak !== undefined) record('memory.server', [peak / 1024], { unit: 'MB', label: '  server peak RSS after the session' });
  } finally {
    await session.stop();
  }
}

/**
 * Keystrokes in the middle chapter of a 20-chapter Quarto book written to disk: the server
 * finds the book from the chapter's folder and reads the other chapters from disk, so each
 * keystroke includes the book analysis.
 */
async function measureBook(work) {
  progress(`keystrokes in a ${BOOK_CHAPTERS}-chapter Quarto book over stdio`);
  const folder = join(work, 'book');
  const chapters = writeBook(join(root, 'examples'), folder, BOOK_CHAPTERS);
  const path = join(folder, chapters[Math.floor(chapters.length / 2)]);
  const text = readFileSync(path, 'utf8');
  const words = chapters.reduce((sum, name) => sum + countWords(readFileSync(join(folder, name), 'utf8')), 0);
  const session = await startServer(join(root, 'dist', 'server.js'), { debounceMs: 0 });
  try {
    await session.settled(1000);
    const uri = pathToFileURL(path).href;
    record('server.book.open', [await open(session, uri, text, 'quarto')], { label: `  didOpen -> diagnostics, a chapter of the book (once)` });
    const { samples } = await timeKeystrokes(session, uri, text, 1);
    record('server.book.keystroke', samples, { target: 15, label: `keystroke in a ${BOOK_CHAPTERS}-chapter book (${words} words), debounce 0` });
  } finally {
    await session.stop();
  }
}

/**
 * The CLI's start-up cost: `carnk lint` on a 41 KB article and `carnk --version`, each paired
 * run by run with `node -e 0`, so that both sides of a difference see the same machine load.
 */
function measureCliStartup(articleFile) {
  progress('CLI start-up: paired with node -e 0');
  const cli = join(root, 'dist', 'cli.js');
  const timed = (args) => {
    const started = performance.now();
    const result = runNode(args);
    const took = performance.now() - started;
    if (result.status !== 0 && result.status !== 1) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
    return took;
  };
  const bare = [];
  const lint = [];
  const version = [];
  const lintOver = [];
  const versionOver = [];
  for (let run = -1; run < 2 * RUNS; run++) {
    const b = timed(['-e', '0']);
    const l = timed([cli, 'lint', '--format', 'json', articleFile]);
    const v = timed([cli, '--version']);
    if (run < 0) continue;
    bare.push(b);
    lint.push(l);
    version.push(v);
    lintOver.push(l - b);
    versionOver.push(v - b);
  }
  const kb = Math.round(statSync(articleFile).size / 1024);
  record('cli.article.overNode', lintOver, { target: 60, label: `carnk lint on a ${kb} KB article minus node -e 0 (paired)` });
  record('cli.article', lint, { label: `  carnk lint --format json, ${kb} KB article, whole process` });
  record('cli.nodeBare', bare, { label: '  node -e 0, same run' });
  record('cli.version', version, { label: '  carnk --version, whole process' });
  record('cli.version.overNode', versionOver, { label: '  carnk --version minus node -e 0 (paired)' });
}

/** Runs `node args` once with stdout to a file and a time bound: { ms, timedOut, status, stderr }. */
function runBounded(args, outFile, env = process.env) {
  const out = openSync(outFile, 'w');
  try {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', timeout: HUGE_TIMEOUT_S * 1000, killSignal: 'SIGKILL', env });
    const ms = performance.now() - started;
    return { ms, timedOut: result.error?.code === 'ETIMEDOUT' || result.signal === 'SIGKILL', status: result.status, stderr: result.stderr ?? '' };
  } finally {
    closeSync(out);
  }
}

/**
 * The one-paragraph file of repeated definitions, at HUGE_MB and half of it, once each (it is
 * slow): in process (a fresh process per lint) and through the CLI, which has no file-size
 * limit and no problem cap unless --max-problems is given. A run past --huge-timeout is
 * stopped and shown as over that bound.
 */
async function measureHugeParagraph(work) {
  progress(`huge paragraph: ${HUGE_MB / 2} MB and ${HUGE_MB} MB, once each, at most ${HUGE_TIMEOUT_S} s a run`);
  const script = join(work, 'hugeParagraph.cjs');
  await bundle('bench/hugeParagraph.ts', script);
  const files = [HUGE_MB / 2, HUGE_MB].map((mb) => {
    const file = join(work, `paragraph-${mb}mb.md`);
    writeFileSync(file, buildDefinitionParagraph(mb * 1024 * 1024));
    return file;
  });
  const withTarget = (target) => (quick ? undefined : target);
  const rssFile = join(work, 'huge-rss.txt');
  const ways = {
    inProcess: (file) => {
      const run = runBounded([script, file], join(work, 'huge.json'));
      if (run.timedOut || run.status !== 0) return { ...run, rssMB: undefined };
      const measured = JSON.parse(readFileSync(join(work, 'huge.json'), 'utf8'));
      return { ...run, ms: measured.ms, rssMB: measured.maxRssKiB / 1024 };
    },
    cli: (file) => {
      rmSync(rssFile, { force: true });
      const env = { ...process.env, CARNK_BENCH_RSS_FILE: rssFile };
      const run = runBounded(['--require', join(root, 'bench', 'peakMemory.cjs'), join(root, 'dist', 'cli.js'), 'lint', '--format', 'json', file], join(work, 'huge-cli.json'), env);
      return { ...run, status: run.status === 1 ? 0 : run.status, rssMB: existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : undefined };
    },
  };
  for (const [way, measure] of Object.entries(ways)) {
    const [half, whole] = files.map((file) => measure(file));
    const where = way === 'cli' ? 'carnk lint' : 'lint in process';
    for (const [run, mb] of [[half, HUGE_MB / 2], [whole, HUGE_MB]]) {
      if (run.timedOut) note(`huge paragraph, ${where}, ${mb} MB: stopped after ${HUGE_TIMEOUT_S} s (the row shows that bound; the true time is longer)`);
      else if (run.status !== 0) note(`huge paragraph, ${where}, ${mb} MB: exited ${run.status}: ${run.stderr.trim().split('\n').pop()}`);
    }
    const seconds = whole.timedOut ? HUGE_TIMEOUT_S : whole.status === 0 ? whole.ms / 1000 : NaN;
    record(`huge.${way}.time`, [seconds], { target: withTarget(30), unit: 's', label: `huge paragraph ${HUGE_MB} MB, ${where}: time${whole.timedOut ? ' (> bound)' : ''}` });
    record(`huge.${way}.memory`, [whole.rssMB ?? NaN], { target: withTarget(1024), unit: 'MB', label: `  ${where}, ${HUGE_MB} MB: peak RSS` });
    const ratio = half.status === 0 && !half.timedOut && (whole.status === 0 || whole.timedOut) ? (seconds * 1000) / half.ms : NaN;
    record(`huge.${way}.ratio`, [ratio], { target: withTarget(2.6), unit: 'ratio', label: `  ${where}: time(${HUGE_MB} MB) / time(${HUGE_MB / 2} MB), about 2${whole.timedOut ? ' (at least)' : ''}` });
  }
  if (quick) note(`--quick: the huge paragraph is ${HUGE_MB} MB instead of 20 MB, so its rows carry no target`);
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
  if (unit === 's') return `${value.toFixed(1)} s`;
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
    row.target === undefined ? '' : `${row.compare === 'p95' ? 'p95 ' : ''}<= ${row.target}${row.unit === 'ms' ? ' ms' : row.unit === 'ratio' ? '' : ` ${row.unit}`}`,
    row.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\nCAR-NK Terminology benchmark — ${machine.cpuCount} cores (${machine.cpuModel}), node ${machine.node}, ${machine.platform}`);
  console.log(`load average at start: ${machine.loadAverage1m} (at end: ${loadavg()[0].toFixed(2)})`);
  const { inputs } = machine;
  console.log(`inputs: thesis ${inputs.thesisWords} words, article ${inputs.articleWords} words, small article ${inputs.smallArticleBytes} bytes, book of ${inputs.bookChapters} chapters, huge paragraph ${inputs.hugeParagraphMB} MB; times in ms unless marked\n`);
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
    const smallArticle = buildArticle(examples, SMALL_ARTICLE_CHARS);
    const articleFile = join(work, 'article.md');
    const smallArticleFile = join(work, 'article-41kb.md');
    writeFileSync(articleFile, article);
    writeFileSync(smallArticleFile, smallArticle);
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
        smallArticleBytes: Buffer.byteLength(smallArticle),
        bookChapters: BOOK_CHAPTERS,
        hugeParagraphMB: HUGE_MB,
      },
    };
    if (machine.loadAverage1m > machine.cpuCount) {
      note(`load average ${machine.loadAverage1m} on ${machine.cpuCount} cores at the start: other work inflates every figure; compare only runs made under the same load`);
    }
    if (distAgeMinutes > 60) note(`dist/ was built ${Math.round(distAgeMinutes)} minutes ago; pass --build to rebuild`);

    await measureInProcess(work, thesisFile, doubleFile, articleFile);
    measureCli(work, thesisFile);
    measureCliStartup(smallArticleFile);
    await measureKnowledgeLoad(work);
    await measureServer(article);
    await measureBook(work);
    measureVsix();
    await measureHugeParagraph(work);

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
