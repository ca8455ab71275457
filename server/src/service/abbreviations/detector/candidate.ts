/**
 * What the detector proposes before deciding: a short form, a long form and
 * the evidence that pairs them. Most pairings rest on a letter alignment that
 * `acceptance.ts` judges; a few written conventions (`CD56-positive (CD56+)`,
 * `20-item … Scale (TAS-20)`) are recognised by their own construction, which
 * checks itself where it is built.
 */

import type { LetterAlignment } from './letterAlignment.js';
import type { TextSpan } from './shortFormShape.js';

/** Where a pairing was found: `long form (SF)` / `(long form, SF)`, or `SF (long form)`. */
export type DefinitionPattern = 'long-short' | 'short-long';

/**
 * How a pairing was read. `letters`: the short form's letters in order against
 * the long form. The others are the constructions in `readings/`.
 */
export type DefinitionConstruction =
  | 'letters'
  | 'signed'
  | 'leading-number'
  | 'edition-number'
  | 'tandem-method'
  | 'reordered-initials'
  | 'swapped-parts'
  | 'prepositional-tail'
  | 'rate-tail'
  | 'shared-leading-words'
  | 'prefixed-abbreviation'
  | 'nested-abbreviation'
  | 'shared-head-words'
  | 'quantity-symbol'
  | 'ratio-of-parts'
  | 'name-word'
  | 'difference'
  | 'after-inner-definition'
  | 'prefix-letters'
  | 'initials-list'
  | 'or-short-form';

interface CandidateSpans {
  /** Where the short form is written. */
  short: TextSpan;
  /** Where the long form is written. */
  long: TextSpan;
  /** `long-short` for `long form (SF)` and `(long form, SF)`, `short-long` for `SF (long form)`. */
  pattern: DefinitionPattern;
}

/** A pairing supported by an in-order letter alignment; `acceptance.ts` judges it. */
export interface AlignedCandidate extends CandidateSpans {
  construction: 'letters';
  /** How the short form's letters were found in the long form. */
  alignment: LetterAlignment;
  /** Number of short-form letters (a spelled-out Greek letter counts once). */
  shortLetterCount: number;
  /** Short-form characters left without a match (a digit or the last character). */
  omittedShortCharacters: number;
  /** True when the character left without a match is a digit. */
  omittedDigit: boolean;
  /** True when the long form's last word names a class of molecule part (`region`, `domain`, `gene`: `NAMING_NOUNS`). */
  endsWithNamingNoun?: boolean;
}

/** A pairing recognised by one of the written conventions in `readings/`, already checked there. */
export interface ConstructedCandidate extends CandidateSpans {
  construction: Exclude<DefinitionConstruction, 'letters'>;
  /**
   * For an item of a series (`…, complement deposition (ADCD)`): the leading words it
   * shares with the first item and leaves out (`antibody-dependent`), written there.
   */
  sharedLeadingWords?: TextSpan;
  /**
   * For the first of two terms that share their head (`whole genome (WGS) or whole exome
   * sequencing`): the head words, written after the second term (`sequencing`).
   */
  sharedTrailingWords?: TextSpan;
}

/** A definition the detector could report, before the acceptance decision. */
export type DefinitionCandidate = AlignedCandidate | ConstructedCandidate;
