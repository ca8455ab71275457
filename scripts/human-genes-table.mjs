// Reads ../shared/data/human-genes.tsv (NCBI Gene via org.Hs.eg.db): one row per gene, tab-separated,
// with a header naming the columns (ncbi_gene_id, symbol, name, gene_type, aliases). Shared by
// the scripts that derive data/gene-symbols.json and data/protein-names.json from it.

/**
 * The table's rows as the cells of the named columns, in that order; rows without a symbol are
 * skipped. Throws when a named column is missing, naming it.
 * @param {string} table the TSV text
 * @param {string[]} columns the header names wanted, `symbol` among them
 * @returns {string[][]}
 */
export function humanGeneRows(table, columns) {
  const lines = table.split(/\r?\n/u);
  const header = lines[0]?.split('\t') ?? [];
  const indexes = columns.map((column) => header.indexOf(column));
  const missing = columns.filter((_column, i) => indexes[i] < 0);
  if (missing.length > 0) throw new Error(`human-genes.tsv: expected columns ${columns.join(' and ')} (missing: ${missing.join(', ')})`);
  const symbolIndex = header.indexOf('symbol');
  const rows = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split('\t');
    if (!cells[symbolIndex]) continue;
    rows.push(indexes.map((index) => cells[index] ?? ''));
  }
  return rows;
}
