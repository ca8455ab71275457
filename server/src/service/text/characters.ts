/**
 * The character classes of the service, in one place; every other module asks these. Two notions
 * of a word character live here on purpose, each named for what it is:
 * - a word character ({@link isWordCharacterAt}: letters, combining marks, decimal digits, by
 *   code point), which the token pass, mentions and the term matcher split words by;
 * - a letter or number ({@link isLetterOrNumberAt}: letters and numbers of any kind, by UTF-16
 *   code unit), which the abbreviation detector, fix safety and known definitions read, and its
 *   variant with `_` ({@link isIdentifierCharacterAt}) for inline exclusions.
 * Also white space, the hyphen family, case and ASCII digits, and what the token pass records about
 * each code point (case, digit, script). ASCII is read from tables; anything else by Unicode
 * expressions, once per distinct code point or code unit (prose holds a few dozen of them).
 */
let wordCharacter: RegExp | undefined;
/**
 * Whether a character outside ASCII is a word character: a letter, combining mark or decimal
 * digit, or one of the two symbols typed for a Greek letter ({@link GREEK_STAND_INS}: APL's `⍺`
 * and `⍵`, so `IL-2R⍺` stays one word). Superscript digits (citation marks such as "cells¹²") and
 * symbols such as ⁺ are not, so "CD56⁺" ends a word after 56. The expression is compiled at the
 * first such character, not at start-up: three Unicode property classes are among the costliest
 * expressions to compile, and loading the knowledge base or answering `initialize` needs none.
 */
function isWordCharacter(character: string): boolean {
  wordCharacter ??= /[\p{L}\p{M}\p{Nd}\u2375\u237a]/u;
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

let letterOrNumber: RegExp | undefined;
/** Answers of {@link isLetterOrNumberUnit} outside ASCII by code unit: 0 not asked yet, 1 yes, 2 no. */
const letterOrNumberUnits = new Uint8Array(0x10000);

/**
 * Whether one UTF-16 code unit is a letter or number of any script (`\p{L}` or `\p{N}`: superscript
 * digits and fractions count, combining marks do not), or APL's `⍺` or `⍵` typed for a Greek
 * letter (as in {@link isWordCharacterAt}). A surrogate half (a character outside the BMP) is
 * neither, so an emoji or a mathematical letter simply separates words; so is `NaN`, what
 * `charCodeAt` gives past either end.
 */
export function isLetterOrNumberUnit(unit: number): boolean {
  if (unit < 128) return asciiWordTable[unit] === 1;
  if (!(unit < 0xd800 || (unit > 0xdfff && unit < 0x10000))) return false;
  let known = letterOrNumberUnits[unit]!;
  if (known === 0) {
    letterOrNumber ??= /[\p{L}\p{N}\u2375\u237a]/u;
    known = letterOrNumber.test(String.fromCharCode(unit)) ? 1 : 2;
    letterOrNumberUnits[unit] = known;
  }
  return known === 1;
}

/** Whether the code unit at `offset` is a letter or number (see {@link isLetterOrNumberUnit}); false outside the text. */
export function isLetterOrNumberAt(text: string, offset: number): boolean {
  return isLetterOrNumberUnit(text.charCodeAt(offset));
}

/**
 * Whether the code unit at `offset` is a letter, a number or `_`: a character of an identifier
 * (`{{ebm_tocilizumab_ct}}`, `snake_case`), as CommonMark's emphasis rules and inline exclusions
 * read a word.
 */
export function isIdentifierCharacterAt(text: string, offset: number): boolean {
  const unit = text.charCodeAt(offset);
  return unit === 0x5f || isLetterOrNumberUnit(unit);
}

/**
 * True when `[start, end)` is joined to a neighbour by an underscore between word characters
 * (`{{ebm_tocilizumab_ct}}`, `GSE2770_IL12_AND_TGFB`): part of an identifier, not prose. Emphasis
 * underscores sit at word edges (`_monoclonal antibody_`), so they do not count.
 */
export function isInsideIdentifier(text: string, start: number, end: number): boolean {
  return (text[start - 1] === '_' && isLetterOrNumberAt(text, start - 2)) || (text[end] === '_' && isLetterOrNumberAt(text, end + 1));
}

/**
 * Whether a code unit is white space: exactly what `\s` matches (ASCII tab, line feed, vertical tab,
 * form feed, carriage return and space; the no-break, thin, hair, en and em spaces editors insert;
 * the other Unicode space separators, line and paragraph separators and the byte-order mark).
 */
export function isWhitespaceUnit(unit: number): boolean {
  if (unit < 128) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  return unit === 0xa0 || unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 ||
    unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff;
}

/** Whether a code unit is a hyphen: the ASCII hyphen-minus, U+2010 HYPHEN or U+2011 NON-BREAKING HYPHEN (not a dash). */
export function isHyphenUnit(unit: number): boolean {
  return unit === 0x2d || unit === 0x2010 || unit === 0x2011;
}

/**
 * True for an upper-case letter of any script, by case mapping: it has a lower-case form and is
 * its own upper-case form. This differs from {@link CharacterClass.upper} (the category `Lu`) on
 * letter-like symbols: circled Ⓐ counts here, double-struck ℝ only there.
 */
export function isUpperCaseLetter(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 0x80 && character.length === 1) return code >= 0x41 && code <= 0x5a;
  return character !== character.toLowerCase() && character === character.toUpperCase();
}

