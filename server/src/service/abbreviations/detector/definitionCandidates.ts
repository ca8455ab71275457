/**
 * Finds every `long form (SF)` and `SF (long form)` pairing whose letters can
 * be aligned, with the alignment that supports it: one candidate per bracket.
 * `acceptance.ts` judges each alignment; here it only picks, among the ways of
 * reading one bracket, the first that convinces. When the letters do not
 * follow the long form in order, the written conventions in `readings/` get a turn.
 */

import { isConvincingCandidate, isSpelledAtWordStarts } from './acceptance.js';
import { alignedCandidate, omissionVariants } from './alignedLongForm.js';
import { findBracketGroups, type BracketGroup } from './bracketGroups.js';
import type { AlignedCandidate, DefinitionCandidate } from './candidate.js';
import { isAsciiDigit, isUpperCaseLetter, isWhitespaceUnit, isLetterOrNumberAt } from '../../text/characters.js';
import { trimLongFormEnd } from './longFormBounds.js';
import { collectPrecedingWords, type WindowWord } from './precedingWords.js';
import { firstItemOfBracket, hasShortFormShape, isValueAfter, lastItemOfBracket, type TextSpan } from './shortFormShape.js';
import { alignWithWords, countLetters, lettersOfWords, mostLongFormWords, shortFormLetters, type WordAlignment } from './wordAlignment.js';
import type { ComparableCharacter } from './comparableText.js';
import { FUNCTION_WORDS, NAMING_NOUNS } from './wordLists.js';
import { contextNounLeftOutDefinition } from './readings/contextNounLeftOut.js';
import { cellSourceDefinition } from './readings/cellSource.js';
import { editionNumberDefinition } from './readings/editionNumber.js';
import { TANDEM_TAIL, tandemMethodDefinition } from './readings/tandemMethod.js';
import { initialsListDefinition } from './readings/initialsList.js';
import { leadingNumberDefinition } from './readings/leadingNumber.js';
import { nameWordDefinition } from './readings/nameWord.js';
import { nestedAbbreviationDefinition } from './readings/nestedAbbreviation.js';
import type { LongFormReading, LongFormWindow } from './readings/longFormWindow.js';
import { prefixedAbbreviationDefinition } from './readings/prefixedAbbreviation.js';
import { prepositionalTailDefinition } from './readings/prepositionalTail.js';
import { rateHeads, rateTailDefinition } from './readings/rateTail.js';
import { quantitySymbolDefinition } from './readings/quantitySymbol.js';
import { ratioOfPartsDefinition } from './readings/ratioOfParts.js';
import { reorderedInitialsDefinition } from './readings/reorderedInitials.js';
import { COORDINATORS, sharedHeadPairInBracket, sharedHeadWordsDefinition, shortFormPairInBracket } from './readings/sharedHeadWords.js';
import { sharedLeadingWordsDefinition } from './readings/sharedLeadingWords.js';
import { signedShortFormDefinition } from './readings/signedShortForm.js';
import { spelledHeadNounDefinition } from './readings/spelledHeadNoun.js';
import { swappedPartsDefinition } from './readings/swappedParts.js';
import { forEachOrDefinition } from './readings/orShortForm.js';

export type { DefinitionCandidate } from './candidate.js';

/**
 * Written conventions tried, in this order, when no in-order reading of a
 * `long form (SF)` bracket convinces. Each checks its own conditions.
 */
const FALLBACK_READINGS: readonly LongFormReading[] = [
  contextNounLeftOutDefinition,
  prepositionalTailDefinition,
  rateTailDefinition,
  swappedPartsDefinition,
  reorderedInitialsDefinition,
  spelledHeadNounDefinition,
  sharedLeadingWordsDefinition,
  prefixedAbbreviationDefinition,
  sharedHeadWordsDefinition,
  quantitySymbolDefinition,
  ratioOfPartsDefinition,
  nameWordDefinition,
  cellSourceDefinition,
  tandemMethodDefinition,
];

/** All candidates in `text[from, to)`, in order of their brackets' closing; `marks` are the token pass's (see `text/tokens.ts`). */
export function findDefinitionCandidates(text: string, marks: ArrayLike<number>, from: number, to: number): DefinitionCandidate[] {
  const candidates: DefinitionCandidate[] = [];
  forEachDefinitionCandidate(text, marks, from, to, (candidate) => candidates.push(candidate));
  return candidates;
}

/**
 * {@link findDefinitionCandidates}, handing each candidate to `visit` as it is found. A caller
 * that keeps only what it needs of a candidate lets its alignment die at once: one paragraph
 * of 400,000 definitions held every alignment until the paragraph's end, long enough for the
 * garbage collector to copy each into the old generation (issue 16).
 */
