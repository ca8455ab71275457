#!/usr/bin/env node
// Derives data/protein-names.json: the knowledge base's written forms that name the protein of one
// of the entry's own genes by a symbol its gene record lists, from the reference table
// ../shared/data/human-genes.tsv (NCBI Gene via org.Hs.eg.db; not committed) and the built
// knowledge base (out/generated/knowledge.json, written by scripts/build-knowledge.mjs).
//
// Such a form is a symbol of the gene nomenclature written for the protein (`DNAM-1`, an alias in
// CD226's record; `PD-1` in PDCD1's; `LAG-3` for LAG3 with a hyphen; `STAT5` for STAT5A and
// STAT5B, the symbols' shared stem), and many journals accept it undefined. Aliases alone are not
// enough (CAR is an alias of five genes, PD-1 of RPL17 too): the entry's own genes vouch for the
// meaning, so only forms of entries that list the gene are kept, and only forms shaped like a
// symbol, with a digit or a hyphen: a word of capitals has other senses (TACE, CIS, CEA).
//
// Usage: node scripts/derive-protein-names.mjs [--table <human-genes.tsv>] [--check]
//   --check: exit 1 when the committed file differs from what the table gives (write nothing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { humanGeneRows } from './human-genes-table.mjs';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUTPUT = join(root, 'data', 'protein-names.json');
const KNOWLEDGE = join(root, 'out', 'generated', 'knowledge.json');
const DEFAULT_TABLE = join(root, '..', 'shared', 'data', 'human-genes.tsv');

/**
 * Each gene symbol's aliases, from the text of human-genes.tsv.
 * @param {string} table the TSV text (header: ncbi_gene_id, symbol, name, gene_type, aliases)
 * @returns {Map<string, Set<string>>} symbol -> aliases
 */
export function aliasesBySymbol(table) {
  const bySymbol = new Map();
  for (const [symbol, aliases] of humanGeneRows(table, ['symbol', 'aliases'])) bySymbol.set(symbol, new Set(aliases.split('|').filter((alias) => alias.length > 0)));
  return bySymbol;
}

/** A digit or a hyphen: a symbol's shape (`DNAM-1`, `PD-1`, `HER2`, `GM-CSF`), not a word of capitals. */
const SYMBOL_SHAPED = /[0-9-]/u;

/**
 * How `form` names the protein of one of `symbols` in the gene nomenclature, or undefined: an
 * alias the gene's record lists (as written, or without its hyphens), the official symbol written
 * with a hyphen, or the stem the symbols of two or more genes share, one letter or digit short.
 */
function namingOf(form, symbols, aliases) {
  const plain = form.replaceAll('-', '');
  for (const symbol of symbols) {
    const listed = aliases.get(symbol);
    if (listed && (listed.has(form) || listed.has(plain))) return symbol;
    if (plain === symbol && form !== symbol) return symbol;
  }
  if (symbols.length > 1 && symbols.every((symbol) => symbol.length === form.length + 1 && symbol.startsWith(form))) return symbols.join(', ');
  return undefined;
}

/**
 * The forms that name a protein by a symbol, with the gene symbols they name, sorted by form.
 * @param {{ entries: { id: string, preferred: string, variants?: string[], genes?: { symbol: string }[], needsDefinition: boolean }[] }} knowledge
 * @param {Map<string, Set<string>>} aliases
 * @returns {Record<string, string>}
 */
export function selectProteinNames(knowledge, aliases) {
  const names = {};
  for (const entry of knowledge.entries) {
    const symbols = (entry.genes ?? []).map((gene) => gene.symbol);
    if (symbols.length === 0 || !entry.needsDefinition) continue;
    for (const form of [entry.preferred, ...(entry.variants ?? [])]) {
      // An official symbol as written is the gene table's business (data/gene-symbols.json).
      if (symbols.includes(form)) continue;
      // A name of letters alone has other senses in clinical text (`TACE`, transarterial chemoembolisation;
      // `CIS`, carcinoma in situ; `CEA`): only a symbol's shape, with a digit or a hyphen, is kept.
      if (!SYMBOL_SHAPED.test(form)) continue;
      const naming = namingOf(form, symbols, aliases);
      if (naming) names[form] = naming;
    }
  }
  return Object.fromEntries(Object.entries(names).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function main() {
  const args = process.argv.slice(2);
  const tableArgument = args.indexOf('--table');
  const tablePath = tableArgument >= 0 ? args[tableArgument + 1] : DEFAULT_TABLE;
  if (!tablePath || !existsSync(tablePath)) throw new Error(`human-genes.tsv not found at ${tablePath}`);
  if (!existsSync(KNOWLEDGE)) throw new Error('out/generated/knowledge.json is missing: run node scripts/build-knowledge.mjs first');
  const names = selectProteinNames(JSON.parse(readFileSync(KNOWLEDGE, 'utf8')), aliasesBySymbol(readFileSync(tablePath, 'utf8')));
  const text = `${JSON.stringify(
    {
      description:
        'Written forms of the knowledge base that name the protein of one of the entry\'s genes by a symbol of the gene nomenclature (an alias its gene record lists, the official symbol with a hyphen, or the stem several genes share), with the gene symbols they name. Derived by scripts/derive-protein-names.mjs from human-genes.tsv; do not edit by hand.',
      names,
    },
    null,
    2,
  )}\n`;
  if (args.includes('--check')) {
    const committed = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
    if (committed !== text) {
      console.error('data/protein-names.json differs from what human-genes.tsv gives: run node scripts/derive-protein-names.mjs');
      process.exit(1);
    }
    return;
  }
  writeFileSync(OUTPUT, text);
  console.log(`data/protein-names.json: ${Object.keys(names).length} forms`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
