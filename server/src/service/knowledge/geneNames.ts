/**
 * Official names of human protein-coding genes, by symbol: `glutamate ionotropic receptor kainate
 * type subunit 2` is GRIK2's. Authors define a gene symbol by its official name (`… (GRIK2)`),
 * whose words seldom spell its letters, so the letter-matching detector cannot read it. Shipped
 * as a Bloom filter of `symbol, name` pairs (`data/gene-names.json`, derived by
 * scripts/derive-gene-names.ts from ../shared/data/human-genes.tsv): a pair asked of a symbol is
 * held when the name is that gene's (about one pair in 16,000 of others is held by chance, and
 * only runs of words right before the symbol's bracket are ever asked).
 */
import geneNames from '#data/gene-names.json';
import { readBloomFilter, type BloomFilter } from '../text/bloomFilter';
import { geneNameKey } from './geneNameKey';

let filter: BloomFilter | undefined;

/** Whether `name` (as written, any case) is the official name of the gene whose symbol is `symbol`. */
export function isOfficialGeneName(symbol: string, name: string): boolean {
  filter ??= readBloomFilter(geneNames);
  return filter.has(geneNameKey(symbol, name));
}
