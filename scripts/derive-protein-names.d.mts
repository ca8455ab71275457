// Types for scripts/derive-protein-names.mjs, so TypeScript tests can import it.

/** Each gene symbol's aliases, from the text of human-genes.tsv. */
export declare function aliasesBySymbol(table: string): Map<string, Set<string>>;
/** The knowledge base's forms that name a protein by a symbol of one of the entry's genes, with the gene symbols they name. */
export declare function selectProteinNames(
  knowledge: { entries: { id: string; preferred: string; variants?: string[]; genes?: { symbol: string }[]; needsDefinition: boolean }[] },
  aliases: Map<string, Set<string>>,
): Record<string, string>;
