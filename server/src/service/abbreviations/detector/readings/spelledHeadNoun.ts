/**
 * `NK cells from peripheral blood (PB-NK cells)`, `chimeric antigen receptor T
 * cells (CAR-T cells)`: a short form may carry its head noun spelled out in full,
 * the same noun the long form names. The abbreviation is then the part before
 * the noun, read against the same words; the noun is not part of it, so later
 * uses (`PB-NK cells`, `PB-NK`) find the definition.
 */

import { isConvincingCandidate } from '../acceptance.js';
import { alignedCandidate } from '../alignedLongForm.js';
import type { DefinitionCandidate } from '../candidate.js';
import { isWhitespaceUnit } from '../../../text/characters.js';
import { countLetters, shortFormLetters } from '../wordAlignment.js';
import type { LongFormWindow } from './longFormWindow.js';
import { swappedPartsDefinition } from './swappedParts.js';

/** The reading of the short form without its spelled-out head noun, or `undefined`. */
export function spelledHeadNounDefinition(window: LongFormWindow): DefinitionCandidate | undefined {
  const { text, short, words } = window;
  let nounStart = short.end;
  while (nounStart > short.start && !isWhitespaceUnit(text.charCodeAt(nounStart - 1))) nounStart--;
  if (nounStart <= short.start) return undefined;
  const noun = text.slice(nounStart, short.end);
  if (!/^\p{Ll}{3,}$/u.test(noun)) return undefined;
  let abbreviationEnd = nounStart;
  while (abbreviationEnd > short.start && isWhitespaceUnit(text.charCodeAt(abbreviationEnd - 1))) abbreviationEnd--;
  if (!words.some((word) => sameNoun(text.slice(word.start, word.end), noun))) return undefined;
  const abbreviation = { start: short.start, end: abbreviationEnd };
  if (/\s/.test(text.slice(abbreviation.start, abbreviation.end))) return undefined;
  const shortLetters = shortFormLetters(text, abbreviation);
  const letterCount = countLetters(shortLetters);
  if (letterCount < 2) return undefined;
  const inner: LongFormWindow = { ...window, short: abbreviation, shortLetters, letterCount };
  const inOrder = alignedCandidate(text, abbreviation, { letters: shortLetters, omittedDigit: false }, words, letterCount);
  const reading = inOrder !== undefined && isConvincingCandidate(inOrder) ? inOrder : swappedPartsDefinition(inner);
  // The noun is one of the long form's own words (singular or plural), not a word about it:
  // `the difference between … diameter (AD-BPD difference)` names no difference in its long form.
  if (reading === undefined) return undefined;
  const longWords = words.filter((word) => word.start >= reading.long.start && word.end <= reading.long.end + 1);
  return longWords.some((word) => sameNoun(text.slice(word.start, word.end), noun)) ? reading : undefined;
}

/** `cells` and `cell,` name the same noun. */
function sameNoun(word: string, noun: string): boolean {
  const bare = word.replace(/[^\p{L}]+$/u, '').toLowerCase();
  const singular = (value: string) => value.replace(/s$/u, '');
  return bare === noun || singular(bare) === singular(noun);
}
