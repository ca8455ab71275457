#!/usr/bin/env node
// Measures trust on real manuscripts written by other people (issue 14): lints each corpus
// with the built CLI, matches every diagnostic to a committed judgment, and prints precision
// per rule and overall, recall of the judged real problems, and every unjudged diagnostic.
//
//   npm run eval:real                      # the shared corpus and every folder of ../real-extra
//   CARNK_REAL_EXTRA=/a:/b npm run eval:real
//   npm run eval:real -- --unjudged-tsv    # unjudged diagnostics as judgment rows to fill in
//   npm run eval:real -- --verdict FP      # the current diagnostics judged FP (or DEB, TP), with causes
//   npm run eval:real -- --dump out.jsonl  # every current diagnostic with its message and verdict, one JSON object a line
//
// The corpora's text stays outside this repository; only judgments live here:
//   test/real/judgments.tsv  file, line, rule, token, verdict (TP / FP / DEB), cause (continued in
//                            judgments-2.tsv, … before a file passes 1 MB; likewise problems.tsv)
//   test/real/problems.tsv   file, line, token, kind, severity (must / optional), note: the real
//                            problems a reader listed before running the tool (what recall counts)
//   test/real/sources.tsv    where each gathered corpus comes from (repository, commit, paths), so
//                            ../real-extra/<corpus>/ can be fetched again; the text is never kept here
// `file` is `<corpus>/<path inside it>`, `line` is 1-based, `token` is the text the diagnostic's
// range covers. A listed problem is found by a diagnostic on its line whose token, or the
// abbreviation its message names first, is the listed token (a family written with its member's
// Greek letter, `IFN$\gamma$`, counts for `IFN`; a long form written again is found by the unused
// finding of its abbreviation, whose message names the repeats' lines). Strict precision counts DEB (debatable) as wrong; lenient counts it as right.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');
const sharedCorpus = path.resolve(root, '..', 'shared', 'corpora', 'real-manuscripts');
const extraRoots = (process.env.CARNK_REAL_EXTRA ?? path.resolve(root, '..', 'real-extra')).split(path.delimiter).filter(Boolean);
const printUnjudgedRows = process.argv.includes('--unjudged-tsv');
/** `--verdict FP` (or DEB, TP): list the current diagnostics judged so, with the judged cause. */
const listVerdict = process.argv.includes('--verdict') ? process.argv[process.argv.indexOf('--verdict') + 1] : undefined;
/** `--dump out.jsonl`: every current diagnostic, its message and its verdict, for analysis by class. */
const dumpFile = process.argv.includes('--dump') ? process.argv[process.argv.indexOf('--dump') + 1] : undefined;
const MANUSCRIPT = /\.(md|markdown|qmd|rmd)$/i;
/** Provenance and judgment files kept beside a gathered corpus; never linted. */
const NOT_MANUSCRIPTS = new Set(['SOURCE.md', 'PROBLEMS.md']);

/**
 * One corpus: a folder linted as a project. A folder of Manubot content files without its
 * `metadata.yaml` (the shared corpus leaves it out) is staged as `content/` with an empty
 * `metadata.yaml`, which is what marks a Manubot project; line numbers do not change.
 * @typedef {{ name: string, dir: string }} Corpus
 */

/** @returns {Corpus[]} */
function corpora() {
  const found = [];
  const subfolders = (dir) => (existsSync(dir) ? readdirSync(dir).filter((n) => statSync(path.join(dir, n)).isDirectory()).sort() : []);
  for (const name of subfolders(sharedCorpus)) found.push({ name, dir: path.join(sharedCorpus, name) });
  for (const extra of extraRoots) {
    if (!existsSync(extra)) {
      console.log(`(no extra corpora at ${extra})`);
      continue;
    }
    for (const name of subfolders(extra)) found.push({ name, dir: path.join(extra, name) });
  }
  return found;
}

/** Files under `dir` that are manuscripts, relative to it, sorted. */
function manuscriptFiles(dir, prefix = '') {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (name.startsWith('.')) continue;
    if (statSync(full).isDirectory()) files.push(...manuscriptFiles(full, `${prefix}${name}/`));
    else if (MANUSCRIPT.test(name) && !NOT_MANUSCRIPTS.has(name)) files.push(`${prefix}${name}`);
  }
  return files;
}

