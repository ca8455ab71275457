/**
 * `M protein-negative (M−)`, `CD56-positive (CD56+)`: a short form that ends
 * in a plus or minus sign stands for a long form that ends in `positive` or
 * `negative` and whose first word begins with the rest of the short form.
 */

import type { ConstructedCandidate } from '../candidate.js';
import { isLetterOrNumberAt } from '../../../text/characters.js';
import { trimLongFormEnd } from '../longFormBounds.js';
import { collectPrecedingWords } from '../precedingWords.js';
import type { TextSpan } from '../shortFormShape.js';

/** The word each sign spells out; hyphen-minus, minus sign and superscripts all occur. */
const SIGN_WORDS: ReadonlyMap<string, string> = new Map([
  ['+', 'positive'],
  ['\u207a', 'positive'],
  ['-', 'negative'],
  ['\u2212', 'negative'],
  ['\u207b', 'negative'],
]);

/** A signed long form is the stem, at most two qualifying words and the sign word: `END phenomenon positive`. */
const MOST_LONG_FORM_WORDS = 4;
/** Longer stems are not abbreviations. */
const LONGEST_STEM = 15;

/** The signed reading of `text[short)` against the words before `windowEnd`, or `undefined`. */
export function signedShortFormDefinition(
  text: string,
  windowStart: number,
  windowEnd: number,
  short: TextSpan,
): ConstructedCandidate | undefined {
  const written = text.slice(short.start, short.end);
  const signWord = SIGN_WORDS.get(written.slice(-1));
  if (signWord === undefined) return undefined;
  const stem = written.slice(0, -1);
  if (stem.length === 0 || stem.length > LONGEST_STEM || !isLetterOrNumberAt(text, short.start) || !/^[\p{L}\p{N}-]+$/u.test(stem)) {
    return undefined;
  }
  const words = collectPrecedingWords(text, windowStart, windowEnd, MOST_LONG_FORM_WORDS);
  const last = words[words.length - 1];
  if (last === undefined) return undefined;
  const longEnd = trimLongFormEnd(text, last.start, last.end);
  const lastWord = text.slice(last.start, longEnd).toLowerCase();
  if (lastWord !== signWord && !lastWord.endsWith(`-${signWord}`)) return undefined;
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index]!;
    const stemEnd = word.start + stem.length;
    // The stem must be a whole word part: `M protein`, `CD56-positive`, not `Mutant`.
    if (text.startsWith(stem, word.start) && stemEnd <= word.end && !isLetterOrNumberAt(text, stemEnd)) {
      return { construction: 'signed', short, long: { start: word.start, end: longEnd }, pattern: 'long-short' };
    }
  }
  return undefined;
}
