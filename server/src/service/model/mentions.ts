import type { Span } from '../markdown/inlineExclusions';
import { isWordCharacterBefore } from '../text/wordCharacters';
import { isLowerCaseGeneSegment, isNotation } from './notation';

/** One written use of something that looks like an abbreviation. */
export interface MentionToken extends Span {
  /** The abbreviation as written, without a plural `s` or possessive (`iPSC` in `iPSCs'`). */
  text: string;
  /** The normalised key that ties uses and definitions together (see `abbreviationKey`). */
  key: string;
}

// A run of letters/digits, with internal hyphens (ASCII, U+2010, U+2011), a decimal point
// between digits (`33.8-kDa`, `NK1.1`) or in a line name (`MM.1S`; not a citation number after
// a word, `TME.12`), and a slash after a letter that starts a strain part (`C57BL/6J`, `BALB/c`,
// `BALB/cByJ`) rather than a unit, synonym or second abbreviation (`PFU/mL`, `IL-4/13`,
// `CD4/CD8`, `CD16/FcγRIIIa`, `HER2/neu`).
const TOKEN = /[\p{L}\p{N}]+(?:(?:[-\u2010\u2011]|(?<=\p{N})\.(?=\p{N})|(?<=\p{Lu})\.(?=\p{N}\p{Lu})|(?<=\p{L})\/(?=\p{N}|c(?:[A-Z][A-Za-z]*)?(?![\p{L}\p{N}])))[\p{L}\p{N}]+)*/gu;
const GREEK_NAME = /^(?:alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|omicron|pi|rho|sigma|tau|upsilon|phi|chi|psi|omega)$/i;
const ROMAN = /^[IVX]+$/;
const CAMEL_WORD = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$|^\p{Ll}+\p{Lu}\p{Ll}{3,}$/u;
const SUFFIX_AFTER_DIGIT = /(\p{N})\p{Ll}{3,}$/u;
// A plural `s` after a capital or digit (`CARs`, `4-1BBs`), or after a lower-case letter in a
// form with a capital after its first letter (`mAbs`, `nAbs`, `scFvs`, `ACEis`; not `Fas`).
const PLURAL_S = /(?<=[\p{Lu}\p{N}])s$|(?<=^\p{L}+\p{Lu}[\p{L}\p{N}]*\p{Ll})s$/u;
/**
 * Names that have the shape of an abbreviation but come from a nomenclature or a catalogue,
 * which journals do not ask to define: identifiers holding three or more digits in a row
 * (`NCT01234567`, `SNG001`, `K562`, `HEK293T`, `miR-155`, `LY-CoV555`, lot `322B15`),
 * influenza subtypes (`H1N1`, `H5N1`) and amino-acid substitutions (`F158V`, `D614G`).
 * CD markers (`CD123`, `CD-137`) are abbreviations, kept for the CD rules.
 */
const CATALOGUE_NUMBER = /\p{N}{3,}/u;
/** `2Rα`, `15Rα`, `9R`: a receptor chain with its cytokine's name left out (`IL-2, -7 and -9R`). */
const ELIDED_RECEPTOR_CHAIN = /^\p{N}+R[\u03b1-\u03c9]?$/u;
const CD_MARKER = /^CD[-\u2010\u2011]?\p{N}/u;

/** True for a cluster-of-differentiation name (`CD19`, `CD-123`, `CD107a`): an abbreviation, never a catalogue or line name. */
export function isClusterOfDifferentiationName(text: string): boolean {
  return CD_MARKER.test(text);
}
const INFLUENZA_SUBTYPE = /^H\d{1,2}N\d{1,2}$/;
const AMINO_ACID_SUBSTITUTION = /^[ACDEFGHIKLMNPQRSTVWY]\d{2,4}[ACDEFGHIKLMNPQRSTVWY]$/;
const HAS_UPPER = /\p{Lu}/u;

/**
 * True when the window `[start, end)` holds, besides ASCII punctuation other than the hyphen,
 * only one word: the ASCII capital at `capital` followed by ASCII lower-case letters (`The`,
 * `(Cells,`). Such a word is never a mention, and most windows are sentence starts like it,
 * so they are passed over without slicing or tokenising.
 */
