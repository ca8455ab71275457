// Types for scripts/human-genes-table.mjs, so TypeScript scripts and tests can import it.

/** The table's rows as the cells of the named columns, in that order; rows without a symbol are skipped. */
export declare function humanGeneRows(table: string, columns: string[]): string[][];
