/**
 * `single-chain variable fragment (scFv)`: a mixed-case short form may list the
 * initials of the long form's words in another order (the `Fv` comes from the
 * older name "fragment, variable"). Only exactly the initials of the last words
 * count, so that a chance reordering of an unrelated phrase stays unlikely.
 */

import type { ConstructedCandidate } from '../candidate.js';
import { isLowerCaseLetter, isUpperCaseLetter } from '../../../text/characters.js';
import { toComparableCharacters } from '../comparableText.js';
import { trimLongFormEnd } from '../longFormBounds.js';
import type { LongFormWindow } from './longFormWindow.js';

/** Longer reordered short forms are too rare to be worth the chance matches. */
const MOST_LETTERS = 6;

/** The reordered-initials reading of a window, or `undefined`. */
export function reorderedInitialsDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, short, shortLetters, words } = window;
  const written = [...text.slice(short.start, short.end)];
  if (!written.some(isUpperCaseLetter) || !written.some(isLowerCaseLetter)) return undefined;
  if (shortLetters.length < 2 || shortLetters.length > MOST_LETTERS) return undefined;
  if (shortLetters.some((letter) => !/^[a-z]$/.test(letter.character))) return undefined;
  const wanted = sortedLetters(shortLetters.map((letter) => letter.character));
  const initials: string[] = [];
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index]!;
    // Function words carry no initial (`fragment of antigen binding`), and no long form starts with one.
    if (word.isFunctionWord) continue;
    const partInitials = toComparableCharacters(text, word.start, word.end)
      .filter((letter) => letter.startsWordPart && !letter.insideGreekName && /^[a-z]$/.test(letter.character))
      .map((letter) => letter.character);
    initials.unshift(...partInitials);
    if (initials.length < shortLetters.length) continue;
    if (initials.length > shortLetters.length || sortedLetters(initials) !== wanted) return undefined;
    const end = trimLongFormEnd(text, word.start, words[words.length - 1]!.end);
    return { construction: 'reordered-initials', short, long: { start: word.start, end }, pattern: 'long-short' };
  }
  return undefined;
}

function sortedLetters(letters: string[]): string {
  return [...letters].sort().join('');
}
