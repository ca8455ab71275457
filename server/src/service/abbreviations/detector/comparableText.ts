/**
 * Turns a stretch of prose into the letters the short/long-form matcher
 * compares: lower-cased, Greek letters spelled out (`β` → `beta`), punctuation
 * dropped, each letter remembering where it came from and whether it starts a
 * word part (`non-|small`, `Mc|Dermott`, `interleukin|15`).
 */

import { greekLetterName } from './greekLetters.js';
import { isDigit, isLowerCaseLetter, isUpperCaseLetter, isWhitespace, isWordCharacter } from './characters.js';

/** One comparable letter or digit. */
export interface ComparableCharacter {
  /** Lower-case letter or digit. */
  character: string;
  /** UTF-16 offset of the source character in the document. */
  offset: number;
  /** Index of the white-space separated token it belongs to (0 = first token of the stretch). */
  token: number;
  /** First letter of a word part: after punctuation or space, at a case or letter/digit change, or a Greek letter. */
  startsWordPart: boolean;
  /** First letter after white space or punctuation (a long form may begin only here). */
  followsSeparator: boolean;
  /** Second and later letters of a spelled-out Greek letter: they only ever continue that letter. */
  insideGreekName: boolean;
  /** The previous comparable character was its immediate neighbour in the source (no separator between). */
  joinedToPrevious: boolean;
  /** On the first letter of a spelled-out number (`three-dimensional`): the digit it stands for. */
  spelledDigit?: string;
}

/** Number words a short-form digit may stand for (`3D` = `three-dimensional`). */
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** The digit spelled out by the word part starting at `offset`, if any (`two-` → `2`). */
function spelledDigitAt(text: string, offset: number, end: number): string | undefined {
  for (let digit = 0; digit < NUMBER_WORDS.length; digit++) {
    const word = NUMBER_WORDS[digit]!;
    if (offset + word.length > end) continue;
    if (text.slice(offset, offset + word.length).toLowerCase() !== word) continue;
    const after = offset + word.length;
    if (after < end && isWordCharacter(text, after)) continue;
    return String(digit);
  }
  return undefined;
}

/**
 * Comparable characters of `text[start, end)`, in reading order. Token indexes
 * count white-space separated runs from `firstToken`.
 */
export function toComparableCharacters(text: string, start: number, end: number, firstToken = 0): ComparableCharacter[] {
  const result: ComparableCharacter[] = [];
  let token = firstToken;
  let seenWordCharacterInToken = false;
  let previousWasWordCharacter = false;
  let previousCharacter = '';
  for (let offset = start; offset < end; offset++) {
    const code = text.charCodeAt(offset);
    if (isWhitespace(code)) {
      if (seenWordCharacterInToken) token++;
      seenWordCharacterInToken = false;
      previousWasWordCharacter = false;
      previousCharacter = '';
      continue;
    }
    const source = text.charAt(offset);
    if (!isWordCharacter(text, offset)) {
      previousWasWordCharacter = false;
      previousCharacter = '';
      continue;
    }
    const greekName = greekLetterName(source);
    if (greekName !== undefined) {
      const continuesGreek = previousWasWordCharacter && greekLetterName(previousCharacter) !== undefined;
      for (let index = 0; index < greekName.length; index++) {
        result.push({
          character: greekName.charAt(index),
          offset,
          token,
          startsWordPart: index === 0 && !continuesGreek,
          followsSeparator: index === 0 && !previousWasWordCharacter,
          insideGreekName: index > 0,
          joinedToPrevious: index > 0 || previousWasWordCharacter,
        });
      }
    } else {
      const comparable: ComparableCharacter = {
        character: source.toLowerCase().charAt(0),
        offset,
        token,
        startsWordPart: !previousWasWordCharacter || startsNewWordPart(previousCharacter, source),
        followsSeparator: !previousWasWordCharacter,
        insideGreekName: false,
        joinedToPrevious: previousWasWordCharacter,
      };
      const spelledDigit = previousWasWordCharacter ? undefined : spelledDigitAt(text, offset, end);
      if (spelledDigit !== undefined) comparable.spelledDigit = spelledDigit;
      result.push(comparable);
    }
    seenWordCharacterInToken = true;
    previousWasWordCharacter = true;
    previousCharacter = source;
  }
  return result;
}

/** A case change (`Mc|Dermott`), a letter/digit change (`CD|56`) or the end of a Greek letter (`γ|R`). */
function startsNewWordPart(previous: string, current: string): boolean {
  if (greekLetterName(previous) !== undefined) return true;
  if (isLowerCaseLetter(previous) && isUpperCaseLetter(current)) return true;
  return isDigit(previous) !== isDigit(current);
}
