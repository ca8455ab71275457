/**
 * Decides whether an aligned candidate is convincing enough to report. The
 * rules follow the precision ordering Ab3P measured for its strategies: first
 * letters of every word are the safest; each letter taken from inside a word,
 * each word entered through an inner letter and each skipped content word
 * makes a chance match more likely.
 */

import type { DefinitionCandidate } from './definitionCandidates.js';

/** True when the candidate's alignment is good enough to report as a definition. */
export function isConvincingCandidate(candidate: DefinitionCandidate): boolean {
  const { alignment, shortLetterCount } = candidate;
  if (alignment.tokensEnteredInside >= 2) return false;
  if (alignment.skippedContentTokens > 1) return false;
  // A last word without a letter (`medial preoptic nucleus (MPO)`) only when every other word starts a letter.
  if (alignment.skippedTrailingToken) return alignment.tokensEnteredInside === 0 && alignment.innerLetters <= 2;
  // One content word without a letter (`oligoclonal IgG bands (OB)`) only when the rest is clean.
  if (alignment.skippedContentTokens === 1) return alignment.innerLetters <= 1 && alignment.tokensEnteredInside === 0;
  // Inside one (chemical) word, letters come from inside: `dimethylsulphoxide (DMSO)`.
  if (alignment.spansOneToken) return alignment.innerLetters <= shortLetterCount - 1;
  return alignment.innerLetters <= Math.max(1, Math.ceil(shortLetterCount / 2));
}
