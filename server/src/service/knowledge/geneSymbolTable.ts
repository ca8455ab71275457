/**
 * The official gene symbols' two written forms: the front-coded list of data/gene-symbols.json
 * and the groups the service looks symbols up in. Used by the build (scripts/prebuild-knowledge.ts),
 * which hands the service the groups.
 */

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

/**
 * The symbols grouped by their first two characters, for the build: per group, the rest of
 * each symbol between single spaces, with a space at both ends (` L2 L6 ` for BCL2 and BCL6).
 * Looking a symbol up is then one short substring search, and start-up parses about a
 * thousand strings instead of filling a set of 20,000 (issue 16).
 */
export function bucketGeneSymbols(symbols: Iterable<string>): Record<string, string> {
  const rests = new Map<string, string[]>();
  for (const symbol of symbols) {
    const key = symbol.slice(0, 2);
    const list = rests.get(key) ?? [];
    if (list.length === 0) rests.set(key, list);
    list.push(symbol.slice(2));
  }
  return Object.fromEntries([...rests].map(([key, list]) => [key, ` ${list.join(' ')} `]));
}
