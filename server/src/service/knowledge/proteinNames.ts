// The repository's data folder is named once, in package.json's `imports` (`#data/*`).
import proteinNames from '#data/protein-names.json';

/** Knowledge-base forms that name a protein by a symbol of its gene's record, with the gene symbols (scripts/derive-protein-names.mjs). */
const PROTEIN_NAMES: Readonly<Record<string, string>> = proteinNames.names;

/** The gene symbols whose record lists `key` as a symbol of their protein (`PD-1`: PDCD1), or undefined. */
export function proteinNameGenes(key: string): string | undefined {
  return Object.hasOwn(PROTEIN_NAMES, key) ? PROTEIN_NAMES[key] : undefined;
}
