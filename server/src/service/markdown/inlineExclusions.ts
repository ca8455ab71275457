/**
 * Finds the spans inside one prose block that are not prose: inline code, math,
 * HTML comments and tags, autolinks and bare URLs, link and image targets, reference
 * labels, attributes (`{#fig-a}`), Quarto shortcodes, footnote markers, pandoc
 * citations and cross-references (`[@key]`, `@key`, `[-@key]`, `@fig-x`) with the panel
 * letters written after them (`[@fig-1]C-D`), figure and table references written out
 * (`Figure 1A`, `Figs. 3A and 4C`, `Table S1`), template values (`{{variable}}`), emphasis
 * delimiters (`**`, `_`), a quotation right before or after a citation (the title of the
 * cited paper, not the author's words), LaTeX commands and bookdown references (`\@ref(fig:a)`,
 * `(ref:a)`), HTML character references (`&quot;`, `&nbsp;`; one that names a letter, `&beta;`,
 * `&eacute;` or `&#946;`, shows the letter) and full-width brackets (`（HLA）`, read as `(HLA)`). One left-to-right pass; every
 * search is bounded by the block's end, so the work stays linear in practice.
 */

import { EMAIL_DOMAIN, EMAIL_LOCAL_PART } from '../text/emailAddress';
import { isAsciiDigit, isIdentifierCharacterAt, isLetterOrNumberUnit } from '../text/characters';
import { greekLetterNamed } from '../abbreviations/detector/greekLetters';
import { unescapeAll } from 'markdown-it/lib/common/utils.mjs';

/** A half-open span of offsets `[start, end)`. */
export interface Span {
  start: number;
  end: number;
  /**
   * For inline math that prints one Greek letter inside a word (`NF-$\kappa$B`, `TGF-$\beta$`,
   * `$\beta$-lactamase`): the letter. Not prose, yet the masked text shows the letter there, so
   * the word holds together as printed (see `GLYPH_FILL`).
   */
  glyph?: string;
}

/** An HTML comment found in prose, kept for inline directives such as `carnk-disable`. */
export interface HtmlComment extends Span {
  /** The text between `<!--` and `-->`, trimmed. */
  body: string;
}

const BACKTICK = 96;
const DOLLAR = 36;
const BACKSLASH = 92;