export function forEachDefinitionCandidate(text: string, marks: ArrayLike<number>, from: number, to: number, visitAny: (candidate: DefinitionCandidate) => void): void {
  // A pipe table's row reads as one block: no pairing reaches across a cell's border (`|Average [mm^3^]|STD [mm^3^]|`).
  const bar = text.indexOf('|', from);
  const hasCells = bar >= 0 && bar < to;
  const visit = hasCells
    ? (candidate: DefinitionCandidate) => {
        if (!crossesCellBorder(text, candidate)) visitAny(candidate);
      }
    : visitAny;
  const groups = findBracketGroups(text, marks, from, to);
  const letterLabels = singleLetterContents(text, groups);
  for (const group of groups) {
    const pair = sharedHeadPairInBracket(text, from, group.open, group.close) ?? coordinatedPairInBracket(text, from, group);
    if (pair !== undefined) {
      for (const candidate of pair) visit(candidate);
      continue;
    }
    const candidate =
      singleLetterDefinition(text, from, group, letterLabels) ??
      longFormBeforeBracket(text, from, group) ??
      shortFormBeforeBracket(text, from, group) ??
      initialsListDefinition(text, from, group);
    if (candidate !== undefined) visit(candidate);
  }
  forEachOrDefinition(text, from, to, visit);
}

/**
 * The pairing, convincing or not, of the short form `short` with the words of its sentence that
 * end at `windowEnd` (a bracket's opening), as {@link longFormBeforeBracket} reads a bracket's
 * first item; for a short form found elsewhere in the bracket too (`(EPN, MPE)`).
 */
export function pairingBefore(text: string, windowEnd: number, short: TextSpan): DefinitionCandidate | undefined {
  return longFormEndingAt(text, 0, windowEnd, short);
}

/** True when a candidate's short and long forms, and what stands between them, hold a `|`. */
function crossesCellBorder(text: string, candidate: DefinitionCandidate): boolean {
  const bar = text.indexOf('|', Math.min(candidate.short.start, candidate.long.start));
  return bar >= 0 && bar < Math.max(candidate.short.end, candidate.long.end);
}

/** The upper-case letters that stand alone in a bracket somewhere in the block: `(A)`, `(E, n = 20)`. */
function singleLetterContents(text: string, groups: readonly BracketGroup[]): Set<string> {
  const letters = new Set<string>();
  for (const group of groups) {
    const item = firstItemOfBracket(text, group.open + 1, group.close);
    // A statistic's letter with its value (`(U = 312, P = 0.02)`) labels no panel.
    if (item !== undefined && item.end - item.start === 1 && !isValueAfter(text, item.end, group.close)) letters.add(text.charAt(item.start));
  }
  return letters;
}

/**
 * `testosterone (T)`, `excitatory (E, n = 20)`: a single capital letter defined
 * by the one word before it, which starts with that letter; or by the word before
 * a class noun (`spike glycoprotein (S)`), which names the molecule as `spike (S)
 * glycoprotein` does, so both give the long form `spike`. Panel labels
 * (`(A) … (B)`) are told apart by their alphabetical neighbours in the block.
 */
function singleLetterDefinition(
  text: string,
  blockStart: number,
  group: BracketGroup,
  letterLabels: ReadonlySet<string>,
): DefinitionCandidate | undefined {
  const short = firstItemOfBracket(text, group.open + 1, group.close);
  if (short === undefined || short.end - short.start !== 1) return undefined;
  // A letter with its value is a statistic reported (`(P < 0.001)`, `(R = 0.8)`), not a definition.
  if (isValueAfter(text, short.end, group.close)) return undefined;
  const letter = text.charAt(short.start);
  if (!/^[A-Z]$/.test(letter) || group.open <= blockStart || !isWhitespaceUnit(text.charCodeAt(group.open - 1))) return undefined;
  const code = letter.charCodeAt(0);
  if (letterLabels.has(String.fromCharCode(code - 1)) || letterLabels.has(String.fromCharCode(code + 1))) return undefined;
  const before = collectPrecedingWords(text, blockStart, group.open, 2);
  const named = namedWordBeforeClassNoun(text, before, letter);
  const word = named ?? before[before.length - 1];
  if (word === undefined || word.isFunctionWord) return undefined;
  const longEnd = trimLongFormEnd(text, word.start, word.end);
  const written = text.slice(word.start, longEnd);
  if (!/^\p{L}[\p{L}-]{3,}$/u.test(written) || written.charAt(0).toUpperCase() !== letter) return undefined;
  const aligned = alignWithWords(text, shortFormLetters(text, short), [{ ...word, end: longEnd }], true);
  if (aligned === undefined) return undefined;
  return spelledCandidate(short, { start: word.start, end: longEnd }, 'long-short', aligned, 1);
}

/**
 * In `spike glycoprotein (S)` the letter names the word before a class noun: that word,
 * when the class noun does not itself start with the letter (`glycoprotein (G)` is read plainly).
 */
function namedWordBeforeClassNoun(text: string, words: readonly WindowWord[], letter: string): WindowWord | undefined {
  if (words.length !== 2) return undefined;
  const noun = text.slice(words[1]!.start, trimLongFormEnd(text, words[1]!.start, words[1]!.end));
  if (!NAMING_NOUNS.has(noun.toLowerCase()) || noun.charAt(0).toUpperCase() === letter) return undefined;
  return words[0];
}

/**
 * `long form (SF)`: the bracket opens with a short form whose letters fit the
 * preceding words; or `(long form, SF)` and `(long form/SF)`: the bracket holds both. A bracket
 * glued to the next word belongs to it, unless the space after a short form was left out.
 */