/**
 * Lints a corpus with the CLI: as a project when it is one (Manubot `content/metadata.yaml`,
 * `_quarto.yml`, `_bookdown.yml`), else file by file. Returns diagnostics keyed to corpus paths.
 */
function lintCorpus(corpus) {
  const files = manuscriptFiles(corpus.dir);
  const isNumberedContent = files.length > 1 && files.every((f) => /^\d+\.[^/]+\.md$/.test(f));
  let cwd = corpus.dir;
  let args;
  let toCorpusPath = (file) => file;
  let staged;
  if (isNumberedContent && !existsSync(path.join(corpus.dir, 'metadata.yaml'))) {
    staged = mkdtempSync(path.join(tmpdir(), 'carnk-real-'));
    mkdirSync(path.join(staged, 'content'));
    for (const file of files) cpSync(path.join(corpus.dir, file), path.join(staged, 'content', file));
    writeFileSync(path.join(staged, 'content', 'metadata.yaml'), '{}\n');
    cwd = staged;
    args = ['.'];
    toCorpusPath = (file) => file.replace(/^content\//, '');
  } else if (['_quarto.yml', '_quarto.yaml', '_bookdown.yml'].some((f) => existsSync(path.join(corpus.dir, f)))) {
    args = ['.'];
  } else if (files.some((f) => /^[^/]+\/\d+\.[^/]+\.md$/.test(f) && existsSync(path.join(corpus.dir, path.dirname(f), 'metadata.yaml')))) {
    // A Manubot project: its content folder (`content/`, or another name) holds metadata.yaml.
    args = [path.dirname(files.find((f) => /^[^/]+\/\d+\.[^/]+\.md$/.test(f) && existsSync(path.join(corpus.dir, path.dirname(f), 'metadata.yaml'))))];
  } else {
    // Each folder as the user would pass it: numbered sections of one manuscript are found there.
    args = [...new Set(files.map((f) => path.dirname(f)))];
  }
  let output;
  try {
    output = execFileSync(process.execPath, [cli, 'lint', '--format', 'json', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (failure) {
    if (typeof failure.stdout !== 'string' || failure.stdout.trim() === '') throw failure;
    output = failure.stdout;
  } finally {
    if (staged) rmSync(staged, { recursive: true, force: true });
  }
  const diagnostics = [];
  for (const result of JSON.parse(output)) {
    const file = toCorpusPath(result.file.replace(/^\.\//, ''));
    const lines = readFileSync(path.join(corpus.dir, file), 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    for (const d of result.diagnostics) {
      const { start, end } = d.range;
      const token = start.line === end.line ? lines[start.line].slice(start.character, end.character) : lines[start.line].slice(start.character);
      diagnostics.push({ file: `${corpus.name}/${file}`, line: start.line + 1, column: start.character + 1, rule: d.code, severity: d.severity, token, message: d.message });
    }
  }
  return diagnostics;
}

/** Reads a TSV file with a header row into objects. */
function readTsv(file) {
  if (!existsSync(file)) return [];
  const [header, ...rows] = readFileSync(file, 'utf8').split('\n').filter((row) => row.trim() !== '' && !row.startsWith('#'));
  const columns = header.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((value, i) => [columns[i], value])));
}

/**
 * The rows of `test/real/<stem>.tsv` and then of its continuations `<stem>-2.tsv`, `<stem>-3.tsv`, …
 * in that order, each with its own header: a list is continued in a new file before it passes
 * 1 MB, so no committed file is that large, and rows keep the order they were judged in.
 */
function readTsvSeries(stem) {
  const dir = path.join(root, 'test', 'real');
  const part = new RegExp(`^${stem}-(\\d+)\\.tsv$`);
  const continuations = readdirSync(dir)
    .map((name) => ({ name, number: Number(part.exec(name)?.[1]) }))
    .filter((file) => Number.isInteger(file.number))
    .sort((a, b) => a.number - b.number);
  return [`${stem}.tsv`, ...continuations.map((file) => file.name)].flatMap((name) => readTsv(path.join(dir, name)));
}

/**
 * Tokens are compared as the reader wrote them and as the tool reports them: without markup
 * (`T~reg~`), a plural `s` or a possessive (`TILs` and `TIL` are one problem).
 */
const sameToken = (token) => token.replace(/[~^*_]/g, '').replace(/(?:['\u2019]s?|s)$/u, '');
const judgmentKey = (file, line, rule, token) => `${file}\t${line}\t${rule}\t${sameToken(token)}`;
/**
 * Judgments by key; several may share one (the same token reported twice on a line). They are
 * handed out in order, one to each diagnostic of that key as the diagnostics stand on the line;
 * a diagnostic past the last judgment takes the last.
 */
const judgments = new Map();
for (const j of readTsvSeries('judgments')) {
  const key = judgmentKey(j.file, j.line, j.rule, j.token);
  const rows = judgments.get(key);
  if (rows) rows.push(j);
  else judgments.set(key, [j]);
}
const problems = readTsvSeries('problems');

const all = [];
const linted = new Set();
for (const corpus of corpora()) {
  linted.add(corpus.name);
  const found = lintCorpus(corpus);
  console.log(`${corpus.name}: ${found.length} diagnostics`);
  all.push(...found);
}

/** Per rule (and overall): counts of TP, FP, DEB and unjudged, for warnings+errors and for all. */
const tally = new Map();
const count = (rule, severity, verdict) => {
  for (const key of [rule, '(all rules)']) {
    const row = tally.get(key) ?? { TP: 0, FP: 0, DEB: 0, unjudged: 0, warnTP: 0, warnDEB: 0, warnAll: 0 };
    row[verdict] += 1;
    if (severity === 'warning' || severity === 'error') {
      row.warnAll += 1;
      if (verdict === 'TP') row.warnTP += 1;
      if (verdict === 'DEB') row.warnDEB += 1;
    }
    tally.set(key, row);
  }
};
const unjudged = [];
const judgedUsed = new Map();
/** Each diagnostic's judgment (see `judgments`). */
const judgmentOf = new Map();
for (const d of all) {
  const key = judgmentKey(d.file, d.line, d.rule, d.token);
  const rows = judgments.get(key);
  if (rows) {
    const taken = judgedUsed.get(key) ?? 0;
    judgmentOf.set(d, rows[Math.min(taken, rows.length - 1)]);
    judgedUsed.set(key, taken + 1);
  } else unjudged.push(d);
  count(d.rule, d.severity, judgmentOf.get(d)?.verdict ?? 'unjudged');
}

const ratio = (a, b) => (b === 0 ? '   -  ' : (a / b).toFixed(3));
console.log('\nrule                           TP   FP  DEB  unj   precision (strict / lenient)   warnings precision (strict / lenient)');
for (const [rule, r] of [...tally].sort((a, b) => (a[0] === '(all rules)' ? 1 : b[0] === '(all rules)' ? -1 : a[0] < b[0] ? -1 : 1))) {
  const judged = r.TP + r.FP + r.DEB;
  console.log(
    `${rule.padEnd(30)} ${String(r.TP).padStart(3)}  ${String(r.FP).padStart(3)}  ${String(r.DEB).padStart(3)}  ${String(r.unjudged).padStart(3)}   ${ratio(r.TP, judged)} / ${ratio(r.TP + r.DEB, judged)}                 ${ratio(r.warnTP, r.warnAll)} / ${ratio(r.warnTP + r.warnDEB, r.warnAll)} (${r.warnTP}+${r.warnDEB}/${r.warnAll})`,
  );
}

// Recall: the real problems a reader listed (severity `must`), plus every diagnostic judged TP.
const reported = new Set(all.map((d) => `${d.file}\t${d.line}\t${sameToken(d.token)}`));
const realProblems = new Map();
for (const p of problems) if (p.severity === 'must' && linted.has(p.file.split('/')[0])) realProblems.set(`${p.file}\t${p.line}\t${sameToken(p.token)}`, p);
for (const d of all) {
  const j = judgmentOf.get(d);
  if (j?.verdict === 'TP') realProblems.set(`${d.file}\t${d.line}\t${sameToken(d.token)}`, { file: d.file, line: d.line, token: d.token, kind: d.rule, note: 'judged TP' });
}
// A family written with its member's Greek letter (`IFN$\gamma$`, `TNFα`) is found where the
// reader listed the family (`IFN never spelled out`): the tool reports the name as written whole.
const withoutGreekMember = (token) => token.replace(/(?:-?\$\\[a-z]+\$|-?[\u03b1-\u03c9])$/u, '');
const reportedFamilies = new Set(all.map((d) => `${d.file}\t${d.line}\t${sameToken(withoutGreekMember(d.token))}`));
// A conflicting expansion is reported on the long form and names its short form first
// (`'ARDS' usually stands for …`): found where the reader listed the short form.
for (const d of all) {
  const named = /^'([^']+)'/u.exec(d.message)?.[1];
  if (named) reportedFamilies.add(`${d.file}\t${d.line}\t${sameToken(named)}`);
}
// A problem written as several abbreviations (`JAK/STAT`, `WGS/WES`) is found by a diagnostic on one of them there.
// An abbreviation never used speaks for its long form's repeats: its message names their lines
// (`written out 2 more times after it (lines 12 and 30)`), where a repeat is found.
const repeatLines = new Set();
for (const d of all) {
  const named = d.rule === 'unused-abbreviation' ? /written out .* after it \((lines?) ([^)]*)\)/u.exec(d.message) : null;
  if (named) for (const line of named[2].replace(/ and \d+ more$/u, '').match(/\d+/gu) ?? []) repeatLines.add(`${d.file}\t${line}`);
}
const isFound = (key, problem) => {
  const [file, line, token] = key.split('\t');
  if (problem.kind === 'long-form-after-abbreviation' && repeatLines.has(`${file}\t${line}`)) return true;
  // A definition listed as written (`usual interstitial pneumonia (UIP)`) is found by a diagnostic on its short form.
  const bracketed = /\(([^()]+)\)$/u.exec(token)?.[1];
  if (bracketed !== undefined && reported.has(`${file}\t${line}\t${sameToken(bracketed)}`)) return true;
  return reported.has(key) || reportedFamilies.has(key) || token.split('/').some((part) => reported.has(`${file}\t${line}\t${sameToken(part)}`));
};
const missed = [...realProblems].filter(([key, problem]) => !isFound(key, problem)).map(([, p]) => p);
const totalReal = realProblems.size;
console.log(`\nrecall of judged real problems: ${ratio(totalReal - missed.length, totalReal)} (${totalReal - missed.length}/${totalReal})`);
if (missed.length > 0) {
  console.log('\nmissed real problems:');
  for (const p of missed) console.log(`  ${p.file}:${p.line}  ${p.kind}  ${p.token}  ${p.note ?? ''}`);
}
if (unjudged.length > 0) {
  console.log(`\n${unjudged.length} unjudged diagnostics:`);
  for (const d of unjudged) {
    if (printUnjudgedRows) console.log(`${d.file}\t${d.line}\t${d.rule}\t${d.token}\t?\t${d.message}`);
    else console.log(`  ${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.rule}  ${d.token}  — ${d.message}`);
  }
}
if (listVerdict) {
  console.log(`\ncurrent diagnostics judged ${listVerdict}:`);
  for (const d of all) {
    const j = judgmentOf.get(d);
    if (j?.verdict === listVerdict) console.log(`  ${d.file}:${d.line}  ${d.severity}  ${d.rule}  ${d.token}  — ${j.cause}`);
  }
}
if (dumpFile) {
  const lines = all.map((d) => {
    const j = judgmentOf.get(d);
    return JSON.stringify({ ...d, verdict: j?.verdict ?? 'unjudged', cause: j?.cause ?? '' });
  });
  writeFileSync(dumpFile, lines.length > 0 ? `${lines.join('\n')}\n` : '');
}
const stale = [...judgments.keys()].filter((key) => !judgedUsed.has(key)).length;
if (stale > 0) console.log(`\n(${stale} judgments match no current diagnostic: problems no longer reported, or fixed false alarms)`);
