/**
 * `whole genome (WGS) or whole exome sequencing (WES)`, `total (TC) and free
 * cholesterol (FC)`: two coordinated terms share their head words, written only
 * once after the second. The first term's long form stops at its bracket; its
 * short form ends with the letters of the shared head (`S` for `sequencing`),
 * which the second short form ends with too. Read so when the first short form's
 * other letters are the initials of the words before its bracket, and the second
 * definition spells its short form in full with the head words last.
 */

import { isConvincingCandidate } from '../acceptance.js';
import { alignedCandidate } from '../alignedLongForm.js';
import type { ConstructedCandidate } from '../candidate.js';
import { isWhitespaceUnit, isLetterOrNumberAt } from '../../../text/characters.js';
import type { ComparableCharacter } from '../comparableText.js';
import { trimLongFormEnd } from '../longFormBounds.js';
import { collectPrecedingWords, type WindowWord } from '../precedingWords.js';
import { firstItemOfBracket, hasShortFormShape, type TextSpan } from '../shortFormShape.js';
import { alignWithWords, countLetters, shortFormLetters } from '../wordAlignment.js';
import type { LongFormWindow } from './longFormWindow.js';
import { FUNCTION_WORDS } from '../wordLists.js';

/** The first bracket holds the short form and perhaps a remark (`WGS, 20 patients`); longer is no definition. */
const LONGEST_BRACKET = 200;
/** The second term is a short phrase: `whole exome sequencing`, `free cholesterol`. */
const MOST_SECOND_TERM_WORDS = 5;
/** What joins the two terms. */
export const COORDINATORS: ReadonlySet<string> = new Set(['and', 'or']);

/** The shared-head-words reading of a window, or `undefined`. */
export function sharedHeadWordsDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, short, shortLetters, words } = window;
  const open = window.windowEnd;
  if (text.charAt(open) !== '(' && text.charAt(open) !== '[') return undefined;
  const close = matchingClose(text, open);
  if (close === undefined) return undefined;
  // The head may be written by the next term or by a later one of a list (`overall (OS), tumor-related (TRS) and relapse-free survival (RFS)`).
  for (const second of followingTerms(text, close + 1)) {
    const secondLetters = shortFormLetters(text, second.short);
    const sharedCount = sharedSuffixLength(shortLetters, secondLetters);
    for (let shared = sharedCount; shared >= 1; shared--) {
      const own = shortLetters.slice(0, shortLetters.length - shared);
      if (countLetters(own) < 1 || secondLetters.length - shared < 1) continue;
      const head = headWords(text, second, secondLetters, shared);
      if (head === undefined) continue;
      const ownLong = initialsBefore(text, short, own, words);
      if (ownLong !== undefined) {
        return { construction: 'shared-head-words', short, long: ownLong, pattern: 'long-short', sharedTrailingWords: head };
      }
    }
  }
  return undefined;
}

function matchingClose(text: string, open: number): number | undefined {
  const closer = text.charAt(open) === '(' ? ')' : ']';
  const limit = Math.min(text.length, open + LONGEST_BRACKET);
  for (let offset = open + 1; offset < limit; offset++) {
    const character = text.charAt(offset);
    if (character === closer) return offset;
    if (character === '(' || character === '[' || character === ')' || character === ']' || character === '\n') return undefined;
  }
  return undefined;
}

/** The second term after the first bracket: `or whole exome sequencing (WES`, its words and short form. */
interface SecondTerm {
  words: WindowWord[];
  short: TextSpan;
}

/** The most terms after the first that a list may run to before the one writing the shared head. */
const MOST_FOLLOWING_TERMS = 3;

/**
 * The terms after the first bracket, each with its own bracketed short form: after `and` or `or`
 * (`or whole exome sequencing (WES`), or after a comma as a list goes on (`, tumor-related (TRS) and
 * relapse-free survival (RFS`), at most {@link MOST_FOLLOWING_TERMS}.
 */
function* followingTerms(text: string, from: number): Generator<SecondTerm> {
  let offset = from;
  for (let term = 0; term < MOST_FOLLOWING_TERMS; term++) {
    let comma = false;
    while (offset < text.length && (isWhitespaceUnit(text.charCodeAt(offset)) || text.charAt(offset) === ',')) {
      if (text.charAt(offset) === ',') comma = true;
      offset++;
    }
    const coordinatorEnd = wordEnd(text, offset);
    const wordsStart = COORDINATORS.has(text.slice(offset, coordinatorEnd)) ? coordinatorEnd : comma ? offset : -1;
    if (wordsStart < 0) return;
    let open = wordsStart;
    const limit = Math.min(text.length, wordsStart + 120);
    while (open < limit && text.charAt(open) !== '(' && text.charAt(open) !== '[') {
      if (/[.;:,)\]\n]/.test(text.charAt(open))) return;
      open++;
    }
    if (open >= limit) return;
    const close = matchingClose(text, open);
    if (close === undefined) return;
    const short = firstItemOfBracket(text, open + 1, close);
    if (short === undefined || !hasShortFormShape(text, short)) return;
    const words = collectPrecedingWords(text, wordsStart, open, MOST_SECOND_TERM_WORDS + 1);
    if (words.length === 0 || words.length > MOST_SECOND_TERM_WORDS || words[0]!.start < wordsStart) return;
    yield { words, short };
    offset = close + 1;
  }
}

function wordEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isLetterOrNumberAt(text, end)) end++;
  return end;
}

function sharedSuffixLength(letters: readonly ComparableCharacter[], other: readonly ComparableCharacter[]): number {
  let length = 0;
  while (
    length < letters.length &&
    length < other.length &&
    letters[letters.length - 1 - length]!.character === other[other.length - 1 - length]!.character
  ) length++;
  return length;
}

/**
 * The second definition spells its whole short form convincingly and its last `shared`
 * letters come from its last words, which no other letter touches: those head words.
 */
function headWords(text: string, second: SecondTerm, letters: ComparableCharacter[], shared: number): TextSpan | undefined {
  const candidate = alignedCandidate(text, second.short, { letters, omittedDigit: false }, second.words, countLetters(letters));
  if (candidate === undefined || !isConvincingCandidate(candidate) || candidate.alignment.skippedTrailingToken) return undefined;
  const aligned = alignWithWords(text, letters, second.words, false);
  if (aligned === undefined) return undefined;
  const tokenOf = (unit: number) => aligned.longLetters[aligned.alignment.matches[unit]!]!.token;
  const firstHeadUnit = letters.length - shared;
  const firstHeadToken = tokenOf(firstHeadUnit);
  if (tokenOf(firstHeadUnit - 1) >= firstHeadToken) return undefined;
  // Each head letter opens its own word: `sequencing`, not the inside of one.
  for (let unit = firstHeadUnit; unit < letters.length; unit++) {
    if (!aligned.longLetters[aligned.alignment.matches[unit]!]!.followsSeparator) return undefined;
  }
  const last = second.words[second.words.length - 1]!;
  return { start: second.words[firstHeadToken]!.start, end: trimLongFormEnd(text, second.words[firstHeadToken]!.start, last.end) };
}

/** The first term: its letters are exactly the initials of the words that end at its bracket. */
function initialsBefore(text: string, short: TextSpan, letters: ComparableCharacter[], words: WindowWord[]): TextSpan | undefined {
  const candidate = alignedCandidate(text, short, { letters, omittedDigit: false }, words, countLetters(letters));
  if (candidate === undefined) return undefined;
  const { alignment } = candidate;
  const clean = alignment.innerLetters === 0 && alignment.tokensEnteredInside === 0 && alignment.skippedContentTokens === 0;
  return clean && !alignment.skippedTrailingToken ? candidate.long : undefined;
}

/** The most words the first term of a pair in one bracket may have before its `and`. */
const MOST_FIRST_TERM_WORDS = 4;
/** `mDC and pDC`, `mDC or pDC`, `mDC, pDC`, `ICA/PCA`: two short forms in one bracket. */
const PAIR_IN_BRACKET = /^([^\s/]+)(\s*,\s*|\s+(?:and|or)\s+|\s*\/\s*)([^\s/]+)$/u;
/** `, respectively` after the pair (`(OS and PFS, respectively)`): says each short form is its own term's, in order. */
const RESPECTIVELY = /,?\s+respectively\s*$/u;

/**
 * The two short forms of a bracket that holds a pair, perhaps followed by `, respectively`
 * (`(mDC and pDC)`, `(OS and PFS, respectively)`), and the text that joins them; `undefined` for
 * anything else.
 */
export function shortFormPairInBracket(text: string, open: number, close: number): { first: TextSpan; second: TextSpan; joiner: string } | undefined {
  const content = text.slice(open + 1, close);
  const respectively = RESPECTIVELY.exec(content);
  const pair = PAIR_IN_BRACKET.exec(respectively ? content.slice(0, respectively.index) : content);
  if (pair === null) return undefined;
  const first = { start: open + 1, end: open + 1 + pair[1]!.length };
  const second = { start: first.end + pair[2]!.length, end: first.end + pair[2]!.length + pair[3]!.length };
  if (!hasShortFormShape(text, first) || !hasShortFormShape(text, second)) return undefined;
  return { first, second, joiner: pair[2]! };
}

/**
 * `myeloid and plasmacytoid dendritic cells (mDC and pDC)`, `independent or principal component
 * analysis (ICA/PCA)`: two coordinated terms that share their head words, with both short forms
 * in the one bracket after them. Read so when the
 * two short forms end with the same letters, the second spells the words after `and`/`or`
 * convincingly with those letters on its head words, and the first one's other letters are
 * exactly the initials of the words before `and`/`or`. Both definitions, or `undefined`.
 */
