/**
 * Does a piece of bracketed or bracket-adjacent text look like a short form?
 * The checks are about shape only (length, words, symbols); whether the letters
 * fit a long form is the aligner's job.
 */

import { hasTwoCapitals, isLowerCaseLetter, isUpperCaseLetter, isWhitespaceUnit, isLetterOrNumberAt } from '../../text/characters.js';
import { NON_DEFINITION_OPENERS } from './wordLists.js';
import { bondLocantAt } from '../../text/locants.js';

/** A half-open range of document offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Longest short form, in UTF-16 units, counting inner spaces. */
const LONGEST_SHORT_FORM = 20;
/**
 * Longest short form that is one hyphen-joined token: modified-protein and
 * construct names chain their parts (`sp-PEG-mTNF-alpha-K90R`).
 */
const LONGEST_HYPHENATED_SHORT_FORM = 30;
/** Most words a short form may have (`chl a/b LHC`). */
const MOST_SHORT_FORM_WORDS = 3;

/**
 * The first item inside a bracket: its text up to `;`, `, `, an em dash or a spaced en dash (so
 * that `(CRS; ref. 3)`, `(IL-15, 10 ng/mL)` and `(IC—IgG-antigen complex)` give `CRS`, `IL-15`
 * and `IC`), a program's release (`(VEP v105)`), a comparison sign (`(FDR < 0.05)`), or, after
 * one word, a number with decimals (`(HR 0.62, …)`), a spaced hyphen (`(iNOS - the NOS2
 * product)`) or, after a reagent's short form, what it was mixed with by its amount (`(MSTFA with
 * 1% TMCS)`); a bracket of its own after one word, a note on it (`(AN [MIM: 106210])`);
 * trimmed. Separators inside nested brackets do not split.
 */
export function firstItemOfBracket(text: string, contentStart: number, contentEnd: number): TextSpan | undefined {
  let start = contentStart;
  while (start < contentEnd && isWhitespaceUnit(text.charCodeAt(start))) start++;
  let end = start;
  let depth = 0;
  for (; end < contentEnd; end++) {
    const character = text.charAt(end);
    if (character === '(' || character === '[') depth++;
    else if (character === ')' || character === ']') depth--;
    else if (depth === 0 && (character === ';' || character === '\u2014')) break;
    else if (depth === 0 && character === ',' && (end + 1 >= contentEnd || isWhitespaceUnit(text.charCodeAt(end + 1)))) break;
    else if (depth === 0 && character === '\u2013' && isWhitespaceUnit(text.charCodeAt(end - 1))) break;
    // A program's release after its short form: `(VEP v105)`, `(STAR version 2.7.9a)`.
    else if (depth === 0 && end > start && isWhitespaceUnit(text.charCodeAt(end)) && RELEASE_AFTER.test(text.slice(end, Math.min(end + 16, contentEnd)))) break;
    // A value given with the short form: `(FDR < 0.05)`, `(OR = 2.1)`, `(HR 0.62, 95% CI …)`; a spaced
    // hyphen before a remark: `(iNOS - the NOS2 product)`. No short form holds a comparison sign.
    else if (depth === 0 && end > start && COMPARISON_SIGN.test(character)) break;
    // A bracket of its own after one word holds a note on it (`(AN [MIM: 106210])`, `(PD-1 (CD279))`); after
    // words it is part of a long form (`(epidermal growth factor (EGF) receptor)`).
    else if (depth === 0 && end > start && isWhitespaceUnit(text.charCodeAt(end)) && OPENING_AFTER_SPACE.test(text.slice(end, Math.min(end + 8, contentEnd))) && isOneWord(text, start, end)) break;
    else if (depth === 0 && end > start && isWhitespaceUnit(text.charCodeAt(end)) && isOneWord(text, start, end) && isValueOrRemarkAfter(text, start, end, contentEnd)) break;
  }
  return trimItem(text, start, end);
}
/** White space, then a bracket opening. */
const OPENING_AFTER_SPACE = /^\s+[[(]/u;
/** A release's mark and number after a space: ` v105`, ` v.2.1`, ` version 4`. */
const RELEASE_AFTER = /^\s+(?:v\.?|version\s+)\d/u;
/** Whether a value, a remark after a spaced hyphen, or what a reagent was mixed with follows the one word `text[start, end)`. */
function isValueOrRemarkAfter(text: string, start: number, end: number, contentEnd: number): boolean {
  const after = text.slice(end, Math.min(end + 24, contentEnd));
  return isValueAfter(text, end, contentEnd) || REMARK_AFTER.test(after) || (MIXED_WITH_AFTER.test(after) && hasTwoCapitals(text.slice(start, end)));
}
/** True when `text[start, end)` holds no white space: one word, as a short form is before its value. */
function isOneWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isWhitespaceUnit(text.charCodeAt(i))) return false;
  return true;
}
/** The signs a value is given with; no short form holds one. */
const COMPARISON_SIGN = /[<>=\u2264\u2265\u2248\u00b1]/u;
/** After white space, a comparison, or a number with decimals (`0.62`, `−1.5`; not an enzyme's number, `EC 3.1.1.7`). */
const VALUE_AFTER = new RegExp(String.raw`^\s*(?:${COMPARISON_SIGN.source}|[-\u2212]?\d+[.\u00b7]\d+(?![\p{L}\d]|\.\d))`, 'u');
/** A hyphen or dash between spaces, before a remark. */
const REMARK_AFTER = /^\s+[-\u2013\u2014]\s/u;
/**
 * What a reagent's short form (two capitals at least) was mixed with, by its amount: `(MSTFA with
 * 1% TMCS)`, `(DMSO containing 0.1% BSA)`. Not after a word (`(rituximab with cyclophosphamide,
 * …)` spells out a regimen), nor without an amount (`(HR with adjustment for age, 1.9)`).
 */