function isPlainCapitalisedWord(text: string, start: number, capital: number, end: number): boolean {
  for (let k = start; k < capital; k++) if (!isAsciiPunctuationNotHyphen(text.charCodeAt(k))) return false;
  let k = capital + 1;
  while (k < end && text.charCodeAt(k) >= 0x61 && text.charCodeAt(k) <= 0x7a) k++;
  for (; k < end; k++) if (!isAsciiPunctuationNotHyphen(text.charCodeAt(k))) return false;
  return true;
}

/** ASCII punctuation or symbols, the hyphen (which joins tokens) excepted. */
function isAsciiPunctuationNotHyphen(code: number): boolean {
  return code < 0x80 && code !== 0x2d && !(code >= 0x30 && code <= 0x39) && !(code >= 0x41 && code <= 0x5a) && !(code >= 0x61 && code <= 0x7a) && code > 0x20;
}

/** Space, tab, line feed or carriage return: the characters that bound a tokenising window. */
function isWhiteSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}
const HYPHEN = /[-\u2010\u2011]/u;
const UPPER_AFTER_FIRST = /.\p{Lu}/su;

type SegmentKind = 'word' | 'digits' | 'abbr' | 'short';

/** Whether the non-ASCII character at `index` (a surrogate pair counts as one) is an upper-case letter. */
function isNonAsciiUpperAt(text: string, index: number): boolean {
  const codePoint = text.codePointAt(index)!;
  let upper = nonAsciiUpper.get(codePoint);
  if (upper === undefined) {
    upper = UPPER_LETTER.test(String.fromCodePoint(codePoint));
    // Prose holds a few dozen such characters; hostile input may hold every one, so stay bounded.
    if (nonAsciiUpper.size >= 10_000) nonAsciiUpper.clear();
    nonAsciiUpper.set(codePoint, upper);
  }
  return upper;
}
const UPPER_LETTER = /^\p{Lu}$/u;
/** Upper-case or not, by code point, for the few non-ASCII characters prose holds. */
const nonAsciiUpper = new Map<number, boolean>();

function upperCount(segment: string): number {
  let n = 0;
  for (let i = 0; i < segment.length; i++) {
    const code = segment.charCodeAt(i);
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) n++;
    } else if (code < 0xdc00 || code > 0xdfff) {
      if (isNonAsciiUpperAt(segment, i)) n++;
    }
  }
  return n;
}

/**
 * True when one hyphen-free segment looks like an abbreviation: two or more capitals
 * (`NK`, `CD3ζ`, `IgG`), or a capital after the first letter (`mAb`, `scFv`, `iPSC`),
 * but not a camel-cased word (`GraphPad`, `McDonald`, `iPhone`).
 */
export function isAbbreviationSegment(segment: string): boolean {
  const upper = upperCount(segment);
  if (upper === 0) return false;
  if (upper === 1 && /^\p{Lu}/u.test(segment)) return false;
  if (segment.length > 15) return false;
  return !CAMEL_WORD.test(segment);
}

function classify(segment: string): SegmentKind {
  // Most segments are ASCII letters and digits: classify those by counting, without expressions.
  let digits = 0;
  let upper = 0;
  let ascii = segment.length > 0;
  for (let i = 0; i < segment.length && ascii; i++) {
    const code = segment.charCodeAt(i);
    // A decimal point only ever stands between digits here (see TOKEN): `33.8` is a number.
    if ((code >= 0x30 && code <= 0x39) || code === 0x2e) digits++;
    else if (code >= 0x41 && code <= 0x5a) upper++;
    else ascii = code >= 0x61 && code <= 0x7a;
  }
  if (ascii) {
    if (digits === segment.length) return 'digits';
    if (isAbbreviationSegment(segment)) return 'abbr';
    if (GREEK_NAME.test(segment)) return 'short';
    // /^\p{L}\p{Ll}+$/: a letter, then one or more lower-case letters.
    const first = segment.charCodeAt(0);
    const isWord = segment.length >= 2 && digits === 0 && (upper === 0 || (upper === 1 && first >= 0x41 && first <= 0x5a));
    return isWord && !isLowerCaseGeneSegment(segment) ? 'word' : 'short';
  }
  if (/^[\p{N}.]+$/u.test(segment)) return 'digits';
  if (isAbbreviationSegment(segment)) return 'abbr';
  if (GREEK_NAME.test(segment) || /^[\u0370-\u03ff]{1,2}$/u.test(segment)) return 'short';
  if (/^\p{L}\p{Ll}+$/u.test(segment)) return 'word';
  return 'short';
}