function longFormBeforeBracket(text: string, blockStart: number, group: BracketGroup): DefinitionCandidate | undefined {
  // `(ERK)1/2`: a bracket glued to the following word is part of that word, unless its short
  // form ends in a hyphen that joins it to that word: `chimeric antigen receptor (CAR-)T cells`.
  const glued = isGluedAfter(text, group);
  if (glued && !isSpaceLeftOutAfter(text, group)) {
    const prefix = prefixLettersDefinition(text, blockStart, group);
    if (prefix !== undefined) return prefix;
    if (text.charAt(group.close - 1) !== '-' || !mayOpenDefinitionBracket(text, blockStart, group.open)) return undefined;
    const short = { start: group.open + 1, end: group.close - 1 };
    if (short.end - short.start < 2 || !hasShortFormShape(text, short)) return undefined;
    const candidate = longFormEndingAt(text, blockStart, group.open, short);
    // A long form that holds the short form itself (`CAR-NKs (CAR-)T`, `(CAR-)T and CRS and (CAR-)T`) is a use, not an expansion.
    const written = text.slice(short.start, short.end);
    return candidate && !text.slice(candidate.long.start, candidate.long.end).split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(written)) ? candidate : undefined;
  }
  // `(A, B, C)` and `(NK, natural killer; IL, interleukin)` list abbreviations: no definition of the words before.
  if (isBracketedList(text, group.open + 1, group.close)) return undefined;
  const short = firstItemOfBracket(text, group.open + 1, group.close);
  if (short !== undefined && mayOpenDefinitionBracket(text, blockStart, group.open)) {
    // A bracket that reports a value (`(OR = 1.8, …)`, `(HR 0.62, 95% CI …)`) defines only a measure's name spelled right before it.
    if (isValueAfter(text, short.end, group.close)) {
      const candidate = longFormEndingAt(text, blockStart, group.open, short);
      return definesWithValue(text, candidate, group.open) ? candidate : undefined;
    }
    const quantity = logarithmOfQuantity(text, blockStart, group.open, short);
    if (quantity !== undefined) return quantity;
    const candidate = longFormEndingAt(text, blockStart, group.open, short);
    // A long form never runs back over a bracket glued to its word (`(QD)spectra, then (QD)spectra`).
    if (candidate !== undefined) return glued && holdsBracket(text, candidate.long) ? undefined : candidate;
    // The short form, then another name of the same thing after a slash: `protein kinase B
    // (PKB/Akt)`, `macrophage-derived chemokine (MDC/CCL22)`; tried only when the whole item is none.
    const beforeSlash = partBeforeSlash(text, short);
    const named = beforeSlash && longFormEndingAt(text, blockStart, group.open, beforeSlash);
    if (named) return named;
  }
  const last = lastItemOfBracket(text, group.open + 1, group.close);
  const listed = last === undefined ? undefined : longFormEndingAt(text, group.open + 1, last.separator, last.item);
  // Two abbreviations listed (`(pSTAT5, pS6)`): one word of capitals and digits is no long form (`interleukin-15`, `ChIP-sequencing` are).
  if (listed !== undefined && !isAbbreviationShapedWord(text, listed.long)) return listed;
  return secondItemDefinition(text, group) ?? slashedPairInBracket(text, group);
}

/**
 * `(tris-buffered saline, TBS, 20 mM Tris)`, `(etiological fraction; EF = 0.97)`, `(Sequential
 * Organ Failure Assessment, SOFA, Table 2)`: the bracket's first item is the long form and its
 * second, before more (a value, a composition, a reference), is the short form it spells. Only a
 * convincing pairing inside the first item, and a long form of two words at least: one word is
 * another short form (`(IL-2, IL-15, 10 ng/mL)` lists two cytokines) or a name (`(pco.2000, PCO,
 * Kelheim, Germany)`: a camera and its maker; `(Sigma-Aldrich, SA, …)`); not a place's name in
 * capitals with its two-letter code, as addresses write them (`(São Paulo, SP, Brazil)`). A
 * second item that is the last whole (`(blood-brain barrier, BBB)`) was read before this.
 */
function secondItemDefinition(text: string, group: BracketGroup): DefinitionCandidate | undefined {
  const first = firstItemOfBracket(text, group.open + 1, group.close);
  if (first === undefined) return undefined;
  let separator = first.end;
  while (separator < group.close && isWhitespaceUnit(text.charCodeAt(separator))) separator++;
  const mark = text.charAt(separator);
  if (mark !== ',' && mark !== ';') return undefined;
  const second = firstItemOfBracket(text, separator + 1, group.close);
  if (second === undefined || !hasShortFormShape(text, second) || !containsUpperCase(text, second)) return undefined;
  const candidate = longFormEndingAt(text, group.open + 1, separator, second);
  if (candidate === undefined || !isConvincingCandidate(candidate)) return undefined;
  const long = text.slice(candidate.long.start, candidate.long.end);
  // A place and its two-letter code in an address (`(São Paulo, SP, Brazil)`, `(Puerto Rico, PR, USA)`).
  if (!TWO_WORDS.test(long) || (second.end - second.start === 2 && NAME_WORDS.test(long))) return undefined;
  return candidate;
}

/** Two words at least, apart by a space (`tris-buffered saline`; not one hyphen-joined name, `Sigma-Aldrich`). */
const TWO_WORDS = /\S\s+\S/u;
/** Words that each open with a capital: a place's or an organisation's name. */
const NAME_WORDS = /^\p{Lu}\S*(?:\s+\p{Lu}\S*)+$/u;

