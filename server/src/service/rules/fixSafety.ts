/**
 * Checks that decide whether a fix may be applied unattended (`safe`): a safe fix never changes
 * meaning. Each check looks only at a few characters or words around one edit, never at the
 * whole text.
 */

import { isHyphenUnit, isInsideIdentifier, isLetterOrNumberAt } from '../text/characters';

const GREEK_TO_LATIN: Record<string, string> = {
  α: 'a', β: 'b', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'h', θ: 'q', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', π: 'p', ρ: 'r', σ: 's', τ: 't', υ: 'u', φ: 'f', χ: 'c', ψ: 'y', ω: 'w',
};
const GREEK_NAMES = /alpha|beta|gamma|delta|epsilon|zeta|kappa|lambda/gu;

/**
 * A written form reduced to what a spelling change cannot alter: letters and digits in lower
 * case, Greek letters (a formula editor's `𝛽` too) and their spelled-out names as one Latin
 * letter (`IFN-gamma`, `IFN-γ`, `IFNg` -> `ifng`), without spaces, hyphens or dots. Looser than
 * abbreviationSpellings' `spellingKey` (case and hyphens only): it also tells one undefined
 * abbreviation written two ways (`FcγR`, `FcgR`).
 */
export function looseSpellingKey(form: string): string {
  let key = looseKeys.get(form);
  if (key !== undefined) return key;
  key = form
    .normalize('NFKC')
    .toLowerCase()
    .replace(GREEK_NAMES, (name) => name[0]!)
    .replace(/[α-ω]/gu, (letter) => GREEK_TO_LATIN[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, '');
  // Asked for every use of every key on each lint; a document holds a few hundred spellings.
  if (looseKeys.size >= 10_000) looseKeys.clear();
  looseKeys.set(form, key);
  return key;
}
const looseKeys = new Map<string, string>();

/** True when `replacement` is the same term as `written`, differing only in case, punctuation, spacing, hyphens or Greek letters. */
export function isSameSpelling(written: string, replacement: string): boolean {
  return looseSpellingKey(written) === looseSpellingKey(replacement);
}

/**
 * True when `[start, end)` is glued to its neighbours: part of a hyphenated compound
 * (`protein-hACE2`, `(CAR-)T`), of an identifier (`{{ebm_tocilizumab_ct}}`) or of a longer word.
 * Rewriting such a piece rewrites the compound it sits in.
 */
export function isInsideCompound(text: string, start: number, end: number): boolean {
  if (isLetterOrNumberAt(text, start - 1) || isLetterOrNumberAt(text, end) || isInsideIdentifier(text, start, end)) return true;
  // A hyphen joins a compound; a hyphen right before a closing bracket (`(CAR-)T`) too.
  if (isHyphenUnit(text.charCodeAt(start - 1))) return true;
  if (isHyphenUnit(text.charCodeAt(end)) && (isLetterOrNumberAt(text, end + 1) || text[end + 1] === ')' || text[end + 1] === ']')) return true;
  return false;
}


/** How far back {@link isInsideBrackets} looks for an open bracket. */
const BRACKET_LOOKBACK = 300;

/**
 * True when `offset` lies inside an open `(` or `[` of its paragraph. Text inside brackets is
 * already an aside, a definition or a citation: writing a definition into it nests brackets.
 */
export function isInsideBrackets(text: string, offset: number): boolean {
  let depth = 0;
  const stop = Math.max(0, offset - BRACKET_LOOKBACK);
  for (let i = offset - 1; i >= stop; i--) {
    const ch = text[i];
    if (ch === ')' || ch === ']') depth++;
    else if (ch === '(' || ch === '[') {
      if (depth === 0) return true;
      depth--;
    } else if (ch === '\n' && (text[i - 1] === '\n' || (text[i - 1] === '\r' && text[i - 2] === '\n'))) {
      return false; // a blank line ends the paragraph
    }
  }
  return false;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of `text` (runs of letters and digits), lower-cased. */
function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** The word ending right before `offset`, if only spaces separate it (lower-cased). */
function wordBefore(text: string, offset: number): string | undefined {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  let j = i;
  while (j > 0 && isLetterOrNumberAt(text, j - 1)) j--;
  return j < i ? text.slice(j, i).toLowerCase() : undefined;
}

/** The word starting right after `offset`, if only spaces separate it (lower-cased). */
function wordAfter(text: string, offset: number): string | undefined {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  let j = i;
  while (j < text.length && isLetterOrNumberAt(text, j)) j++;
  return j > i ? text.slice(i, j).toLowerCase() : undefined;
}

/** The same word with a plural `s` dropped, for comparing `receptor` with `receptors`. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}

/**
 * True when replacing `[start, end)` by `newText` puts a word next to the same word
 * (`cytokine storm syndrome` -> `cytokine release syndrome syndrome`).
 */
export function repeatsNeighbour(text: string, start: number, end: number, newText: string): boolean {
  const words = wordsOf(newText);
  if (words.length === 0) return false;
  const first = /^[\p{L}\p{N}]/u.test(newText) ? words[0]! : undefined;
  const last = /[\p{L}\p{N}]$/u.test(newText) ? words[words.length - 1]! : undefined;
  const before = wordBefore(text, start);
  const after = wordAfter(text, end);
  return (first !== undefined && before !== undefined && singular(first) === singular(before)) || (last !== undefined && after !== undefined && singular(last) === singular(after));
}

/**
 * True when a long form for `short` is already written right next to it: the words just before
 * or just after begin with its letters (`KIRs killer inhibitory receptors`, `chimeric antigen
 * receptor CAR`), or they are `expansion` itself. Writing a definition there doubles the words.
 */
export function hasAdjacentLongForm(text: string, start: number, end: number, short: string, expansion: string | undefined): boolean {
  // A plural `s` (`KIRs`) is no initial.
  const letters = short.replace(/(?<=\p{Lu})s$/u, '').replace(/[^\p{L}]/gu, '').toLowerCase();
  if (letters.length < 2) return false;
  const span = 120;
  const before = wordsOf(text.slice(Math.max(0, start - span), start).split(/[.;:!?]\s|\n\s*\n/u).pop() ?? '');
  const after = wordsOf(text.slice(end, end + span).split(/[.;:!?]\s|\n\s*\n/u)[0] ?? '');
  const expansionWords = expansion ? wordsOf(expansion).map(singular) : [];
  const spells = (words: string[]): boolean => {
    // Initials of up to as many words as the abbreviation has letters (a hyphenated word counts per part).
    for (let n = 2; n <= Math.min(words.length, letters.length + 1); n++) {
      if (words.slice(0, n).map((w) => w[0]).join('') === letters) return true;
    }
    return false;
  };
  const matchesExpansion = (words: string[]): boolean =>
    expansionWords.length > 0 && words.length >= expansionWords.length && words.slice(0, expansionWords.length).every((w, i) => singular(w) === expansionWords[i]);
  const reversedBefore = before.slice().reverse();
  const beforeTail = (n: number): string[] => before.slice(before.length - n);
  if (spells(after) || matchesExpansion(after)) return true;
  if (expansionWords.length > 0 && before.length >= expansionWords.length && matchesExpansion(beforeTail(expansionWords.length))) return true;
  for (let n = 2; n <= Math.min(reversedBefore.length, letters.length + 1); n++) {
    if (beforeTail(n).map((w) => w[0]).join('') === letters) return true;
  }
  return false;
}

/** True when the character after a closing bracket at `closeEnd` continues a word (`(CAR-)T`): removing the bracket would glue words. */
export function bracketGluesWord(text: string, closeEnd: number): boolean {
  return isLetterOrNumberAt(text, closeEnd);
}

/**
 * True when a bracket follows `end` (spaces aside): a long form written before a bracket is the
 * author explaining or defining something there (`chimeric antigen receptor (CAR-)T`), even
 * where the detector did not read a definition; replacing it would leave `CAR (CAR-)T`.
 */
export function isFollowedByBracket(text: string, end: number): boolean {
  let i = end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === '(' || text[i] === '[';
}

const PAIR_SEPARATOR = /[\s,;:=\u2013\u2014([/]/u;

/**
 * True when `short` stands right next to `[start, end)`, with only punctuation between
 * (`CRS, cytokine release syndrome;`, `cytokine release syndrome = CRS`): the pair explains the
 * abbreviation, as in a list of pairs, rather than repeating the long form.
 */
export function isPairedWith(text: string, start: number, end: number, short: string): boolean {
  let i = start;
  while (i > 0 && start - i < 4 && PAIR_SEPARATOR.test(text[i - 1]!)) i--;
  if (i < start && text.slice(i - short.length, i) === short && !isLetterOrNumberAt(text, i - short.length - 1)) return true;
  let j = end;
  while (j < text.length && j - end < 4 && PAIR_SEPARATOR.test(text[j]!)) j++;
  return j > end && text.slice(j, j + short.length) === short && !isLetterOrNumberAt(text, j + short.length);
}
