/**
 * Scores the abbreviation-definition detector against the Ab3P MED1250 gold
 * standard (development half), read from ../shared/corpora/ab3p-med1250/ or
 * from $AB3P_CORPUS. Prints `tp fp fn precision recall f1` for the whole dev half and for its
 * two halves by record order (A for tuning, B held out), the detection time
 * and writes false positives and misses to eval-results/ab3p-errors.tsv.
 *
 * Usage: npm run eval:ab3p [-- --predictions other-output.tsv]
 * (`--predictions` scores a pmid/sf/lf file instead, e.g. dev.ab3p.tsv, to check the scorer.)
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { detectDefinitions } from '../server/src/service/abbreviations/definitionDetector.js';
import { ab3pCorpusFolder, readRecords, type CorpusRecord } from './ab3pCorpus';

/** A short form / long form pair as the scorer compares them. */
interface DefinitionPair {
  pmid: string;
  short: string;
  long: string;
}

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusFolder = ab3pCorpusFolder(repositoryRoot);
const TIMING_RUNS = 5;

function main(): void {
  const textPath = join(corpusFolder, 'dev.txt');
  const goldPath = join(corpusFolder, 'dev.gold.tsv');
  if (!existsSync(textPath) || !existsSync(goldPath)) {
    console.log(`skipped: corpus not found at ${corpusFolder}`);
    return;
  }
  const records = readRecords(readFileSync(textPath, 'utf8'));
  const goldRows = readTsv(readFileSync(goldPath, 'utf8'));
  const gold = goldRows.filter((row) => row['kind'] === 'gold').map(toPair);
  const synonyms = goldRows.filter((row) => row['kind'] === 'synonym').map(toPair);

  const predictionsFile = optionValue('--predictions');
  const predictions =
    predictionsFile === undefined ? detectAll(records) : readTsv(readFileSync(predictionsFile, 'utf8')).map(toPair);
  const score = scorePairs(predictions, gold, synonyms);

  console.log('tp\tfp\tfn\tprecision\trecall\tf1');
  console.log(
    [score.truePositives.length, score.falsePositives.length, score.misses.length, score.precision, score.recall, score.f1]
      .map((value) => (Number.isInteger(value) ? String(value) : value.toFixed(3)))
      .join('\t'),
  );
  // The dev half split in two by record order: readings are tuned on A and checked on B, so a
  // reading that fits a few records of one half shows as a gap between the two lines.
  const half = Math.ceil(records.length / 2);
  for (const [label, part] of [['A (tuning)', records.slice(0, half)], ['B (held out)', records.slice(half)]] as const) {
    const ids = new Set(part.map((record) => record.pmid));
    const inPart = (pair: DefinitionPair) => ids.has(pair.pmid);
    const partScore = scorePairs(predictions.filter(inPart), gold.filter(inPart), synonyms.filter(inPart));
    console.log(
      [`dev ${label}:`, partScore.truePositives.length, partScore.falsePositives.length, partScore.misses.length, partScore.precision, partScore.recall, partScore.f1]
        .map((value) => (typeof value === 'string' || Number.isInteger(value) ? String(value) : value.toFixed(3)))
        .join('\t'),
    );
  }
  if (predictionsFile === undefined) {
    const timings: number[] = [];
    const cpuTimings: number[] = [];
    for (let run = 0; run < TIMING_RUNS; run++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      for (const record of records) detectDefinitions(record.text);
      const cpu = process.cpuUsage(cpuStarted);
      timings.push(performance.now() - started);
      cpuTimings.push((cpu.user + cpu.system) / 1000);
    }
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    // CPU time as well: on a shared, busy machine the wall-clock time mostly measures the neighbours.
    console.log(
      `detection time: ${median(timings).toFixed(1)} ms wall, ${median(cpuTimings).toFixed(1)} ms CPU ` +
        `(median of ${TIMING_RUNS} runs, ${records.length} records)`,
    );
  }
  writeErrors(records, score, gold);
}