const MIXED_WITH_AFTER = /^\s+(?:with|containing)\s+\d+(?:[.,]\d+)?\s*(?:%|[mµnu]?M(?![\p{L}])|mg|µg|ng|U(?![\p{L}]))/u;

/**
 * True when a value follows `end` inside a bracket that closes at `contentEnd`: the bracket reports
 * a value with its short form (`(FDR < 0.05)`, `(HR 0.62, 95% CI …)`, `(U = 312)`).
 */
export function isValueAfter(text: string, end: number, contentEnd: number): boolean {
  return VALUE_AFTER.test(text.slice(end, Math.min(end + 16, contentEnd)));
}

/**
 * The last item inside a bracket when there are several: `(blood-brain barrier, BBB)` and
 * `(blood-brain barrier, or BBB)` give `BBB` and the offset of the separator before it.
 */
export function lastItemOfBracket(
  text: string,
  contentStart: number,
  contentEnd: number,
): { item: TextSpan; separator: number } | undefined {
  let depth = 0;
  for (let offset = contentEnd - 1; offset > contentStart; offset--) {
    const character = text.charAt(offset);
    if (character === ')' || character === ']') depth++;
    else if (character === '(' || character === '[') depth--;
    else if (depth === 0 && (character === ';' || (character === ',' && isWhitespaceUnit(text.charCodeAt(offset + 1))))) {
      let start = offset + 1;
      while (start < contentEnd && isWhitespaceUnit(text.charCodeAt(start))) start++;
      // `(younger adults given standard-dose, or YASD)`: the short form offered as another name.
      if (text.startsWith('or', start) && isWhitespaceUnit(text.charCodeAt(start + 2))) {
        start += 2;
        while (start < contentEnd && isWhitespaceUnit(text.charCodeAt(start))) start++;
      }
      const item = trimItem(text, start, contentEnd);
      return item === undefined ? undefined : { item, separator: offset };
    }
  }
  return undefined;
}

/**
 * Quotation marks that may enclose a short form as a whole (`enhancer RNAs (‘eRNAs’)`,
 * `("eRNA")`): an opening mark and the closing mark that pairs with it.
 */
const CLOSING_QUOTE: ReadonlyMap<string, string> = new Map([
  ['\u2018', '\u2019'],
  ['\u201c', '\u201d'],
  ['"', '"'],
  ["'", "'"],
]);

/**
 * Trims white space and a final full stop, keeping the stops of dotted forms (`R.D.T.`), and
 * a pair of quotation marks around the whole item: authors quote the short form they coin. A
 * quoted single letter stays quoted: it names a letter or a label (`the small ('S') segment`).
 */
function trimItem(text: string, start: number, end: number): TextSpan | undefined {
  while (end > start && isWhitespaceUnit(text.charCodeAt(end - 1))) end--;
  if (end > start && text.charAt(end - 1) === '.' && !text.slice(start, end - 1).includes('.')) end--;
  const closing = CLOSING_QUOTE.get(text.charAt(start));
  if (closing !== undefined && end - start > 3 && text.charAt(end - 1) === closing && !text.slice(start + 1, end - 1).includes(closing)) {
    start++;
    end--;
  }
  return end > start ? { start, end } : undefined;
}

/** True when `text[span)` has the shape of an abbreviation (`NK`, `IL-15`, `iPSCs`, `TGF-β`, `MEF cells`). */
export function hasShortFormShape(text: string, span: TextSpan): boolean {
  const written = text.slice(span.start, span.end);
  const isHyphenatedToken = written.includes('-') && !/\s/.test(written);
  if (written.length > (isHyphenatedToken ? LONGEST_HYPHENATED_SHORT_FORM : LONGEST_SHORT_FORM)) return false;
  if (!isLetterOrNumberAt(text, span.start) && bondLocantAt(written) === undefined) return false;
  if (COMPARISON_SIGN.test(written) || /%|\bet al\b/.test(written)) return false;
  // A label before its value (`(aOR: 0.93, …)`, the value an inline code the masked text blanks): a statistic, not a short form.
  if (written.endsWith(':')) return false;
  const words = written.split(/\s+/);
  if (words.length > MOST_SHORT_FORM_WORDS) return false;
  // `OS and PFS`, `CR or PR`: two short forms coordinated, never one.
  if (words.length === 3 && (words[1] === 'and' || words[1] === 'or')) return false;
  let letters = 0;
  let wordCharacters = 0;
  let upperCaseOrDigits = 0;
  for (let offset = span.start; offset < span.end; offset++) {
    if (!isLetterOrNumberAt(text, offset)) continue;
    wordCharacters++;
    const character = text.charAt(offset);
    if (isUpperCaseLetter(character) || (character >= '0' && character <= '9')) upperCaseOrDigits++;
    if (isUpperCaseLetter(character) || isLowerCaseLetter(character)) letters++;
  }
  if (wordCharacters < 2 || letters === 0) return false;
  if (/^\d+s$/.test(written)) return false; // a decade: `1990s`
  const firstWord = words[0]!.toLowerCase().replace(/\.$/, '');
  const firstWordIsAllCaps = words[0]!.length > 1 && words[0] === words[0]!.toUpperCase();
  if (NON_DEFINITION_OPENERS.has(firstWord) && !firstWordIsAllCaps) return false;
  if (words.length > 1 && upperCaseOrDigits === 0) return false;
  // A single lower-case word of five letters or more is a word, not an abbreviation: `(daily)`.
  if (words.length === 1 && upperCaseOrDigits === 0 && /^\p{Ll}{5,}$/u.test(written)) return false;
  return true;
}