/**
 * The key under which an abbreviation's uses and definitions meet: hyphen variants
 * unified, a trailing plural `s` or possessive dropped (`iPSCs`, `iPSC's`, `CARs'` ->
 * `iPSC`, `CAR`), case kept (NK and nk are different things).
 */
export function abbreviationKey(written: string): string {
  let key = keyCache.get(written);
  if (key !== undefined) return key;
  key = written.normalize('NFC').replace(/[\u2010\u2011\u2012\u2013]/g, '-').trim();
  key = key.replace(/['\u2019]s?$/u, '');
  key = key.replace(PLURAL_S, '');
  key = key.replace(/[+\-\u207a\u207b]+$/u, '');
  // A document uses a few hundred abbreviations many times each; the cache stays small.
  if (keyCache.size >= 10_000) keyCache.clear();
  keyCache.set(written, key);
  return key;
}
const keyCache = new Map<string, string>();

/** True for an all-capital word of five or more letters: a label such as `RESULTS` or shouting, not an abbreviation. */
function isCapitalisedWord(run: string): boolean {
  return /^\p{Lu}{5,}$/u.test(run);
}

/**
 * Finds abbreviation-like tokens in `masked[start, end)`. What counts (stated in
 * ARCHITECTURE.md): a run of hyphen-joined segments that contains a segment with two
 * capitals or an inner capital, extended over digits, single capitals and Greek letters
 * (`IL-15`, `HLA-E`, `TGF-β`, `4-1BB`, `CAR-NK`), cut at ordinary words (`NK-cell` ->
 * `NK`). Not counted: roman numerals (`II`, `IV`), identifiers ending in four or more
 * digits (`NCT01234567`), HLA alleles (`HLA-A*02:01`), capitalised labels (`RESULTS:`)
 * and runs of three or more all-capital words (shouting).
 */
export function findMentionTokens(masked: string, start: number, end: number): MentionToken[] {
  const found: MentionToken[] = [];
  const to = Math.min(end, masked.length);
  // Every mention holds a capital letter, and most words hold none: tokenise only the
  // white-space-delimited stretches around capitals (a token never spans white space, so
  // the tokens found there are exactly those a scan of the whole range would find).
  let windowEnd = start;
  // An ASCII capital or any non-ASCII character (checked below) may be a capital: the
  // expression jumps between them instead of a loop visiting every character.
  // (`test` moves `lastIndex` past the one-character match without allocating a match array.)
  const maybeCapital = /[A-Z\u0080-\uffff]/g;
  maybeCapital.lastIndex = start;
  while (maybeCapital.test(masked)) {
    const i = maybeCapital.lastIndex - 1;
    if (i >= to) break;
    const code = masked.charCodeAt(i);
    const isCapital = code < 0x80 || ((code < 0xdc00 || code > 0xdfff) && isNonAsciiUpperAt(masked, i));
    if (!isCapital) continue;
    let windowStart = i;
    while (windowStart > windowEnd && !isWhiteSpace(masked.charCodeAt(windowStart - 1))) windowStart--;
    windowEnd = i;
    while (windowEnd < to && !isWhiteSpace(masked.charCodeAt(windowEnd))) windowEnd++;
    maybeCapital.lastIndex = windowEnd;
    if (code < 0x80 && isPlainCapitalisedWord(masked, windowStart, i, windowEnd)) continue;
    const window = masked.slice(windowStart, windowEnd);
    TOKEN.lastIndex = 0;
    for (let match = TOKEN.exec(window); match !== null; match = TOKEN.exec(window)) tokenise(match[0], windowStart + match.index);
  }
  return dropShouting(masked, found);

  function tokenise(token: string, tokenStart: number): void {
    // Most tokens are ordinary words: no capital at all, or one leading capital and no hyphen.
    if (!HAS_UPPER.test(token)) return;
    if (!HYPHEN.test(token) && !UPPER_AFTER_FIRST.test(token)) return;
    const segments = token.split(/[-\u2010\u2011]/u);
    const kinds: SegmentKind[] = [];
    for (const segment of segments) kinds.push(classify(segment));
    const bounds: number[] = [];
    for (let s = 0; s < segments.length; s++) bounds.push(s === 0 ? tokenStart : bounds[s - 1]! + segments[s - 1]!.length + 1);
    let runFirst = -1;
    for (let s = 0; s <= segments.length; s++) {
      const isWord = s === segments.length || kinds[s] === 'word';
      if (!isWord && runFirst < 0) runFirst = s;
      if (isWord && runFirst >= 0) {
        const mention = mentionFromRun(masked, segments, kinds, bounds, runFirst, s);
        if (mention) found.push(mention);
        runFirst = -1;
      }
    }
  }
}

/**
 * Removes runs of three or more all-capital words in a row on one line, separated by spaces only: shouted text, not
 * abbreviations. A list (`ADCC, CDC, ADCP`) or words that meet across a line break are abbreviations.
 */
function dropShouting(masked: string, mentions: MentionToken[]): MentionToken[] {
  const shouted = new Set<number>();
  let runStart = 0;
  let previousIsCapitals = mentions.length > 0 && isAllCapitals(mentions[0]!.text);
  for (let i = 1; i <= mentions.length; i++) {
    const isCapitals = i < mentions.length && isAllCapitals(mentions[i]!.text);
    const joined = isCapitals && previousIsCapitals && /^[ \t]+$/u.test(masked.slice(mentions[i - 1]!.end, mentions[i]!.start));
    previousIsCapitals = isCapitals;
    if (!joined) {
      if (i - runStart >= 3) for (let k = runStart; k < i; k++) shouted.add(k);
      runStart = i;
    }
  }
  return shouted.size === 0 ? mentions : mentions.filter((_, k) => !shouted.has(k));
}

/** Two or more upper-case letters and nothing else (`/^\p{Lu}{2,}$/u` without the expression). */
export function isAllCapitals(text: string): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code < 0x41 || code > 0x5a) return false;
    } else {
      if (!isNonAsciiUpperAt(text, i)) return false;
      // A surrogate pair is one character: its second half was read with the first.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) i++;
      }
    }
    letters++;
  }
  return letters >= 2;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** How many ASCII digits end `text`. */
