// Types for scripts/derive-gene-symbols.mjs, so TypeScript tests can import it.

/** Shortest symbol kept. */
export declare const MIN_SYMBOL_LENGTH: number;
/** The official symbols the service ships, sorted, from the text of human-genes.tsv. */
export declare function selectGeneSymbols(table: string): string[];
/** Front-codes a sorted list: per symbol, one digit of characters shared with the previous one, then the rest. */
export declare function frontCode(sorted: string[]): string;
/** The JSON document written to data/gene-symbols.json. */
export declare function geneSymbolsDocument(sorted: string[]): { description: string; count: number; symbols: string };
