/**
 * Character classes the detector needs, on UTF-16 code units. A surrogate
 * half (a character outside the BMP) is never a word character, so an emoji or
 * a mathematical letter simply separates words.
 */

import { greekLetterName } from './greekLetters.js';

const UNICODE_WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** True for a letter or digit of any script (including Greek letters). */
export function isWordCharacter(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  }
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return UNICODE_WORD_CHARACTER.test(text.charAt(offset));
}

/** True for white space, including the no-break spaces editors insert. */
export function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0xa0 ||
    code === 0x2009 || code === 0x202f || code === 0x200a;
}

/** True for an upper-case letter (any script). */
export function isUpperCaseLetter(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 0x80 && character.length === 1) return code >= 0x41 && code <= 0x5a;
  return character !== character.toLowerCase() && character === character.toUpperCase();
}

/** True for a lower-case letter (any script). */
export function isLowerCaseLetter(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 0x80 && character.length === 1) return code >= 0x61 && code <= 0x7a;
  return character !== character.toUpperCase() && character === character.toLowerCase();
}

/** True for an ASCII digit. */
export function isDigit(character: string): boolean {
  return character >= '0' && character <= '9';
}

/** True for a Greek letter the detector can spell out. */
export function isGreekLetter(character: string): boolean {
  return greekLetterName(character) !== undefined;
}