/**
 * `log2 fold change (log2FC)`, `fold-change (log2 FC)`: a logarithm's name before the short form
 * of a quantity. The quantity is what is defined, by the words before the bracket (a logarithm's
 * word among them left out of the long form), as a use of `log2FC` is a use of `FC`.
 */
function logarithmOfQuantity(text: string, blockStart: number, open: number, short: TextSpan): DefinitionCandidate | undefined {
  const log = LOGARITHM_BEFORE_QUANTITY.exec(text.slice(short.start, short.end));
  if (log === null) return undefined;
  const quantity = { start: short.start + log[0].length, end: short.end };
  const candidate = longFormEndingAt(text, blockStart, open, quantity);
  if (candidate === undefined || !isConvincingCandidate(candidate)) return undefined;
  const logWord = LOGARITHM_WORD_BEFORE.exec(text.slice(candidate.long.start, candidate.long.end));
  return logWord === null ? candidate : { ...candidate, long: { start: candidate.long.start + logWord[0].length, end: candidate.long.end } };
}
/**
 * A logarithm's name, glued or spaced, before a quantity's short form of capitals (`log2FC`,
 * `log10 CFU`, `ln HR`), the glyph fill of a subscript's markup perhaps after it
 * (`log\textsubscript{2} FC`).
 */
const LOGARITHM_BEFORE_QUANTITY = /^(?:log(?:2|10|₂|₁₀)?|ln)\u034f*[ \u00a0]?(?=\p{Lu}[\p{L}\p{N}]+$)/u;
/** The same name as a word of its own opening the long form (`log2 fold change`), which leaves it. */
const LOGARITHM_WORD_BEFORE = /^(?:log(?:2|10|₂|₁₀)?|ln)\u034f*[ \u00a0]+(?=\p{L})/u;

/**
 * The head nouns of the statistics, measures and outcomes a bracket reports a value of (`hazard
 * ratio (HR 0.62)`, `false discovery rate (FDR < 0.05)`, `progression-free survival (PFS 8.1
 * months)`): a value's bracket defines a short form of two letters only with a long form that
 * ends in one, so that plain words whose initials happen to fit are no definition (`patients at
 * high risk (HR 2.1)`, `older respondents (OR = 2.3)`); three letters or more at the starts of the
 * words right before the bracket are seldom chance.
 */
const MEASURE_HEAD = /(?:^|[\s-])(?:survival|remissions?|responses?|progression|ratios?|rates?|index|indices|scores?|coefficients?|intervals?|differences?|estimates?|statistics?|values?|levels?|concentrations?|fractions?|proportions?|percentages?|counts?|curves?|times?|sizes?|numbers?|means?|medians?|ranges?|thresholds?|probabilit(?:y|ies)|odds|frequenc(?:y|ies)|densit(?:y|ies)|tit(?:er|re)s?|loads?|clearances?|volumes?|doses?|areas?)$/iu;

/** Whether a value's bracket defines `candidate`: letters at the starts of the words right before it, which for two letters end in a measure's noun. */
function definesWithValue(text: string, candidate: DefinitionCandidate | undefined, open: number): candidate is DefinitionCandidate {
  if (candidate === undefined || !isSpelledAtWordStarts(candidate) || !/^[ \t\u00a0]*$/u.test(text.slice(candidate.long.end, open))) return false;
  return candidate.construction === 'letters' && candidate.shortLetterCount > 2 ? true : MEASURE_HEAD.test(text.slice(candidate.long.start, candidate.long.end));
}

/** The most words each term of a coordinated pair may have (`signal transducer and activator of transcription 3` has seven). */
const MOST_PAIR_TERM_WORDS = 8;

/**
 * `overall survival and progression-free survival (OS and PFS, respectively)`: two terms written
 * in full and joined by `and` or `or`, then their short forms in one bracket, in the same order.
 * Each short form must be spelt by its own term: the second by the words after the coordinator,
 * the first by the words before it. A shared head written once (`overall and progression-free
 * survival`) is the shared-head reading's.
 */
function coordinatedPairInBracket(text: string, blockStart: number, group: BracketGroup): [DefinitionCandidate, DefinitionCandidate] | undefined {
  const pair = shortFormPairInBracket(text, group.open, group.close);
  if (pair === undefined || !/^\s+(?:and|or)\s+$|^\s*,\s*$/u.test(pair.joiner)) return undefined;
  const words = collectPrecedingWords(text, blockStart, group.open, 2 * MOST_PAIR_TERM_WORDS + 1);
  // The coordinator nearest the bracket first; a term may hold its own `and` (`signal transducer and activator of transcription 3`).
  for (let coordinator = words.length - 2; coordinator >= 1 && words.length - 1 - coordinator <= MOST_PAIR_TERM_WORDS; coordinator--) {
    if (!COORDINATORS.has(text.slice(words[coordinator]!.start, words[coordinator]!.end))) continue;
    const second = longFormEndingAt(text, words[coordinator]!.end, group.open, pair.second);
    if (second === undefined || second.long.start < words[coordinator]!.end || !isConvincingCandidate(second)) continue;
    const first = longFormEndingAt(text, blockStart, words[coordinator - 1]!.end, pair.first);
    // Both or neither: a pair whose first term is not spelt (`tumour and normal cells (TS and NC)`) defines nothing.
    return first !== undefined && isConvincingCandidate(first) ? [first, second] : undefined;
  }
  return undefined;
}

