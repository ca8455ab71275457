/**
 * `peripheral blood (PB-NK)`, `umbilical cord blood (UCB-NK cells)`, `induced pluripotent stem
 * cells (iPSC-NK)`, `chimeric antigen receptor (CAR-T) cells`: the short form names cells of one
 * type by where they come from or what they carry, that abbreviation joined to the cell type's
 * (`NK`, `T`), which the words before the bracket leave out. The words spell the first part, and
 * that part is what the bracket defines: later uses of the compound (`PB-NK cells`) are read from
 * their parts, each defined.
 */

import { isConvincingCandidate } from '../acceptance.js';
import { alignedCandidate } from '../alignedLongForm.js';
import type { DefinitionCandidate } from '../candidate.js';
import { countLetters, shortFormLetters } from '../wordAlignment.js';
import type { LongFormWindow } from './longFormWindow.js';

/** The short form as a source, a hyphen and a cell type's abbreviation, perhaps with the noun `cells` after it. */
const SOURCE_AND_CELL_TYPE = /^(\S+?)-(?:NK|T|B|NKT|CIK|DC)(?:[ \u00a0]+cells?)?$/u;

/** The reading of the short form's first part alone against the words before the bracket, or `undefined`. */
export function cellSourceDefinition(window: LongFormWindow): DefinitionCandidate | undefined {
  const { text, short, words } = window;
  const match = SOURCE_AND_CELL_TYPE.exec(text.slice(short.start, short.end));
  if (match === null) return undefined;
  const source = { start: short.start, end: short.start + match[1]!.length };
  const letters = shortFormLetters(text, source);
  const letterCount = countLetters(letters);
  if (letterCount < 2) return undefined;
  const candidate = alignedCandidate(text, source, { letters, omittedDigit: false }, words, letterCount);
  return candidate !== undefined && isConvincingCandidate(candidate) ? candidate : undefined;
}