const CITATION_KEY = /-?@(?:\{[^}\n]*\}|[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)/uy;
// Content of a bracketed pandoc citation: a key such as `@liu2020` or `-@lee2019` preceded by the start, a space or `;`.
const CITATION_GROUP = /(?:^|[\s;])-?@[\p{L}\p{N}_{]/u;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/y;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/y;
const BARE_URL = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'*_]/y;
const LATEX_COMMAND = /\\[A-Za-z]+\*?(?:\[[^\]\n]*\])?(?:\{[^{}\n]*\})*/y;
// bookdown's cross-reference, `\@ref(fig:label)`, and text reference, `(ref:label)`, which the build replaces.
// A figure's or a table's reference may carry its panel letters glued after it, of one case (`\@ref(fig:a)BC`).
const BOOKDOWN_CROSS_REFERENCE = /\\@ref\((?:(?:fig|tab):[^()\s]{1,200}\)(?:[A-Z]{1,4}|[a-z]{1,4})?(?![\p{L}\p{N}])|[^()\s]{1,200}\))/uy;
const BOOKDOWN_TEXT_REFERENCE = /\(ref:[^()\s]{1,200}\)/y;
const ATTRIBUTE = /\{(?:[#.=-][^{}\n]*|[^{}\n]*=[^{}\n]*)\}/y;
// A template value filled in when the manuscript is built (Manubot, Jinja): `{{deaths}}`, `{{ trials | round }}`.
const TEMPLATE_VALUE = /\{\{[^{}\n]{1,200}\}\}/y;

// Figure and table references written out. A label is a number with an optional supplement
// prefix and panel letters of one case (`1A`, `S2B`, `ED5a`, `SD1`, `2.3`, `S7BC`); ranges (`2B-D`, `S1–S3`) and lists
// (`3A and 4C`, `1A, B`) follow. A bare panel letter must end the list or stand before
// punctuation, so `Figure 1 and B cells` keeps its `B`.
// pandoc-crossref writes `fig.` and `tbl.` before a number it fills in.
const FIGURE_WORD = String.raw`(?:Figures?|Figs?\.?|FIGURES?|FIGS?\.?|figures?|figs?\.|Tables?|TABLES?|Tabs?\.|[Tt]bls?\.)`;
const FIGURE_LABEL = String.raw`(?:S|ED|SD)?\d+(?:\.\d+)?[A-Za-z]?`;
// The label right after the figure word may carry several panel letters of one case (`Figure S7BC`, `Fig. 4bcd`);
// later labels only one, so `Table 2 and 4-1BB` keeps the costimulatory domain.
const FIRST_FIGURE_LABEL = String.raw`(?:S|ED|SD)?\d+(?:\.\d+)?(?:[A-Z]{1,4}|[a-z]{1,4})?`;
const PANEL_LETTER = String.raw`[A-Za-z](?=[ \u00a0]*(?:[)\];,.:&\r\n]|and\b|or\b|$)|[-\u2013\u2014])`;
// A range (`2B-D`), then panels listed with slashes (`1A/B`, `3B/D/F`).
const LABEL_RANGE = String.raw`(?:[-\u2013\u2014](?:${FIGURE_LABEL}|${PANEL_LETTER}))?(?:\/[A-Za-z](?=\/))*(?:\/(?:${FIGURE_LABEL}|${PANEL_LETTER}))?`;
const LABEL_SEPARATOR = String.raw`(?:[ \u00a0]*[,&][ \u00a0]*(?:and[ \u00a0]+)?|[ \u00a0]+(?:and|or)[ \u00a0]+)`;
// Panels written apart from their figure's number, as a range or a slash list of one case: `Fig. 2 B-G`, `Figure 3 a–c`, `Fig. 2 B/C`.
const SPACED_PANEL_RANGE = String.raw`(?:[ \u00a0]+(?:[A-Z][-\u2013\u2014][A-Z]|[a-z][-\u2013\u2014][a-z]|[A-Z](?:\/[A-Z])+|[a-z](?:\/[a-z])+))?`;
const FIGURE_REFERENCE = new RegExp(
  `${FIGURE_WORD}[ \u00a0]*${FIRST_FIGURE_LABEL}${LABEL_RANGE}${SPACED_PANEL_RANGE}(?:${LABEL_SEPARATOR}(?:${FIGURE_LABEL}|${PANEL_LETTER})${LABEL_RANGE})*` +
    // The reference ends at a word's end: `Table 2 and 4-1BB` is `Table 2` and the costimulatory domain.
    String.raw`(?![\p{L}\p{N}\-\u2010\u2011])`,
  'uy',
);
// Panel letters glued to a figure or table cross-reference: `[@fig-1]C-D`, `[@fig:a]B,C`, `[@fig:a]A/G/I`.
const PANELS_AFTER_CROSS_REFERENCE = /[A-Za-z](?:[-\u2013\u2014,/][A-Za-z])*(?![\p{L}\p{N}])/uy;
const CROSS_REFERENCES_ONLY = /^\s*-?@(?:s?fig|s?tbl)[-:][^;\s\]]*\s*$/i;
// A citation right after a closing quotation mark: `"…" [@smith2020]`, `"…", [12]`.
const CITATION_AFTER_QUOTE = /[ \t\u00a0]*[,:;]?[ \t\u00a0]*\[(?:-?@(?!(?:s?fig|s?tbl|sec|eq)[-:])|\d+(?:[-\u2013,][ \t]*\d+)*\])/iy;
/** A citation key that is a cross-reference to a figure, table, section or equation. */
const CROSS_REFERENCE_KEY = /^-?@(?:s?fig|s?tbl|sec|eq)[-:]/i;
/** A cross-reference to a figure or table, which panel letters may follow. */
const FIGURE_KEY = /^-?@(?:s?fig|s?tbl)[-:]/i;
/** The word naming panels right before a range of them: `panels B-D`, `Panels (D–I)`. */
const PANELS_WORD_BEFORE = /(?:^|[^\p{L}\p{N}])[Pp]anels?[ \u00a0]+\(?$/u;
const ONLY_CITATION_GAP = /^[ \t\u00a0]*[,:;]?[ \t\u00a0]*$/;
/** Fewer words than this in quotation marks is a scare-quoted term, not a quoted title or passage. */
const QUOTED_PASSAGE_WORDS = 4;

function isSpace(code: number | undefined): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === undefined || Number.isNaN(code);
}

/** ASCII or Unicode punctuation and symbols, as CommonMark's flanking rules mean them. */
function isPunctuation(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code > 0x20 && code !== 0x7f && !isIdentifierCharacterAt(ch, 0);
  return PUNCTUATION.test(ch);
}
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * True when the run of `*` or `_` at `[at, stop)` can open or close emphasis by CommonMark's
 * flanking rules. One `*` between two letters or digits is kept as written: in this field it is
 * allele notation (`HLA-A*02:01`), never emphasis inside a word. A run of two there is strong
 * emphasis, unless digits stand on both sides.
 */
function isEmphasisDelimiter(text: string, at: number, stop: number, blockStart: number, blockEnd: number): boolean {
  const before = at > blockStart ? text[at - 1] : undefined;
  const after = stop < blockEnd ? text[stop] : undefined;
  const spaceBefore = before === undefined || isSpace(before.charCodeAt(0)) || before === '\u00a0';
  const spaceAfter = after === undefined || isSpace(after.charCodeAt(0)) || after === '\u00a0';
  const punctuationBefore = isPunctuation(before);
  const punctuationAfter = isPunctuation(after);
  const leftFlanking = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore);
  const rightFlanking = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter);
  if (text[at] === '_') {
    return (leftFlanking && (!rightFlanking || punctuationBefore)) || (rightFlanking && (!leftFlanking || punctuationAfter));
  }
  const inWord = before !== undefined && after !== undefined && isIdentifierCharacterAt(text, at - 1) && isIdentifierCharacterAt(text, stop);
  // Strong emphasis closed right before a word (`**Slide Imaging**Hematoxylin and …`) is markup:
  // allele notation writes one star, and `**` between two digits is a power.
  return (leftFlanking || rightFlanking) && !(inWord && (stop - at === 1 || (isAsciiDigit(before!) && isAsciiDigit(after!))));
}

/**
 * True for two letters of the same case in alphabetical order and at most ten apart, the
 * first and last panel of a range (`B-D`, `a–c`, `A-J`); `A-T` (ataxia-telangiectasia) is too wide.
 */
function isPanelRange(first: number, last: number): boolean {
  const sameCase = (first >= 0x41 && first <= 0x5a && last >= 0x41 && last <= 0x5a) || (first >= 0x61 && first <= 0x7a && last >= 0x61 && last <= 0x7a);
  return sameCase && last > first && last - first <= 10;
}

/** True when `text[from, to)` holds at least `count` white-space separated words. */
function hasWords(text: string, from: number, to: number, count: number): boolean {
  let words = 0;
  let inWord = false;
  for (let k = from; k < to; k++) {
    const space = isSpace(text.charCodeAt(k));
    if (!space && !inWord && ++words >= count) return true;
    inWord = !space;
  }
  return false;
}

function matchSticky(pattern: RegExp, text: string, at: number, end: number): number {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  if (!match) return -1;
  const stop = at + match[0].length;
  return stop <= end ? stop : -1;
}

/** Index of the `)` closing the `(` at `open`, allowing nested parentheses; -1 if none before `end`. */
function closingParen(text: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
    else if (c === '\n' && text[i + 1] === '\n') return -1;
  }
  return -1;
}

/** Finds the end of a `$...$` span opened at `open` by pandoc's rule, or -1. */
function inlineMathEnd(text: string, open: number, end: number): number {
  if (isSpace(text.charCodeAt(open + 1)) || open + 1 >= end) return -1;
  for (let i = open + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
    } else if (c === DOLLAR) {
      const before = text.charCodeAt(i - 1);
      const after = text.charCodeAt(i + 1);
      if (!isSpace(before) && !(after >= 48 && after <= 57)) return i + 1;
    } else if (c === 10 && /^\s*\n/.test(text.slice(i + 1, i + 80))) {
      return -1;
    }
  }
  return -1;
}

