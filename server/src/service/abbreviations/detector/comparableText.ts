/**
 * Turns a stretch of prose into the letters the short/long-form matcher
 * compares: lower-cased, Greek letters spelled out (`β` → `beta`), punctuation
 * dropped, each letter remembering where it came from and whether it starts a
 * word part (`non-|small`, `Mc|Dermott`, `interleukin|15`).
 */

import { lowerCaseUnit } from '../../text/caseFolding.js';
import { greekLetterName } from './greekLetters.js';
import { isAsciiDigit, isLowerCaseLetter, isUpperCaseLetter, isWhitespaceUnit, isLetterOrNumberAt } from '../../text/characters.js';

/** One comparable letter or digit. */
export interface ComparableCharacter {
  /** Lower-case letter or digit. */
  character: string;
  /** UTF-16 offset of the source character in the document. */
  offset: number;
  /** Index of the white-space separated token it belongs to (0 = first token of the stretch). */
  token: number;
  /** First letter of a word part: after punctuation or space, at a case or letter/digit change, or a Greek letter. */
  startsWordPart: boolean;
  /** First letter after white space or punctuation (a long form may begin only here). */
  followsSeparator: boolean;
  /** Second and later letters of a spelled-out Greek letter: they only ever continue that letter. */
  insideGreekName: boolean;
  /** The previous comparable character was its immediate neighbour in the source (no separator between). */
  joinedToPrevious: boolean;
  /**
   * What a short form's character may also stand for at this letter: on the first letter of a
   * spelled-out number (`three-dimensional`), its digit; on the `e` of a word opening `ex`, `x`,
   * as `XDR` writes `extensively drug-resistant` and `XL` `extra large`.
   */
  readAlsoAs: string | undefined;
}

/** Multiplying prefixes of chemical nomenclature (`tris|phosphate`, `di|methyl`). */
const MULTIPLYING_PREFIXES: ReadonlySet<string> = new Set(['di', 'tri', 'tetra', 'penta', 'hexa', 'bis', 'tris', 'tetrakis']);

/** Beginnings of the group names a multiplying prefix counts. */
const COUNTED_GROUP_STEMS = [
  'phosph', 'methyl', 'ethyl', 'propyl', 'butyl', 'phenyl', 'acetyl', 'hydroxy', 'hydro', 'nitro', 'amin', 'amid',
  'chlor', 'fluor', 'brom', 'iod', 'oxo', 'oxy', 'carbox', 'sulf', 'sulph', 'thio', 'cyano', 'peptide', 'saccharide',
];

/** Substituent prefixes that are followed by the name of the parent compound (`methoxy|psoralen`). */
const SUBSTITUENT_PREFIXES: ReadonlySet<string> = new Set([
  'methoxy', 'ethoxy', 'hydroxy', 'deoxy', 'amino', 'chloro', 'fluoro', 'bromo', 'iodo', 'nitro', 'methyl', 'ethyl',
  'phenyl', 'benzyl', 'acetyl',
]);

/**
 * True when a new word part of a chemical name starts at `offset`, inside the
 * part that started at `partStart`: a group counted by a multiplying prefix
 * (`inositol tris|phosphate (IP3)`, `di|methyl sulfoxide (DMSO)`), or a parent
 * compound after a substituent prefix (`8-methoxy|psoralen plus UVA (PUVA)`).
 * A parent name starts with a consonant and has four letters or more, so that
 * suffixes (`methyl|ation`, `hydroxy|lase`) stay inside the word.
 */
function startsChemicalPart(text: string, partStart: number, offset: number, end: number): boolean {
  const prefix = text.slice(partStart, offset).toLowerCase();
  const counting = MULTIPLYING_PREFIXES.has(prefix);
  if (!counting && !SUBSTITUENT_PREFIXES.has(prefix)) return false;
  const rest = text.slice(offset, Math.min(end, offset + 10)).toLowerCase();
  if (counting) return COUNTED_GROUP_STEMS.some((stem) => rest.startsWith(stem));
  return /^[b-df-hj-km-np-tv-z][a-z]{3}/.test(rest);
}

/** The chemical prefixes above by their first letter's code, so that a word part is compared with a few at most. */
const CHEMICAL_PREFIXES_BY_INITIAL: ReadonlyMap<number, readonly string[]> = (() => {
  const byInitial = new Map<number, string[]>();
  for (const prefix of [...MULTIPLYING_PREFIXES, ...SUBSTITUENT_PREFIXES]) {
    const list = byInitial.get(prefix.charCodeAt(0)) ?? [];
    list.push(prefix);
    byInitial.set(prefix.charCodeAt(0), list);
  }
  return byInitial;
})();

/**
 * The lengths of the chemical prefixes the word part starting at `partStart` begins
 * with, as bits (`1 << length`): 0 for almost every word, so that the letters after the
 * part's start need no check. Prefixes are ASCII, compared without allocating.
 */
function chemicalPrefixLengths(text: string, partStart: number, end: number): number {
  const candidates = CHEMICAL_PREFIXES_BY_INITIAL.get(lowerCaseUnit(text.charCodeAt(partStart)));
  if (candidates === undefined) return 0;
  let lengths = 0;
  for (const prefix of candidates) {
    if (partStart + prefix.length > end) continue;
    let k = 1;
    while (k < prefix.length && lowerCaseUnit(text.charCodeAt(partStart + k)) === prefix.charCodeAt(k)) k++;
    if (k === prefix.length) lengths |= 1 << prefix.length;
  }
  return lengths;
}

