/**
 * What every reading of a `long form (SF)` bracket looks at: the short form
 * and the words before it, collected once.
 */

import type { ComparableCharacter } from '../comparableText.js';
import type { WindowWord } from '../precedingWords.js';
import type { TextSpan } from '../shortFormShape.js';
import type { DefinitionCandidate } from '../candidate.js';

/** The short form and the words that may hold its long form. */
export interface LongFormWindow {
  text: string;
  /** No long form starts before this offset (block start, or just inside the bracket for `(long form, SF)`). */
  windowStart: number;
  /** The long form ends before this offset (the bracket, or the separator before the short form). */
  windowEnd: number;
  short: TextSpan;
  /** The short form's comparable letters, plural `s` removed. */
  shortLetters: ComparableCharacter[];
  /** Number of short-form letters (a spelled-out Greek letter counts once). */
  letterCount: number;
  /** The words before the short form, in reading order, at most as many as the short form allows. */
  words: WindowWord[];
}

/** A reading of a window that returns a definition only when its own conditions all hold. */
export type LongFormReading = (window: LongFormWindow) => DefinitionCandidate | undefined;
