/**
 * `the ratio of the highest affinity activating receptor to that of the inhibitory receptor
 * (A/I ratio)`, `the ratio of effector to target cells (E:T ratio)`: a ratio named by its two
 * parts joined by a slash or a colon. The parts stand far apart in the long form, each among the
 * words on its side of `to`, so no alignment of the letters in order can find them; the phrase
 * `ratio of … to …` says which words each part stands for. The abbreviation is the joined parts
 * (`A/I`), the head noun `ratio` after it only says what it is.
 */

import type { ConstructedCandidate } from '../candidate.js';
import { trimLongFormEnd } from '../longFormBounds.js';
import type { LongFormWindow } from './longFormWindow.js';

/**
 * Two single letters joined by one slash or colon, then `ratio`: `A/I ratio`, `E:T ratio`. Parts
 * written whole (`CD4/CD8 ratio`) are two abbreviations of their own, each defined or not.
 */
const RATIO_SHORT_FORM = /^(\p{L})[/:](\p{L})[ \u00a0]+ratios?$/u;
/** The start of the long form, the last `ratio of` before the bracket. */
const RATIO_OF = /(?:^|[^\p{L}\p{N}])(ratios?[ \u00a0]+of[ \u00a0]+)/giu;
/** What divides the numerator from the denominator. */
const DIVIDED_BY = /[ \u00a0]+(?:to|versus|vs\.?|over)[ \u00a0]+/u;
/** How far before the bracket `ratio of` may start. */
const MOST_CHARACTERS = 200;

/** The ratio-of-parts reading of a window, or `undefined`. */
export function ratioOfPartsDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, short, windowStart, windowEnd } = window;
  const parts = RATIO_SHORT_FORM.exec(text.slice(short.start, short.end));
  if (parts === null) return undefined;
  const from = Math.max(windowStart, windowEnd - MOST_CHARACTERS);
  const region = text.slice(from, windowEnd);
  let opening: RegExpExecArray | undefined;
  for (const match of region.matchAll(RATIO_OF)) opening = match;
  if (opening === undefined) return undefined;
  const ratioStart = opening.index + opening[0].length - opening[1]!.length;
  const phrase = region.slice(opening.index + opening[0].length);
  // One clause: a stop or a semicolon between `ratio of` and the bracket ends the phrase elsewhere.
  if (/[.;!?]\s/u.test(phrase)) return undefined;
  const divider = DIVIDED_BY.exec(phrase);
  if (divider === null) return undefined;
  if (!namesPart(phrase.slice(0, divider.index), parts[1]!) || !namesPart(phrase.slice(divider.index + divider[0].length), parts[2]!)) return undefined;
  const long = { start: from + ratioStart, end: trimLongFormEnd(text, from + ratioStart, windowEnd) };
  return { construction: 'ratio-of-parts', short: { start: short.start, end: short.start + parts[1]!.length + 1 + parts[2]!.length }, long, pattern: 'long-short' };
}

/** The letter is the initial of one of the words (of three letters or more, so not `to` or `of`). */
function namesPart(words: string, letter: string): boolean {
  return words.split(/[\s\-\u2010\u2011]+/u).some((word) => word.length >= 3 && word.charAt(0).toLowerCase() === letter.toLowerCase());
}
