/**
 * `Cochrane Central Register of Controlled Trials (CENTRAL)`: a database or a
 * register may be called by one word of its name, written in capitals. Its letters
 * follow no initials, so the in-order alignment finds nothing; read so when the
 * bracket holds that word in capitals and the words before it form a name, every
 * content word capitalised.
 */

import type { ConstructedCandidate } from '../candidate.js';
import { trimLongFormEnd } from '../longFormBounds.js';
import type { WindowWord } from '../precedingWords.js';
import type { LongFormWindow } from './longFormWindow.js';

/** A shorter word in capitals is too often an ordinary abbreviation whose letters happen to spell a word. */
const SHORTEST_NAME_WORD = 4;
/** The name holds the word and at least one more capitalised word. */
const LEAST_NAME_WORDS = 2;
/** The small words a title-case name leaves in lower case. */
const NAME_JOINERS: ReadonlySet<string> = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'to', '&']);

const ARTICLES: ReadonlySet<string> = new Set(['The', 'A', 'An']);

/** The name-word reading of a window, or `undefined`. */
export function nameWordDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, short, words } = window;
  const written = text.slice(short.start, short.end);
  if (written.length < SHORTEST_NAME_WORD || !/^\p{Lu}+$/u.test(written)) return undefined;
  const name = capitalisedRunBefore(text, words);
  if (name.length < LEAST_NAME_WORDS) return undefined;
  const spelled = name.some((word) => bare(text, word) === written.charAt(0) + written.slice(1).toLowerCase());
  if (!spelled) return undefined;
  const first = name[0]!;
  const last = name[name.length - 1]!;
  return { construction: 'name-word', short, long: { start: first.start, end: trimLongFormEnd(text, first.start, last.end) }, pattern: 'long-short' };
}

/**
 * The words that end at the bracket and form a title-case name: capitalised words, with the
 * small joining words between them (`Register of Controlled Trials`), never a joiner first.
 * Empty when the word right before the bracket is not capitalised.
 */
function capitalisedRunBefore(text: string, words: readonly WindowWord[]): WindowWord[] {
  let first = words.length;
  for (let index = words.length - 1; index >= 0; index--) {
    const word = bare(text, words[index]!);
    if (/^\p{Lu}\p{Ll}+$/u.test(word)) first = index;
    else if (!NAME_JOINERS.has(word) || first === words.length) break;
  }
  // A leading article is the sentence's, not the name's: `The Heart Study (HEART)`.
  if (first < words.length && ARTICLES.has(bare(text, words[first]!))) first++;
  return words.slice(first).filter((word) => /^\p{Lu}/u.test(bare(text, word)));
}

function bare(text: string, word: WindowWord): string {
  return text.slice(word.start, word.end).replace(/^[^\p{L}&]+|[^\p{L}&]+$/gu, '');
}
