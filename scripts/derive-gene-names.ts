#!/usr/bin/env node
// Derives data/gene-names.json: a Bloom filter of the official (symbol, name) pairs of human
// protein-coding genes, from ../shared/data/human-genes.tsv (NCBI Gene via org.Hs.eg.db; not
// committed), read by server/src/service/knowledge/geneNames.ts. The same genes as
// data/gene-symbols.json (protein-coding, symbols of three characters or more).
//
// Usage: node --import tsx scripts/derive-gene-names.ts [--table <human-genes.tsv>] [--check]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBloomFilter } from '../server/src/service/text/bloomFilter';
import { geneNameKey } from '../server/src/service/knowledge/geneNameKey';
import { humanGeneRows } from './human-genes-table.mjs';
import { MIN_SYMBOL_LENGTH } from './derive-gene-symbols.mjs';
import { writeOrCheck } from './derived-output';

const BITS_PER_PAIR = 20;
const HASHES = 14;
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const target = join(root, 'data', 'gene-names.json');
const tableArgument = process.argv.indexOf('--table');
const source = tableArgument >= 0 ? process.argv[tableArgument + 1]! : process.env.CARNK_HUMAN_GENES ?? join(root, '..', 'shared', 'data', 'human-genes.tsv');
if (!existsSync(source)) {
  console.error(`derive-gene-names: no gene table at ${source}`);
  process.exit(2);
}
const keys = new Set<string>();
for (const [symbol, name, type] of humanGeneRows(readFileSync(source, 'utf8'), ['symbol', 'name', 'gene_type'])) {
  if (type !== 'protein-coding' || symbol!.length < MIN_SYMBOL_LENGTH || !name) continue;
  keys.add(geneNameKey(symbol!, name));
}
const notice =
  'A Bloom filter of the official (symbol, name) pairs of human protein-coding genes, derived by scripts/derive-gene-names.ts ' +
  'from NCBI Gene (public domain; org.Hs.eg.db 3.16, source date 2022-09-12), keyed by server/src/service/knowledge/geneNameKey.ts.';
// Twenty bits and fourteen hashes a pair: about one pair in 16,000 of others is held by chance, so the
// dozen runs of words tried before one symbol's bracket seldom meet a false one.
const output = `${JSON.stringify({ notice, pairs: keys.size, ...buildBloomFilter([...keys].sort(), BITS_PER_PAIR, HASHES) }, null, 1)}\n`;
writeOrCheck(target, output, `${keys.size} pairs`);