/** One block's scan: the text and the block's bounds, what was found, and what earlier finds tell later ones. */
interface InlineScan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly spans: Span[];
  readonly comments: HtmlComment[];
  /** The end of the last pandoc citation: a quotation right after it is the cited work's. */
  citationEnd: number;
  /** A closing quotation mark already paired with its opening one, never read as an opening. */
  pairedQuoteClose: number;
  /** Set when a Jinja statement makes the whole block template logic. */
  wholeBlock: boolean;
  /** The `]` of the link text whose `[` was masked: masked with the target after it. */
  linkTextClose: number;
  /** That link text's `[`. */
  linkTextOpen: number;
}

/** Records `[from, to)` as not prose and returns `to`, where the scan goes on. */
function exclude(scan: InlineScan, from: number, to: number): number {
  if (to > from) scan.spans.push({ start: from, end: to });
  return to;
}

/**
 * Spans of `text[start, end)` that are not prose, in order, plus the HTML comments
 * among them.
 */
export function findInlineExclusions(
  text: string,
  start: number,
  end: number,
): { spans: Span[]; comments: HtmlComment[] } {
  const scan: InlineScan = { text, start, end, spans: [], comments: [], citationEnd: -1, pairedQuoteClose: -1, wholeBlock: false, linkTextClose: -1, linkTextOpen: -1 };
  // Only these characters can start an exclusion; the expression jumps from one to the next
  // (every match is one character, so `test` gives its place without allocating a match).
  // `(` (a bookdown text reference, `(ref:x)`), `)` (after a panel range), `~` (a pandoc
  // subscript) and the hyphen and en dash (`-@key`, `panels B–D`) are in the class as single
  // characters: guarding them with look-arounds made the expression four times slower, while
  // the few more stops cost one character test each below. The letters (F, T, t: a figure or
  // table reference, `tbl.`; h, f, w: a bare URL) only matter at the start of a word
  // (readReferenceOrUrl): `\b` skips those after an ASCII letter, digit or underscore, which are
  // most of them (on a 200,000-word thesis 76,000 stops instead of 186,000, the expression's own
  // time a third); after another letter (`αt`) readReferenceOrUrl still says no. A `1` opening `10.` and
  // four digits may start a bare DOI (`10.17605/…`).
  const trigger = /[\\`$<\][{(@*_"\u201c)\u2013~&\uff08\uff09-]|\b[hfwFTt]|\b1(?=0\.\d{4})/g;
  let i = start;
  while (i < end) {
    trigger.lastIndex = i;
    if (!trigger.test(text)) break;
    i = trigger.lastIndex - 1;
    if (i >= end) break;
    i = readFrom(scan, i);
    if (scan.wholeBlock) return { spans: [{ start, end }], comments: scan.comments };
  }
  return { spans: scan.spans, comments: scan.comments };
}

/** Reads what starts at the trigger character `text[i]`; returns where the scan goes on (after it, or the next character). */
function readFrom(scan: InlineScan, i: number): number {
  const text = scan.text;
  switch (text[i]) {
    case '\\':
      return readEscape(scan, i);
    case '`':
      return readCodeSpan(scan, i);
    case '$':
      return readMath(scan, i);
    case '<':
      return readAngleBracket(scan, i);
    case '~':
      return readSubscript(scan, i);
    case ']':
      return readLinkTarget(scan, i);
    case '[':
      return text[i + 1] === '^' ? readFootnoteMarker(scan, i) : readCitationGroup(scan, i);
    case '{':
      return readBrace(scan, i);
    case '(':
      return readTextReference(scan, i);
    case '@':
      return readCitationKey(scan, i);
    case '-':
      return text[i + 1] === '@' ? readCitationKey(scan, i) : readNamedPanelRange(scan, i);
    case '\u2013':
      return readNamedPanelRange(scan, i);
    case ')':
      return readPanelRange(scan, i);
    case '*':
    case '_':
      return readEmphasisDelimiter(scan, i);
    case '"':
    case '\u201c':
      return readQuotation(scan, i);
    case '&':
      return readCharacterReference(scan, i);
    case '\uff08':
    case '\uff09':
      // A full-width bracket, as Chinese and Japanese typesetting writes it: read as the ASCII one, whose place it takes.
      scan.spans.push({ start: i, end: i + 1, glyph: text[i] === '\uff08' ? '(' : ')' });
      return i + 1;
    default:
      // F, T, f, t: a figure or table reference; h, f, w: a bare URL.
      return readReferenceOrUrl(scan, i);
  }
}

const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#[xX][\dA-Fa-f]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/y;

/**
 * An HTML character reference (`&quot;`, `&ldquo;`, `&nbsp;`, `&#8217;`): markup, not prose, so
 * `&quot;gain-of-function&quot; (GOF)` gives the long form its own words. One that names a letter
 * (`&beta;`, `&Delta;`, `&eacute;`, `&#946;`) shows it in the masked text, as inline math does
 * (`IL-1&beta;` is IL-1β). The names are HTML5's, decoded by markdown-it as the renderer does; a
 * name HTML does not define (`&QZR;`) is printed as written, so it stays text, as `&` alone does
 * (`R&D`).
 */
function readCharacterReference(scan: InlineScan, i: number): number {
  CHARACTER_REFERENCE.lastIndex = i;
  const match = CHARACTER_REFERENCE.exec(scan.text);
  const stop = match ? i + match[0].length : -1;
  if (!match || stop > scan.end) return i + 1;
  const decoded = unescapeAll(match[0]);
  // A name HTML does not define is printed as written; a number it cannot print (`&#x10FFFF;`) still prints a replacement mark.
  if (decoded === match[0]) return match[0].charCodeAt(1) === 0x23 /* # */ ? exclude(scan, i, stop) : i + 1;
  if (!isOneLetter(decoded)) return exclude(scan, i, stop);
  scan.spans.push({ start: i, end: stop, glyph: decoded });
  return stop;
}

/** One letter of the Basic Multilingual Plane (`β`, `é`), what a glyph span may show. */
function isOneLetter(text: string): boolean {
  return text.length === 1 && /\p{L}/u.test(text);
}

/**
 * A LaTeX command or a bookdown cross-reference is excluded; any other escaped character is
 * literal text. A command written with its backslash doubled, as a string in a chunk's options
 * or in YAML writes it (`fig.cap = "… \\texttt{NA} …"`), is a command too.
 */
