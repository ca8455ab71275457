/**
 * `CAR T-cell associated HLH (carHLH)`, `refractory or relapsed disease (rrDLBCL)`:
 * a short form made of a lower-case prefix and an abbreviation in capitals. The
 * prefix is a word of the long form written small (`car` for `CAR`) or the initials
 * of the qualifying words (`rr`); the abbreviation is written in the long form
 * itself, or the long form names it with one head noun (`disease` for DLBCL). The abbreviation
 * may also be defined inside the long form, which goes on after its bracket with a prepositional
 * phrase: `transformation of follicular lymphoma (FL) to aggressive DLBCL (tFL)`, the prefix
 * then spelling the words that lead to the abbreviation's own long form. Or the qualifier comes
 * after the abbreviation, in a phrase that a preposition opens: `CLL with mutated IGHV genes
 * (mCLL)`, `partial least squares regression in tensor form (tPLS)`.
 */

import type { ConstructedCandidate } from '../candidate.js';
import { isLetterOrNumberAt } from '../../../text/characters.js';
import { trimLongFormEnd } from '../longFormBounds.js';
import type { WindowWord } from '../precedingWords.js';
import type { LongFormWindow } from './longFormWindow.js';
import { collectPrecedingWords } from '../precedingWords.js';

/** `car` + `HLH`, `rr` + `DLBCL`, `t` + `FL`: a short lower-case prefix, then capitals (and digits). */
const PREFIXED_ABBREVIATION = /^(\p{Ll}{1,4})-?(\p{Lu}[\p{Lu}\p{N}]+)$/u;
/** Qualifying words allowed between the prefix's words and the written abbreviation: `T-cell associated`. */
const MOST_WORDS_BETWEEN = 2;
/** Without the abbreviation written, only a prefix of this many initials convinces: one letter is chance. */
const LEAST_INITIALS_FOR_HEAD_NOUN = 2;

/** The prefixed-abbreviation reading of a window, or `undefined`. */
export function prefixedAbbreviationDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, short, words } = window;
  const match = PREFIXED_ABBREVIATION.exec(text.slice(short.start, short.end));
  if (match === null || words.length < 2) return undefined;
  const prefix = match[1]!;
  const stem = match[2]!;
  const last = words.length - 1;
  const end = trimLongFormEnd(text, words[last]!.start, words[last]!.end);
  const around = definedStemBefore(window, prefix, stem) ?? stemBeforeQualifier(window, prefix, stem);
  if (around !== undefined) return { construction: 'prefixed-abbreviation', short, long: { start: around, end }, pattern: 'long-short' };
  let stemIndex = last;
  while (stemIndex >= 0 && !hasWordPart(text, words[stemIndex]!, stem, false)) stemIndex--;
  if (stemIndex >= 0) {
    // The abbreviation ends the long form (a head noun after it is not part of what it abbreviates).
    if (stemIndex !== last) return undefined;
    for (let gap = 0; gap <= MOST_WORDS_BETWEEN; gap++) {
      const prefixEnd = stemIndex - 1 - gap;
      if (prefixEnd < 0) break;
      const start = prefixStart(text, words, prefixEnd, prefix, 1);
      if (start !== undefined) return { construction: 'prefixed-abbreviation', short, long: { start, end }, pattern: 'long-short' };
    }
    return undefined;
  }
  // Not written: the prefix's initials end just before one head noun that names the abbreviation.
  if (words[last]!.isFunctionWord || !/^\p{Ll}+$/u.test(text.slice(words[last]!.start, end))) return undefined;
  const start = prefixStart(text, words, last - 1, prefix, LEAST_INITIALS_FOR_HEAD_NOUN);
  return start === undefined ? undefined : { construction: 'prefixed-abbreviation', short, long: { start, end }, pattern: 'long-short' };
}

/** Words that open the phrase after an abbreviation's own definition inside a long form: `… (FL) to aggressive DLBCL`. */
const PHRASE_PREPOSITIONS = new Set(['to', 'into', 'from', 'after', 'following', 'with', 'in', 'at', 'on']);
/** The phrase after the inner definition is short: a qualifier, not a clause. */
const MOST_PHRASE_WORDS = 4;

/**
 * `transformation of follicular lymphoma (FL) to aggressive DLBCL (tFL)`: the window (`to
 * aggressive DLBCL`) is a prepositional phrase right after the stem's own definition `(FL)`,
 * whose long form's initials spell the stem (`follicular lymphoma`); function words before that
 * (`of`), then words whose initials spell the prefix (`transformation`). Where the long form
 * starts, or `undefined`.
 */