/**
 * `(venous thromboembolism/VTE)`: a bracket that holds a long form of two words or more, one
 * slash, and a short form of one word spelt by it. Not two short forms (`(ER/PR)`), nor a unit
 * (`(cells/µL)`): the part before the slash must hold a space.
 */
function slashedPairInBracket(text: string, group: BracketGroup): DefinitionCandidate | undefined {
  const content = text.slice(group.open + 1, group.close);
  const slash = content.indexOf('/');
  if (slash < 0 || content.indexOf('/', slash + 1) >= 0 || !/\S\s+\S/u.test(content.slice(0, slash)) || /\s/u.test(content.slice(slash + 1))) return undefined;
  const short = { start: group.open + 1 + slash + 1, end: group.close };
  if (short.end - short.start < 2 || !hasShortFormShape(text, short)) return undefined;
  const candidate = longFormEndingAt(text, group.open + 1, group.open + 1 + slash, short);
  return candidate && isConvincingCandidate(candidate) ? candidate : undefined;
}

/** Two capitals or more in the bracket (a space typed before its close too, `(EBI )and`), then a word of lower-case letters. */
const CAPITALS_IN_BRACKET = /^\p{Lu}[\p{Lu}\p{N}-]*\p{Lu}[\p{Lu}\p{N}]*s?[ \u00a0]?$/u;
const LOWER_CASE_WORD = /^\p{Ll}{2,}(?![\p{L}\p{N}])/u;

/** True when a letter or a digit follows the bracket's close at once (`(ERK)1/2`, `(GWAS)employing`). */
function isGluedAfter(text: string, group: BracketGroup): boolean {
  return group.close + 1 < text.length && isLetterOrNumberAt(text, group.close + 1);
}

/**
 * True when `span` of the text is one word, perhaps hyphen-joined, with a capital after its first
 * character and no run of three small letters, as abbreviations are written (`pSTAT5`, `CD56`).
 */
function isAbbreviationShapedWord(text: string, span: TextSpan): boolean {
  const word = text.slice(span.start, span.end);
  return !/\s/u.test(word) && /\p{Lu}/u.test(word.slice(1)) && !/\p{Ll}{3}/u.test(word);
}

/** True when `span` of the text holds a bracket. */
function holdsBracket(text: string, span: TextSpan): boolean {
  const long = text.slice(span.start, span.end);
  return long.includes('(') || long.includes(')');
}

/**
 * A short form in capitals whose bracket runs into the next word of lower-case letters
 * (`association studies(GWAS)employing`, as full-width brackets are set, `（GWAS）employing`): the
 * space was left out, the word is not part of the name. `(ERK)1/2`, `(m)RNA`, `(pro)insulin` and
 * `(CAR-)engineered` stay glued.
 */
function isSpaceLeftOutAfter(text: string, group: BracketGroup): boolean {
  return CAPITALS_IN_BRACKET.test(text.slice(group.open + 1, group.close)) && LOWER_CASE_WORD.test(text.slice(group.close + 1, group.close + 40));
}

/**
 * The part of an item before its one slash (`PKB` of `PKB/Akt`, `MDC` of `MDC/CCL22`), when both
 * parts are single words and the first has a short form's shape. Not when both are plain
 * capitals (`ER/PR`, `IZA/QZB`): two short forms of a pair of terms, another reading's; nor
 * numbered members of one family (`IL-2/IL-15`).
 */
function partBeforeSlash(text: string, item: TextSpan): TextSpan | undefined {
  const written = text.slice(item.start, item.end);
  const slash = written.indexOf('/');
  if (slash < 2 || slash === written.length - 1 || written.indexOf('/', slash + 1) >= 0 || /\s/u.test(written)) return undefined;
  if (/^[A-Z]+\/[A-Z]+$/u.test(written)) return undefined;
  // A tandem method (`LC-MS/MS`) is one short form: its tail repeats the capitals before the slash.
  if (TANDEM_TAIL.test(written)) return undefined;
  // Nor numbered members of one family (`IL-2/IL-15`, `Th1/Th2`, `CD4/CD8`): the words before name the family.
  const stem = (part: string) => part.replace(/[-\u2010]?\p{N}+\p{Ll}?$/u, '');
  if (stem(written.slice(0, slash)) === stem(written.slice(slash + 1))) return undefined;
  const part = { start: item.start, end: item.start + slash };
  return hasShortFormShape(text, part) ? part : undefined;
}

/**
 * True for a bracket that lists abbreviations: three or more short-form items separated
 * by commas (`(ADCC, CDC, ADCP)`), or two or more `SF, long form` pairs separated by
 * semicolons (an inline list of abbreviations). `(CRS; ref. 3)` and `(CRS, grade 2)` are not.
 */