function readEscape(scan: InlineScan, i: number): number {
  const next = scan.text.charCodeAt(i + 1);
  if (next === 0x5c /* \ */) {
    // `\\@ref(fig:a)`, as bookdown asks for in a chunk's caption string, is its cross-reference.
    const reference = scan.text.charCodeAt(i + 2) === 0x40 /* @ */;
    const doubled = matchSticky(reference ? BOOKDOWN_CROSS_REFERENCE : LATEX_COMMAND, scan.text, i + 1, scan.end);
    return doubled > 0 ? exclude(scan, i, doubled) : i + 2;
  }
  // A number set as a subscript right after a letter or a digit (`log\textsubscript{2}`) is part of the name as printed, as in math.
  if (next === 0x74 /* t */ && isLetterOrNumberUnit(scan.text.charCodeAt(i - 1))) {
    TEX_SUBSCRIPT_NUMBER.lastIndex = i;
    const subscript = TEX_SUBSCRIPT_NUMBER.exec(scan.text);
    if (subscript && i + subscript[0].length <= scan.end) {
      scan.spans.push({ start: i, end: i + subscript[0].length, glyph: subscript[1]! });
      return i + subscript[0].length;
    }
  }
  const stop = next === 0x40 /* @ */ ? matchSticky(BOOKDOWN_CROSS_REFERENCE, scan.text, i, scan.end) : matchSticky(LATEX_COMMAND, scan.text, i, scan.end);
  return stop > 0 ? exclude(scan, i, stop) : i + 2;
}
/** `\textsubscript{2}`: LaTeX's subscript of a number alone, in text. */
const TEX_SUBSCRIPT_NUMBER = /\\textsubscript\{(\d{1,3}(?:\.\d{1,2})?)\}/y;

/** A bookdown text reference, `(ref:label)`: a label the build replaces with the text it names. */
function readTextReference(scan: InlineScan, i: number): number {
  const note = draftNoteEnd(scan, i, ')');
  if (note > 0) return exclude(scan, i, note);
  if (!scan.text.startsWith('(ref:', i)) return i + 1;
  const stop = matchSticky(BOOKDOWN_TEXT_REFERENCE, scan.text, i, scan.end);
  return stop > 0 ? exclude(scan, i, stop) : i + 1;
}

/** Inline code: a run of backticks closed by a run of the same length. */
function readCodeSpan(scan: InlineScan, i: number): number {
  const { text, end } = scan;
  let run = 1;
  while (text.charCodeAt(i + run) === BACKTICK) run++;
  const fence = '`'.repeat(run);
  let search = i + run;
  while (search < end) {
    const found = text.indexOf(fence, search);
    if (found < 0 || found >= end) break;
    let length = run;
    while (text.charCodeAt(found + length) === BACKTICK) length++;
    if (length === run) {
      // `long form (`SF`)`: a short form set in code font as the whole of a bracket is the author's
      // abbreviation; only its backticks are markup.
      if (isShortFormInBrackets(text, i, run, found) || isLongFormInCode(text, i, run, found)) {
        exclude(scan, i, i + run);
        return exclude(scan, found, found + run);
      }
      return exclude(scan, i, found + run);
    }
    search = found + length;
  }
  return i + run;
}

/**
 * A code span that is the whole of a bracket and holds one word of capitals and digits, after
 * words one of which opens with its first letter: `extended trial (`EXTEND`)`; not a tool named in
 * code (`(`DESeq2`)`) nor a value in code (`stimulated (`QCRXL`) condition`).
 */
function isShortFormInBrackets(text: string, open: number, run: number, close: number): boolean {
  if (text[open - 1] !== '(' || text[close + run] !== ')') return false;
  // A bracket after a space and before punctuation or a space, as a definition's is; not `f(`x`)y`.
  if (!/\s/u.test(text[open - 2] ?? '') || /[\p{L}\p{N}]/u.test(text[close + run + 1] ?? '')) return false;
  // After a name in code (`SingleCellExperiment` (`SCE`)) it names code too: an object, not an abbreviation.
  if (text[open - 3] === '`') return false;
  const short = text.slice(open + run, close);
  if (!CODE_SHORT_FORM.test(short)) return false;
  // A long form before it, in its clause, holds a word opening with its first letter; a value in code (`stimulated (`QCRXL`) condition`) has none.
  const initial = short.charAt(0).toLowerCase();
  const before = text.slice(Math.max(0, open - LONG_FORM_REACH), open - 1);
  const clause = before.slice(Math.max(...CLAUSE_MARKS.map((mark) => before.lastIndexOf(mark))) + 1);
  return clause.split(/[^\p{L}\p{N}]+/u).slice(-LONG_FORM_WORDS).some((word) => word.charAt(0).toLowerCase() === initial);
}
/** How far, and over how many words of its clause, a long form is looked for before a short form in code. */
const LONG_FORM_REACH = 120;
const LONG_FORM_WORDS = 8;
const CLAUSE_MARKS = ['.', ';', ':', '!', '?', '(', ')', '[', ']', '\n'];
const CODE_SHORT_FORM = /^\p{Lu}[\p{Lu}\p{N}-]{1,11}$/u;

/**
 * A camel-cased name in code font right before a bracketed short form, `SingleCellExperiment`
 * (SCE): the author abbreviates the name of a class or tool, and the definition detector must see
 * the name to read its capitals; only the backticks are markup. The name is one camel-cased word,
 * which the mention finder never takes for an abbreviation.
 */
function isLongFormInCode(text: string, open: number, run: number, close: number): boolean {
  return CODE_CAMEL_NAME.test(text.slice(open + run, close)) && SHORT_FORM_IN_BRACKETS_AFTER.test(text.slice(close + run, close + run + 16));
}
const CODE_CAMEL_NAME = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$/u;
const SHORT_FORM_IN_BRACKETS_AFTER = /^[ \u00a0]\(\p{Lu}[\p{Lu}\p{N}-]{1,11}s?\)/u;

/** Display math `$$…$$` or inline math `$…$` by pandoc's rule. */
function readMath(scan: InlineScan, i: number): number {
  const { text, end } = scan;
  if (text.charCodeAt(i + 1) === DOLLAR) {
    const close = text.indexOf('$$', i + 2);
    return close >= 0 && close + 2 <= end ? exclude(scan, i, close + 2) : i + 2;
  }
  const stop = inlineMathEnd(text, i, end);
  if (stop <= 0) return i + 1;
  const glyph = gluedGreekLetter(text, i, stop) ?? gluedSubscriptNumber(text, i, stop);
  if (glyph === undefined) return exclude(scan, i, stop);
  scan.spans.push({ start: i, end: stop, glyph });
  return stop;
}

