/**
 * `the fourth edition of the Wechsler Adult Intelligence Scale (WAIS-IV)`, `Diagnostic and
 * Statistical Manual of Mental Disorders, Fifth Edition (DSM-5)`: a number after a hyphen that
 * ends the short form is the edition (or revision, or version) the long form names in words,
 * before or after the title, or leaves out when the title is written as one (`Beck Depression
 * Inventory (BDI-II)`, not `Protein kinase C (PKC-II)`). The title
 * must be spelled cleanly by the rest of the short form: three or more letters, each at a word
 * start, no content word left out.
 */

import { isConvincingCandidate } from '../acceptance.js';
import { alignedCandidate } from '../alignedLongForm.js';
import type { AlignedCandidate, ConstructedCandidate } from '../candidate.js';
import type { WindowWord } from '../precedingWords.js';
import { countLetters } from '../wordAlignment.js';
import { ROMAN_NUMERALS } from './leadingNumber.js';
import type { LongFormWindow } from './longFormWindow.js';
import { FUNCTION_WORDS } from '../wordLists.js';

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
/** What a numbered issue of a work is called. */
const ISSUE_NOUN = /^(?:edition|revision|version)[,;:]?$/iu;
/** A trailing `-IV` or `-5`: the number, in Roman numerals or digits. */
const NUMBERED_SHORT_FORM = /^(.*\p{L})-(X{0,1}(?:IX|IV|V?I{0,3})|\d{1,2})$/u;

/** The edition-number reading of a window, or `undefined`. */
export function editionNumberDefinition(window: LongFormWindow): ConstructedCandidate | undefined {
  const { text, short, shortLetters, words } = window;
  const match = NUMBERED_SHORT_FORM.exec(text.slice(short.start, short.end));
  if (match === null || match[2] === '') return undefined;
  const number = /^\d/.test(match[2]!) ? Number(match[2]) : ROMAN_NUMERALS.indexOf(match[2]!) + 1;
  if (number < 1) return undefined;
  // The stem's letters: all but the hyphen and the number, which `shortLetters` holds as characters.
  const stemLetters = shortLetters.slice(0, shortLetters.length - match[2]!.length);
  const stemLetterCount = countLetters(stemLetters);
  if (stemLetterCount < 2) return undefined;
  const wordAt = (index: number) => text.slice(words[index]!.start, words[index]!.end);
  const isOrdinal = (index: number) => isOrdinalOf(wordAt(index), number);
  const last = words.length - 1;
  // The edition after the title: `…Disorders, Fifth Edition (DSM-5)`.
  if (last >= 2 && ISSUE_NOUN.test(wordAt(last)) && isOrdinal(last - 1)) {
    const title = cleanTitle(window, stemLetters, stemLetterCount, words.slice(0, last - 1));
    if (title) return { construction: 'edition-number', short, long: { start: title.long.start, end: words[last]!.end }, pattern: 'long-short' };
  }
  // The edition before it: `the fourth edition of the Wechsler … Scale (WAIS-IV)`.
  for (let index = last - 2; index >= 0; index--) {
    if (!isOrdinal(index) || !ISSUE_NOUN.test(wordAt(index + 1)) || wordAt(index + 2).toLowerCase() !== 'of') continue;
    const titleStart = index + 3 < words.length && wordAt(index + 3).toLowerCase() === 'the' ? index + 4 : index + 3;
    const titleWords = words.slice(titleStart);
    const title = cleanTitle(window, stemLetters, stemLetterCount, titleWords);
    if (title && title.long.start === titleWords[0]!.start) {
      return { construction: 'edition-number', short, long: { start: words[index]!.start, end: title.long.end }, pattern: 'long-short' };
    }
    return undefined;
  }
  // The number left out of the words (`Beck Depression Inventory (BDI-II)`): the title alone, spelled
  // cleanly and written as a title, every content word capitalised; `Protein kinase C (PKC-II)` names an isoform.
  const title = cleanTitle(window, stemLetters, stemLetterCount, words);
  if (!title || !isTitleCased(text.slice(title.long.start, title.long.end))) return undefined;
  return { construction: 'edition-number', short, long: title.long, pattern: 'long-short' };
}

/** The title the stem spells, every letter at a word start and no content word left out. */
function cleanTitle(window: LongFormWindow, stemLetters: LongFormWindow['shortLetters'], stemLetterCount: number, titleWords: WindowWord[]): AlignedCandidate | undefined {
  if (titleWords.length === 0) return undefined;
  const aligned = alignedCandidate(window.text, window.short, { letters: stemLetters, omittedDigit: false }, titleWords, stemLetterCount);
  if (aligned === undefined || !isConvincingCandidate(aligned)) return undefined;
  const { alignment } = aligned;
  const clean = alignment.innerLetters === 0 && alignment.skippedContentTokens === 0 && alignment.wordStartMatches >= 3;
  return clean ? aligned : undefined;
}

/** Every word capitalised but the short function words (`Scale of Intelligence`). */
function isTitleCased(title: string): boolean {
  return title.split(/[\s-]+/u).every((word) => word.length === 0 || FUNCTION_WORDS.has(word.toLowerCase()) || /^\p{Lu}/u.test(word));
}

/** `fourth`, `4th` or `IV` for 4 (case ignored, trailing punctuation allowed). */
function isOrdinalOf(word: string, number: number): boolean {
  if (number > ORDINAL_WORDS.length) return false;
  const bare = word.replace(/[,;:]$/u, '');
  return bare.toLowerCase() === ORDINAL_WORDS[number - 1] || bare.toLowerCase() === `${number}${ordinalSuffix(number)}`;
}

function ordinalSuffix(number: number): string {
  if (number % 100 >= 11 && number % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][number % 10] ?? 'th';
}