function isBracketedList(text: string, contentStart: number, contentEnd: number): boolean {
  const content = text.slice(contentStart, contentEnd);
  if (!content.includes(',')) return false;
  const pairs = content.split(';');
  if (pairs.length >= 2 && pairs.every((pair) => PAIR_OF_LIST.test(pair))) return true;
  const items = content.split(/,\s+|,?\s+(?:and|or)\s+/u);
  return items.length >= 3 && items.every((item) => LIST_ITEM.test(item));
}
/** `NK, natural killer`: a short form, a comma, then words. */
const PAIR_OF_LIST = /^\s*[\p{L}\p{N}][\p{L}\p{N}\-/]{0,14}\s*,\s+\S/u;
/** One item of `(A, B, C)`: a single token with a capital (`ADCC`, `IL-2`, `PD-L1`). */
const LIST_ITEM = /^\s*[\p{L}\p{N}\-/αβγδκ]*\p{Lu}[\p{L}\p{N}\-/αβγδκ]*\s*$/u;

/**
 * A bracket glued to the preceding word (`ubiquitin(Ub)`) opens a definition
 * only after a real word; `O(2)`, `k(a)` and `10(-4)` are notation.
 */
function mayOpenDefinitionBracket(text: string, blockStart: number, open: number): boolean {
  if (open <= blockStart || !isLetterOrNumberAt(text, open - 1)) return true;
  if (isAsciiDigit(text.charAt(open - 1))) return false;
  let wordStart = open;
  while (wordStart > blockStart && isLetterOrNumberAt(text, wordStart - 1)) wordStart--;
  return open - wordStart >= 3;
}

/**
 * Aligns `short` with the words that end at `windowEnd` (and start no earlier
 * than `windowStart`). When the whole short form does not fit, one character
 * may stay unmatched: a digit (`nitrous oxide (N2O)`, `thoracic (T3)`) or the
 * last character (`interrupted aortic arch (IAA-B)`); acceptance is stricter then.
 * When no in-order reading convinces, the written conventions in `readings/` are tried.
 */
function longFormEndingAt(text: string, windowStart: number, windowEnd: number, short: TextSpan): DefinitionCandidate | undefined {
  const signed = signedShortFormDefinition(text, windowStart, windowEnd, short);
  if (signed !== undefined) return signed;
  if (DIFFERENCE_SIGN.test(text.charAt(short.start))) return differenceDefinition(text, windowStart, windowEnd, short);
  if (!hasShortFormShape(text, short)) return undefined;
  const shortLetters = shortFormLetters(text, short);
  const letterCount = countLetters(shortLetters);
  if (letterCount < 2) return undefined;
  const words = collectPrecedingWords(text, windowStart, windowEnd, mostLongFormWords(letterCount));
  if (words.length === 0) return undefined;
  const wordLetters = lettersOfWords(text, words);
  const window: LongFormWindow = { text, windowStart, windowEnd, short, shortLetters, letterCount, words };

  // An abbreviation written as the long form's first word, its letters not at word starts (`CR with incomplete … recovery (CRi)`).
  const nested = nestedAbbreviationDefinition(window);
  if (nested !== undefined) return nested;
  const whole = alignedCandidate(text, short, { letters: shortLetters, omittedDigit: false }, words, letterCount, wordLetters);
  if (whole !== undefined && isConvincingCandidate(whole)) return whole;
  // Before a digit may go unmatched, see whether the number heads the long form (`type II TGFbeta receptor (Tgfbr2)`).
  const leadingNumber = leadingNumberDefinition(window);
  if (leadingNumber !== undefined) return leadingNumber;
  const edition = editionNumberDefinition(window);
  if (edition !== undefined) return edition;
  let firstFound: AlignedCandidate | undefined = whole;
  for (const variant of omissionVariants(shortLetters, text)) {
    const candidate = alignedCandidate(text, short, variant, words, letterCount, wordLetters);
    if (candidate === undefined) continue;
    if (isConvincingCandidate(candidate)) return candidate;
    firstFound ??= candidate;
  }
  for (const reading of FALLBACK_READINGS) {
    const candidate = reading(window);
    if (candidate !== undefined) return candidate;
  }
  return firstFound ?? afterInnerDefinition(window);
}

/** How many inner long forms {@link afterInnerDefinition} is reading now, and how many it may read inside one another. */
let innerDefinitionDepth = 0;
const MOST_INNER_DEFINITION_LEVELS = 2;

/** The longest short form a definition inside another's long form may have, in units. */
const LONGEST_INNER_SHORT_FORM = 12;

/**
 * `linear discriminant analysis (LDA) effect size (LEfSe)`: the long form runs through another
 * definition, whose short form gives the outer one its first letters. The words before a bracket
 * stop at the inner one, so the outer short form is read against the inner short form and the
 * words after it (`LDA effect size`), and the long form starts where the inner long form does.
 * Only when the inner bracket is itself a convincing definition.
 */