/**
 * Math that is one Greek letter's command, or two or three in a row (`$\kappa$`, `${\beta}$`,
 * `$\upalpha$`, `$\Delta$`, `$\gamma\delta$`): their names.
 */
const GREEK_COMMANDS = /^\{?((?:\\(?:up)?[A-Za-z]{2,7}){1,3})\}?$/;
const GREEK_COMMAND_NAME = /\\(?:up)?([A-Za-z]{2,7})/g;

/**
 * The Greek letters inline math `text[open, stop)` prints, when it stands inside a word: a letter,
 * a digit or a hyphen touches it on one side (`IL-1$\beta$`, `NF-$\kappa$B`, `$\beta$-lactamase`,
 * `$\gamma\delta$T cells`). Alone between spaces (`the $\beta$ chain`) it stays math.
 */
function gluedGreekLetter(text: string, open: number, stop: number): string | undefined {
  if (stop - open > 28) return undefined;
  const commands = GREEK_COMMANDS.exec(text.slice(open + 1, stop - 1))?.[1];
  if (commands === undefined) return undefined;
  if (!gluesToWord(text.charCodeAt(open - 1)) && !gluesToWord(text.charCodeAt(stop))) return undefined;
  let letters = '';
  for (const [, name] of commands.matchAll(GREEK_COMMAND_NAME)) {
    const lower = greekLetterNamed(name!.toLowerCase());
    if (lower === undefined) return undefined;
    letters += name![0] === name![0]!.toUpperCase() ? String.fromCharCode(lower.charCodeAt(0) - 0x20) : lower;
  }
  return letters;
}

/**
 * The number inline math `text[open, stop)` sets as a subscript right after a letter or a digit
 * (`NO$_2$`, `PM$_{2.5}$`, `CO$_2$`): part of the name as printed, `NO2`, `PM2.5`, as pandoc's
 * `NO~2~` is. Any other math stays math.
 */
function gluedSubscriptNumber(text: string, open: number, stop: number): string | undefined {
  if (stop - open > 12 || !isLetterOrNumberUnit(text.charCodeAt(open - 1))) return undefined;
  const subscript = MATH_SUBSCRIPT_NUMBER.exec(text.slice(open + 1, stop - 1));
  return subscript ? (subscript[1] ?? subscript[2]) : undefined;
}
/** `<sub>2</sub>`, `<sub>2.5</sub>`: an HTML subscript that is a number alone. */
const HTML_SUBSCRIPT_NUMBER = /<sub>(\d{1,3}(?:\.\d{1,2})?)<\/sub>/y;
/** `_2`, `_{2.5}`, `_{10}`: a subscript that is a number alone. */
const MATH_SUBSCRIPT_NUMBER = /^_(?:\{(\d{1,3}(?:\.\d{1,2})?)\}|(\d))$/u;

/** A letter, a digit or a hyphen: what joins a Greek letter in math to the word around it. */
function gluesToWord(unit: number): boolean {
  return unit === 0x2d /* - */ || unit === 0x2010 || unit === 0x2011 || isLetterOrNumberUnit(unit);
}

/** An HTML comment (kept for inline directives), an autolink or an HTML tag. */
function readAngleBracket(scan: InlineScan, i: number): number {
  const { text, end } = scan;
  if (text.startsWith('<!--', i)) {
    const close = text.indexOf('-->', i + 4);
    const closed = close >= 0 && close + 3 <= end;
    const stop = closed ? close + 3 : end;
    scan.comments.push({ start: i, end: stop, body: text.slice(i + 4, closed ? close : end).trim() });
    return exclude(scan, i, stop);
  }
  const dimensions = isIdentifierCharacterAt(text, i - 1) ? matchSticky(DIMENSIONS_SUBSCRIPT, text, i, end) : -1;
  if (dimensions > 0) return exclude(scan, i, dimensions);
  // A number set as a subscript right after a letter or a digit (`NO<sub>2</sub>`) is part of the name as printed, as in math.
  if (isLetterOrNumberUnit(text.charCodeAt(i - 1))) {
    HTML_SUBSCRIPT_NUMBER.lastIndex = i;
    const subscript = HTML_SUBSCRIPT_NUMBER.exec(text);
    if (subscript && i + subscript[0].length <= end) {
      scan.spans.push({ start: i, end: i + subscript[0].length, glyph: subscript[1]! });
      return i + subscript[0].length;
    }
  }
  const stop = Math.max(matchSticky(AUTOLINK, text, i, end), matchSticky(HTML_TAG, text, i, end));
  return stop > 0 ? exclude(scan, i, stop) : i + 1;
}

/**
 * A subscript of single capitals joined by `x` or `×`, set on a symbol (`A<sub>CxE</sub>`,
 * `T~ExF~`, `M<sub>N×K</sub>`): a matrix's dimensions, each capital the count it is named by.
 * Notation, read by its rule; a subscript of another shape (`T~reg~`) is left to be read.
 */
const DIMENSIONS_SUBSCRIPT = /(?:<sub>\p{Lu}(?:[x\u00d7]\p{Lu})+<\/sub>|~\p{Lu}(?:[x\u00d7]\p{Lu})+~)/uy;

/**
 * A pandoc subscript after a symbol: of matrix dimensions (see {@link DIMENSIONS_SUBSCRIPT}),
 * notation; or a number alone right after a letter or a digit (`cmH~2~O`, `CO~2~`), part of the
 * name as printed, as `<sub>2</sub>` is. Otherwise the `~` is prose (`~~struck~~` is no subscript).
 */
function readSubscript(scan: InlineScan, i: number): number {
  const stop = isIdentifierCharacterAt(scan.text, i - 1) ? matchSticky(DIMENSIONS_SUBSCRIPT, scan.text, i, scan.end) : -1;
  if (stop > 0) return exclude(scan, i, stop);
  if (isLetterOrNumberUnit(scan.text.charCodeAt(i - 1))) {
    PANDOC_SUBSCRIPT_NUMBER.lastIndex = i;
    const subscript = PANDOC_SUBSCRIPT_NUMBER.exec(scan.text);
    if (subscript && i + subscript[0].length <= scan.end) {
      scan.spans.push({ start: i, end: i + subscript[0].length, glyph: subscript[1]! });
      return i + subscript[0].length;
    }
  }
  return i + 1;
}
/** `~2~`, `~2.5~`: a pandoc subscript that is a number alone, not the start of a struck-out run (`~~`). */
const PANDOC_SUBSCRIPT_NUMBER = /~(\d{1,3}(?:\.\d{1,2})?)~(?!~)/y;

