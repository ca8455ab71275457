/**
 * `antibody-dependent cellular cytotoxicity (ADCC), complement deposition (ADCD)
 * and neutrophil phagocytosis (ADNP)`: in a series of definitions, the later
 * items leave out the leading words they share with the first (`antibody-dependent`),
 * while their short forms keep those words' letters (`AD`). An item is read so when
 * its short form starts with letters it shares with the item before it, the rest of
 * its letters spell out its own words, and walking back through the series reaches
 * an item whose long form is written in full and opens with whole words for the shared letters.
 */

import { isConvincingCandidate } from '../acceptance.js';
import { alignedCandidate } from '../alignedLongForm.js';
import type { AlignedCandidate, ConstructedCandidate } from '../candidate.js';
import { isWhitespaceUnit } from '../../../text/characters.js';
import { trimLongFormEnd } from '../longFormBounds.js';
import type { ComparableCharacter } from '../comparableText.js';
import { collectPrecedingWords, type WindowWord } from '../precedingWords.js';
import { firstItemOfBracket, hasShortFormShape, type TextSpan } from '../shortFormShape.js';
import { alignWithWords, countLetters, mostLongFormWords, shortFormLetters } from '../wordAlignment.js';
import type { LongFormWindow } from './longFormWindow.js';

/** Series of definitions are short; a longer walk back is not one series. */
const MOST_SERIES_ITEMS = 6;
/**
 * Fewer shared or own letters make a chance match too likely: `acute kidney injury (AKI),
 * chronic disease (ACD)` shares one letter and is no series.
 */
const LEAST_SHARED_LETTERS = 2;
const LEAST_OWN_LETTERS = 2;
/** A bracket of the series is found within this many characters before the next item. */
const LONGEST_BRACKET = 120;

/** The shared-leading-words reading of a window, or `undefined`. */
export function sharedLeadingWordsDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, windowStart, short, shortLetters, words } = window;
  const first = words[0];
  if (first === undefined) return undefined;
  const previous = bracketBefore(text, windowStart, first.start);
  if (previous === undefined) return undefined;
  const previousLetters = shortFormLetters(text, previous.short);
  // `ADCD` after `ADCC` shares `ADC` by letters but `AD` by words: try the longer shares first.
  const common = Math.min(sharedPrefixLength(shortLetters, previousLetters), previousLetters.length - 1);
  for (let shared = common; shared >= LEAST_SHARED_LETTERS; shared--) {
    const rest = shortLetters.slice(shared);
    if (countLetters(rest) < LEAST_OWN_LETTERS) continue;
    const own = ownWordsCandidate(text, short, rest, words);
    if (own === undefined) continue;
    const sharedWords = seriesOpeningWords(text, windowStart, previous, shortLetters.slice(0, shared));
    if (sharedWords !== undefined) {
      return { construction: 'shared-leading-words', short, long: own.long, pattern: 'long-short', sharedLeadingWords: sharedWords };
    }
  }
  return undefined;
}

/** A bracket that holds a short form first and closes just before `before` (commas, semicolons and spaces between). */
interface SeriesBracket {
  open: number;
  short: TextSpan;
}

function bracketBefore(text: string, windowStart: number, before: number): SeriesBracket | undefined {
  let offset = before - 1;
  while (offset >= windowStart && (isWhitespaceUnit(text.charCodeAt(offset)) || text.charAt(offset) === ',' || text.charAt(offset) === ';')) offset--;
  if (offset < windowStart || (text.charAt(offset) !== ')' && text.charAt(offset) !== ']')) return undefined;
  const close = offset;
  const opener = text.charAt(close) === ')' ? '(' : '[';
  const limit = Math.max(windowStart, close - LONGEST_BRACKET);
  for (let open = close - 1; open >= limit; open--) {
    const character = text.charAt(open);
    if (character === ')' || character === ']' || character === '(' && opener === '[' || character === '[' && opener === '(') return undefined;
    if (character !== opener) continue;
    const short = firstItemOfBracket(text, open + 1, close);
    return short !== undefined && hasShortFormShape(text, short) ? { open, short } : undefined;
  }
  return undefined;
}

function sharedPrefixLength(letters: readonly ComparableCharacter[], other: readonly ComparableCharacter[]): number {
  let length = 0;
  while (length < letters.length && length < other.length && letters[length]!.character === other[length]!.character) length++;
  return length;
}

/** The item's own letters spelled out cleanly by its own words: every letter at a word start, no word skipped. */
function ownWordsCandidate(text: string, short: TextSpan, letters: ComparableCharacter[], words: WindowWord[]): AlignedCandidate | undefined {
  const letterCount = countLetters(letters);
  const candidate = alignedCandidate(text, short, { letters, omittedDigit: false }, words, letterCount);
  if (candidate === undefined || !isConvincingCandidate(candidate)) return undefined;
  const { alignment } = candidate;
  const clean = alignment.innerLetters === 0 && alignment.skippedContentTokens === 0 && !alignment.skippedTrailingToken;
  return clean ? candidate : undefined;
}

/**
 * Walks back from `item` through the series: each earlier item shares the `shared` letters;
 * the walk ends at an item whose full long form is written and spells them with whole
 * leading words, and returns where those words stand. `undefined` when no item does.
 */
function seriesOpeningWords(text: string, windowStart: number, item: SeriesBracket, shared: ComparableCharacter[]): TextSpan | undefined {
  let current: SeriesBracket | undefined = item;
  for (let step = 0; current !== undefined && step < MOST_SERIES_ITEMS; step++) {
    const letters = shortFormLetters(text, current.short);
    if (sharedPrefixLength(letters, shared) < shared.length) return undefined;
    const letterCount = countLetters(letters);
    const words = collectPrecedingWords(text, windowStart, current.open, mostLongFormWords(letterCount));
    if (words.length === 0) return undefined;
    const opening = openingWholeWords(text, current.short, letters, words, shared.length);
    if (opening !== undefined) return opening;
    // Not written in full: it must be a member itself, its own letters spelled by its own words.
    if (ownWordsCandidate(text, current.short, letters.slice(shared.length), words) === undefined) return undefined;
    current = bracketBefore(text, windowStart, words[0]!.start);
  }
  return undefined;
}

/**
 * When the full long form convinces and its first `sharedCount` letters come from words
 * the rest does not touch, the span of those words (`antibody-dependent`).
 */
function openingWholeWords(text: string, short: TextSpan, letters: ComparableCharacter[], words: WindowWord[], sharedCount: number): TextSpan | undefined {
  const candidate = alignedCandidate(text, short, { letters, omittedDigit: false }, words, countLetters(letters));
  if (candidate === undefined || !isConvincingCandidate(candidate)) return undefined;
  const aligned = alignWithWords(text, letters, words, false);
  if (aligned === undefined) return undefined;
  const tokenOf = (unit: number) => aligned.longLetters[aligned.alignment.matches[unit]!]!.token;
  const lastShared = tokenOf(sharedCount - 1);
  if (lastShared >= tokenOf(sharedCount)) return undefined;
  return { start: candidate.long.start, end: trimLongFormEnd(text, candidate.long.start, words[lastShared]!.end) };
}
