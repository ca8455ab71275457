/**
 * Finds every `long form (SF)` and `SF (long form)` pairing whose letters can
 * be aligned, with the alignment that supports it. Whether the alignment is
 * convincing enough to report is decided separately (see `acceptance.ts`).
 */

import { findBracketGroups, type BracketGroup } from './bracketGroups.js';
import { isDigit as isDigitCharacter, isLowerCaseLetter, isUpperCaseLetter, isWhitespace, isWordCharacter } from './characters.js';
import { toComparableCharacters, type ComparableCharacter } from './comparableText.js';
import { alignLetters, type LetterAlignment } from './letterAlignment.js';
import { collectPrecedingWords, type WindowWord } from './precedingWords.js';
import { firstItemOfBracket, hasShortFormShape, lastItemOfBracket, type TextSpan } from './shortFormShape.js';
import { ABBREVIATIONS_ENDING_WITH_STOP, FUNCTION_WORDS } from './wordLists.js';

/** A definition the aligner could support, before the acceptance decision. */
export interface DefinitionCandidate {
  short: TextSpan;
  long: TextSpan;
  pattern: 'long-short' | 'short-long';
  alignment: LetterAlignment;
  /** Number of short-form letters compared (a spelled-out Greek letter counts once). */
  shortLetterCount: number;
}

/** Penalty for leaving a content word of the long form without a short-form letter. */
const SKIPPED_CONTENT_WORD = 2.5;
/** Penalty for leaving a function word (`of`, `the`) without a short-form letter. */
const SKIPPED_FUNCTION_WORD = 0.3;

/** All aligned candidates in `text[from, to)`, in order of their brackets' closing. */
export function findDefinitionCandidates(text: string, from: number, to: number): DefinitionCandidate[] {
  const candidates: DefinitionCandidate[] = [];
  const groups = findBracketGroups(text, from, to);
  const letterLabels = singleLetterContents(text, groups);
  for (const group of groups) {
    const candidate =
      singleLetterDefinition(text, from, group, letterLabels) ??
      longFormBeforeBracket(text, from, group) ??
      shortFormBeforeBracket(text, from, group);
    if (candidate !== undefined) candidates.push(candidate);
  }
  return candidates;
}

/** The upper-case letters that stand alone in a bracket somewhere in the block: `(A)`, `(E, n = 20)`. */
function singleLetterContents(text: string, groups: readonly BracketGroup[]): Set<string> {
  const letters = new Set<string>();
  for (const group of groups) {
    const item = firstItemOfBracket(text, group.open + 1, group.close);
    if (item !== undefined && item.end - item.start === 1) letters.add(text.charAt(item.start));
  }
  return letters;
}

/**
 * `testosterone (T)`, `excitatory (E, n = 20)`: a single capital letter defined
 * by the one word before it, which starts with that letter. Panel labels
 * (`(A) … (B)`) are told apart by their alphabetical neighbours in the block.
 */
function singleLetterDefinition(
  text: string,
  blockStart: number,
  group: BracketGroup,
  letterLabels: ReadonlySet<string>,
): DefinitionCandidate | undefined {
  const short = firstItemOfBracket(text, group.open + 1, group.close);
  if (short === undefined || short.end - short.start !== 1) return undefined;
  const letter = text.charAt(short.start);
  if (!/^[A-Z]$/.test(letter) || group.open <= blockStart || !isWhitespace(text.charCodeAt(group.open - 1))) return undefined;
  const code = letter.charCodeAt(0);
  if (letterLabels.has(String.fromCharCode(code - 1)) || letterLabels.has(String.fromCharCode(code + 1))) return undefined;
  const [word] = collectPrecedingWords(text, blockStart, group.open, 1);
  if (word === undefined || word.isFunctionWord) return undefined;
  const longEnd = trimLongFormEnd(text, word.start, word.end);
  const written = text.slice(word.start, longEnd);
  if (!/^\p{L}[\p{L}-]{3,}$/u.test(written) || written.charAt(0).toUpperCase() !== letter) return undefined;
  const aligned = alignWithWords(text, shortFormLetters(text, short), [{ ...word, end: longEnd }], true);
  if (aligned === undefined) return undefined;
  return { short, long: { start: word.start, end: longEnd }, pattern: 'long-short', alignment: aligned.alignment, shortLetterCount: 1 };
}

/**
 * `long form (SF)`: the bracket opens with a short form whose letters fit the
 * preceding words; or `(long form, SF)`: the bracket holds both.
 */