/**
 * After a link's text: its target `(…)` or reference label `[…]`, with the text's `]` when its `[`
 * was masked (see {@link readCitationGroup}).
 */
function readLinkTarget(scan: InlineScan, i: number): number {
  const { text, end } = scan;
  const next = text[i + 1];
  const from = i === scan.linkTextClose ? i : i + 1;
  if (next === '(') {
    const close = closingParen(text, i + 1, end);
    if (close > 0 && from === i && isCitedTitle(text, scan.linkTextOpen, i, close)) return exclude(scan, scan.linkTextOpen, close + 1);
    if (close > 0) return exclude(scan, from, close + 1);
  } else if (next === '[') {
    const close = text.indexOf(']', i + 2);
    if (close > 0 && close < end && !text.slice(i + 2, close).includes('\n\n')) return exclude(scan, from, close + 1);
  }
  return i + 1;
}

/**
 * An address of a paper or a book: PubMed, PMC, NCBI Bookshelf, a DOI, a preprint server, Europe
 * PMC. Not the DOI of a dataset or code the authors deposited (Zenodo, figshare, Dryad, Mendeley
 * Data, Dataverse), whose link text is their own words.
 */
const LITERATURE_ADDRESS = /^\(<?(?:https?:\/\/)?(?:www\.)?(?:(?:pubmed\.)?ncbi\.nlm\.nih\.gov\/(?:pubmed|pmc|books)?|pubmed\.ncbi\.nlm\.nih\.gov|(?:dx\.)?doi\.org\/(?!10\.(?:5281|6084|5061|17632|7910)\/)|(?:bio|med)rxiv\.org\/|arxiv\.org\/|europepmc\.org\/)/iu;

/**
 * A link to a paper or a book whose text is its title (`[T Cells and MHC Proteins](https://www.ncbi.nlm.nih.gov/books/…)`):
 * a citation by title, the cited work's words and not the author's, as a quoted title before a
 * citation is. The text starts with a capital and holds four words or more.
 */
function isCitedTitle(text: string, open: number, close: number, targetClose: number): boolean {
  return open >= 0 && /\p{Lu}/u.test(text[open + 1] ?? '') && LITERATURE_ADDRESS.test(text.slice(close + 1, Math.min(targetClose, close + 80))) && hasWords(text, open + 1, close, QUOTED_PASSAGE_WORDS);
}

/**
 * A pandoc citation group `[@a; see @b, p. 3]`, not prose as a whole: masking its brackets too
 * spares the definition detector thousands of empty parentheticals. A group of figure or table
 * cross-references takes the panel letters written after it (`[@fig-1]C-D`).
 */
function readCitationGroup(scan: InlineScan, i: number): number {
  const { text, end } = scan;
  const close = text.indexOf(']', i + 1);
  if (close <= 0 || close >= end || close - i >= 500) return i + 1;
  const inner = text.slice(i + 1, close);
  const note = draftNoteEnd(scan, i, ']');
  if (note > 0) return exclude(scan, i, note);
  if (isEditorialNote(text, i, close, scan.start, end)) return exclude(scan, i, close + 1);
  if (BARE_CITATION_KEYS.test(inner) && text[close + 1] !== '(' && text[close + 1] !== ':') return exclude(scan, i, close + 1);
  if (FILL_IN_PLACEHOLDER.test(inner) && text[close + 1] !== '(' && text[close + 1] !== ':' && text[close + 1] !== '[' && text[i - 1] !== '!') return exclude(scan, i, close + 1);
  const isLinkText = text[close + 1] === '(' || text[close + 1] === '[';
  // A link's text is prose, but its brackets are no bracketed remark: `GSE2770 from [GEO](…)`
  // defines nothing. An image's brackets hold its caption and stay.
  if (isLinkText && !inner.includes('[') && !inner.includes('\n\n') && text[i - 1] !== '!') {
    scan.linkTextClose = close;
    scan.linkTextOpen = i;
    return exclude(scan, i, i + 1);
  }
  if (inner.includes('[') || inner.includes('\n\n') || !CITATION_GROUP.test(inner) || isLinkText) return i + 1;
  let stop = close + 1;
  if (CROSS_REFERENCES_ONLY.test(inner)) {
    const panels = matchSticky(PANELS_AFTER_CROSS_REFERENCE, text, stop, end);
    if (panels > 0) stop = panels;
  } else {
    scan.citationEnd = stop;
    // `Demographic and Health Surveys [DHS; @measure2012]` prints `(DHS; Measure 2012)`: the
    // prefix is the author's short form, in the group's bracket; only the citation is masked.
    const prefix = SHORT_FORM_PREFIX.exec(inner);
    if (prefix) {
      exclude(scan, i + 1 + prefix[1]!.length, close);
      return stop;
    }
  }
  return exclude(scan, i, stop);
}

/** A citation group's prefix that is an abbreviation alone, before the first key: `DHS; @a`, `PHIA, @b`. */
const SHORT_FORM_PREFIX = /^(\p{Lu}(?=[\p{L}\p{N}-]*\p{Lu})[\p{L}\p{N}-]{1,11})\s*[;,]\s*-?@/u;

/**
 * Citation keys a reference manager left without `@` (EndNote's record numbers, `[RN54]`; author
 * and year, `[OTTO2021e25]`), one or several: the citations of a draft, not prose. A bracketed
 * abbreviation (`[IL15]`, `[NK]`) has no record number or year.
 */
const BARE_CITATION_KEYS = /^(?:RN\d{1,5}|\p{L}{2,20}(?:19|20)\d{2}[\p{L}\d]{0,6})(?:[;,] ?(?:RN\d{1,5}|\p{L}{2,20}(?:19|20)\d{2}[\p{L}\d]{0,6}))*$/u;

/**
 * A draft's fill-in, which the authors replace before submission: a few words naming what goes
 * there (`[CRD number]`, `[search date]`, `[NCT number]`, `[insert reference]`). Not prose: a
 * copy-editor asks for the value, not for the abbreviation in the label to be spelt out.
 */
const FILL_IN_PLACEHOLDER = /^(?:(?:insert|add)\s+[^[\]\n@]{1,60}|(?:[^\s[\]@]+\s+){0,3}(?:number|no\.|ID|date|name|reference|citation|link|URL|DOI))$/u;

/** Three or more words and no brackets, citations or line break inside: a remark, not a link's text or a label. */
const NOTE_TEXT = /^[^[\]\n@]*\p{L}[^[\]\n@]*(?:\s+[^\s[\]@]+){2,}\s*$/u;

/**
 * A line that is one bracketed remark, `[Summarize the evidence for X here]`: a note the authors
 * left for themselves in a draft, which pandoc prints as written and no reader is meant to see; not
 * prose to lint. A link (`[text](…)`, `[text][ref]`), a reference definition (`[label]: …`) and a
 * citation are not notes.
 */
function isEditorialNote(text: string, open: number, close: number, blockStart: number, blockEnd: number): boolean {
  let lineStart = open;
  while (lineStart > blockStart && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  if (lineStart > blockStart && text[lineStart - 1] !== '\n') return false;
  let lineEnd = close + 1;
  while (lineEnd < blockEnd && (text[lineEnd] === ' ' || text[lineEnd] === '\t' || text[lineEnd] === '\r')) lineEnd++;
  if (lineEnd < blockEnd && text[lineEnd] !== '\n') return false;
  return NOTE_TEXT.test(text.slice(open + 1, close));
}

/** A draft marker opening a bracketed remark: `(TODO: check the SNPs)`, `[FIXME add ref]`. */
const DRAFT_MARKER = /^(?:TODO|FIXME|TBD|XXX)(?::|[ \t]+\p{Ll})/u;
/** The longest remark read as a draft note. */
const LONGEST_DRAFT_NOTE = 400;

/**
 * The end (after its closing bracket) of a bracketed remark at `open` that a draft marker opens,
 * anywhere in a line (`… little support (TODO: look at SNPs put this in results?).`): a note the
 * authors left for themselves, not prose; else -1. Nested brackets inside it are its own.
 */
function draftNoteEnd(scan: InlineScan, open: number, closer: string): number {
  const { text, end } = scan;
  if (!DRAFT_MARKER.test(text.slice(open + 1, open + 12))) return -1;
  const opener = text[open]!;
  let depth = 0;
  for (let k = open; k < end && k - open <= LONGEST_DRAFT_NOTE; k++) {
    if (text[k] === opener) depth++;
    else if (text[k] === closer && --depth === 0) return k + 1;
    else if (text[k] === '\n' && text[k + 1] === '\n') return -1;
  }
  return -1;
}

/** A footnote marker `[^note]`, or its definition's label `[^note]:`. */
function readFootnoteMarker(scan: InlineScan, i: number): number {
  const { text, end } = scan;
  const close = text.indexOf(']', i + 2);
  if (close > 0 && close < end && /^[^\s\]]+$/.test(text.slice(i + 2, close))) return exclude(scan, i, text[close + 1] === ':' ? close + 2 : close + 1);
  return i + 1;
}

/** Quarto shortcodes `{{< … >}}`, Jinja (statements make the block template logic; comments are hidden), template values and attributes. */
function readBrace(scan: InlineScan, i: number): number {
  const { text, end } = scan;
  if (text[i + 1] === '{' && (text[i + 2] === '<' || text[i + 2] === '%')) {
    const close = text.indexOf(text[i + 2] === '<' ? '>}}' : '%}}', i + 3);
    return exclude(scan, i, close >= 0 && close + 3 <= end ? close + 3 : end);
  }
  // A Jinja statement makes its block template logic (Manubot's front matter: author loops,
  // ORCID labels), not the author's prose; a Jinja comment (`{# note #}`, `{## … ##}`) is hidden.
  if (text[i + 1] === '%') {
    scan.wholeBlock = true;
    return end;
  }
  if (text[i + 1] === '#' && (text[i + 2] === ' ' || text[i + 2] === '\n' || text[i + 2] === '#')) {
    // Searched within the block only: an unclosed `{# ` must not send each search to the end of the text.
    const within = text.slice(i + 2, end).indexOf('#}');
    const close = within < 0 ? -1 : i + 2 + within;
    if (close >= 0 && close + 2 <= end) return exclude(scan, i, close + 2);
  }
  const value = text[i + 1] === '{' ? matchSticky(TEMPLATE_VALUE, text, i, end) : -1;
  const stop = value > 0 ? value : matchSticky(ATTRIBUTE, text, i, end);
  return stop > 0 ? exclude(scan, i, stop) : i + 1;
}

/** A citation or cross-reference key outside brackets (`@key`, `-@key`), not inside a word (an e-mail address). */
function readCitationKey(scan: InlineScan, i: number): number {
  const { text, end } = scan;
  if (isIdentifierCharacterAt(text, i - 1)) return readEmailAddress(scan, i);
  const stop = matchSticky(CITATION_KEY, text, i, end);
  if (stop <= 0) return i + 1;
  const key = text.slice(i, i + 8);
  if (!CROSS_REFERENCE_KEY.test(key)) {
    scan.citationEnd = stop;
    return exclude(scan, i, stop);
  }
  if (!FIGURE_KEY.test(key)) return exclude(scan, i, stop);
  // Manubot writes `Figure {@fig:x}C-D`: the braces and the panels after them go with the key.
  const braced = text[i - 1] === '{' && text[stop] === '}';
  const from = braced ? i - 1 : i;
  const after = braced ? stop + 1 : stop;
  const panels = matchSticky(PANELS_AFTER_CROSS_REFERENCE, text, after, end);
  return exclude(scan, from, panels > 0 ? panels : after);
}

/** The part of an e-mail address before `@`, read backwards from it. */
const EMAIL_LOCAL_PART_BEFORE = new RegExp(`${EMAIL_LOCAL_PART}$`);
/** `@` and the domain after it (`usm.edu`, `med.uni-x.de`). */
const EMAIL_DOMAIN_AT = new RegExp(EMAIL_DOMAIN, 'y');

/**
 * A bare e-mail address (`Yang.Ge@usm.edu`, `a.b-c@med.uni-x.de`): an address, not prose, like
 * a bare URL, so that `YG (Yang.Ge@usm.edu)` defines nothing and the address mentions nothing.
 * Reached at its `@`; the local part before it, already passed over, joins the span.
 */
function readEmailAddress(scan: InlineScan, i: number): number {
  const { text, end } = scan;
  const stop = matchSticky(EMAIL_DOMAIN_AT, text, i, end);
  if (stop <= 0) return i + 1;
  const lastSpanEnd = scan.spans.length > 0 ? scan.spans[scan.spans.length - 1]!.end : scan.start;
  const from = Math.max(scan.start, lastSpanEnd, i - 64);
  const local = EMAIL_LOCAL_PART_BEFORE.exec(text.slice(from, i));
  if (!local || local[0].startsWith('.')) return i + 1;
  return exclude(scan, from + local.index, stop);
}

/**
 * A panel range after the word that names panels (`panels B-D show`, `Panels (D–I)`), or one
 * that opens a line of its paragraph as a label (`**D-F.** Performance …`, `G–H: …`), as a
 * legend written panel by panel does: not an abbreviation.
 */
function readNamedPanelRange(scan: InlineScan, i: number): number {
  const { text, start, end } = scan;
  const from = i - 1;
  if (from < start || i + 1 >= end || isIdentifierCharacterAt(text, from - 1) || isIdentifierCharacterAt(text, i + 2)) return i + 1;
  if (text[i + 2] === '-' || text[i + 2] === '\u2013' || !isPanelRange(text.charCodeAt(from), text.charCodeAt(i + 1))) return i + 1;
  const named = from > start && PANELS_WORD_BEFORE.test(text.slice(Math.max(start, from - 12), from));
  if (!named && !(PANEL_LABEL_BEFORE.test(text.slice(Math.max(start, text.lastIndexOf('\n', from) + 1), from)) && PANEL_LABEL_AFTER.test(text.slice(i + 2, Math.min(end, i + 6))))) return i + 1;
  return exclude(scan, from, i + 2);
}

/** Before a panel range that labels a line of its paragraph: nothing but emphasis markers. */
const PANEL_LABEL_BEFORE = /^[ \t*_]*$/;
/** After it: perhaps the closing emphasis, then the label's `.`, `:` or `)`. */
const PANEL_LABEL_AFTER = /^[*_]*[.:)]/;

