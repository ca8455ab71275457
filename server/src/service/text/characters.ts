/**
 * The character classes of the service, in one place: word characters (letters, combining
 * marks, decimal digits) by position, and what the token pass records about each code point
 * (case, digit, script). ASCII is read from tables; anything else by Unicode expressions, once
 * per distinct code point (prose holds a few dozen of them).
 */
let wordCharacter: RegExp | undefined;
/**
 * Whether a character outside ASCII is a word character. The expression is compiled at the first
 * such character, not at start-up: three Unicode property classes are among the costliest
 * expressions to compile, and loading the knowledge base or answering `initialize` needs none.
 */
function isWordCharacter(character: string): boolean {
  wordCharacter ??= /[\p{L}\p{M}\p{Nd}]/u;
  return wordCharacter.test(character);
}
/** 1 for an ASCII letter or digit, by code unit. */
export const asciiWordTable = new Uint8Array(128);
for (let c = 0; c < 128; c++) asciiWordTable[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

/** Whether the character starting at `position` (UTF-16 offset) is a word character. */
export function isWordCharacterAt(text: string, position: number): boolean {
  if (position < 0 || position >= text.length) return false;
  const unit = text.charCodeAt(position);
  if (unit < 128) return asciiWordTable[unit] === 1;
  const codePoint = text.codePointAt(position) ?? unit;
  return isWordCharacter(String.fromCodePoint(codePoint));
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

/** Bits of {@link characterClass}. */
export const CharacterClass = {
  /** A letter, combining mark or decimal digit: part of a word. */
  word: 1,
  upper: 2,
  lower: 4,
  /** A decimal digit. */
  digit: 8,
  /** A letter of the Greek script (beta, capital omega). */
  greek: 16,
  /** A letter of neither the Latin nor the Greek script (a CJK ideograph, Cyrillic a, the micro sign). */
  otherScript: 32,
  /** A Cyrillic or Greek letter that looks like a Latin one (see {@link LOOK_ALIKES}). */
  lookAlike: 64,
  /** A letter of any script. */
  letter: 128,
} as const;

/** Cyrillic and Greek letters that look like Latin ones, with the Latin letter meant. */
export const LOOK_ALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S', Ԁ: 'D',
  ο: 'o', Ο: 'O', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

/** {@link CharacterClass} bits of each ASCII code. */
export const asciiClasses = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 0x30 && c <= 0x39) asciiClasses[c] = CharacterClass.word | CharacterClass.digit;
  else if (c >= 0x41 && c <= 0x5a) asciiClasses[c] = CharacterClass.word | CharacterClass.letter | CharacterClass.upper;
  else if (c >= 0x61 && c <= 0x7a) asciiClasses[c] = CharacterClass.word | CharacterClass.letter | CharacterClass.lower;
}
const nonAsciiClasses = new Map<number, number>();

/** The {@link CharacterClass} bits of the character at `position` (a surrogate pair is one character; 0 past the end). */
export function characterClassAt(text: string, position: number): number {
  const codePoint = text.codePointAt(position);
  return codePoint === undefined ? 0 : characterClass(codePoint);
}

/** The {@link CharacterClass} bits of one code point. */
export function characterClass(codePoint: number): number {
  if (codePoint < 128) return asciiClasses[codePoint]!;
  let bits = nonAsciiClasses.get(codePoint);
  if (bits === undefined) {
    bits = classifyNonAscii(String.fromCodePoint(codePoint));
    // Hostile input may hold every code point: stay bounded.
    if (nonAsciiClasses.size >= 10_000) nonAsciiClasses.clear();
    nonAsciiClasses.set(codePoint, bits);
  }
  return bits;
}

function classifyNonAscii(character: string): number {
  let bits = 0;
  if (isWordCharacter(character)) bits |= CharacterClass.word;
  if (/\p{Lu}/u.test(character)) bits |= CharacterClass.upper;
  if (/\p{Ll}/u.test(character)) bits |= CharacterClass.lower;
  if (/\p{Nd}/u.test(character)) bits |= CharacterClass.digit;
  if (/\p{L}/u.test(character)) {
    bits |= CharacterClass.letter;
    if (/\p{Script=Greek}/u.test(character)) bits |= CharacterClass.greek;
    else if (!/\p{Script=Latin}/u.test(character)) bits |= CharacterClass.otherScript;
  }
  if (LOOK_ALIKES[character] !== undefined) bits |= CharacterClass.lookAlike;
  return bits;
}
