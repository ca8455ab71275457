/**
 * Matches the letters of a short form, in order, against a long-form window —
 * the character matching of Schwartz & Hearst (2003), turned into a
 * least-cost alignment so that the strategies Ab3P (Sohn et al. 2008) tries one
 * after another (first letters of words, skipped function words, a letter or
 * two from inside a word) become costs of one search.
 */

import type { ComparableCharacter } from './comparableText.js';

/** What each kind of letter match or skipped word costs. Lower is more convincing. */
export const ALIGNMENT_COSTS = {
  /** A short-form letter that continues the previous one inside the same word (`Ad` in `adenovirus`). */
  continuedLetter: 0.1,
  /** A short-form letter taken from inside a word, not next to the previous one (`F` in `interferon`). */
  innerLetter: 1,
  /** Extra cost when a word is entered through an inner letter, its first letter unmatched. */
  wordEnteredInside: 1,
  /**
   * A last word without any short-form letter: what a content word passed over inside costs
   * (`wordAlignment.ts`), below two letters fished from inside two words (`Anatomists
   * Classification` for `ASA` after `Alpine Society of`). The Ab3P dev figures are the same at 3.
   */
  trailingWordSkipped: 2.5,
};

/** The cheapest way found to align a short form with (the end of) a long-form window. */
export interface LetterAlignment {
  /** Index into the long-form characters where the first short-form letter matched (the long form starts there). */
  firstMatch: number;
  /** Indexes into the long-form characters, one per short-form letter. */
  matches: number[];
  /** Total cost: letter costs plus skipped-word penalties. */
  cost: number;
  /** Short-form letters matched at the start of a word part. */
  wordStartMatches: number;
  /** Short-form letters matched inside a word, not next to the previous match. */
  innerLetters: number;
  /** Tokens of the long form that no letter matched and that are content words. */
  skippedContentTokens: number;
  /** Tokens of the long form that no letter matched and that are function words. */
  skippedFunctionTokens: number;
  /** True when the last word of the window has no short-form letter. */
  skippedTrailingToken: boolean;
  /** True when the whole long form is one white-space separated token. */
  spansOneToken: boolean;
  /** Tokens whose first matched letter is inside a word part, not at its start (`transferase activi*t*y`). */
  tokensEnteredInside: number;
}

/** The inputs of one alignment. */
export interface AlignmentProblem {
  /** The short form's comparable letters (plural `s` already removed). */
  shortLetters: readonly ComparableCharacter[];
  /** The long-form window's comparable letters. */
  longLetters: readonly ComparableCharacter[];
  /** Penalty for leaving each token of the window unmatched, by token index. */
  skipPenalty: readonly number[];
  /** True per token index when the token is a function word. */
  isFunctionToken: readonly boolean[];
  /** Per token index: may the long form start in this token? */
  mayStartToken?: readonly boolean[];
  /** May the last word of the window go without a letter? */
  allowTrailingSkip?: boolean;
  /** When set, the long form must start exactly at this long-letter index. */
  fixedStart?: number;
}

/**
 * The least-cost alignment in which every short-form letter matches a long-form
 * letter in order, the first one at the start of a word part (a word's first
 * letter costs nothing, an inner part such as `C57|BL` costs an inner letter),
 * and the last word of the window (or, when allowed, the word before it) holds
 * the last match. `undefined` when no alignment exists.
 */