function afterInnerDefinition(window: LongFormWindow): DefinitionCandidate | undefined {
  const { text, windowStart, short, shortLetters, letterCount, words } = window;
  const first = words[0];
  if (first === undefined || innerDefinitionDepth >= MOST_INNER_DEFINITION_LEVELS) return undefined;
  let close = first.start - 1;
  while (close > windowStart && isWhitespaceUnit(text.charCodeAt(close))) close--;
  if (text.charAt(close) !== ')') return undefined;
  const open = text.lastIndexOf('(', close);
  if (open <= windowStart || close - open - 1 < 2 || close - open - 1 > LONGEST_INNER_SHORT_FORM) return undefined;
  const innerShort = { start: open + 1, end: close };
  // `everolimus (CM 025 EVER) and nivolumab (CM 025 NIVO)`: two definitions side by side, not one inside the other.
  if (!hasShortFormShape(text, innerShort) || /\s/u.test(text.slice(innerShort.start, innerShort.end)) || first.isFunctionWord) return undefined;
  const innerWord: WindowWord = { start: innerShort.start, end: innerShort.end, isFunctionWord: false, isContextNoun: false };
  const outer = alignedCandidate(text, short, { letters: shortLetters, omittedDigit: false }, [innerWord, ...words], letterCount);
  if (outer === undefined || outer.long.start !== innerShort.start || !isConvincingCandidate(outer)) return undefined;
  // At most two levels (`quark zone (QZ) yield (QZY) ratio (QZYR)`), so a chain of brackets (`a (QA) b (QAB) c (QABC) …`) is not walked back to its start.
  innerDefinitionDepth++;
  let inner: DefinitionCandidate | undefined;
  try {
    inner = longFormEndingAt(text, windowStart, open, innerShort);
  } finally {
    innerDefinitionDepth--;
  }
  if (inner === undefined || (inner.construction === 'letters' && !isConvincingCandidate(inner))) return undefined;
  return { construction: 'after-inner-definition', short, long: { start: inner.long.start, end: outer.long.end }, pattern: 'long-short' };
}

/** One to three lower-case letters, the whole of a bracket glued to the capital of the name it qualifies. */
const PREFIX_LETTERS = /^\p{Ll}{1,3}$/u;

/**
 * `human (h)FcγRIIIA`, `recombinant human (rh)IL-15`: lower-case initials of the words before the
 * bracket, glued to the name they qualify, define a prefix (`h` for human) that the text then
 * writes before names (`hIgG`, `rhIL-2`). The long form is those words.
 */
function prefixLettersDefinition(text: string, blockStart: number, group: BracketGroup): DefinitionCandidate | undefined {
  const short = { start: group.open + 1, end: group.close };
  const letters = text.slice(short.start, short.end);
  if (!PREFIX_LETTERS.test(letters) || !/\p{Lu}/u.test(text.charAt(group.close + 1))) return undefined;
  if (group.open <= blockStart || !isWhitespaceUnit(text.charCodeAt(group.open - 1))) return undefined;
  const words = collectPrecedingWords(text, blockStart, group.open, letters.length);
  if (words.length !== letters.length || words.some((word) => word.isFunctionWord)) return undefined;
  for (let k = 0; k < words.length; k++) if (text.charAt(words[k]!.start).toLowerCase() !== letters.charAt(k)) return undefined;
  const last = words[words.length - 1]!;
  return { construction: 'prefix-letters', short, long: { start: words[0]!.start, end: trimLongFormEnd(text, last.start, last.end) }, pattern: 'long-short' };
}

/** A capital delta or the increment sign, which opens a short form for a difference or change (`ΔMFI`, `∆Ct`). */
const DIFFERENCE_SIGN = /^[\u0394\u2206]$/u;
/** What the sign stands for, before the rest's long form: `change in`, `differences in (the) (total)`, `delta`. */
const DIFFERENCE_WORDS = /(?:\b(?:changes?|differences?|shifts?)[ \u00a0]+(?:in|of)(?:[ \u00a0]+the)?|\bdelta)(?:[ \u00a0]+[\p{L}-]+)?[ \u00a0]+$/iu;

/**
 * `change in median fluorescence intensity (ΔMFI)`, `differences in total expected log predictive
 * density (ΔELPD)`: the sign stands for the words that say a difference, the rest of the short
 * form for the long form after them (read as any other short form). Without such words the sign
 * is unexplained and nothing is defined: `median fluorescence intensity (ΔMFI)` does not define
 * MFI's difference, and its long form is not MFI's either.
 */
function differenceDefinition(text: string, windowStart: number, windowEnd: number, short: TextSpan): DefinitionCandidate | undefined {
  const rest = { start: short.start + 1, end: short.end };
  if (rest.end - rest.start < 2) return undefined;
  const inner = longFormEndingAt(text, windowStart, windowEnd, rest);
  if (inner === undefined || (inner.construction === 'letters' && !isConvincingCandidate(inner))) return undefined;
  const said = DIFFERENCE_WORDS.exec(text.slice(Math.max(windowStart, inner.long.start - 40), inner.long.start));
  if (said === null) return undefined;
  return { construction: 'difference', short, long: { start: inner.long.start - said[0].length, end: inner.long.end }, pattern: 'long-short' };
}

