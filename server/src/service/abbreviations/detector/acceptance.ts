/**
 * Decides whether an aligned candidate is convincing enough to report. The
 * rules follow the precision ordering Ab3P measured for its strategies: first
 * letters of every word are the safest; each letter taken from inside a word,
 * each word entered through an inner letter and each skipped content word
 * makes a chance match more likely.
 */

import type { AlignedCandidate, DefinitionCandidate } from './candidate.js';

/** True when the candidate's alignment is good enough to report as a definition. */
export function isConvincingCandidate(candidate: DefinitionCandidate): boolean {
  // A written convention (`readings/`) checked its own conditions, parts included, where it was built.
  if (candidate.construction !== 'letters') return true;
  const { alignment, shortLetterCount } = candidate;
  // With a character left out, only a clean first-letter alignment convinces.
  if (candidate.omittedShortCharacters > 0) return isCleanAlignment(candidate);
  if (alignment.tokensEnteredInside >= 2) return false;
  if (alignment.skippedTrailingToken) return isConvincingTrailingSkip(candidate);
  if (alignment.skippedContentTokens > 1) return isWordStartBackronym(candidate);
  // One content word without a letter (`oligoclonal IgG bands (OB)`) only when the rest is clean.
  if (alignment.skippedContentTokens === 1) return alignment.innerLetters <= 1 && alignment.tokensEnteredInside === 0;
  // Inside one (chemical) word, letters come from inside: `dimethylsulphoxide (DMSO)`.
  if (alignment.spansOneToken) return alignment.innerLetters <= shortLetterCount - 1;
  return alignment.innerLetters <= Math.max(1, Math.ceil(shortLetterCount / 2));
}

/**
 * A last word without a letter (`medial preoptic nucleus (MPO)`) only when every other word
 * starts a letter. When that word names the class of a molecule's part (`region`, `domain`,
 * `gene`), one more content word may go without a letter if the rest is clean: `immunoglobulin
 * heavy chain variable region (IGHV)` leaves out the chain and the region, as such names do.
 */
function isConvincingTrailingSkip(candidate: AlignedCandidate): boolean {
  const { alignment } = candidate;
  if (alignment.tokensEnteredInside > 0) return false;
  const skippedInside = alignment.skippedContentTokens - 1;
  if (skippedInside === 0) return alignment.innerLetters <= 2;
  return skippedInside === 1 && candidate.endsWithNamingNoun === true && alignment.innerLetters <= 1;
}

/**
 * A long short form whose every letter starts a word may skip two content words: names coined
 * as words (`SHIELD` for Science and Health Initiative to Combat Infectious and Emerging
 * Life-Threatening Diseases) pass over words that would spoil the word. With five or more letters
 * each at a word start, in order, a chance match is unlikely; shorter forms get no such leave.
 */
function isWordStartBackronym(candidate: AlignedCandidate): boolean {
  const { alignment, shortLetterCount } = candidate;
  return shortLetterCount >= 5 && alignment.skippedContentTokens === 2 && !alignment.skippedTrailingToken &&
    alignment.innerLetters === 0 && alignment.tokensEnteredInside === 0 && alignment.wordStartMatches >= shortLetterCount;
}

/**
 * No word skipped or entered through an inner letter, and enough word starts
 * matched: three and no inner letter when a letter was left out
 * (`Insulin-dependent diabetic (IDDM)`); two, or a single word, when a digit was
 * (`nitrous oxide (N2O)`, `thoracic (T3)`).
 */
function isCleanAlignment(candidate: AlignedCandidate): boolean {
  const { alignment } = candidate;
  const noSkips = alignment.skippedContentTokens === 0 && !alignment.skippedTrailingToken && alignment.tokensEnteredInside === 0;
  if (!noSkips) return false;
  // A left-out digit is an index (`retinoblastoma (Rb1)`); one inner letter is still fine then.
  if (candidate.omittedDigit) {
    return alignment.innerLetters <= 1 && (alignment.wordStartMatches >= 2 || alignment.spansOneToken);
  }
  return alignment.innerLetters === 0 && alignment.wordStartMatches >= 3;
}

/**
 * A plain letter alignment with two letters or more, each at the start of a word of the long form,
 * nothing left out and no word passed over: what a bracket that reports a value needs to define
 * (`false discovery rate (FDR < 0.05)`, not `stroke occurrence (OR = 1.8)`).
 */
export function isSpelledAtWordStarts(candidate: DefinitionCandidate): boolean {
  if (candidate.construction !== 'letters') return false;
  const { alignment } = candidate;
  return (
    candidate.shortLetterCount >= 2 &&
    candidate.omittedShortCharacters === 0 &&
    alignment.innerLetters === 0 &&
    alignment.wordStartMatches >= candidate.shortLetterCount &&
    alignment.skippedContentTokens === 0 &&
    !alignment.skippedTrailingToken &&
    alignment.tokensEnteredInside === 0
  );
}
