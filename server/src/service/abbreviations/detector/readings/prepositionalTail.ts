/**
 * `Five-Factor Model of Personality (FFM)`, `myosin-binding subunit of myosin
 * phosphatase (MBS)`: the short form spells out the words before an `of` or
 * `for` phrase and leaves the phrase out. In a capitalised name the phrase
 * still belongs to the long form; in lower-case prose it only qualifies it.
 * A capitalised name may also close with an `and` part its short form leaves out
 * (`Immune Epitope Database and Analysis Resource (IEDB)`); in prose an `and`
 * joins another thing, so there it reads nothing.
 */

import { isConvincingCandidate } from '../acceptance.js';
import { alignedCandidate } from '../alignedLongForm.js';
import type { ConstructedCandidate } from '../candidate.js';
import { isLowerCaseLetter, isUpperCaseLetter, isLetterOrNumberAt } from '../../../text/characters.js';
import { trimLongFormEnd } from '../longFormBounds.js';
import type { WindowWord } from '../precedingWords.js';
import type { LongFormWindow } from './longFormWindow.js';

/** Prepositions that attach a qualifying phrase to a noun phrase. */
const TAIL_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'for']);
/** Joins a last part to a capitalised name (`Database and Analysis Resource`). */
const NAME_CONJUNCTION = 'and';
/** The phrase after the preposition is short: `of Personality`, `for Smoking Cessation`. */
const MOST_TAIL_WORDS = 3;

/** The prepositional-tail reading of a window, or `undefined`. */
export function prepositionalTailDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, short, shortLetters, letterCount, words } = window;
  for (let index = words.length - 2; index >= 1 && words.length - 1 - index <= MOST_TAIL_WORDS; index--) {
    const joining = text.slice(words[index]!.start, words[index]!.end);
    const joinsName = joining === NAME_CONJUNCTION;
    if (!TAIL_PREPOSITIONS.has(joining) && !joinsName) continue;
    const head = words.slice(0, index);
    const tail = words.slice(index + 1);
    const aligned = alignedCandidate(text, short, { letters: shortLetters, omittedDigit: false }, head, letterCount);
    // Only a clean head convinces: every letter where it should be, no word of the head left out.
    const cleanHead = aligned !== undefined && isConvincingCandidate(aligned) && !aligned.alignment.skippedTrailingToken;
    // An `and` that does not close the name may sit inside it: `Model of Personality and Health`.
    if (!cleanHead) {
      if (joinsName) continue;
      return undefined;
    }
    const headWords = head.filter((word) => word.start >= aligned.long.start);
    const end = trimLongFormEnd(text, aligned.long.start, words[words.length - 1]!.end);
    if (isCapitalisedPhrase(text, headWords) && isCapitalisedPhrase(text, tail)) {
      return { construction: 'prepositional-tail', short, long: { start: aligned.long.start, end }, pattern: 'long-short' };
    }
    if (!joinsName && tail.every((word) => startsWith(text, word, isLowerCaseLetter))) {
      return { construction: 'prepositional-tail', short, long: aligned.long, pattern: 'long-short' };
    }
    if (joinsName) continue;
    return undefined;
  }
  return undefined;
}

/** Every content word starts with a capital: a name (`Community Intervention Trial`). */
function isCapitalisedPhrase(text: string, words: readonly WindowWord[]): boolean {
  return words.length > 0 && words.every((word) => word.isFunctionWord || startsWith(text, word, isUpperCaseLetter));
}

function startsWith(text: string, word: WindowWord, test: (character: string) => boolean): boolean {
  let offset = word.start;
  while (offset < word.end && !isLetterOrNumberAt(text, offset)) offset++;
  return offset < word.end && test(text.charAt(offset));
}