function readTsv(content: string): Record<string, string>[] {
  const [header, ...rows] = content.replace(/\r\n?/g, '\n').split('\n').filter((line) => line.length > 0);
  const columns = (header ?? '').split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
  });
}

function toPair(row: Record<string, string>): DefinitionPair {
  return { pmid: row['pmid'] ?? '', short: row['sf'] ?? '', long: row['lf'] ?? '' };
}

function detectAll(records: CorpusRecord[]): DefinitionPair[] {
  return records.flatMap((record) =>
    detectDefinitions(record.text).map((definition) => ({ pmid: record.pmid, short: definition.short, long: definition.long })),
  );
}

/** The README's matching rule: exact short form, long form ignoring case with white space folded. */
function pairKey(pair: DefinitionPair): string {
  return `${pair.pmid}\t${pair.short}\t${pair.long.replace(/\s+/g, ' ').trim().toLowerCase()}`;
}

interface Score {
  truePositives: DefinitionPair[];
  falsePositives: DefinitionPair[];
  misses: DefinitionPair[];
  precision: number;
  recall: number;
  f1: number;
}

/** Scores once per record and pair; predictions equal to a synonym pair count neither way. */
function scorePairs(predictions: DefinitionPair[], gold: DefinitionPair[], synonyms: DefinitionPair[]): Score {
  const goldByKey = uniqueByKey(gold);
  const synonymKeys = new Set(synonyms.map(pairKey));
  const predictedByKey = uniqueByKey(predictions);
  const truePositives: DefinitionPair[] = [];
  const falsePositives: DefinitionPair[] = [];
  for (const [key, pair] of predictedByKey) {
    if (goldByKey.has(key)) truePositives.push(pair);
    else if (!synonymKeys.has(key)) falsePositives.push(pair);
  }
  const misses = [...goldByKey].filter(([key]) => !predictedByKey.has(key)).map(([, pair]) => pair);
  const precision = ratio(truePositives.length, truePositives.length + falsePositives.length);
  const recall = ratio(truePositives.length, truePositives.length + misses.length);
  const f1 = ratio(2 * precision * recall, precision + recall);
  return { truePositives, falsePositives, misses, precision, recall, f1 };
}

function uniqueByKey(pairs: DefinitionPair[]): Map<string, DefinitionPair> {
  const byKey = new Map<string, DefinitionPair>();
  for (const pair of pairs) if (!byKey.has(pairKey(pair))) byKey.set(pairKey(pair), pair);
  return byKey;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Writes one line per error with the sentence around the short form, for study. */
function writeErrors(records: CorpusRecord[], score: Score, gold: DefinitionPair[]): void {
  const textByPmid = new Map(records.map((record) => [record.pmid, record.text]));
  const lines = ['error\tpmid\tsf\tlf\tgold_lf_for_sf\tcontext'];
  const goldLongForms = (pair: DefinitionPair): string =>
    gold.filter((g) => g.pmid === pair.pmid && g.short === pair.short).map((g) => g.long).join(' | ');
  const context = (pair: DefinitionPair): string => {
    const text = textByPmid.get(pair.pmid) ?? '';
    const at = text.indexOf(`(${pair.short}`) >= 0 ? text.indexOf(`(${pair.short}`) : text.indexOf(pair.short);
    return at < 0 ? '' : text.slice(Math.max(0, at - 120), at + pair.short.length + 60).replace(/\s+/g, ' ');
  };
  for (const pair of score.falsePositives) {
    lines.push(['FP', pair.pmid, pair.short, pair.long, goldLongForms(pair), context(pair)].join('\t'));
  }
  for (const pair of score.misses) lines.push(['FN', pair.pmid, pair.short, pair.long, '', context(pair)].join('\t'));
  const folder = join(repositoryRoot, 'eval-results');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'ab3p-errors.tsv'), lines.join('\n') + '\n');
  console.log(`errors written to ${join('eval-results', 'ab3p-errors.tsv')}`);
}

function optionValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

main();
