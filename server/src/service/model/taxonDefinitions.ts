import type { DetectedDefinition } from '../abbreviations/definitionDetector';

/**
 * A virus's code in brackets right after its species' binomial name in italics: `*Mammarenavirus
 * lassaense* (LASV)`, `*Orthohantavirus seoulense* (SEOV)`. The code was coined from the virus's
 * common name (Lassa virus), so its letters do not follow the binomial, but the binomial is how
 * the document introduces it: a definition. The genus must be a virus genus (`…virus`): a host's
 * binomial before a virus code (`*Homo sapiens* (CMV)`) defines nothing. Only a code of capitals
 * ending in `V` (perhaps `CoV` and a number, `SARS-CoV-2`), as virus codes are; other brackets
 * after a binomial (`*E. coli* (ATCC 25922)`, `*Mus musculus* (MM)`) are read by the letters.
 */
const BINOMIAL_AND_VIRUS_CODE = /([*_])(\p{Lu}\p{Ll}*virus \p{Ll}{3,})\1[ \u00a0]\((\p{Lu}[\p{Lu}\p{N}-]{0,8}(?:V|Co[Vv](?:-\p{N}{1,2})?))\)/gu;

/**
 * The definitions `text[from, to)` makes so (offsets relative to `from`, as the block's other
 * definitions are), leaving out short forms another reading already found (`detected`).
 */
export function findTaxonDefinitions(text: string, from: number, to: number, detected: readonly DetectedDefinition[]): DetectedDefinition[] {
  const block = text.slice(from, to);
  // The binomial's genus ends in `virus`: most blocks have none.
  if (!block.includes('virus ')) return [];
  const found: DetectedDefinition[] = [];
  for (const match of block.matchAll(BINOMIAL_AND_VIRUS_CODE)) {
    const longStart = match.index + 1;
    const long = match[2]!;
    const short = match[3]!;
    const shortStart = longStart + long.length + 3;
    if (detected.some((definition) => definition.shortStart === shortStart)) continue;
    found.push({ short, shortStart, shortEnd: shortStart + short.length, long, longStart, longEnd: longStart + long.length, pattern: 'long-short' });
  }
  return found;
}
