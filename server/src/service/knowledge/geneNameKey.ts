/** The key a gene's symbol and official name are stored and asked by (data/gene-names.json): the name in small letters, its white space single spaces. */
export function geneNameKey(symbol: string, name: string): string {
  return `${symbol}\t${name.toLowerCase().replace(/\s+/gu, ' ').trim()}`;
}
