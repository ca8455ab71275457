#!/usr/bin/env node
// Derives data/gene-symbols.json, the official human gene symbols the service ships, from the
// reference table ../shared/data/human-genes.tsv (NCBI Gene via org.Hs.eg.db; not committed).
//
// What is kept, and why:
// - Official symbols of protein-coding genes only. The table's `other` type is mostly chromosome
//   regions and repeats (DCR, CDR3, ANCR), seldom written in prose and colliding with ordinary
//   abbreviations (CDR3 is the complementarity-determining region).
// - No aliases or previous symbols: they are where gene nomenclature collides with ordinary
//   abbreviations (CAR is an alias of five genes, CRS of TWIST1, PD-1 of RPL17).
// - No two-character symbols: AR, HR, PC, TF, CS, GC… are far more often an abbreviation of
//   something else (hazard ratio, principal component) than a gene written in a manuscript.
//
// The list is sorted and front-coded to keep the bundle small: each symbol is written as one
// digit, the number of leading characters it shares with the previous symbol (at most 9), then
// the rest; symbols are separated by single spaces. `decodeGeneSymbols` in
// server/src/service/knowledge/geneSymbolTable.ts reads it, and the build groups the symbols for look-up.
//
// Usage: node scripts/derive-gene-symbols.mjs [--table <human-genes.tsv>] [--check]
//   --check: exit 1 when the committed file differs from what the table gives (write nothing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { humanGeneRows } from './human-genes-table.mjs';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUTPUT = join(root, 'data', 'gene-symbols.json');
const DEFAULT_TABLE = join(root, '..', 'shared', 'data', 'human-genes.tsv');

/** Shortest symbol kept. */
export const MIN_SYMBOL_LENGTH = 3;

/**
 * The official symbols the service ships, sorted, from the text of human-genes.tsv.
 * @param {string} table the TSV text (header: ncbi_gene_id, symbol, name, gene_type, aliases)
 * @returns {string[]}
 */
export function selectGeneSymbols(table) {
  const symbols = new Set();
  for (const [symbol, type] of humanGeneRows(table, ['symbol', 'gene_type'])) {
    if (type !== 'protein-coding' || symbol.length < MIN_SYMBOL_LENGTH) continue;
    symbols.add(symbol);
  }
  return [...symbols].sort();
}

/**
 * Front-codes a sorted list (see the header comment).
 * @param {string[]} sorted
 * @returns {string}
 */
export function frontCode(sorted) {
  let previous = '';
  const coded = [];
  for (const symbol of sorted) {
    let shared = 0;
    while (shared < 9 && shared < previous.length && shared < symbol.length && previous[shared] === symbol[shared]) shared++;
    coded.push(`${shared}${symbol.slice(shared)}`);
    previous = symbol;
  }
  return coded.join(' ');
}

/**
 * The JSON document written to data/gene-symbols.json.
 * @param {string[]} sorted
 */
export function geneSymbolsDocument(sorted) {
  return {
    description:
      'Official HGNC symbols of human protein-coding genes (three characters or more), derived by scripts/derive-gene-symbols.mjs from NCBI Gene (public domain; org.Hs.eg.db 3.16, source date 2022-09-12). Sorted and front-coded: each symbol is a digit (characters shared with the previous symbol) followed by the rest, separated by spaces.',
    count: sorted.length,
    symbols: frontCode(sorted),
  };
}

function main(argv) {
  let table = process.env.CARNK_HUMAN_GENES ?? DEFAULT_TABLE;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--table') table = resolve(argv[++i] ?? '');
    else if (argv[i] === '--check') check = true;
  }
  if (!existsSync(table)) {
    console.error(`derive-gene-symbols: reference table not found at ${table} (use --table or CARNK_HUMAN_GENES)`);
    return 1;
  }
  const text = `${JSON.stringify(geneSymbolsDocument(selectGeneSymbols(readFileSync(table, 'utf8'))), null, 1)}\n`;
  if (check) {
    const same = existsSync(OUTPUT) && readFileSync(OUTPUT, 'utf8') === text;
    console.log(same ? 'data/gene-symbols.json is up to date' : 'data/gene-symbols.json differs from the table; run node scripts/derive-gene-symbols.mjs');
    return same ? 0 : 1;
  }
  writeFileSync(OUTPUT, text);
  console.log(`gene symbols: ${JSON.parse(text).count} -> data/gene-symbols.json (${text.length} bytes)`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main(process.argv.slice(2)));
