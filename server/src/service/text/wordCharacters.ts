/**
 * Word characters (letters, combining marks, decimal digits) by position in a text, the one
 * definition shared by the term matcher and the mention tokenizer. ASCII is read from a table;
 * anything else by the Unicode expression, a whole code point at a time.
 */
const WORD_CHARACTER = /[\p{L}\p{M}\p{Nd}]/u;
/** 1 for an ASCII letter or digit, by code unit. */
export const asciiWordTable = new Uint8Array(128);
for (let c = 0; c < 128; c++) asciiWordTable[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

/** Whether the character starting at `position` (UTF-16 offset) is a word character. */
export function isWordCharacterAt(text: string, position: number): boolean {
  if (position < 0 || position >= text.length) return false;
  const unit = text.charCodeAt(position);
  if (unit < 128) return asciiWordTable[unit] === 1;
  const codePoint = text.codePointAt(position) ?? unit;
  return WORD_CHARACTER.test(String.fromCodePoint(codePoint));
}

/** Whether the character ending just before `position` is a word character. */
export function isWordCharacterBefore(text: string, position: number): boolean {
  if (position <= 0) return false;
  const unit = text.charCodeAt(position - 1);
  if (unit < 128) return asciiWordTable[unit] === 1;
  const isLowSurrogate = unit >= 0xdc00 && unit <= 0xdfff;
  const startOfCharacter = isLowSurrogate && position >= 2 ? position - 2 : position - 1;
  return isWordCharacterAt(text, startOfCharacter);
}