function trailingDigits(text: string): number {
  let n = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) break;
    n++;
  }
  return n;
}

/** For ASCII text ending in a digit and three or more lower-case letters (`56bright`): how many letters; else 0. */
function lowerCaseSuffixAfterDigit(text: string): number {
  let letters = 0;
  for (let i = text.length - 1; i >= 0 && text.charCodeAt(i) >= 0x61 && text.charCodeAt(i) <= 0x7a; i--) letters++;
  const before = text.charCodeAt(text.length - 1 - letters);
  return letters >= 3 && before >= 0x30 && before <= 0x39 ? letters : 0;
}

/**
 * For ASCII text: ends in `s` after a capital or a digit (`CARs`, `4-1BBs`), or after a
 * lower-case letter when a capital after the first letter comes before it (`mAbs`, `scFvs`,
 * `ACEis`; not `Fas`).
 */
function isAsciiPlural(text: string): boolean {
  if (text.length < 2 || text.charCodeAt(text.length - 1) !== 0x73) return false;
  const before = text.charCodeAt(text.length - 2);
  if ((before >= 0x41 && before <= 0x5a) || (before >= 0x30 && before <= 0x39)) return true;
  if (before < 0x61 || before > 0x7a) return false;
  // A capital after the first letter: `mAbs`, `ACEis`, but not `Fas` or `Ras`.
  for (let i = 1; i < text.length - 2; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) return true;
  }
  return false;
}

