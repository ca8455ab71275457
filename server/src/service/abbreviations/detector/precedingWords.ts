/**
 * The words before a bracket that can hold its long form: collected right to
 * left and stopped at the end of the previous sentence, a clause mark (`;`,
 * `:`), another bracketed remark or the start of the prose block.
 */

import { isWhitespaceUnit, isLetterOrNumberAt } from '../../text/characters.js';
import { lowerBound } from '../../text/sortedSearch.js';
import { tokenize, type BlockTokens } from '../../text/tokens.js';
import { ABBREVIATIONS_ENDING_WITH_STOP, CONTEXT_NOUNS, FUNCTION_WORDS } from './wordLists.js';

/** One white-space separated word of the window. */
export interface WindowWord {
  /** Start offset, after leading quotes or an opening bracket that belongs to an outer remark. */
  start: number;
  end: number;
  /** True for `of`, `and`, `the`…: a long form may skip it. */
  isFunctionWord: boolean;
  /** True for `activity`, `levels`, `patients`…: never the unmatched last word of a long form. */
  isContextNoun: boolean;
}

/** What a word tells about the words to its left. */
const enum WordRole {
  /** An ordinary word: keep collecting. */
  Inside,
  /** Starts a clause (`(natural` of `(natural killer (NK)`): keep it, collect no further. */
  StartsClause,
  /** Ends an earlier sentence, clause or remark: drop it and stop. */
  EndsEarlierClause,
}

/**
 * The token pass over the text the detector reads now: the detector reads one block at a time
 * and never re-enters, so {@link readingTokens} sets it for a block's detection, and the walk
 * below jumps over its words instead of reading their characters (issue 16).
 */
let reading: { text: string; tokens: BlockTokens } | undefined;

/** Runs `detect` with `tokens` (the token pass over `text`) as the words the walk reads. */
export function readingTokens<T>(text: string, tokens: BlockTokens, detect: () => T): T {
  const outer = reading;
  reading = { text, tokens };
  try {
    return detect();
  } finally {
    reading = outer;
  }
}

/** The token pass over `text`: the one set for this detection, or one made now (a reading called on its own). */
function tokensOf(text: string): BlockTokens {
  if (reading?.text !== text) reading = { text, tokens: tokenize(text) };
  return reading.tokens;
}

/**
 * Up to `maxWords` words ending before `before`, in reading order, none of
 * them before `blockStart` or in an earlier sentence. A word is a run of
 * characters without white space: the walk jumps over the token pass's words
 * (`k` steps back through them) and reads only the characters between them.
 */
export function collectPrecedingWords(text: string, blockStart: number, before: number, maxWords: number): WindowWord[] {
  const words: WindowWord[] = [];
  const { starts, ends, count } = tokensOf(text);
  let k = lowerBound(count, (i) => starts[i]! < before) - 1;
  let offset = before - 1;
  while (words.length < maxWords) {
    while (offset >= blockStart && isWhitespaceUnit(text.charCodeAt(offset))) offset--;
    if (offset < blockStart) break;
    const end = offset + 1;
    while (offset >= blockStart && end - offset <= LONGEST_WORD) {
      while (k >= 0 && starts[k]! > offset) k--;
      // Inside a word of the token pass: none of its characters is white space.
      if (k >= 0 && ends[k]! > offset) offset = Math.max(starts[k]!, blockStart) - 1;
      else if (isWhitespaceUnit(text.charCodeAt(offset))) break;
      else offset--;
    }
    // A run without white space longer than any word of a long form (`a(b)a(b)…`): the window ends before it.
    if (end - offset > LONGEST_WORD) break;
    const rawStart = offset + 1;
    const role = classifyWord(text, blockStart, rawStart, end);
    if (role === WordRole.EndsEarlierClause) break;
    const start = skipLeadingQuotesAndOpener(text, rawStart, end, role === WordRole.StartsClause);
    const bare = bareWord(text, start, end);
    // A spaced dash joins the words on either side (`gene - protein - reaction`) but is no word of its own.
    if (start < end && !isSpacedDash(text, start, end)) words.push({ start, end, isFunctionWord: FUNCTION_WORDS.has(bare), isContextNoun: CONTEXT_NOUNS.has(bare) });
    if (role === WordRole.StartsClause) break;
  }
  return words.reverse();
}

/**
 * The longest run without white space read as one word of a long form, in UTF-16 units: longer
 * than a chemical's systematic name, far shorter than a hostile run of brackets, whose every
 * bracket would otherwise read the whole run again.
 */
const LONGEST_WORD = 256;

/** The word lower-cased without surrounding punctuation. */
function bareWord(text: string, start: number, end: number): string {
  let first = start;
  let last = end;
  while (first < last && !isLetterOrNumberAt(text, first)) first++;
  while (last > first && !isLetterOrNumberAt(text, last - 1)) last--;
  return text.slice(first, last).toLowerCase();
}

function skipLeadingQuotesAndOpener(text: string, start: number, end: number, opensClause: boolean): number {
  let first = start;
  while (first < end && isOpeningQuote(text.charAt(first))) first++;
  if (opensClause && first < end && (text.charAt(first) === '(' || text.charAt(first) === '[')) first++;
  while (first < end && isOpeningQuote(text.charAt(first))) first++;
  return first;
}

