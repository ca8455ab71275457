/**
 * `spiral CT after IV infusion cholangiography (IVC-SCT)`, `virus-like particles
 * carrying the V3 loop (V3-VLP)`: a short form of two hyphen-joined parts may
 * name them in the opposite order to the long form, each part spelling out its
 * own stretch, with at most a few connecting words between the stretches.
 */

import { isConvincingCandidate } from '../acceptance.js';
import { alignedCandidate } from '../alignedLongForm.js';
import type { AlignedCandidate, ConstructedCandidate } from '../candidate.js';
import { isUpperCaseLetter } from '../../../text/characters.js';
import type { TextSpan } from '../shortFormShape.js';
import { countLetters, shortFormLetters } from '../wordAlignment.js';
import type { LongFormWindow } from './longFormWindow.js';

/** Words allowed between the two stretches: `after`, `carrying the HIV-1`. */
const MOST_CONNECTING_WORDS = 3;

/** The swapped-parts reading of a window, or `undefined`. */
export function swappedPartsDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, short, words } = window;
  const written = text.slice(short.start, short.end);
  const hyphen = written.indexOf('-');
  if (hyphen < 0 || hyphen !== written.lastIndexOf('-')) return undefined;
  const firstPart = { start: short.start, end: short.start + hyphen };
  const secondPart = { start: short.start + hyphen + 1, end: short.end };
  if (!isAbbreviationPart(text, firstPart) || !isAbbreviationPart(text, secondPart)) return undefined;

  // The short form's first part spells out the end of the window…
  const ending = alignPart(window, firstPart, words.length);
  if (ending === undefined) return undefined;
  const endingFirstWord = words.findIndex((word) => word.end > ending.long.start);
  // …and its second part a stretch that ends a few words earlier.
  for (let gap = 0; gap <= MOST_CONNECTING_WORDS; gap++) {
    const wordCount = endingFirstWord - gap;
    if (wordCount < 1) break;
    const opening = alignPart(window, secondPart, wordCount);
    if (opening !== undefined) {
      return { construction: 'swapped-parts', short, long: { start: opening.long.start, end: ending.long.end }, pattern: 'long-short' };
    }
  }
  return undefined;
}

/** A convincing in-order reading of one part against the window's first `wordCount` words. */
function alignPart(window: LongFormWindow, part: TextSpan, wordCount: number): AlignedCandidate | undefined {
  const letters = shortFormLetters(window.text, part);
  const letterCount = countLetters(letters);
  const candidate = alignedCandidate(window.text, part, { letters, omittedDigit: false }, window.words.slice(0, wordCount), letterCount, undefined, true);
  return candidate !== undefined && isConvincingCandidate(candidate) ? candidate : undefined;
}

/** Each part is itself abbreviation-like: two letters or more, at least one a capital (`IVC`, `V3`). */
function isAbbreviationPart(text: string, part: TextSpan): boolean {
  const written = text.slice(part.start, part.end);
  return written.length >= 2 && [...written].some(isUpperCaseLetter) && /^[\p{L}\p{N}]+$/u.test(written);
}