export function sharedHeadPairInBracket(text: string, blockStart: number, open: number, close: number): [ConstructedCandidate, ConstructedCandidate] | undefined {
  const pair = shortFormPairInBracket(text, open, close);
  if (pair === undefined) return undefined;
  const { first: firstShort, second: secondShort } = pair;
  const words = collectPrecedingWords(text, blockStart, open, MOST_FIRST_TERM_WORDS + MOST_SECOND_TERM_WORDS + 1);
  const coordinator = lastCoordinatorIndex(text, words);
  if (coordinator <= 0 || coordinator === words.length - 1) return undefined;
  const second: SecondTerm = { words: words.slice(coordinator + 1), short: secondShort };
  if (second.words.length > MOST_SECOND_TERM_WORDS) return undefined;
  const firstWords = words.slice(Math.max(0, coordinator - MOST_FIRST_TERM_WORDS), coordinator);
  const firstLetters = shortFormLetters(text, firstShort);
  const secondLetters = shortFormLetters(text, secondShort);
  const suspended = suspendedHyphenPair(text, { short: firstShort, letters: firstLetters, words: firstWords }, second, secondLetters);
  if (suspended !== undefined) return suspended;
  for (let shared = sharedSuffixLength(firstLetters, secondLetters); shared >= 1; shared--) {
    const own = firstLetters.slice(0, firstLetters.length - shared);
    if (countLetters(own) < 1 || secondLetters.length - shared < 1) continue;
    const head = headWords(text, second, secondLetters, shared);
    if (head === undefined) continue;
    const ownLong = initialsBefore(text, firstShort, own, firstWords);
    if (ownLong === undefined) continue;
    const secondStart = second.words[0]!.start;
    return [
      { construction: 'shared-head-words', short: firstShort, long: ownLong, pattern: 'long-short', sharedTrailingWords: head },
      { construction: 'shared-head-words', short: secondShort, long: { start: secondStart, end: head.end }, pattern: 'long-short' },
    ];
  }
  return undefined;
}

/**
 * `single- and double-base substitution (SBS and DBS)`, `low- and high-dose (LD and HD)`: the first
 * term ends in a suspended hyphen and borrows the rest of the second term's first word, and the
 * words after it, as its head (`base substitution`). Read so when the second term spells its short
 * form convincingly, the head's initials (at spaces and hyphens) are the letters both short forms
 * end with, and the first short form's other letters are the initials of as many words ending at
 * the suspended hyphen. Both definitions, or `undefined`.
 */
function suspendedHyphenPair(
  text: string,
  first: { short: TextSpan; letters: ComparableCharacter[]; words: WindowWord[] },
  second: SecondTerm,
  secondLetters: ComparableCharacter[],
): [ConstructedCandidate, ConstructedCandidate] | undefined {
  const lastFirst = first.words[first.words.length - 1];
  if (lastFirst === undefined || text.charAt(lastFirst.end - 1) !== '-') return undefined;
  const opening = second.words[0]!;
  const hyphen = text.indexOf('-', opening.start);
  if (hyphen < 0 || hyphen >= opening.end - 1) return undefined;
  const lastSecond = second.words[second.words.length - 1]!;
  const head = { start: hyphen + 1, end: trimLongFormEnd(text, hyphen + 1, lastSecond.end) };
  const headInitials = text
    .slice(head.start, head.end)
    .split(/[\s-]+/u)
    .filter((word) => word.length > 0 && !FUNCTION_WORDS.has(word.toLowerCase()))
    .map((word) => word.charAt(0).toLowerCase())
    .join('');
  const lettersOf = (letters: readonly ComparableCharacter[]) => letters.map((letter) => letter.character.toLowerCase()).join('');
  const firstText = lettersOf(first.letters);
  const secondText = lettersOf(secondLetters);
  if (headInitials.length === 0 || !firstText.endsWith(headInitials) || !secondText.endsWith(headInitials)) return undefined;
  const own = firstText.slice(0, firstText.length - headInitials.length);
  if (own.length === 0 || own.length > first.words.length) return undefined;
  const ownWords = first.words.slice(first.words.length - own.length);
  if (ownWords.map((word) => text.charAt(word.start).toLowerCase()).join('') !== own) return undefined;
  const secondCandidate = alignedCandidate(text, second.short, { letters: secondLetters, omittedDigit: false }, second.words, countLetters(secondLetters));
  if (secondCandidate === undefined || !isConvincingCandidate(secondCandidate)) return undefined;
  return [
    { construction: 'shared-head-words', short: first.short, long: { start: ownWords[0]!.start, end: lastFirst.end }, pattern: 'long-short', sharedTrailingWords: head },
    { construction: 'shared-head-words', short: second.short, long: { start: opening.start, end: head.end }, pattern: 'long-short' },
  ];
}

function lastCoordinatorIndex(text: string, words: readonly WindowWord[]): number {
  for (let index = words.length - 1; index >= 0; index--) {
    if (COORDINATORS.has(text.slice(words[index]!.start, words[index]!.end))) return index;
  }
  return -1;
}
