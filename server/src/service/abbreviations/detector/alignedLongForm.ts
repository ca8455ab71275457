/**
 * The plain reading of `long form (SF)`: the short form's letters, in order,
 * against the words that end where the short form's bracket opens.
 */

import { isAsciiDigit, isUpperCaseLetter } from '../../text/characters.js';
import type { ComparableCharacter } from './comparableText.js';
import type { AlignedCandidate } from './candidate.js';
import { containsWord, extendToWordStart, trimLongFormEnd } from './longFormBounds.js';
import type { WindowWord } from './precedingWords.js';
import type { TextSpan } from './shortFormShape.js';
import { alignWithWords, countLetters } from './wordAlignment.js';
import { NAMING_NOUNS } from './wordLists.js';

/** One way of reading the short form's letters: all of them, or all but one. */
export interface ShortLetterVariant {
  letters: ComparableCharacter[];
  /**
   * True when the character left out stands for no word: a digit (`nitrous oxide (N2O)`), or the
   * `x` of an interaction between capitals (`gene-environment (GxE)`).
   */
  omittedDigit: boolean;
}

/** The short form's letters with one digit, one interaction `x` or the last character left out, most likely first. */
export function* omissionVariants(letters: ComparableCharacter[], text: string): Generator<ShortLetterVariant> {
  const last = letters.length - 1;
  if (letters.length < 2) return;
  if (!letters[last]!.insideGreekName) {
    yield { letters: letters.slice(0, last), omittedDigit: isAsciiDigit(letters[last]!.character) };
  }
  for (let index = 1; index < last; index++) {
    if (!isAsciiDigit(letters[index]!.character) && !isInteractionSign(text, letters, index)) continue;
    yield { letters: [...letters.slice(0, index), ...letters.slice(index + 1)], omittedDigit: true };
  }
}

/** A lower-case `x` written between two capitals, as genetics writes an interaction (`GxE`, `GxG`). */
function isInteractionSign(text: string, letters: readonly ComparableCharacter[], index: number): boolean {
  const offset = letters[index]!.offset;
  return (
    text.charAt(offset) === 'x' &&
    letters[index - 1]!.offset === offset - 1 &&
    letters[index + 1]!.offset === offset + 1 &&
    isUpperCaseLetter(text.charAt(offset - 1)) &&
    isUpperCaseLetter(text.charAt(offset + 1))
  );
}

/**
 * One reading of a `long form (SF)` bracket: these short-form letters against
 * these words (`wordLetters` are their comparable letters, when already computed).
 * `letterCount` is the short form's full letter count, so that omissions show.
 * `mayContainShortForm` lets a part of a compound short form appear verbatim (`V3` in `V3 loop`).
 */
export function alignedCandidate(
  text: string,
  short: TextSpan,
  variant: ShortLetterVariant,
  words: WindowWord[],
  letterCount: number,
  wordLetters?: ComparableCharacter[],
  mayContainShortForm = false,
): AlignedCandidate | undefined {
  const aligned = alignWithWords(text, variant.letters, words, false, wordLetters);
  if (aligned === undefined) return undefined;
  const firstLetter = aligned.longLetters[aligned.alignment.firstMatch]!;
  const longStart = extendToWordStart(text, words[firstLetter.token]!, firstLetter.offset);
  const longEnd = trimLongFormEnd(text, longStart, words[words.length - 1]!.end);
  if (longEnd - longStart <= short.end - short.start) return undefined;
  // `GM1 ganglioside (GM1)` names the short form, it does not spell it out.
  if (!mayContainShortForm && containsWord(text.slice(longStart, longEnd), text.slice(short.start, short.end))) return undefined;
  return {
    construction: 'letters',
    short,
    long: { start: longStart, end: longEnd },
    pattern: 'long-short',
    alignment: aligned.alignment,
    shortLetterCount: letterCount,
    omittedShortCharacters: letterCount - countLetters(variant.letters),
    omittedDigit: variant.omittedDigit,
    endsWithNamingNoun: NAMING_NOUNS.has(text.slice(words[words.length - 1]!.start, longEnd).toLowerCase()),
  };
}
