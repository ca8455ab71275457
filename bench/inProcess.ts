/**
 * In-process measures of the terminology service, run by `bench/run.mjs` in a child
 * process after esbuild has bundled this file the way the product is bundled.
 *
 * Usage: node inProcess.cjs <thesis.md> <thesis-2x.md> <runs> <article.md> <requests>
 * Prints one JSON object on stdout: measure name -> samples in milliseconds.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import MarkdownIt from 'markdown-it';
import { createTerminologyService } from '../server/src/service/index';
import { buildDocumentModel } from '../server/src/service/model/documentModel';
import { scanProse } from '../server/src/service/markdown/proseScanner';
import { detectDefinitions } from '../server/src/service/abbreviations/definitionDetector';
import { mentionTokensFrom } from '../server/src/service/model/mentions';
import { tokenize } from '../server/src/service/text/tokens';
import { loadBuiltinKnowledge } from '../server/src/service/knowledge/builtin';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ab3pCorpusFolder, readRecords } from '../scripts/ab3pCorpus';

/** Milliseconds taken by each of `runs` calls of `work`, after `warmups` unmeasured calls. */
function sample(runs: number, warmups: number, work: (run: number) => unknown): number[] {
  const samples: number[] = [];
  for (let run = -warmups; run < runs; run++) {
    const started = performance.now();
    work(run);
    const took = performance.now() - started;
    if (run >= 0) samples.push(took);
  }
  return samples;
}

/** A markdown-it configured like the prose scanner's (block rules only), to time the block parse alone. */
function blockOnlyParser(): MarkdownIt {
  const parser = new MarkdownIt({ html: true, linkify: false, typographer: false });
  parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);
  return parser;
}

/** Offsets just inside the words with capitals (the abbreviation path), about 400 spread over `text`. */
function requestOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (const match of text.matchAll(/\b[A-Za-z]*[A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*/g)) offsets.push(match.index + 1);
  const stride = Math.max(1, Math.floor(offsets.length / 400));
  return offsets.filter((_offset, index) => index % stride === 0);
}

/** LSP position of `offset` in `text` (the article has \n line breaks only). */
function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/**
 * Hover and completion in process on the article, as the server calls them after a lint
 * (the model is cached): `requests` timed calls each, cycling over spread positions.
 */
function measureRequests(articlePath: string, requests: number, results: Record<string, number[]>): void {
  const text = readFileSync(articlePath, 'utf8');
  const service = createTerminologyService();
  const document = { uri: 'file:///article.md', version: 1, text };
  service.lint(document);
  const offsets = requestOffsets(text);
  const hovers = offsets.map((offset) => positionAt(text, offset));
  const completions = offsets.map((offset) => positionAt(text, offset + 1));
  results['inProcess.hover'] = sample(requests, 50, (run) => service.hover(document, hovers[(run + hovers.length * 50) % hovers.length]!));
  results['inProcess.completion'] = sample(requests, 50, (run) => service.completion(document, completions[(run + completions.length * 50) % completions.length]!));
}

function main(): void {
  const [thesisPath, doublePath, runsArgument, articlePath, requestsArgument] = process.argv.slice(2);
  if (!thesisPath || !doublePath) throw new Error('usage: inProcess <thesis.md> <thesis-2x.md> [runs]');
  const runs = Math.max(5, Number(runsArgument) || 7);
  const thesis = readFileSync(thesisPath, 'utf8');
  const double = readFileSync(doublePath, 'utf8');

  // A fresh service per run: the service caches models by URI and version.
  const lintOnce = (text: string, run: number) => createTerminologyService().lint({ uri: 'file:///thesis.md', version: run, text });

  const results: Record<string, number[]> = {};
  // The first lint in a process includes JIT warm-up; report it apart from the steady state.
  results['lint.thesis.cold'] = sample(1, 0, (run) => lintOnce(thesis, run));
  results['lint.thesis'] = sample(runs, 1, (run) => lintOnce(thesis, run));
  // Interleave 1x and 2x so that machine noise affects both alike.
  const single: number[] = [];
  const twice: number[] = [];
  for (let run = 0; run < runs; run++) {
    single.push(...sample(1, 0, () => lintOnce(thesis, run)));
    twice.push(...sample(1, 0, () => lintOnce(double, run)));
  }
  results['linearity.1x'] = single;
  results['linearity.2x'] = twice;

  const parser = blockOnlyParser();
  results['parts.markdownItBlocks'] = sample(runs, 1, () => parser.parse(thesis, {}));
  results['parts.scanProse'] = sample(runs, 1, () => scanProse(thesis, 'markdown'));
  const { masked, blocks } = scanProse(thesis, 'markdown');
  // The model reads each block once with the token pass, then hands the tokens to the detector,
  // the mention tokenizer and the term matcher; time the pass and each reader of it apart.
  results['parts.tokenize'] = sample(runs, 1, () => {
    for (const block of blocks) tokenize(masked, block.start, block.end);
  });
  const blockTokens = blocks.map((block) => tokenize(masked, block.start, block.end));
  results['parts.detectDefinitions'] = sample(runs, 1, () => {
    for (let b = 0; b < blocks.length; b++) detectDefinitions(masked, blocks[b]!.start, blocks[b]!.end, blockTokens[b]);
  });
  results['parts.findMentionTokens'] = sample(runs, 1, () => {
    for (const tokens of blockTokens) mentionTokensFrom(masked, tokens);
  });
  const knowledge = loadBuiltinKnowledge();
  results['parts.findTermOccurrences'] = sample(runs, 1, () => {
    for (const tokens of blockTokens) knowledge.findTermOccurrencesInTokens(masked, tokens);
  });
  // The service builds its models with the knowledge base; without it shows what the terms cost.
  results['parts.buildDocumentModel'] = sample(runs, 1, (run) => buildDocumentModel('file:///thesis.md', run, thesis, { knowledge }));
  results['parts.buildDocumentModel.noKnowledge'] = sample(runs, 1, (run) => buildDocumentModel('file:///thesis.md', run, thesis));
  // Rules alone: the model is built (untimed) first, then lint reuses it from the cache.
  const rules: number[] = [];
  for (let run = -1; run < runs; run++) {
    const service = createTerminologyService();
    const document = { uri: 'file:///thesis.md', version: run, text: thesis };
    service.model(document);
    const started = performance.now();
    service.lint(document);
    if (run >= 0) rules.push(performance.now() - started);
  }
  results['parts.rulesOnCachedModel'] = rules;
  // Issue 4's measure: detection over the whole Ab3P development half, record by record.
  // run.mjs starts this script in the repository root.
  const corpus = join(ab3pCorpusFolder(process.cwd()), 'dev.txt');
  const corpusPath = process.env['CARNK_BENCH_AB3P'] ?? corpus;
  if (existsSync(corpusPath)) {
    const records = readRecords(readFileSync(corpusPath, 'utf8'));
    results['detect.ab3pDev'] = sample(Math.max(runs, 9), 2, () => {
      for (const record of records) detectDefinitions(record.text);
    });
  }
  if (articlePath) measureRequests(articlePath, Math.max(100, Number(requestsArgument) || 1000), results);
  results['parts.detectDefinitions.wholeText'] = sample(Math.min(runs, 5), 1, () => detectDefinitions(masked));

  process.stdout.write(JSON.stringify({ samples: results, maxRssKiB: process.resourceUsage().maxRSS }));
}

main();