function definedStemBefore(window: LongFormWindow, prefix: string, stem: string): number | undefined {
  const { text, words } = window;
  if (words.length === 0 || words.length > MOST_PHRASE_WORDS || !PHRASE_PREPOSITIONS.has(text.slice(words[0]!.start, words[0]!.end).toLowerCase())) return undefined;
  let close = words[0]!.start;
  while (close > window.windowStart && /\s/u.test(text[close - 1]!)) close--;
  const open = close - stem.length - 2;
  if (open < window.windowStart || text.slice(open, close) !== `(${stem})`) return undefined;
  const before = collectPrecedingWords(text, window.windowStart, open, stem.length + prefix.length + 3);
  // The stem's long form: one word per letter, their initials spelling it (`follicular lymphoma`).
  let index = before.length - stem.length;
  if (index < 1) return undefined;
  for (let k = 0; k < stem.length; k++) {
    const initial = firstLetter(text, before[index + k]!);
    if (before[index + k]!.isFunctionWord || initial === undefined || initial.toLowerCase() !== stem.charAt(k).toLowerCase()) return undefined;
  }
  index--;
  // Function words join the prefix's words to it (`transformation of`), at least one.
  if (!before[index]!.isFunctionWord) return undefined;
  while (index >= 0 && before[index]!.isFunctionWord) index--;
  return index >= 0 ? prefixStart(text, before, index, prefix, 1) : undefined;
}

/** Prepositions that open a qualifier written after the abbreviation: `CLL with mutated IGHV`, `PLS regression in tensor form`. */
const QUALIFIER_PREPOSITIONS = new Set(['with', 'without', 'in', 'under', 'after', 'by']);
/** The qualifier after the abbreviation is short: a preposition and a few words. */
const MOST_QUALIFIER_WORDS = 5;

/**
 * `CLL with mutated IGHV genes (mCLL)`, `partial least squares regression in tensor form
 * (tPLS)`: a one-letter prefix that starts a content word of a short phrase opened by a
 * preposition, which ends the long form; before the preposition, the abbreviation itself (as a
 * word, or the initials of as many content words), perhaps with one head noun after it
 * (`regression`). Where the long form starts, or `undefined`.
 */
function stemBeforeQualifier(window: LongFormWindow, prefix: string, stem: string): number | undefined {
  const { text, words } = window;
  if (prefix.length !== 1) return undefined;
  const last = words.length - 1;
  for (let preposition = last - 1; preposition >= 1 && last - preposition <= MOST_QUALIFIER_WORDS; preposition--) {
    const word = words[preposition]!;
    if (!QUALIFIER_PREPOSITIONS.has(text.slice(word.start, word.end).toLowerCase())) continue;
    const qualifier = words.slice(preposition + 1);
    if (!qualifier.some((w) => !w.isFunctionWord && firstLetter(text, w) === prefix)) return undefined;
    for (let headNouns = 0; headNouns <= 1; headNouns++) {
      const stemEnd = preposition - 1 - headNouns;
      if (stemEnd < 0) break;
      if (headNouns === 1 && !/^\p{Ll}{3,}$/u.test(text.slice(words[preposition - 1]!.start, words[preposition - 1]!.end))) break;
      if (hasWordPart(text, words[stemEnd]!, stem, false)) return words[stemEnd]!.start;
      // Or the initials of as many content words (`partial least squares` for PLS).
      const start = prefixStart(text, words, stemEnd, stem.toLowerCase(), stem.length);
      if (start !== undefined) return start;
    }
    return undefined;
  }
  return undefined;
}

/**
 * Where the words spelling `prefix` start, when they end with word `endIndex`: that word
 * written with the same letters (`CAR` for `car`), or the initials of consecutive content
 * words, function words between them left out (`refractory or relapsed` for `rr`).
 */
function prefixStart(text: string, words: readonly WindowWord[], endIndex: number, prefix: string, leastInitials: number): number | undefined {
  const endWord = words[endIndex]!;
  if (endWord.isFunctionWord) return undefined;
  if (leastInitials <= 1 && prefix.length >= 2 && hasWordPart(text, endWord, prefix, true)) return endWord.start;
  if (prefix.length < leastInitials) return undefined;
  let remaining = prefix.length;
  for (let index = endIndex; index >= 0; index--) {
    const word = words[index]!;
    if (word.isFunctionWord) continue;
    const initial = firstLetter(text, word);
    if (initial === undefined || initial.toLowerCase() !== prefix.charAt(remaining - 1)) return undefined;
    remaining--;
    if (remaining === 0) return word.start;
  }
  return undefined;
}

/** True when `part` is a whole hyphen- or slash-separated part of the word (any case when `anyCase`). */
function hasWordPart(text: string, word: WindowWord, part: string, anyCase: boolean): boolean {
  const written = text.slice(word.start, word.end);
  const parts = written.split(/[-/\u2010\u2011]/u).map((piece) => piece.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  return parts.some((piece) => (anyCase ? piece.toLowerCase() === part.toLowerCase() : piece === part));
}

function firstLetter(text: string, word: WindowWord): string | undefined {
  for (let offset = word.start; offset < word.end; offset++) if (isLetterOrNumberAt(text, offset)) return text.charAt(offset);
  return undefined;
}