export function alignLetters(problem: AlignmentProblem): LetterAlignment | undefined {
  const { shortLetters, longLetters, skipPenalty } = problem;
  const unitCount = shortLetters.length;
  if (unitCount === 0 || longLetters.length === 0) return undefined;
  const lastToken = longLetters[longLetters.length - 1]!.token;

  // Prefix sums of skip penalties: penalty of tokens strictly between a and b is prefix[b] - prefix[a + 1].
  const prefix: number[] = [0];
  for (let token = 0; token <= lastToken; token++) prefix.push(prefix[token]! + (skipPenalty[token] ?? 0));
  const skippedBetween = (fromToken: number, toToken: number): number =>
    toToken - fromToken > 1 ? prefix[toToken]! - prefix[fromToken + 1]! : 0;

  // Candidate positions per short-form letter. (Plain loops, not map/forEach callbacks: this
  // runs once per bracket, and a fresh process optimises loops sooner.)
  const candidates: number[][] = [];
  for (let unit = 0; unit < unitCount; unit++) {
    const letter = shortLetters[unit]!;
    const positions: number[] = [];
    for (let index = 0; index < longLetters.length; index++) {
      const long = longLetters[index]!;
      if (long.character !== letter.character && long.readAlsoAs !== letter.character) continue;
      if (unit === 0) {
        if (!long.startsWordPart) continue;
        if (problem.mayStartToken !== undefined && problem.mayStartToken[long.token] === false) continue;
        if (problem.fixedStart !== undefined && index !== problem.fixedStart) continue;
      }
      positions.push(index);
    }
    if (positions.length === 0) return undefined;
    candidates.push(positions);
  }

  // costFrom[unit][k]: cheapest cost of placing units unit..end with `unit` at candidates[unit][k].
  const costFrom: number[][] = [];
  const nextChoice: number[][] = [];
  for (const positions of candidates) {
    costFrom.push(new Array<number>(positions.length).fill(Infinity));
    nextChoice.push(new Array<number>(positions.length).fill(-1));
  }
  const lastUnit = unitCount - 1;
  // The last letter falls in the last word, or in the one before when the last word is a
  // head noun the short form leaves out (`medial preoptic nucleus (MPO)`).
  const trailingSkipCost = problem.allowTrailingSkip === true && lastToken > 0 && !problem.isFunctionToken[lastToken]
    ? ALIGNMENT_COSTS.trailingWordSkipped
    : Infinity;
  const lastPositions = candidates[lastUnit]!;
  for (let k = 0; k < lastPositions.length; k++) {
    const token = longLetters[lastPositions[k]!]!.token;
    if (token === lastToken) costFrom[lastUnit]![k] = 0;
    else if (token === lastToken - 1) costFrom[lastUnit]![k] = trailingSkipCost;
  }
  for (let unit = lastUnit - 1; unit >= 0; unit--) {
    const nextLetter = shortLetters[unit + 1]!;
    const nextPositions = candidates[unit + 1]!;
    const nextCosts = costFrom[unit + 1]!;
    const positions = candidates[unit]!;
    for (let k = 0; k < positions.length; k++) {
      const position = positions[k]!;
      const here = longLetters[position]!;
      let best = Infinity;
      let bestChoice = -1;
      for (let n = 0; n < nextPositions.length; n++) {
        const nextPosition = nextPositions[n]!;
        if (nextPosition <= position || nextCosts[n] === Infinity) continue;
        const step = stepCost(here, position, longLetters[nextPosition]!, nextPosition, nextLetter);
        if (step === Infinity) continue;
        const total = step + skippedBetween(here.token, longLetters[nextPosition]!.token) + nextCosts[n]!;
        if (total < best) {
          best = total;
          bestChoice = n;
        }
      }
      costFrom[unit]![k] = best;
      nextChoice[unit]![k] = bestChoice;
    }
  }

  // Cheapest start; on a tie the later start (the shorter long form) wins.
  let bestStart = -1;
  let bestCost = Infinity;
  const firstPositions = candidates[0]!;
  for (let k = 0; k < firstPositions.length; k++) {
    const start = longLetters[firstPositions[k]!]!;
    // Starting at an inner word part (`C57|BL/6 (B6)`) is a weaker start than a word's first letter.
    const cost = costFrom[0]![k]! + (start.insideGreekName ? Infinity : start.followsSeparator ? 0 : ALIGNMENT_COSTS.innerLetter);
    if (cost <= bestCost && cost < Infinity) {
      bestCost = cost;
      bestStart = k;
    }
  }
  if (bestStart < 0) return undefined;

  const matches: number[] = [];
  let k = bestStart;
  for (let unit = 0; unit < unitCount; unit++) {
    matches.push(candidates[unit]![k]!);
    k = nextChoice[unit]![k]!;
  }
  return describeAlignment(problem, matches, bestCost);
}

/** The cost of matching `nextLetter` at `nextPosition` right after a match at `position`. */
function stepCost(
  here: ComparableCharacter,
  position: number,
  there: ComparableCharacter,
  nextPosition: number,
  nextLetter: ComparableCharacter,
): number {
  const adjacent = nextPosition === position + 1 && there.joinedToPrevious;
  if (nextLetter.insideGreekName) return adjacent ? 0 : Infinity;
  // Inside a spelled-out Greek letter only a continuation of the same name may match.
  if (there.insideGreekName) return adjacent && nextLetter.joinedToPrevious ? ALIGNMENT_COSTS.continuedLetter : Infinity;
  if (there.startsWordPart) return 0;
  if (adjacent && nextLetter.joinedToPrevious) return ALIGNMENT_COSTS.continuedLetter;
  const enteredInside = there.token !== here.token ? ALIGNMENT_COSTS.wordEnteredInside : 0;
  return ALIGNMENT_COSTS.innerLetter + enteredInside;
}

/** Counts what kind of matches and skips an alignment used. */
function describeAlignment(problem: AlignmentProblem, matches: number[], cost: number): LetterAlignment {
  const { longLetters } = problem;
  let innerLetters = 0;
  let wordStartMatches = 0;
  let tokensEnteredInside = 0;
  const matchedTokens = new Set<number>();
  for (let unit = 0; unit < matches.length; unit++) {
    const position = matches[unit]!;
    const long = longLetters[position]!;
    if (!matchedTokens.has(long.token) && !long.startsWordPart) tokensEnteredInside++;
    matchedTokens.add(long.token);
    if (long.startsWordPart) wordStartMatches++;
    if (unit === 0) {
      if (!long.followsSeparator) innerLetters++;
      continue;
    }
    if (long.startsWordPart || problem.shortLetters[unit]!.insideGreekName) continue;
    const previous = matches[unit - 1]!;
    if (position === previous + 1 && long.joinedToPrevious && problem.shortLetters[unit]!.joinedToPrevious) continue;
    innerLetters++;
  }
  const firstToken = longLetters[matches[0]!]!.token;
  const lastToken = longLetters[longLetters.length - 1]!.token;
  let skippedContentTokens = 0;
  let skippedFunctionTokens = 0;
  for (let token = firstToken; token <= lastToken; token++) {
    if (matchedTokens.has(token)) continue;
    if (problem.isFunctionToken[token]) skippedFunctionTokens++;
    else skippedContentTokens++;
  }
  const spansOneToken = firstToken === lastToken;
  const skippedTrailingToken = !matchedTokens.has(lastToken);
  return {
    firstMatch: matches[0]!,
    matches,
    cost,
    innerLetters,
    wordStartMatches,
    skippedContentTokens,
    skippedFunctionTokens,
    tokensEnteredInside,
    skippedTrailingToken,
    spansOneToken,
  };
}