/** `B-D) The …` opening a panel's legend, or `(B–D)` pointing at panels: not an abbreviation. */
function readPanelRange(scan: InlineScan, i: number): number {
  const text = scan.text;
  const from = i - 3;
  const dash = text.charCodeAt(i - 2);
  if (from >= scan.start && (dash === 0x2d || dash === 0x2013 || dash === 0x2014) && isPanelRange(text.charCodeAt(from), text.charCodeAt(i - 1))) {
    const opened = text[from - 1] === '(';
    if (opened || !isIdentifierCharacterAt(text, from - 1)) exclude(scan, opened ? from - 1 : from, i + 1);
  }
  return i + 1;
}

/** A run of `*` or `_` that opens or closes emphasis is markup, never part of a token. */
function readEmphasisDelimiter(scan: InlineScan, i: number): number {
  const { text, start, end } = scan;
  let stop = i + 1;
  while (stop < end && text[stop] === text[i]) stop++;
  if (isEmphasisDelimiter(text, i, stop, start, end)) exclude(scan, i, stop);
  return stop;
}

/**
 * A quotation right before or after a citation is the cited work's title or words: a
 * definition there is not the author's, nor is a use.
 */
function readQuotation(scan: InlineScan, i: number): number {
  const { text, start, end } = scan;
  if (i === scan.pairedQuoteClose || isIdentifierCharacterAt(text, i - 1)) return i + 1;
  // Searched within a bounded window: many unclosed quotation marks must not make the scan quadratic.
  const window = text.slice(i + 1, Math.min(end, i + 400));
  const close = window.indexOf(text[i] === '"' ? '"' : '\u201d') + i + 1;
  if (close <= i || window.slice(0, close - i - 1).includes('\n\n')) return i + 1;
  scan.pairedQuoteClose = close;
  const citedBefore = scan.citationEnd >= start && i - scan.citationEnd < 8 && ONLY_CITATION_GAP.test(text.slice(scan.citationEnd, i));
  const cited = citedBefore || matchSticky(CITATION_AFTER_QUOTE, text, close + 1, end) > 0;
  return cited && hasWords(text, i + 1, close, QUOTED_PASSAGE_WORDS) ? exclude(scan, i, close + 1) : i + 1;
}

