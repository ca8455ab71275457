/**
 * `reads per kilobase per million mapped reads (RPKM)`, `transcripts per million mapped reads
 * (TPM)`: a rate's short form spells its words up to the unit after the last `per` and leaves
 * out the one or two lower-case words that say what the unit counts (`mapped reads`,
 * `sequenced fragments`). The head must align cleanly, every letter in place. The same holds
 * the other way round, `RPKM (reads per kilobase per million mapped reads)`.
 */

import { isConvincingCandidate } from '../acceptance.js';
import { alignedCandidate } from '../alignedLongForm.js';
import type { ConstructedCandidate } from '../candidate.js';
import type { WindowWord } from '../precedingWords.js';
import type { LongFormWindow } from './longFormWindow.js';

/** The words that may follow the unit: `mapped reads`, `reads`. */
const MOST_TAIL_WORDS = 2;

/**
 * The rate's words up to its unit, for each way of reading the last one or two words as what the
 * unit counts (`… per million` before `mapped reads`); none when the words are not a rate's.
 */
export function rateHeads(text: string, words: readonly WindowWord[]): WindowWord[][] {
  const heads: WindowWord[][] = [];
  for (let tailLength = 1; tailLength <= MOST_TAIL_WORDS; tailLength++) {
    const unit = words.length - 1 - tailLength;
    if (unit < 2) break;
    if (!/^\p{Ll}+$/u.test(text.slice(words[unit + tailLength]!.start, words[unit + tailLength]!.end))) break;
    if (text.slice(words[unit - 1]!.start, words[unit - 1]!.end) === 'per') heads.push(words.slice(0, unit + 1));
  }
  return heads;
}

/** The rate-tail reading of a window, or `undefined`. */
export function rateTailDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, short, shortLetters, letterCount, words } = window;
  for (const head of rateHeads(text, words)) {
    const aligned = alignedCandidate(text, short, { letters: shortLetters, omittedDigit: false }, head, letterCount);
    if (aligned === undefined || !isConvincingCandidate(aligned) || aligned.alignment.skippedTrailingToken) continue;
    return { construction: 'rate-tail', short, long: { start: aligned.long.start, end: words[words.length - 1]!.end }, pattern: 'long-short' };
  }
  return undefined;
}