function longFormBeforeBracket(text: string, blockStart: number, group: BracketGroup): DefinitionCandidate | undefined {
  // `(ERK)1/2`: a bracket glued to the following word is part of that word.
  if (group.close + 1 < text.length && isWordCharacter(text, group.close + 1)) return undefined;
  const short = firstItemOfBracket(text, group.open + 1, group.close);
  if (short !== undefined && mayOpenDefinitionBracket(text, blockStart, group.open)) {
    const candidate = longFormEndingAt(text, blockStart, group.open, short);
    if (candidate !== undefined) return candidate;
  }
  const last = lastItemOfBracket(text, group.open + 1, group.close);
  return last === undefined ? undefined : longFormEndingAt(text, group.open + 1, last.separator, last.item);
}

/**
 * A bracket glued to the preceding word (`ubiquitin(Ub)`) opens a definition
 * only after a real word; `O(2)`, `k(a)` and `10(-4)` are notation.
 */
function mayOpenDefinitionBracket(text: string, blockStart: number, open: number): boolean {
  if (open <= blockStart || !isWordCharacter(text, open - 1)) return true;
  if (isDigitCharacter(text.charAt(open - 1))) return false;
  let wordStart = open;
  while (wordStart > blockStart && isWordCharacter(text, wordStart - 1)) wordStart--;
  return open - wordStart >= 3;
}

/** Aligns `short` with the words that end at `windowEnd` (and start no earlier than `windowStart`). */
function longFormEndingAt(text: string, windowStart: number, windowEnd: number, short: TextSpan): DefinitionCandidate | undefined {
  if (!hasShortFormShape(text, short)) return undefined;
  const shortLetters = shortFormLetters(text, short);
  const letterCount = countLetters(shortLetters);
  if (letterCount < 2) return undefined;
  // Schwartz & Hearst's bound on the long form's length, in words.
  const maxWords = Math.min(letterCount + 5, letterCount * 2);
  const words = collectPrecedingWords(text, windowStart, windowEnd, maxWords);
  const aligned = alignWithWords(text, shortLetters, words, false);
  if (aligned === undefined) return undefined;
  const firstLetter = aligned.longLetters[aligned.alignment.firstMatch]!;
  const longStart = extendToWordStart(text, words[firstLetter.token]!, firstLetter.offset);
  const longEnd = trimLongFormEnd(text, longStart, words[words.length - 1]!.end);
  if (longEnd - longStart <= short.end - short.start) return undefined;
  // `GM1 ganglioside (GM1)` names the short form, it does not spell it out.
  if (containsWord(text.slice(longStart, longEnd), text.slice(short.start, short.end))) return undefined;
  return { short, long: { start: longStart, end: longEnd }, pattern: 'long-short', alignment: aligned.alignment, shortLetterCount: letterCount };
}

/**
 * A long form whose first letter sits inside a hyphenated word takes the whole
 * word: `2,6-diaminopurine (DAP)`, `c-Jun N-terminal kinase (JNK)`. A slash
 * separates alternatives and a dash separates phrases, so `Ngn3/paired box 6 (PAX6)` starts at `paired`.
 */
function extendToWordStart(text: string, word: WindowWord, firstLetterOffset: number): number {
  const prefix = text.slice(word.start, firstLetterOffset);
  return /\/|--|[\u2013\u2014]/.test(prefix) ? firstLetterOffset : word.start;
}

/** `SF (long form)`: the word before the bracket is a short form spelled out inside the bracket. */
function shortFormBeforeBracket(text: string, blockStart: number, group: BracketGroup): DefinitionCandidate | undefined {
  const [word] = collectPrecedingWords(text, blockStart, group.open, 1);
  if (word === undefined || word.isFunctionWord) return undefined;
  let shortStart = word.start;
  while (shortStart < word.end && !isWordCharacter(text, shortStart)) shortStart++;
  const short = { start: shortStart, end: word.end };
  if (!hasShortFormShape(text, short) || !containsUpperCase(text, short)) return undefined;
  const long = firstItemOfBracket(text, group.open + 1, group.close);
  if (long === undefined) return undefined;
  const longWords = splitWords(text, long);
  const shortLetters = shortFormLetters(text, short);
  const letterCount = countLetters(shortLetters);
  if (letterCount < 2 || longWords.length > Math.min(letterCount + 5, letterCount * 2)) return undefined;
  const aligned = alignWithWords(text, shortLetters, longWords, true);
  if (aligned === undefined) return undefined;
  const longEnd = trimLongFormEnd(text, long.start, long.end);
  if (longEnd - long.start <= short.end - short.start) return undefined;
  return { short, long: { start: long.start, end: longEnd }, pattern: 'short-long', alignment: aligned.alignment, shortLetterCount: letterCount };
}