/** True when `text` holds two upper-case letters (the category `Lu`) or more, anywhere: the shape of a name or an abbreviation (`TRP1`, `DESeq2`, `EGFRt`), not of a word. */
export function hasTwoCapitals(text: string): boolean {
  return TWO_CAPITALS.test(text);
}
const TWO_CAPITALS = /\p{Lu}[^]*\p{Lu}/u;

/** True for a lower-case letter of any script, by case mapping (see {@link isUpperCaseLetter}). */
export function isLowerCaseLetter(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 0x80 && character.length === 1) return code >= 0x61 && code <= 0x7a;
  return character !== character.toUpperCase() && character === character.toLowerCase();
}

/** True for an ASCII digit (see {@link CharacterClass.digit} for decimal digits of any script). */
export function isAsciiDigit(character: string): boolean {
  return character >= '0' && character <= '9';
}

/**
 * What fills a glyph span of the masked text after its letter: inline math that prints one Greek
 * letter inside a word (`NF-$\kappa$B` masked as `NF-κ` + six of these + `B`). U+034F, the
 * combining grapheme joiner, is a mark, so the word holds together in the token pass; it has no
 * form of its own, and {@link withoutGlyphFill} takes it out wherever masked text becomes a word to
 * show, compare or write.
 */
export const GLYPH_FILL = '\u034f';
export const GLYPH_FILL_UNIT = 0x034f;

/** `text` without glyph fill: the word as a reader sees it printed (`NF-κB`). */
export function withoutGlyphFill(text: string): string {
  return text.includes(GLYPH_FILL) ? text.split(GLYPH_FILL).join('') : text;
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
  /** A Cyrillic or Greek letter that looks like a Latin one (see {@link LOOK_ALIKES}), or a Latin ligature (see {@link LIGATURES}). */
  lookAlike: 64,
  /** A letter of any script. */
  letter: 128,
  /** A character typed for a Greek letter it looks like (see {@link GREEK_STAND_INS}). */
  greekStandIn: 256,
} as const;

/** Cyrillic and Greek letters that look like Latin ones, with the Latin letter meant. */
export const LOOK_ALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S', Ԁ: 'D',
  ο: 'o', Ο: 'O', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

/**
 * Latin ligatures of the Alphabetic Presentation Forms, one character for two or three letters
 * (`ﬁ` for `fi`): left by text copied from a PDF, they look right but break search, spelling and
 * the reader's screen reader. Flagged with the look-alikes, for the letters they stand for.
 */
export const LIGATURES: Readonly<Record<string, string>> = {
  '\ufb00': 'ff', '\ufb01': 'fi', '\ufb02': 'fl', '\ufb03': 'ffi', '\ufb04': 'ffl', '\ufb05': 'st', '\ufb06': 'st',
};

/**
 * Characters typed for the Greek letter they look like, with the letter meant: the German sharp s
 * for beta (`TGF-ß`, `IL-1ß`), the IPA's Latin alpha and gamma (`TNF-ɑ`, `IFN-ɣ`), APL's alpha
 * and omega (`IL-2R⍺`), and the Greek symbol forms of beta and epsilon (`ϐ`, `FcϵRI`). Each
 * stands for the letter only where no Latin word holds it (see `standsForGreekAt`).
 */
export const GREEK_STAND_INS: Readonly<Record<string, string>> = {
  'ß': 'β', 'ɑ': 'α', 'ɣ': 'γ', '⍺': 'α', '⍵': 'ω', 'ϐ': 'β', 'ϵ': 'ε',
};

/**
 * Whether the character at `offset` of `word` is a {@link GREEK_STAND_INS} character standing for
 * its Greek letter. The symbols and Greek symbol forms always do; a Latin letter (`ß`, `ɑ`, `ɣ`)
 * only outside a Latin word: where no Latin letter comes before it (`IL-1ß`, `ß2M`, `ß-catenin`),
 * or a capital does and no Latin letter follows (`TGFß`), and never before a lower-case Latin
 * letter (`Straße`, `STRAßE` and `Fußball` keep theirs).
 */
export function standsForGreekAt(word: string, offset: number): boolean {
  const character = word[offset]!;
  if (GREEK_STAND_INS[character] === undefined) return false;
  if (!LATIN.test(character)) return true;
  const before = word[offset - 1];
  const after = word[offset + 1];
  const latinBefore = before !== undefined && LATIN.test(before);
  const latinAfter = after !== undefined && LATIN.test(after);
  if (latinAfter && isLowerCaseLetter(after)) return false;
  return !latinBefore || (isUpperCaseLetter(before) && !latinAfter);
}
const LATIN = /\p{Script=Latin}/u;

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
    else if (!LATIN.test(character)) bits |= CharacterClass.otherScript;
  }
  if (LOOK_ALIKES[character] !== undefined || LIGATURES[character] !== undefined) bits |= CharacterClass.lookAlike;
  if (GREEK_STAND_INS[character] !== undefined) bits |= CharacterClass.greekStandIn;
  return bits;
}

/** A number ending right before a word, perhaps with one space between (`32 GB`, `24 gray`): read on the text before the word. */
export const NUMBER_JUST_BEFORE = /\p{N}[ \u00a0]?$/u;
