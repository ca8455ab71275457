import geneSymbolData from '../../../../data/gene-symbols.json';

/**
 * Reads the front-coded list of data/gene-symbols.json (written by
 * scripts/derive-gene-symbols.mjs): space-separated items, each a digit giving how many
 * leading characters it shares with the previous symbol, then the rest of the symbol.
 */
export function decodeGeneSymbols(coded: string): Set<string> {
  const symbols = new Set<string>();
  let previous = '';
  let itemStart = 0;
  for (let i = 0; i <= coded.length; i++) {
    if (i < coded.length && coded.charCodeAt(i) !== 0x20) continue;
    if (i > itemStart) {
      const shared = coded.charCodeAt(itemStart) - 0x30;
      previous = previous.slice(0, shared) + coded.slice(itemStart + 1, i);
      symbols.add(previous);
    }
    itemStart = i + 1;
  }
  return symbols;
}

let officialSymbols: Set<string> | undefined;

/**
 * True when `symbol` is the official symbol of a human protein-coding gene (three characters
 * or more; aliases are not). Decoded on first use (about 20,000 symbols, a few milliseconds).
 */
export function isOfficialGeneSymbol(symbol: string): boolean {
  officialSymbols ??= decodeGeneSymbols(geneSymbolData.symbols);
  return officialSymbols.has(symbol);
}

/**
 * The official symbols a key names: the key itself (`BCL2`, `HLA-E`), or each hyphen part of a
 * complex or fusion written with hyphens (`GOLGA7-ZDHHC5`). Undefined when it names none.
 */
export function officialGeneSymbolsOf(key: string): string[] | undefined {
  if (isOfficialGeneSymbol(key)) return [key];
  if (!key.includes('-')) return undefined;
  const parts = key.split('-');
  return parts.length > 1 && parts.every(isOfficialGeneSymbol) ? parts : undefined;
}
