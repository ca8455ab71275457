/**
 * `high NaCl diet (HNa)`, `lipoprotein lipase activity (LPL)`: a noun that says
 * what was measured or given (`diet`, `activity`, `levels`) may follow the
 * long form directly; the short form then spells out only the words before it.
 */

import { isConvincingCandidate } from '../acceptance.js';
import { alignedCandidate } from '../alignedLongForm.js';
import type { AlignedCandidate } from '../candidate.js';
import type { LongFormWindow } from './longFormWindow.js';

/** The reading without a final context noun, or `undefined`. */
export function contextNounLeftOutDefinition(window: LongFormWindow): AlignedCandidate | undefined {
  const { text, short, shortLetters, letterCount, words } = window;
  const last = words[words.length - 1];
  if (last === undefined || !last.isContextNoun || words.length < 2) return undefined;
  const aligned = alignedCandidate(text, short, { letters: shortLetters, omittedDigit: false }, words.slice(0, -1), letterCount);
  return aligned !== undefined && isConvincingCandidate(aligned) ? aligned : undefined;
}