/** `a` to `z`, indexed by the upper-case letter's code minus `A`. */
const LOWER_ASCII: readonly string[] = Array.from({ length: 26 }, (_, index) => String.fromCharCode(0x61 + index));

/** Number words a short-form digit may stand for (`3D` = `three-dimensional`). */
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** The digit spelled out by the word part starting at `offset`, if any (`two-` → `2`). */
function spelledDigitAt(text: string, offset: number, end: number): string | undefined {
  // Every number word starts with one of `zotfsen`: test that letter before comparing words.
  const first = text.charCodeAt(offset) | 0x20;
  if (!NUMBER_WORD_INITIALS.has(first)) return undefined;
  for (let digit = 0; digit < NUMBER_WORDS.length; digit++) {
    const word = NUMBER_WORDS[digit]!;
    if (offset + word.length > end || word.charCodeAt(0) !== first) continue;
    if (text.slice(offset, offset + word.length).toLowerCase() !== word) continue;
    const after = offset + word.length;
    if (after < end && isLetterOrNumberAt(text, after)) continue;
    return String(digit);
  }
  return undefined;
}

/**
 * `x` when the word at `offset` opens with `ex` and goes on (`extensively`, `extra`,
 * `extracellular`): the letter a short form writes for it. Not a verb's form (`exposed`,
 * `extracted`, `examining`): a clause's verb, not a long form's first word.
 */
function exAt(text: string, offset: number, end: number): string | undefined {
  if (offset + 3 >= end || (text.charCodeAt(offset) | 0x20) !== 0x65 || (text.charCodeAt(offset + 1) | 0x20) !== 0x78 || !isLowerCaseLetter(text.charAt(offset + 2))) return undefined;
  let wordEnd = offset + 2;
  while (wordEnd < end && isLowerCaseLetter(text.charAt(wordEnd))) wordEnd++;
  return VERB_ENDING.test(text.slice(offset, wordEnd)) ? undefined : 'x';
}
const VERB_ENDING = /(?:ed|ing)$/u;

/** Lower-case first letters of the number words, as code units. */
const NUMBER_WORD_INITIALS: ReadonlySet<number> = new Set(NUMBER_WORDS.map((word) => word.charCodeAt(0)));

/**
 * Comparable characters of `text[start, end)`, in reading order. Token indexes
 * count white-space separated runs from `firstToken`.
 */
export function toComparableCharacters(text: string, start: number, end: number, firstToken = 0): ComparableCharacter[] {
  const result: ComparableCharacter[] = [];
  let token = firstToken;
  let seenWordCharacterInToken = false;
  let previousWasWordCharacter = false;
  let previousCharacter = '';
  let partStart = start;
  let partPrefixLengths = 0;
  for (let offset = start; offset < end; offset++) {
    const code = text.charCodeAt(offset);
    if (isWhitespaceUnit(code)) {
      if (seenWordCharacterInToken) token++;
      seenWordCharacterInToken = false;
      previousWasWordCharacter = false;
      previousCharacter = '';
      continue;
    }
    const source = text.charAt(offset);
    if (!isLetterOrNumberAt(text, offset)) {
      previousWasWordCharacter = false;
      previousCharacter = '';
      continue;
    }
    const greekName = greekLetterName(source);
    if (greekName !== undefined) {
      const continuesGreek = previousWasWordCharacter && greekLetterName(previousCharacter) !== undefined;
      for (let index = 0; index < greekName.length; index++) {
        result.push({
          character: greekName.charAt(index),
          offset,
          token,
          startsWordPart: index === 0 && !continuesGreek,
          followsSeparator: index === 0 && !previousWasWordCharacter,
          insideGreekName: index > 0,
          joinedToPrevious: index > 0 || previousWasWordCharacter,
          readAlsoAs: undefined,
        });
      }
    } else {
      const startsPart = !previousWasWordCharacter || startsNewWordPart(previousCharacter, source) ||
        // Prefixes have two to eight letters: checking only those keeps long words linear.
        (offset - partStart <= 8 && (partPrefixLengths & (1 << (offset - partStart))) !== 0 && startsChemicalPart(text, partStart, offset, end));
      if (startsPart) {
        partStart = offset;
        partPrefixLengths = chemicalPrefixLengths(text, offset, end);
      }
      result.push({
        character: code >= 0x41 && code <= 0x5a ? LOWER_ASCII[code - 0x41]! : code < 0x80 ? source : source.toLowerCase().charAt(0),
        offset,
        token,
        startsWordPart: startsPart,
        followsSeparator: !previousWasWordCharacter,
        insideGreekName: false,
        joinedToPrevious: previousWasWordCharacter,
        // One object shape for every letter: the digit, `x`, or undefined.
        readAlsoAs: previousWasWordCharacter ? undefined : spelledDigitAt(text, offset, end) ?? exAt(text, offset, end),
      });
    }
    seenWordCharacterInToken = true;
    previousWasWordCharacter = true;
    previousCharacter = source;
  }
  return result;
}

/** A case change (`Mc|Dermott`), a letter/digit change (`CD|56`) or the end of a Greek letter (`γ|R`). */
function startsNewWordPart(previous: string, current: string): boolean {
  if (greekLetterName(previous) !== undefined) return true;
  if (isLowerCaseLetter(previous) && isUpperCaseLetter(current)) return true;
  return isAsciiDigit(previous) !== isAsciiDigit(current);
}
