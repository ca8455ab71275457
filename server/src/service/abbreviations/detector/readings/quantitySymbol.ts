/**
 * `Percent variance reconstructed (R2X)`, `fraction of variance predicted (Q2Y)`: the symbol of
 * a statistic, a capital with its exponent written inline and perhaps the capital of the data it
 * is computed on, defined by naming the quantity. The symbol's letters are no initials (`Q²` is
 * the cross-validated `R²`), so no alignment can find them; the name is the whole clause before
 * the bracket, short, and names a quantity.
 */

import type { ConstructedCandidate } from '../candidate.js';
import { trimLongFormEnd } from '../longFormBounds.js';
import type { LongFormWindow } from './longFormWindow.js';

/** A capital, one digit (an exponent or index written inline) and the capital of the data: `R2X`, `Q2Y`. */
const STATISTIC_SYMBOL = /^\p{Lu}\p{N}\p{Lu}$/u;
/** Nouns that name a quantity a statistic measures. */
const QUANTITY_NOUNS = new Set(['percent', 'percentage', 'fraction', 'proportion', 'variance', 'coefficient', 'correlation', 'ratio']);
/** A name of a quantity, not a sentence: at most this many words. */
const MOST_WORDS = 4;

/** The quantity-symbol reading of a window, or `undefined`. */
export function quantitySymbolDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, short, words } = window;
  if (!STATISTIC_SYMBOL.test(text.slice(short.start, short.end))) return undefined;
  let first = 0;
  while (first < words.length && words[first]!.isFunctionWord) first++;
  const named = words.slice(first);
  if (named.length < 2 || named.length > MOST_WORDS || !startsClause(text, window.windowStart, words[0]!.start)) return undefined;
  if (!named.some((word) => QUANTITY_NOUNS.has(bare(text.slice(word.start, word.end))))) return undefined;
  if (!named.every((word) => /^\p{L}[\p{L}-]*,?$/u.test(text.slice(word.start, word.end)))) return undefined;
  const last = named[named.length - 1]!;
  return { construction: 'quantity-symbol', short, long: { start: named[0]!.start, end: trimLongFormEnd(text, last.start, last.end) }, pattern: 'long-short' };
}

/** The window holds the whole clause: before its first word come only white space and the block's start, a stop or a panel label. */
function startsClause(text: string, windowStart: number, firstWord: number): boolean {
  let at = firstWord;
  while (at > windowStart && /\s/u.test(text[at - 1]!)) at--;
  return at <= windowStart || /[.:;()*]/u.test(text[at - 1]!);
}

function bare(word: string): string {
  return word.replace(/[^\p{L}]+/gu, '').toLowerCase();
}