/** Decides whether the word `text[start, end)` continues, starts or ends the clause before a bracket. */
function classifyWord(text: string, blockStart: number, start: number, end: number): WordRole {
  let hasWordCharacter = false;
  let depth = 0;
  let lowestDepth = 0;
  // Openers inside this word that are glued to what precedes them, innermost last (true = glued).
  const openers: boolean[] = [];
  let closersOfEarlierWords = 0;
  for (let offset = start; offset < end; offset++) {
    const character = text.charAt(offset);
    if (character === '(' || character === '[') {
      const glued = isGluedOpener(text, blockStart, offset);
      openers.push(glued);
      if (!glued) depth++;
    } else if (character === ')' || character === ']') {
      const opener = openers.pop();
      // Brackets inside a name (`poly-(deoxythymidylic acid)`) neither open nor close a remark.
      const glued = opener ?? isGluedOpener(text, blockStart, matchingOpenerBefore(text, blockStart, start, closersOfEarlierWords++));
      if (!glued) lowestDepth = Math.min(lowestDepth, --depth);
    } else if (!hasWordCharacter && isLetterOrNumberAt(text, offset)) {
      hasWordCharacter = true;
    }
  }
  if (!hasWordCharacter) return isJoiningSymbol(text.slice(start, end)) ? WordRole.Inside : WordRole.EndsEarlierClause;
  let first = start;
  while (first < end && isOpeningQuote(text.charAt(first))) first++;
  const opensWithBracket = text.charAt(first) === '(' || text.charAt(first) === '[';
  if (lowestDepth < 0) return WordRole.EndsEarlierClause;
  // `(natural`: an unclosed bracket opens the clause the long form lives in.
  if (depth === 1 && opensWithBracket) return WordRole.StartsClause;
  if (depth !== 0) return WordRole.EndsEarlierClause;

  let lastOffset = end - 1;
  while (lastOffset > start && isClosingQuote(text.charAt(lastOffset))) lastOffset--;
  const last = text.charAt(lastOffset);
  if (last === ';' || last === ':' || last === '!' || last === '?') return WordRole.EndsEarlierClause;
  if (last === '.' && !isNonFinalStop(text, start, lastOffset)) return WordRole.EndsEarlierClause;
  // A whole bracketed remark, `(IL-6),`, ends the long form's reach.
  let closerOffset = lastOffset;
  while (closerOffset > start && /[,.;:]/.test(text.charAt(closerOffset))) closerOffset--;
  const closer = text.charAt(closerOffset);
  if (opensWithBracket && (closer === ')' || closer === ']')) return WordRole.EndsEarlierClause;
  return WordRole.Inside;
}

/**
 * An opening bracket glued to the word part before it (`poly-(`, `5'-O-(`,
 * `ubiquitin(`) belongs to a name; one after white space opens a remark.
 */
function isGluedOpener(text: string, blockStart: number, offset: number): boolean {
  if (offset <= blockStart || offset < 0) return false;
  const before = text.charAt(offset - 1);
  return !isWhitespaceUnit(before.charCodeAt(0)) && before !== '(' && before !== '[' && !isOpeningQuote(before);
}

/** How far back a closer looks for its opener in earlier words; names are short. */
const LONGEST_BRACKETED_NAME = 200;
/** Names nest brackets a few levels deep at most (`5'-O-(3-thio…)`); deeper runs are not names. */
const MOST_NESTED_NAME_BRACKETS = 4;

/**
 * The offset of the opener, before `wordStart`, of the word's next closer that
 * has none inside the word; `alreadyMatched` such closers came before it. -1 when not found.
 */
function matchingOpenerBefore(text: string, blockStart: number, wordStart: number, alreadyMatched: number): number {
  if (alreadyMatched > MOST_NESTED_NAME_BRACKETS) return -1;
  let depth = alreadyMatched;
  const limit = Math.max(blockStart, wordStart - LONGEST_BRACKETED_NAME);
  for (let offset = wordStart - 1; offset >= limit; offset--) {
    const character = text.charAt(offset);
    if (character === ')' || character === ']') depth++;
    else if (character === '(' || character === '[') {
      if (depth === 0) return offset;
      depth--;
    }
  }
  return -1;
}

/**
 * `&`, `+` and `/` may stand alone inside a long form (`research & development`), and so may
 * a hyphen or an en dash written with spaces round it (`gene - protein - reaction (GPR)`):
 * where such a dash sets off a remark instead, the alignment still starts the long form after it.
 */
function isJoiningSymbol(word: string): boolean {
  return word === '&' || word === '+' || word === '/' || isDash(word);
}

function isDash(word: string): boolean {
  return word === '-' || word === '\u2013';
}

function isSpacedDash(text: string, start: number, end: number): boolean {
  return isDash(text.slice(start, end));
}

function isOpeningQuote(character: string): boolean {
  return character === '"' || character === '\u201c' || character === '\u2018' || character === "'" || character === '\u00ab';
}

function isClosingQuote(character: string): boolean {
  return character === '"' || character === '\u201d' || character === '\u2019' || character === "'" || character === '\u00bb';
}

/** True when the full stop at `stopOffset` ends an abbreviation or an initial, not a sentence. */
function isNonFinalStop(text: string, start: number, stopOffset: number): boolean {
  let first = start;
  while (first < stopOffset && !isLetterOrNumberAt(text, first)) first++;
  const word = text.slice(first, stopOffset).toLowerCase();
  if (word.length === 1 && !(word >= '0' && word <= '9')) return true; // an initial: `S. aureus`, `J. Smith`
  if (word.includes('.')) return true; // `e.g.`, `U.S.`
  return ABBREVIATIONS_ENDING_WITH_STOP.has(word);
}
