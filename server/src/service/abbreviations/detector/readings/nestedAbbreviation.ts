/**
 * `CR with incomplete haematological recovery (CRi)`, `NK T cells (NKT)`: a short form that
 * begins with an abbreviation the long form writes as its own first word, the rest of the short
 * form spelling the initials of the words after it (or of the qualifier right before it, when
 * the long form ends with it: `indexed SV (SVI)`). Response categories are built so (`CRi`,
 * `CRh`), and the letters of the inner abbreviation do not stand at word starts, so an in-order
 * reading of the letters either misses the pair or drops the inner abbreviation from the long form.
 */

import type { ConstructedCandidate } from '../candidate.js';
import { trimLongFormEnd } from '../longFormBounds.js';
import type { LongFormWindow } from './longFormWindow.js';

/** The inner abbreviation, then one to three letters, perhaps after a hyphen: `CR` + `i`, `NK` + `T`. */
const NESTED_SHORT_FORM = /^(\p{Lu}[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*)-?(\p{L}{1,3})$/u;
/** Content words of the long form that give no initial, between the initials or after the last (`partial`, `haematological recovery`). */
const MOST_UNSPELLED_WORDS = 2;

/** The nested-abbreviation reading of a window, or `undefined`. */
export function nestedAbbreviationDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, short, words } = window;
  const match = NESTED_SHORT_FORM.exec(text.slice(short.start, short.end));
  if (match === null) return undefined;
  const inner = match[1]!;
  const initials = match[2]!.toLowerCase();
  const qualified = qualifiedAbbreviationDefinition(window, inner, initials);
  if (qualified !== undefined) return qualified;
  for (let first = words.length - 2; first >= 0; first--) {
    if (text.slice(words[first]!.start, words[first]!.end) !== inner) continue;
    const lastMatched = initialsAfter(window, first + 1, initials);
    if (lastMatched === undefined) return undefined;
    const trailing = words.slice(lastMatched.index + 1);
    if (trailing.some((word) => word.isFunctionWord) || lastMatched.unspelled + trailing.length > MOST_UNSPELLED_WORDS) return undefined;
    const last = words[words.length - 1]!;
    return { construction: 'nested-abbreviation', short, long: { start: words[first]!.start, end: trimLongFormEnd(text, last.start, last.end) }, pattern: 'long-short' };
  }
  return undefined;
}

/**
 * The index of the word whose initial is the last of `initials`, matched in order on the words
 * from `from` (function words such as `with` skipped), and how many content words between them
 * gave no initial (`partial` in `with partial haematological recovery` for `h`).
 */
function initialsAfter(window: LongFormWindow, from: number, initials: string): { index: number; unspelled: number } | undefined {
  const { text, words } = window;
  let next = 0;
  let unspelled = 0;
  for (let i = from; i < words.length; i++) {
    const word = words[i]!;
    if (text.charAt(word.start).toLowerCase() === initials[next]) {
      next++;
      if (next === initials.length) return { index: i, unspelled };
    } else if (!word.isFunctionWord && ++unspelled > MOST_UNSPELLED_WORDS) {
      return undefined;
    }
  }
  return undefined;
}

/**
 * `indexed SV (SVI)`, `corrected QT (QTc)`: the abbreviation the long form ends with, and the
 * qualifier right before it giving the letters the short form adds after it. Only the words right
 * before the inner abbreviation count, one per added letter, none a function word: the long form
 * is those words and the abbreviation (`body weight indexed SV (SVI)` gives `indexed SV`). An
 * added `s` is a plural (`selected ROI (ROIs)`), never a qualifier's initial.
 */
/** Letters a plural adds (`s`, `es`): no qualifier's initial. */
const PLURAL_ENDING = /^e?s$/u;

function qualifiedAbbreviationDefinition(window: LongFormWindow, inner: string, initials: string): ConstructedCandidate | undefined {
  const { text, short, words } = window;
  // `selected ROI (ROIs)`, `somatic SNV (SNVs)`: a plural's ending, whatever word stands before.
  if (PLURAL_ENDING.test(initials)) return undefined;
  const last = words.length - 1;
  if (last < initials.length || text.slice(words[last]!.start, words[last]!.end) !== inner) return undefined;
  const first = last - initials.length;
  for (let k = 0; k < initials.length; k++) {
    const word = words[first + k]!;
    if (word.isFunctionWord || text.charAt(word.start).toLowerCase() !== initials[k] || !/^\p{Ll}+$/u.test(text.slice(word.start, word.end))) return undefined;
  }
  return { construction: 'nested-abbreviation', short, long: { start: words[first]!.start, end: words[last]!.end }, pattern: 'long-short' };
}
