#!/usr/bin/env node
// Scores the built linter (dist/cli.js) against the two test manuscripts in this folder:
// recall and precision on planted-defects.md against its answer key, and the number of
// diagnostics on clean.md (which must be zero). Run `node scripts/build.mjs` first.
//
//   node test/manuscripts/score.mjs            # prints the scores, lists misses and extras
//
// Exit code 0 when recall >= 0.90 and clean.md is clean, 1 otherwise, 2 on a usage problem.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const manuscriptsDir = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(manuscriptsDir, '..', '..');
const cliPath = path.join(repositoryRoot, 'dist', 'cli.js');
const plantedPath = path.join(manuscriptsDir, 'planted-defects.md');
const answerKeyPath = path.join(manuscriptsDir, 'planted-defects.key.tsv');
const cleanPath = path.join(manuscriptsDir, 'clean.md');

/** The recall the acceptance criterion asks for (issue 6, acceptance 2). */
const REQUIRED_RECALL = 0.9;

/**
 * One planted defect from the answer key.
 * @typedef {{ line: number, rule: string, text: string, note: string }} PlantedDefect
 */

/**
 * One diagnostic as the CLI's JSON output gives it, with a 1-based line.
 * @typedef {{ line: number, column: number, rule: string, message: string }} ReportedDiagnostic
 */

/**
 * Reads the answer key: a header line, then `line\trule\ttext\tnote` rows.
 * @param {string} keyPath
 * @returns {PlantedDefect[]}
 */
function readAnswerKey(keyPath) {
  const rows = readFileSync(keyPath, 'utf8').split('\n').slice(1).filter((row) => row.trim() !== '');
  return rows.map((row) => {
    const [line = '', rule = '', text = '', note = ''] = row.split('\t');
    return { line: Number(line), rule, text, note };
  });
}

/**
 * Lints one file with the built CLI and returns its diagnostics.
 * The CLI exits 1 when it finds an error-severity problem, so a non-zero exit
 * with JSON on stdout is a normal result here.
 * @param {string} filePath
 * @returns {ReportedDiagnostic[]}
 */
function lintWithCli(filePath) {
  let output;
  try {
    output = execFileSync(process.execPath, [cliPath, 'lint', '--format', 'json', filePath], { encoding: 'utf8' });
  } catch (failure) {
    if (typeof failure.stdout !== 'string' || failure.stdout.trim() === '') throw failure;
    output = failure.stdout;
  }
  const [fileResult] = JSON.parse(output);
  return (fileResult?.diagnostics ?? []).map((diagnostic) => ({
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    rule: String(diagnostic.code),
    message: String(diagnostic.message).replace(/\s+/g, ' '),
  }));
}

/**
 * Pairs each planted defect with at most one diagnostic of the same rule on the same line.
 * @param {PlantedDefect[]} plantedDefects
 * @param {ReportedDiagnostic[]} diagnostics
 */
function matchAgainstKey(plantedDefects, diagnostics) {
  const matchedDiagnostics = new Set();
  const missed = [];
  for (const defect of plantedDefects) {
    const index = diagnostics.findIndex(
      (diagnostic, candidate) =>
        !matchedDiagnostics.has(candidate) && diagnostic.line === defect.line && diagnostic.rule === defect.rule,
    );
    if (index === -1) missed.push(defect);
    else matchedDiagnostics.add(index);
  }
  const extra = diagnostics.filter((_, index) => !matchedDiagnostics.has(index));
  return { caught: matchedDiagnostics.size, missed, extra };
}

if (!existsSync(cliPath)) {
  console.error(`score: ${path.relative(process.cwd(), cliPath)} not found; run \`node scripts/build.mjs\` first.`);
  process.exit(2);
}

const plantedDefects = readAnswerKey(answerKeyPath);
const plantedResult = matchAgainstKey(plantedDefects, lintWithCli(plantedPath));
const plantedDiagnosticCount = plantedResult.caught + plantedResult.extra.length;
const recall = plantedResult.caught / plantedDefects.length;
const precision = plantedDiagnosticCount === 0 ? 0 : plantedResult.caught / plantedDiagnosticCount;

console.log(
  `planted-defects.md: ${plantedResult.caught} of ${plantedDefects.length} planted defects caught ` +
    `(recall ${recall.toFixed(3)}), ${plantedResult.extra.length} extra diagnostics (precision ${precision.toFixed(3)})`,
);
for (const defect of plantedResult.missed) console.log(`  missed  ${defect.line}  ${defect.rule}  ${defect.text}`);
for (const extra of plantedResult.extra) console.log(`  extra   ${extra.line}:${extra.column}  ${extra.rule}  ${extra.message}`);

const cleanDiagnostics = lintWithCli(cleanPath);
console.log(`clean.md: ${cleanDiagnostics.length} diagnostics (expected 0)`);
for (const extra of cleanDiagnostics) console.log(`  extra   ${extra.line}:${extra.column}  ${extra.rule}  ${extra.message}`);

process.exit(recall >= REQUIRED_RECALL && cleanDiagnostics.length === 0 ? 0 : 1);
