/**
 * Glue between the words before (or inside) a bracket and the letter aligner:
 * turns words and short forms into comparable letters and runs one alignment
 * with the skip penalties the words deserve.
 */

import { isLowerCaseLetter, isUpperCaseLetter } from '../../text/characters.js';
import { toComparableCharacters, type ComparableCharacter } from './comparableText.js';
import { alignLetters, type LetterAlignment } from './letterAlignment.js';
import type { WindowWord } from './precedingWords.js';
import type { TextSpan } from './shortFormShape.js';

/** Penalty for leaving a content word of the long form without a short-form letter. */
const SKIPPED_CONTENT_WORD = 2.5;
/** Penalty for leaving a function word (`of`, `the`) without a short-form letter. */
const SKIPPED_FUNCTION_WORD = 0.3;

/** An alignment together with the long-form letters its indexes point into. */
export interface WordAlignment {
  alignment: LetterAlignment;
  longLetters: ComparableCharacter[];
}

/** Aligns short-form letters with a window of words; `fromFirstWord` pins the long form's start. */
export function alignWithWords(
  text: string,
  shortLetters: ComparableCharacter[],
  words: WindowWord[],
  fromFirstWord: boolean,
  wordLetters?: ComparableCharacter[],
): WordAlignment | undefined {
  if (words.length === 0 || shortLetters.length === 0) return undefined;
  const longLetters = wordLetters ?? lettersOfWords(text, words);
  if (longLetters.length === 0) return undefined;
  const skipPenalty: number[] = [];
  const isFunctionToken: boolean[] = [];
  const mayStartToken: boolean[] = [];
  for (const word of words) {
    skipPenalty.push(word.isFunctionWord ? SKIPPED_FUNCTION_WORD : SKIPPED_CONTENT_WORD);
    isFunctionToken.push(word.isFunctionWord);
    // A long form does not start with a lower-case function word: `by penicilloylated bovine IgG (BPO-BGG)`.
    mayStartToken.push(!word.isFunctionWord || !isLowerCaseLetter(text.charAt(word.start)));
  }
  const alignment = alignLetters({
    shortLetters,
    longLetters,
    skipPenalty,
    isFunctionToken,
    mayStartToken,
    ...(fromFirstWord ? { fixedStart: 0 } : { allowTrailingSkip: words[words.length - 1]!.isContextNoun !== true }),
  });
  return alignment === undefined ? undefined : { alignment, longLetters };
}

/** Comparable letters of a window of words, token indexes counting the words. */
export function lettersOfWords(text: string, words: readonly WindowWord[]): ComparableCharacter[] {
  const letters: ComparableCharacter[] = [];
  for (let index = 0; index < words.length; index++) {
    const wordLetters = toComparableCharacters(text, words[index]!.start, words[index]!.end, index);
    for (let i = 0; i < wordLetters.length; i++) letters.push(wordLetters[i]!);
  }
  return letters;
}

/** The short form's comparable letters without a plural `s` (`iPSCs`) or possessive `'s` (`CAR's`). */
export function shortFormLetters(text: string, short: TextSpan): ComparableCharacter[] {
  const letters = toComparableCharacters(text, short.start, short.end);
  const written = text.slice(short.start, short.end);
  const isPossessive = /['\u2019]s$/.test(written);
  const isPlural = written.length >= 3 && written.endsWith('s') && isUpperCaseLetter(written.charAt(written.length - 2));
  return isPossessive || isPlural ? letters.slice(0, -1) : letters;
}

/** Letters that count towards the short form's length: a spelled-out Greek letter counts once. */
export function countLetters(letters: readonly ComparableCharacter[]): number {
  let count = 0;
  for (let i = 0; i < letters.length; i++) {
    const letter = letters[i]!;
    if (!letter.insideGreekName) count++;
  }
  return count;
}

/** Schwartz & Hearst's bound on a long form's length in words, for a short form of `letterCount` letters. */
export function mostLongFormWords(letterCount: number): number {
  return Math.min(letterCount + 5, letterCount * 2);
}
