import type { DetectedDefinition } from '../abbreviations/definitionDetector';
import type { KnowledgeBase } from '../knowledge/types';
import { foldExpansion } from './expansions';
import { lowerBound } from '../text/sortedSearch';
import { abbreviationKey } from './mentions';
import { isLetterOrNumberAt, isWhitespaceUnit } from '../text/characters';

// `(SF)`, `(SF;` `(SF,` — a short form opening a parenthesis (sticky: tried at each opening bracket).
// Module-level: a literal in a loop makes a new RegExp object on every pass.
// A pandoc subscript may be part of the short form (`(T~reg~)`); the knowledge base spells it plain.
const PAREN_SHORT = /[([]\s*([\p{L}\p{N}][\p{L}\p{N}\-\u2010\u2011/.~]*?)(?:['\u2019]?s)?\s*(?=[)\];,])/uy;

/**
 * Definitions the letter-matching detector cannot see but the knowledge base vouches for:
 * `single-chain variable fragment (scFv)`, whose letters come out of order. A parenthesised
 * short form the knowledge base knows, right after one of its accepted expansions (compared
 * after folding case, hyphens, plurals and spelling), is a definition. `marks` are the token
 * pass's over `masked` (see `text/tokens.ts`).
 */
export function findKnownDefinitions(masked: string, marks: ArrayLike<number>, from: number, to: number, knowledge: KnowledgeBase, detected: readonly DetectedDefinition[]): DetectedDefinition[] {
  const found: DetectedDefinition[] = [];
  const slice = masked.slice(from, to);
  // Only an opening bracket (a mark of the token pass) can start one.
  for (let m = 0; m < marks.length; m++) {
    const opener = marks[m]! - from;
    if (opener < 0) continue;
    if (opener >= slice.length) break;
    const code = slice.charCodeAt(opener);
    if (code !== 0x28 && code !== 0x5b) continue;
    PAREN_SHORT.lastIndex = opener;
    const match = PAREN_SHORT.exec(slice);
    if (match === null) continue;
    const short = match[1]!;
    const shortStart = from + match.index + match[0].indexOf(short);
    const shortEnd = shortStart + short.length;
    // Already a detected definition's short form? `detected` is sorted by short-form start and its
    // short forms never overlap: only the last one starting at or before this one can hold it (one
    // paragraph may hold thousands of definitions, so no scan of them all).
    const holder = detected[lowerBound(detected.length, (k) => detected[k]!.shortStart <= shortStart) - 1];
    if (holder !== undefined && shortEnd <= holder.shortEnd) continue;
    const entry = knowledge.lookupAll(short.includes('~') ? abbreviationKey(short) : short).find((f) => !f.folded && (f.kind === 'preferred' || f.kind === 'variant'))?.entry;
    if (!entry || entry.expansions.length === 0) continue;
    const open = from + match.index;
    let end = open;
    while (end > from && isWhitespaceUnit(masked.charCodeAt(end - 1))) end--;
    for (const expansion of entry.expansions) {
      const words = expansion.trim().split(/\s+/u).length;
      // Take the same number of words before the parenthesis.
      let start = end;
      let seen = 0;
      while (start > from && seen < words) {
        while (start > from && isWhitespaceUnit(masked.charCodeAt(start - 1))) start--;
        while (start > from && !isWhitespaceUnit(masked.charCodeAt(start - 1))) start--;
        seen++;
      }
      while (start < end && !isLetterOrNumberAt(masked, start)) start++;
      const candidate = masked.slice(start, end);
      if (seen === words && candidate.length > 0 && foldExpansion(candidate) === foldExpansion(expansion)) {
        found.push({ short, shortStart, shortEnd, long: candidate, longStart: start, longEnd: end, pattern: 'long-short' });
        break;
      }
    }
  }
  return found;
}
