/**
 * Where a long form starts and ends in the text once its letters are known:
 * whole hyphenated words, no trailing punctuation, and never the short form
 * itself dressed up as a long form.
 */

import { isWhitespaceUnit, isLetterOrNumberAt } from '../../text/characters.js';
import type { WindowWord } from './precedingWords.js';
import { ABBREVIATIONS_ENDING_WITH_STOP } from './wordLists.js';

/**
 * A long form whose first letter sits inside a hyphenated word takes the whole
 * word: `2,6-diaminopurine (DAP)`, `c-Jun N-terminal kinase (JNK)`. A slash
 * separates alternatives and a dash separates phrases, so `Ngn3/paired box 6 (PAX6)` starts at `paired`.
 */
export function extendToWordStart(text: string, word: WindowWord, firstLetterOffset: number): number {
  const prefix = text.slice(word.start, firstLetterOffset);
  return /\/|--|[\u2013\u2014]/.test(prefix) ? firstLetterOffset : word.start;
}

/** Drops trailing punctuation and quotes from a long form (`cytotoxicity,` → `cytotoxicity`). */
export function trimLongFormEnd(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start) {
    const character = text.charAt(trimmed - 1);
    const keepsStop = character === '.' && isAbbreviationWithStop(text, start, trimmed - 1);
    if (!keepsStop && (/[,;:.!?"'\u201c\u201d\u2018\u2019]/.test(character) || isWhitespaceUnit(character.charCodeAt(0)))) {
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
  while (wordStart > start && isLetterOrNumberAt(text, wordStart - 1)) wordStart--;
  return ABBREVIATIONS_ENDING_WITH_STOP.has(text.slice(wordStart, stop).toLowerCase());
}

/** True when `phrase` has `word` as one of its white-space separated words (punctuation aside). */
export function containsWord(phrase: string, word: string): boolean {
  // Each word of the phrase is a substring of it, and most long forms do not hold the short form at all.
  if (word.length > 0 && !phrase.includes(word)) return false;
  return phrase.split(/\s+/).some((part) => part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') === word);
}