/** Aligns short-form letters with a window of words; `fromFirstWord` pins the long form's start. */
function alignWithWords(
  text: string,
  shortLetters: ComparableCharacter[],
  words: WindowWord[],
  fromFirstWord: boolean,
): { alignment: LetterAlignment; longLetters: ComparableCharacter[] } | undefined {
  if (words.length === 0) return undefined;
  const longLetters: ComparableCharacter[] = [];
  words.forEach((word, index) => longLetters.push(...toComparableCharacters(text, word.start, word.end, index)));
  if (longLetters.length === 0) return undefined;
  const alignment = alignLetters({
    shortLetters,
    longLetters,
    skipPenalty: words.map((word) => (word.isFunctionWord ? SKIPPED_FUNCTION_WORD : SKIPPED_CONTENT_WORD)),
    isFunctionToken: words.map((word) => word.isFunctionWord),
    // A long form does not start with a lower-case function word: `by penicilloylated bovine IgG (BPO-BGG)`.
    mayStartToken: words.map((word) => !word.isFunctionWord || !isLowerCaseLetter(text.charAt(word.start))),
    firstAllowedToken: 0,
    ...(fromFirstWord ? { fixedStart: 0 } : { allowTrailingSkip: true }),
  });
  return alignment === undefined ? undefined : { alignment, longLetters };
}

/** The short form's comparable letters without a plural `s` (`iPSCs`) or possessive `'s` (`CAR's`). */
function shortFormLetters(text: string, short: TextSpan): ComparableCharacter[] {
  const letters = toComparableCharacters(text, short.start, short.end);
  const written = text.slice(short.start, short.end);
  const isPossessive = /['\u2019]s$/.test(written);
  const isPlural = written.length >= 3 && written.endsWith('s') && isUpperCaseLetter(written.charAt(written.length - 2));
  return isPossessive || isPlural ? letters.slice(0, -1) : letters;
}

/** Letters that count towards the short form's length: a spelled-out Greek letter counts once. */
function countLetters(letters: readonly ComparableCharacter[]): number {
  return letters.filter((letter) => !letter.insideGreekName).length;
}

function containsUpperCase(text: string, span: TextSpan): boolean {
  for (let offset = span.start; offset < span.end; offset++) if (isUpperCaseLetter(text.charAt(offset))) return true;
  return false;
}

/** White-space separated words of a span. */
function splitWords(text: string, span: TextSpan): WindowWord[] {
  const words: WindowWord[] = [];
  let offset = span.start;
  while (offset < span.end) {
    while (offset < span.end && isWhitespace(text.charCodeAt(offset))) offset++;
    const start = offset;
    while (offset < span.end && !isWhitespace(text.charCodeAt(offset))) offset++;
    if (offset > start) {
      const bare = text.slice(start, offset).replace(/^\W+|\W+$/g, '').toLowerCase();
      words.push({ start, end: offset, isFunctionWord: FUNCTION_WORDS.has(bare) });
    }
  }
  return words;
}

/** Drops trailing punctuation and quotes from a long form (`cytotoxicity,` → `cytotoxicity`). */
function trimLongFormEnd(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start) {
    const character = text.charAt(trimmed - 1);
    const keepsStop = character === '.' && isAbbreviationWithStop(text, start, trimmed - 1);
    if (!keepsStop && (/[,;:.!?"'\u201c\u201d\u2018\u2019]/.test(character) || isWhitespace(character.charCodeAt(0)))) {
      trimmed--;
    } else {
      break;
    }
  }
  return trimmed;
}

/** True when the full stop at `stop` closes a known abbreviation (`British Aircraft Corp.`). */
function isAbbreviationWithStop(text: string, start: number, stop: number): boolean {
  let wordStart = stop;
  while (wordStart > start && isWordCharacter(text, wordStart - 1)) wordStart--;
  return ABBREVIATIONS_ENDING_WITH_STOP.has(text.slice(wordStart, stop).toLowerCase());
}

/** True when `phrase` has `word` as one of its white-space separated words (punctuation aside). */
function containsWord(phrase: string, word: string): boolean {
  return phrase.split(/\s+/).some((part) => part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') === word);
}
