/**
 * `PICO (Population, Intervention, Comparison, Outcome)`, `FAIR principles (Findable,
 * Accessible, Interoperable, Reusable data)`: a short form, or a short form and the noun it
 * names, before a bracketed list of as many items as it has letters, each item opening with its
 * letter, in order. The list is the long form: each item is one letter's word. A list that
 * spells the short form item by item is no coincidence, so no other evidence is asked; a list of
 * any other length, or one item out of step, defines nothing (`CAR constructs (CD19, CD22)`).
 */
import type { BracketGroup } from '../bracketGroups.js';
import type { DefinitionCandidate } from '../candidate.js';
import { collectPrecedingWords } from '../precedingWords.js';
import type { TextSpan } from '../shortFormShape.js';

/** At least three items: two letters spelled by two words are the ordinary reading's (`SF (long form)`). */
const FEWEST_ITEMS = 3;
/** An item is a short phrase (`Reusable data`, `Pseudomonas aeruginosa`), not a clause. */
const MOST_WORDS_PER_ITEM = 4;
/** Commas, semicolons and a closing `and`/`or` separate the items. */
const SEPARATOR = /\s*[,;]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+/gu;
/** Emphasis and quotation marks an item may open with (`_Enterococcus faecium_`). */
const OPENING_MARKS = /^[_*"'“‘]+/u;
/** A short form of letters only, two of them or more capitals (`PICO`, `FAIR`, `ESKAPE`). */
const LETTERS_SHORT_FORM = /^(?=(?:.*\p{Lu}){2})\p{L}+$/u;
/** A word of small letters: the noun a short form may name before its list (`principles`, `criteria`). */
const NAMED_NOUN = /^\p{Ll}+$/u;

export function initialsListDefinition(text: string, blockStart: number, group: BracketGroup): DefinitionCandidate | undefined {
  const items = listItems(text, group.open + 1, group.close);
  if (items === undefined) return undefined;
  const words = collectPrecedingWords(text, blockStart, group.open, 2);
  const last = words[words.length - 1];
  if (last === undefined) return undefined;
  const named = words.length === 2 && !last.isFunctionWord && NAMED_NOUN.test(text.slice(last.start, last.end)) ? words[0] : undefined;
  for (const word of named ? [last, named] : [last]) {
    const short = { start: word.start, end: word.end };
    const written = text.slice(short.start, short.end);
    if (!LETTERS_SHORT_FORM.test(written) || [...written].length !== items.length) continue;
    if (!items.every((item, i) => initialOf(text, item) === [...written][i]!.toLowerCase())) continue;
    return { construction: 'initials-list', short, long: { start: items[0]!.start, end: items[items.length - 1]!.end }, pattern: 'short-long' };
  }
  return undefined;
}

/** The items of a bracketed list, or undefined when the bracket holds something else. */
function listItems(text: string, from: number, to: number): TextSpan[] | undefined {
  const content = text.slice(from, to);
  if (/[()[\]@\n]/u.test(content)) return undefined;
  const items: TextSpan[] = [];
  let start = 0;
  for (const separator of content.matchAll(SEPARATOR)) {
    items.push({ start: from + start, end: from + separator.index });
    start = separator.index + separator[0].length;
  }
  items.push({ start: from + start, end: to });
  if (items.length < FEWEST_ITEMS) return undefined;
  for (const item of items) {
    const words = text.slice(item.start, item.end).trim().split(/\s+/u);
    if (words[0] === '' || words.length > MOST_WORDS_PER_ITEM) return undefined;
  }
  return items;
}

/** An item's first letter, lower-cased, after any emphasis or quotation mark it opens with. */
function initialOf(text: string, item: TextSpan): string {
  const written = text.slice(item.start, item.end).trim().replace(OPENING_MARKS, '');
  return [...written][0]?.toLowerCase() ?? '';
}