/** A figure or table reference written out (`Figure 1A`, `Tables S1-S3`), or a bare URL (`https://`, `ftp://`, `www.`). */
function readReferenceOrUrl(scan: InlineScan, i: number): number {
  const { text, end } = scan;
  const ch = text[i];
  if (isIdentifierCharacterAt(text, i - 1)) return i + 1;
  if (ch === 'F' || ch === 'T' || ch === 'f' || ch === 't') {
    const next = text[i + 1];
    const mayRefer = ch === 'T' || ch === 't' ? next === 'a' || next === 'A' || next === 'b' : next === 'i' || next === 'I';
    const stop = mayRefer ? matchSticky(FIGURE_REFERENCE, text, i, end) : -1;
    if (stop > 0) return exclude(scan, i, stop);
  }
  if (ch === 'h' || ch === 'f' || ch === 'w') {
    const stop = matchSticky(BARE_URL, text, i, end);
    if (stop > 0) return exclude(scan, i, stop);
  }
  if (ch === '1') {
    const stop = matchSticky(BARE_DOI, text, i, end);
    if (stop > 0) return exclude(scan, i, stop);
  }
  return i + 1;
}

/**
 * A DOI written bare (`(10.17605/OSF.IO/NREJS)`, `doi: 10.1038/s41586-020-2012-7`): an identifier,
 * like a bare URL, whose letters are no abbreviations. Brackets inside it come in pairs
 * (`10.1016/S0092-8674(00)80181-6`); a final stop or bracket is the sentence's.
 */
const BARE_DOI = /10\.\d{4,9}\/(?:[^\s"<>()[\]]|\([^\s()]*\))*[^\s"<>()[\].,;:]/y;