/** An enzyme named by its substrate (`RNase`, `DNase`, `RNases`): a word, not an abbreviation. */
const ENZYME_NAME = /^\p{Lu}+(?:A|\p{Ll}*a)ses?$/u;
/** Eight or more one-letter amino-acid codes in a row: a peptide sequence (`GLNDIFEAQK…`), not an abbreviation. */
const PEPTIDE_SEQUENCE = /^[ACDEFGHIKLMNPQRSTVWY]{8,}$/;
/** The IUPAC three-letter amino-acid codes. */
const RESIDUE = '(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val)';
/** A run of one residue written with its count (`6xHis`, `10×His`, `His6`): a tag's notation, not an abbreviation. */
const RESIDUE_REPEAT = new RegExp(`^(?:\\d{1,2}[x\u00d7]${RESIDUE}|${RESIDUE}\\d{1,2})$`, 'u');

/** True for catalogue and nomenclature names shaped like abbreviations (see CATALOGUE_NUMBER); a strain with a slash (`C57BL/6`) too. */
function isCatalogueName(text: string): boolean {
  if (text.includes('/')) return true;
  if (ENZYME_NAME.test(text) || PEPTIDE_SEQUENCE.test(text) || RESIDUE_REPEAT.test(text) || isNotation(text)) return true;
  if (CATALOGUE_NUMBER.test(text) && !CD_MARKER.test(text)) return true;
  return INFLUENZA_SUBTYPE.test(text) || AMINO_ACID_SUBSTITUTION.test(text) || ELIDED_RECEPTOR_CHAIN.test(text);
}

function mentionFromRun(
  masked: string,
  segments: string[],
  kinds: SegmentKind[],
  bounds: number[],
  first: number,
  stop: number,
): MentionToken | undefined {
  // Leading digits belong only if an abbreviation follows (`4-1BB`).
  let hasAbbr = false;
  let uppercase = 0;
  for (let s = first; s < stop; s++) {
    if (kinds[s] === 'abbr') hasAbbr = true;
    uppercase += upperCount(segments[s]!);
  }
  if (!hasAbbr && !(stop - first >= 2 && uppercase >= 2)) return undefined;
  // A run may not end in a bare number after a dash that reads as a range (`CD19-20`)?
  // Hyphenated numbers are kept: `IL-15`, `NK-92`, `PD-1`.
  let allRoman = true;
  for (let s = first; s < stop && allRoman; s++) allRoman = ROMAN.test(segments[s]!);
  if (allRoman) return undefined;
  const last = segments[stop - 1]!;
  const start = bounds[first]!;
  // Joined by a dot to what comes before (`CD19.BB.z-CAR`, a construct named by its parts): part of one name.
  if (masked.charCodeAt(start - 1) === 0x2e /* . */ && isWordCharacterBefore(masked, start - 1)) return undefined;
  let end = bounds[stop - 1]! + last.length;
  let text = masked.slice(start, end);
  // ASCII text (almost every mention) is read by character codes; anything else by the expressions.
  const ascii = isAscii(text);
  if (ascii ? trailingDigits(last) >= 3 && !CD_MARKER.test(text) : /\p{N}{3,}$/u.test(last) && !CD_MARKER.test(text)) return undefined;
  if (isCatalogueName(text)) return undefined;
  const suffix = ascii ? undefined : SUFFIX_AFTER_DIGIT.exec(text);
  const suffixLength = ascii ? lowerCaseSuffixAfterDigit(text) : suffix ? suffix[0].length - suffix[1]!.length : 0;
  if (suffixLength > 0) {
    end -= suffixLength;
    text = masked.slice(start, end);
  }
  if ((ascii ? isAsciiPlural(text) : PLURAL_S.test(text)) && text.length > 2) {
    end -= 1;
    text = text.slice(0, -1);
  }
  const after = masked.slice(end, end + 3);
  // `ARMOR'ed`: a name turned into a word; a possessive (`CAR's`) is not this.
  if ((after[0] === "'" || after[0] === '\u2019') && /^\p{Ll}/u.test(after[1] ?? '') && !(after[1] === 's' && !/[\p{L}\p{N}]/u.test(after[2] ?? ''))) return undefined;
  const afterCode = after.charCodeAt(1);
  const isAllele = after[0] === '*' && (afterCode < 0x80 ? afterCode >= 0x30 && afterCode <= 0x39 : /^\*\p{N}/u.test(after));
  if (isAllele) return undefined; // HLA allele such as HLA-A*02:01
  if (after[0] === ':' && isCapitalisedWord(text)) return undefined; // RESULTS:
  return { start, end, text, key: abbreviationKey(text) };
}
