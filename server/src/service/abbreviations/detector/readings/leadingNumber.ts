/**
 * `20-item Toronto Alexithymia Scale (TAS-20)`, `type II TGFbeta receptor (Tgfbr2)`:
 * a number that ends the short form may instead open the long form, written in
 * digits or Roman numerals, when the rest of the short form spells out the
 * words that follow the number.
 */

import { isConvincingCandidate } from '../acceptance.js';
import { alignedCandidate } from '../alignedLongForm.js';
import type { ConstructedCandidate } from '../candidate.js';
import { isLetterOrNumberAt } from '../../../text/characters.js';
import { countLetters } from '../wordAlignment.js';
import type { LongFormWindow } from './longFormWindow.js';

/** Roman numerals from 1 to 12, by value less one. */
export const ROMAN_NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** The leading-number reading of a window, or `undefined`. */
export function leadingNumberDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, short, shortLetters, words } = window;
  const written = text.slice(short.start, short.end);
  const match = /^(.*?\p{L})[-\s]?(\d{1,3})$/u.exec(written);
  if (match === null) return undefined;
  const number = match[2]!;
  const stemLetters = shortLetters.slice(0, shortLetters.length - number.length);
  const stemLetterCount = countLetters(stemLetters);
  if (stemLetterCount < 2) return undefined;
  // The number word is the nearest one that leaves the stem something to spell out.
  for (let index = words.length - 2; index >= 0; index--) {
    const numberWord = words[index]!;
    const form = numberForm(text, numberWord.start, numberWord.end, number);
    if (form === undefined) continue;
    const rest = words.slice(index + 1);
    const aligned = alignedCandidate(text, short, { letters: stemLetters, omittedDigit: false }, rest, stemLetterCount);
    if (aligned === undefined || aligned.long.start !== rest[0]!.start || !isConvincingCandidate(aligned)) return undefined;
    // A numeral standing alone names what it counts with the word before it: `type II`, `phase 3`.
    const before = words[index - 1];
    const start = form === 'standalone' && before !== undefined && !before.isFunctionWord ? before.start : numberWord.start;
    return { construction: 'leading-number', short, long: { start, end: aligned.long.end }, pattern: 'long-short' };
  }
  return undefined;
}

/**
 * How `text[start, end)` writes `number`: `standalone` (`20`, `II`), `prefix`
 * (`20-item`), or `undefined` when it does not.
 */
function numberForm(text: string, start: number, end: number, number: string): 'standalone' | 'prefix' | undefined {
  const word = text.slice(start, end).replace(/[,;:]$/, '');
  if (word === number || word === ROMAN_NUMERALS[Number(number) - 1]) return 'standalone';
  const after = start + number.length;
  if (text.startsWith(number, start) && after < end && text.charAt(after) === '-' && isLetterOrNumberAt(text, after + 1)) return 'prefix';
  return undefined;
}
