/**
 * `Liquid Chromatography with Tandem Mass Spectrometry (LC-MS/MS)`: a method run twice in tandem
 * writes its capitals on both sides of a slash, while its long form says `tandem` once before the
 * words that spell them. Read so when the short form ends in `X/X` and the rest of its letters
 * (`LC-MS`) spell the long form with the word `tandem` left out of the spelling but inside the
 * long form, before the words of `X`.
 */

import { isConvincingCandidate } from '../acceptance.js';
import { alignedCandidate } from '../alignedLongForm.js';
import type { ConstructedCandidate } from '../candidate.js';
import { countLetters } from '../wordAlignment.js';
import type { LongFormWindow } from './longFormWindow.js';

/** Capitals, then the same capitals after a slash, at the end of the short form: `MS/MS`. */
export const TANDEM_TAIL = /(\p{Lu}{2,})\/\1$/u;

/** The tandem-method reading of a window, or `undefined`. */
export function tandemMethodDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, short, shortLetters, words } = window;
  const tail = TANDEM_TAIL.exec(text.slice(short.start, short.end));
  if (tail === null) return undefined;
  // `tandem` as a word of its own, or joined to the method before it (`chromatography-tandem`).
  let tandem = -1;
  for (let index = words.length - 1; index >= 0 && tandem < 0; index--) if (TANDEM_WORD.test(text.slice(words[index]!.start, words[index]!.end))) tandem = index;
  if (tandem < 0) return undefined;
  const alone = /^tandem$/iu.test(text.slice(words[tandem]!.start, words[tandem]!.end));
  // The letters without the repeated capitals after the slash (`LCMS` of `LC-MS/MS`).
  const letters = shortLetters.slice(0, shortLetters.length - tail[1]!.length);
  const letterCount = countLetters(letters);
  if (letterCount < 2) return undefined;
  const spelling = alone ? [...words.slice(0, tandem), ...words.slice(tandem + 1)] : words;
  const aligned = alignedCandidate(text, short, { letters, omittedDigit: false }, spelling, letterCount);
  if (aligned === undefined || !isConvincingCandidate(aligned)) return undefined;
  // The long form holds `tandem`: the word right before the words spelled (`tandem mass spectrometry (MS/MS)`) opens it.
  let start = aligned.long.start;
  if (start > words[tandem]!.start) {
    if (!alone || tandem + 1 >= words.length || words[tandem + 1]!.start !== start) return undefined;
    start = words[tandem]!.start;
  }
  return { construction: 'tandem-method', short, long: { start, end: aligned.long.end }, pattern: 'long-short' };
}
/** The word `tandem`, alone or as the last part of a hyphen-joined word. */
const TANDEM_WORD = /(?:^|[-\u2010\u2011\u2013])tandem$/iu;