/** `SF (long form)`: the word before the bracket is a short form spelled out inside the bracket. */
function shortFormBeforeBracket(text: string, blockStart: number, group: BracketGroup): DefinitionCandidate | undefined {
  const [word] = collectPrecedingWords(text, blockStart, group.open, 1);
  // A function word in capitals is a short form: `DE (definitive endoderm)`, `OR (odds ratio)`.
  if (word === undefined || (word.isFunctionWord && !ALL_CAPITALS.test(text.slice(word.start, word.end)))) return undefined;
  let shortStart = word.start;
  while (shortStart < word.end && !isLetterOrNumberAt(text, shortStart)) shortStart++;
  const short = { start: shortStart, end: word.end };
  if (!hasShortFormShape(text, short) || !(containsUpperCase(text, short) || isVowellessLowerCase(text, short))) return undefined;
  const shortLetters = shortFormLetters(text, short);
  const letterCount = countLetters(shortLetters);
  if (letterCount < 2) return undefined;
  const first = firstItemOfBracket(text, group.open + 1, group.close);
  if (first === undefined) return undefined;
  // `three LVs (LV246, LV116 and LV931)`: members named by the short form itself, not its long form.
  const written = text.slice(short.start, short.end).replace(/(?<=\p{Lu})s$/u, '');
  if (text.startsWith(written, first.start)) return undefined;
  // `GDP (gemcitabine, dexamethasone, cisplatin)`: a regimen spells out its listed drugs, one letter each.
  const listed = listOfWords(text, group);
  let long = first;
  let aligned = alignSpelledOut(text, shortLetters, first);
  if (aligned === undefined && listed !== undefined) {
    long = listed;
    aligned = alignSpelledOut(text, shortLetters, listed);
  }
  // `RPKM (reads per kilobase per million mapped reads)`: the rate's head spells it, the counted words follow.
  if (aligned === undefined) {
    for (const head of rateHeads(text, splitWords(text, first))) {
      aligned = alignSpelledOutWords(text, shortLetters, head);
      if (aligned !== undefined) break;
    }
  }
  if (aligned === undefined) return undefined;
  const longEnd = trimLongFormEnd(text, long.start, long.end);
  if (longEnd - long.start <= short.end - short.start) return undefined;
  return spelledCandidate(short, { start: long.start, end: longEnd }, 'short-long', aligned, letterCount);
}

/**
 * The pairing of `short` with the words of `long` written after it, as a bracket after a short
 * form is read (`SF (long form)`): the letters from the first word on, no more words than they
 * allow. For a short form glossed after a colon (`TISig: Tumor Inflammation Signature`).
 */
export function spelledOutAfter(text: string, short: TextSpan, long: TextSpan): DefinitionCandidate | undefined {
  const shortLetters = shortFormLetters(text, short);
  const letterCount = countLetters(shortLetters);
  if (letterCount < 2) return undefined;
  const aligned = alignSpelledOut(text, shortLetters, long);
  return aligned === undefined ? undefined : spelledCandidate(short, long, 'short-long', aligned, letterCount);
}

/** A letter pairing in which every character of the short form was matched (nothing left out). */
function spelledCandidate(short: TextSpan, long: TextSpan, pattern: 'long-short' | 'short-long', aligned: WordAlignment, shortLetterCount: number): DefinitionCandidate {
  return { construction: 'letters', short, long, pattern, alignment: aligned.alignment, shortLetterCount, omittedShortCharacters: 0, omittedDigit: false };
}

/** A word of two or more capitals: a short form even when it spells a function word (`DE`, `OR`). */
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;

/** The short form's letters against the words of `long`, from its first word; no more words than the letters allow. */
function alignSpelledOut(text: string, shortLetters: ComparableCharacter[], long: TextSpan): WordAlignment | undefined {
  return alignSpelledOutWords(text, shortLetters, splitWords(text, long));
}

/** {@link alignSpelledOut} on words already split. */
function alignSpelledOutWords(text: string, shortLetters: ComparableCharacter[], longWords: WindowWord[]): WordAlignment | undefined {
  if (longWords.length > mostLongFormWords(countLetters(shortLetters))) return undefined;
  return alignWithWords(text, shortLetters, longWords, true);
}

/** A bracket that holds only a list of lower-case words (`gemcitabine, dexamethasone, and cisplatin`): its content. */
function listOfWords(text: string, group: BracketGroup): TextSpan | undefined {
  const content = text.slice(group.open + 1, group.close);
  const items = content.split(/,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+/u);
  if (items.length < 3 || !items.every((item) => /^\p{Ll}[\p{Ll}-]*$/u.test(item))) return undefined;
  return { start: group.open + 1, end: group.close };
}

function containsUpperCase(text: string, span: TextSpan): boolean {
  for (let offset = span.start; offset < span.end; offset++) if (isUpperCaseLetter(text.charAt(offset))) return true;
  return false;
}

/** White-space separated words of a span. */
function splitWords(text: string, span: TextSpan): WindowWord[] {
  const words: WindowWord[] = [];
  let offset = span.start;
  while (offset < span.end) {
    while (offset < span.end && isWhitespaceUnit(text.charCodeAt(offset))) offset++;
    const start = offset;
    while (offset < span.end && !isWhitespaceUnit(text.charCodeAt(offset))) offset++;
    if (offset > start) {
      const bare = text.slice(start, offset).replace(/^\W+|\W+$/g, '').toLowerCase();
      words.push({ start, end: offset, isFunctionWord: FUNCTION_WORDS.has(bare), isContextNoun: false });
    }
  }
  return words;
}

/** `rh (recombinant human)`: a lower-case short form without vowels cannot be an English word. */
function isVowellessLowerCase(text: string, span: TextSpan): boolean {
  return /^[b-df-hj-np-tv-xz]{2,}$/.test(text.slice(span.start, span.end));
}
