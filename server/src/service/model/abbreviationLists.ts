import { readsAsDefinition, type DetectedDefinition } from '../abbreviations/definitionDetector';
import type { ProseBlock, ProseMap } from '../markdown/proseScanner';
import { maskedUnchanged } from '../markdown/proseRescan';
import { FUNCTION_WORDS } from '../abbreviations/detector/wordLists';
import { isAbbreviationSegment } from './mentions';

/** One entry of a journal-style abbreviation list, e.g. `NK, natural killer`: a definition without a written pattern. */
export type ListedAbbreviation = Omit<DetectedDefinition, 'pattern'>;

/** The abbreviation list found in one prose block, and where in the block it starts. */
export interface BlockAbbreviationList {
  /** Offset where the list begins; prose before it is ordinary text. */
  start: number;
  entries: ListedAbbreviation[];
}

// `Abbreviations:` / `**Abbreviations:**` / `*Abbreviations used*:` inside a paragraph.
const INLINE_LIST = /(?:^|[\s.])(?:[*_]{1,2})?(?:List of )?Abbreviations(?: used)?(?:[*_]{1,2})?\s*[:.](?:[*_]{1,2})?\s+/giu;
const LIST_HEADING = /^(?:list of )?(?:abbreviations(?: used| and acronyms| and glossary)?|glossary(?: of terms| and abbreviations)?)$/i;
/** A paragraph that is only a label in bold, perhaps with a colon: `**Glossary of terms:**`, `__Abbreviations__:`. */
const BOLD_LABEL = /^(\*\*|__)([^*_\n]+?)[ \t]*:?[ \t]*\1[ \t]*:?$/u;
/** The longest long form of an entry under a bold label, in words: a glossary's entry, not a sentence. */
const LABELLED_ENTRY_WORDS = 12;

/**
 * The entries of a paragraph under a bold label (see {@link findAbbreviationLists}): one line,
 * each of its `;`-separated pieces an entry whose short form is one word and whose long form is
 * no sentence (`GRADE = Grading of Recommendations, …`); none when any piece is not one (`NK cells,
 * unlike T cells, rarely …`).
 */
function labelledEntries(masked: string, block: ProseBlock): ListedAbbreviation[] {
  const written = masked.slice(block.start, block.end).trim();
  if (written.includes('\n')) return [];
  const entries = blockEntries(masked, block);
  const pieces = written.split(';').filter((piece) => piece.trim().length > 0).length;
  const wellFormed = entries.every((entry) => !/\s/u.test(entry.short) && entry.long.split(/\s+/u).length <= LABELLED_ENTRY_WORDS && !/[.!?]\s/u.test(entry.long));
  return entries.length === pieces && wellFormed ? entries : [];
}

/** A block's entries, read as a list section reads them: `;`-separated, or one entry running on after full stops. */
function blockEntries(masked: string, block: ProseBlock): ListedAbbreviation[] {
  return parseEntries(masked, block.start, block.end, !masked.slice(block.start, block.end).includes(';'));
}
// One entry: `SF, long form`, `SF: long form`, `SF = long form`, `SF – long form`.
const ENTRY = /^([^\s,;:=|]+(?: [^\s,;:=|]+)?)\s*(?:,|:|=|\s[–—-])\s*(\S(?:.*\S)?)$/su;

/** A full stop, then the start of another entry (`. MGE, `, `. GI: `); not the stop of `i.e.`, `Fig.` or `et al.`. */
const ENTRY_AFTER_STOP = /(?<![\p{L}\p{N}]\.\p{L}|(?<!\p{L})(?:Figs?|al|vs|cf|etc|approx|No|ca))\.(?=[ \t]+\p{L}[^\s,;:=|.]{0,14}(?: [^\s,;:=|.]+)?[ \t]*(?:,|:|=|[ \t][–—-])[ \t])/gu;

function looksLikeShortForm(short: string): boolean {
  return short.split(/[-\s]/u).some((part) => isAbbreviationSegment(part) || /^\p{N}+\p{Lu}/u.test(part));
}

/** An entry written as the text defines: `Generalized Linear Model (GLM)`, the short form in brackets after its long form. */
const BRACKETED_ENTRY = /^([\p{L}\p{N}][^()]*?\p{L})[ \t]*\(([^()\s]+)\)$/su;

/** The entry `piece` (starting at `start`) writes as `long form (SF)`, when the bracket holds a short form and the words hold letters. */
function bracketedEntry(piece: string, start: number): ListedAbbreviation | undefined {
  const match = BRACKETED_ENTRY.exec(piece);
  if (!match) return undefined;
  const long = match[1]!;
  const short = match[2]!.replace(/[*_]/g, '');
  if (!looksLikeShortForm(short) || !/\p{L}{2}/u.test(long)) return undefined;
  const shortStart = start + piece.lastIndexOf(short);
  return { short, shortStart, shortEnd: shortStart + short.length, long, longStart: start, longEnd: start + long.length };
}

/** Parses `[from, to)` of `text` as `;`-separated entries (or one entry when `single`). */
function parseEntries(text: string, from: number, to: number, single: boolean): ListedAbbreviation[] {
  const entries: ListedAbbreviation[] = [];
  const pieces: [number, number][] = [];
  if (single) {
    // Entries may run on after a full stop, as sentences do: `MAG, metagenome-assembled genome. MGE, mobile genetic element.`
    let start = from;
    ENTRY_AFTER_STOP.lastIndex = 0;
    const slice = text.slice(from, to);
    for (let stop = ENTRY_AFTER_STOP.exec(slice); stop !== null; stop = ENTRY_AFTER_STOP.exec(slice)) {
      pieces.push([start, from + stop.index]);
      start = from + stop.index + 1;
    }
    pieces.push([start, to]);
  } else {
    let start = from;
    for (let i = from; i <= to; i++) {
      if (i === to || text[i] === ';') {
        pieces.push([start, i]);
        start = i + 1;
      }
    }
  }
  for (let [start, end] of pieces) {
    while (start < end && /[\s*_-]/u.test(text[start]!)) start++;
    while (end > start && /[\s.*_]/u.test(text[end - 1]!)) end--;
    const piece = text.slice(start, end);
    const match = ENTRY.exec(piece);
    if (!match) {
      const bracketed = bracketedEntry(piece, start);
      if (bracketed) entries.push(bracketed);
      continue;
    }
    const short = match[1]!.replace(/[*_]/g, '');
    if (!looksLikeShortForm(short)) continue;
    const shortStart = start + piece.indexOf(short);
    const long = match[2]!;
    const longStart = start + piece.lastIndexOf(long);
    if (!/\p{L}{2}/u.test(long)) continue;
    entries.push({ short, shortStart, shortEnd: shortStart + short.length, long, longStart, longEnd: longStart + long.length });
  }
  return entries;
}

// One pair of a key: a short form, a colon, an equals sign or a spaced dash (`TB – tuberculosis`), and one to seven words (a bracketed
// word among them: `red cell (erythrocyte) distribution width`) up to a comma, semicolon, closing
// parenthesis or full stop, or a bracketed remark on the last pair (`EC: elite controller`,
// `PA = pilocytic astrocytoma`, `VC: Viremic Controller (see methods).`).
// A word before the short form is taken along when the long form starts with it (`Other LGG =
// other low-grade glioma` defines LGG).
const KEY_PAIR = /(?<![\p{L}\p{N}])(?:(\p{L}+)[ \t]+)?([\p{L}\p{N}]\p{M}*(?:[\p{L}\p{N}\-]\p{M}*){0,11})(?:[ \t]+\([\p{L}\p{N}]{1,4}\))?(?::[ \t]+|[ \t]*=[ \t]*|[ \t]+[\u2013\u2014-][ \t]+)((?:[\p{L}\p{N}][\p{L}\p{M}\p{N}\-']*)(?:[ \t]+(?:[\p{L}\p{N}][\p{L}\p{M}\p{N}\-']*|\([\p{L}\p{N}\-' ]{1,30}\)(?=[ \t]+[\p{L}\p{N}]))){0,6})(?=[ \t]*(?:[,;.)]|\([^()]*\)|$))/gu;
// Pairs may stand one to a line (`eQTLs: …;⏎MVN: …;`), perhaps with masked HTML comments between them.
// A pair's bracketed note may stand before the comma (`PLT (F) = platelet count (F channel), …`).
const KEY_PAIR_JOIN = /^\s*(?:\([^()]{1,40}\)\s*)?[,;]\s*(?:and\s+)?$/u;

/**
 * A figure's style for a group, not its long form: a colour, a marker or a line (`mCLL: blue`,
 * `QR = open circles`, `QS: dashed line`).
 */
const COLOUR = String.raw`(?:(?:light|dark|pale|bright)[ \t-]?)?(?:red|blue|green|orange|purple|yellow|black|gr[ae]y|pink|brown|cyan|magenta|violet|white|teal)`;
const MARK = String.raw`(?:dots?|lines?|bars?|circles?|squares?|triangles?|diamonds?|crosses|points?|boxes|curves?)`;
const KEY_STYLE = new RegExp(String.raw`^(?:${COLOUR}(?:[ \t]+${MARK})?|(?:open|filled|solid|closed|dashed|dotted|${COLOUR})[ \t]+${MARK})$`, 'iu');

/** A capitalised word of three or more letters: a key's short form when clipped from its long form. */
const CLIPPED_WORD = /^\p{Lu}\p{Ll}{2,}$/u;
/** Two to six small letters: a short form of a key only when its long form spells it. */
const LOWER_CASE_SHORT = /^\p{Ll}{2,6}$/u;

/** A run of key pairs: the entries, where the first pair starts and where the last one ends. */
interface KeyRun {
  entries: ListedAbbreviation[];
  start: number;
  end: number;
  /** Some pairs are joined by a comma, which a `;`-separated list never does. */
  commaJoined: boolean;
}

/** The entry of one key pair, or undefined when its short form is not shaped like an abbreviation or its long form has no word. */
function keyPairEntry(match: RegExpExecArray, from: number): ListedAbbreviation | undefined {
  const lead = match[1];
  const short = match[2]!;
  let long = match[3]!;
  // `CM 010: CheckMate 010`: a short form spaced before its number, the number matched here.
  const numbered = lead !== undefined && /^\p{N}+$/u.test(short) && looksLikeShortForm(lead);
  // A key may hold a short form in small letters (`vst = variance stabilizing transformation`) when its words spell it.
  const spelledInSmallLetters = LOWER_CASE_SHORT.test(short) && readsAsDefinition(long, short);
  // Or a word clipped from its long form's first word (`Mono: monocytes`, `Neutro: neutrophils`).
  const clipped = CLIPPED_WORD.test(short) && long.toLowerCase().startsWith(short.toLowerCase());
  if (!(numbered || looksLikeShortForm(short) || spelledInSmallLetters || clipped) || !/\p{L}{2}/u.test(long) || KEY_STYLE.test(long)) return undefined;
  // A dash joins a label to any words (`HCC - tumour tissue`, `OS – all patients`): only a long
  // form that opens with the short form's first letter is a key's (`TB – Tuberculosis`).
  const shortAt = lead ? match[0].indexOf(short, lead.length) : 0;
  const separator = match[0].slice(shortAt + short.length, match[0].length - long.length);
  if (!/[:=]/u.test(separator) && long.charAt(0).toLowerCase() !== short.charAt(0).toLowerCase()) return undefined;
  const shortStart = from + match.index + shortAt;
  let longStart = from + match.index + match[0].length - long.length;
  const firstWord = /^\S+[ \t]+/u.exec(long);
  if (lead && firstWord && firstWord[0].trim().toLowerCase() === lead.toLowerCase()) {
    longStart += firstWord[0].length;
    long = long.slice(firstWord[0].length);
  }
  // A long form never holds its own short form: `act mDC: activated mDC` defines `act mDC`, the
  // word before taken along, and says nothing of `mDC` alone.
  if (long.split(/[^\p{L}\p{N}]+/u).includes(short)) {
    if (!lead) return undefined;
    const wholeStart = from + match.index;
    const whole = match[0].slice(0, shortStart + short.length - wholeStart);
    return { short: whole, shortStart: wholeStart, shortEnd: wholeStart + whole.length, long, longStart, longEnd: longStart + long.length };
  }
  return { short, shortStart, shortEnd: shortStart + short.length, long, longStart, longEnd: longStart + long.length };
}

/**
 * The runs of key pairs written `SF: long form, SF: long form` or `SF = long form, SF = long
 * form` (joined by a comma or semicolon) in `[from, to)`, each short form shaped like an
 * abbreviation, in order. A pair that is no entry (`B: B cells`) ends a run.
 */
function keyPairRuns(masked: string, from: number, to: number): KeyRun[] {
  const slice = masked.slice(from, to);
  const runs: KeyRun[] = [];
  let run: KeyRun = { entries: [], start: to, end: to, commaJoined: false };
  let lastEnd = -1;
  KEY_PAIR.lastIndex = 0;
  for (let match = KEY_PAIR.exec(slice); match !== null; match = KEY_PAIR.exec(slice)) {
    const gap = lastEnd >= 0 ? slice.slice(lastEnd, match.index) : '';
    const joined = lastEnd >= 0 && KEY_PAIR_JOIN.test(gap);
    if (!joined) {
      if (run.entries.length > 0) runs.push(run);
      run = { entries: [], start: from + match.index, end: from + match.index, commaJoined: false };
    } else if (gap.includes(',')) {
      run.commaJoined = true;
    }
    const entry = keyPairEntry(match, from);
    if (!entry) {
      lastEnd = -1;
      continue;
    }
    run.entries.push(entry);
    run.end = entry.longEnd;
    lastEnd = match.index + match[0].length;
  }
  if (run.entries.length > 0) runs.push(run);
  return runs;
}

/** The longest run of key pairs in `[from, to)` (see {@link keyPairRuns}); an empty run at `to` when there is none. */
function keyPairRun(masked: string, from: number, to: number): KeyRun {
  let best: KeyRun = { entries: [], start: to, end: to, commaJoined: false };
  for (const run of keyPairRuns(masked, from, to)) if (run.entries.length > best.entries.length) best = run;
  return best;
}

// One bracketed pair of a key: a short form, then one to six words of letters in brackets, before
// a semicolon, a full stop or the end (`DE (definitive endoderm);`). Pairs joined by semicolons.
const BRACKET_PAIR = /(?<![\p{L}\p{N}])([\p{L}\p{N}]\p{M}*(?:[\p{L}\p{N}\-]\p{M}*){0,11})[ \t]+\(((?:\p{L}[\p{L}\-']*)(?:[ \t]+\p{L}[\p{L}\-']*){0,5})\)(?=[ \t]*(?:[;.]|$))/gu;
const BRACKET_PAIR_JOIN = /^[ \t]*;[ \t]*$/u;

/**
 * The longest run of bracketed pairs joined by semicolons, `hESC (human embryonic stem cell); DE
 * (definitive endoderm); GT (primitive gut tube)`, each short form shaped like an abbreviation:
 * a key written in the legend's own words, which need not spell the letters (`GT`, `FG
 * (posterior foregut)`), as a key's pairs never do. A lone pair is prose, read by the detector.
 */
function bracketPairRun(masked: string, from: number, to: number): ListedAbbreviation[] {
  const slice = masked.slice(from, to);
  let best: ListedAbbreviation[] = [];
  let run: ListedAbbreviation[] = [];
  let lastEnd = -1;
  BRACKET_PAIR.lastIndex = 0;
  for (let match = BRACKET_PAIR.exec(slice); match !== null; match = BRACKET_PAIR.exec(slice)) {
    if (lastEnd < 0 || !BRACKET_PAIR_JOIN.test(slice.slice(lastEnd, match.index))) {
      if (run.length > best.length) best = run;
      run = [];
    }
    const short = match[1]!;
    const long = match[2]!;
    lastEnd = match.index + match[0].length;
    if (!looksLikeShortForm(short) || opensAsRemark(long) || !namesItsShortForm(short, long)) {
      lastEnd = -1;
      continue;
    }
    const shortStart = from + match.index;
    const longStart = from + lastEnd - 1 - long.length;
    run.push({ short, shortStart, shortEnd: shortStart + short.length, long, longStart, longEnd: longStart + long.length });
  }
  if (run.length > best.length) best = run;
  return best.length >= 2 ? best : [];
}
/**
 * A key's long form of two or more words, one of them starting with the short form's first
 * letter (`GT (primitive gut tube)`, `FG (posterior foregut)`): what the letters stand for. A
 * symbol or colour the legend draws with (`WT (open circles)`, `GFP (green)`) is no long form.
 */
function namesItsShortForm(short: string, long: string): boolean {
  const words = long.toLowerCase().split(/[\s-]+/u);
  const first = short.charAt(0).toLowerCase();
  return words.length >= 2 && words.some((word) => word.startsWith(first));
}

/** A bracket opening with a word that points elsewhere or qualifies is a remark, not a long form (`(see below)`, `(for example …)`, `(left panel)`). */
const REMARK_OPENING = /^(?:see|e|i|vs|versus|not|only|all|both|each|left|right|top|bottom)\b/iu;

/** Whether `long` opens with a function word or a remark's word (see {@link REMARK_OPENING}). */
function opensAsRemark(long: string): boolean {
  const first = /^\p{L}+/u.exec(long)?.[0].toLowerCase() ?? '';
  return FUNCTION_WORDS.has(first) || REMARK_OPENING.test(long);
}

/**
 * A legend's key: two or more pairs in a row (`SF: long form` or `SF (long form)`), one pair
 * that closes the legend (`… CST: Cell Signaling Technology.`), or one pair in parentheses
 * (`predisposition (CMMRD = constitutional mismatch repair deficiency)`); and the pairs written
 * with a comma (`MFI, mean fluorescence intensity; E:T, effector-to-target ratio`, see {@link commaKeyEntries}).
 */
function legendKeyEntries(masked: string, from: number, to: number): ListedAbbreviation[] {
  const found = [colonOrBracketKeyEntries(masked, from, to), commaKeyEntries(masked, from, to), spelledKeyEntries(masked, from, to)].filter((entries) => entries.length > 0);
  if (found.length === 0) return [];
  if (found.length === 1) return found[0]!;
  // One pair may be read by two of the readings: kept once.
  const byStart = new Map<number, ListedAbbreviation>();
  for (const entries of found) for (const entry of entries) if (!byStart.has(entry.shortStart)) byStart.set(entry.shortStart, entry);
  return [...byStart.values()].sort((a, b) => a.shortStart - b.shortStart);
}

/** A pair opening the legend's paragraph or note, after any emphasis: `*ESS: effective sample size out of …*`. */
const OPENING_COLON_PAIR = /^[\s*_]*([\p{L}\p{N}]\p{M}*(?:[\p{L}\p{N}\-]\p{M}*){0,11}):[ \t]+/u;
/** A pair written with a semicolon, `PSSM; Position-specific scoring matrix`, before a comma, a full stop, a `]` or the end. */
const SEMICOLON_PAIR = /(?<![\p{L}\p{N}])([\p{L}\p{N}]\p{M}*(?:[\p{L}\p{N}\-]\p{M}*){0,11});[ \t]+(\p{L}[\p{L}\p{M}\p{N}\-']*(?:[ \t]+[\p{L}\p{N}][\p{L}\p{M}\p{N}\-']*){0,6})(?=[ \t]*(?:[,.\]]|$))/gu;
/** Words of a long form, for trying its leading words one more at a time. */
const LONG_FORM_WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\-']*/uy;
/** A key's long form has at most this many words. */
const MOST_KEY_WORDS = 7;

/**
 * Pairs of a legend's key whose words spell their short form as a written definition's would
 * (the detector reads `long form (SF)` made of them), in two shapes the other readings leave:
 * one pair opening the paragraph, its long form the leading words that spell it a word a letter, the
 * sentence going on after them (`*ESS: effective sample size out of 4,000 samples …*`); and two
 * or more pairs written with a semicolon, joined by commas (`PSSM; Position-specific scoring
 * matrix, PSPL; Position scanning peptide library`).
 */
function spelledKeyEntries(masked: string, from: number, to: number): ListedAbbreviation[] {
  const slice = masked.slice(from, to);
  const entries: ListedAbbreviation[] = [];
  const opening = OPENING_COLON_PAIR.exec(slice);
  if (opening && looksLikeShortForm(opening[1]!)) {
    const short = opening[1]!;
    const longStart = opening[0].length;
    let at = longStart;
    // A word for each letter, which the detector reads as all of the long form: `effective sample size`, not `… out of`.
    const letters = short.replace(/[^\p{L}]/gu, '').length;
    let spelled: string | undefined;
    for (let words = 1; words <= MOST_KEY_WORDS; words++) {
      LONG_FORM_WORD.lastIndex = at;
      const word = LONG_FORM_WORD.exec(slice);
      if (!word) break;
      const long = slice.slice(longStart, word.index + word[0].length);
      // Each word adds one or more (hyphen-joined) to the count, so only one run of words can match it.
      const count = long.split(/[\s\-]+/u).length;
      if (count >= letters) {
        if (count === letters && readsAsDefinition(long, short)) spelled = long;
        break;
      }
      at = word.index + word[0].length;
      while (at < slice.length && (slice[at] === ' ' || slice[at] === '\t')) at++;
    }
    if (spelled !== undefined) {
      const shortStart = from + slice.indexOf(short);
      entries.push({ short, shortStart, shortEnd: shortStart + short.length, long: spelled, longStart: from + longStart, longEnd: from + longStart + spelled.length });
    }
  }
  addSentencePairs(slice, from, entries);
  if (!slice.includes(';')) return entries;
  const semicolonPairs: ListedAbbreviation[] = [];
  SEMICOLON_PAIR.lastIndex = 0;
  for (let match = SEMICOLON_PAIR.exec(slice); match !== null; match = SEMICOLON_PAIR.exec(slice)) {
    const short = match[1]!;
    const long = match[2]!;
    if (!looksLikeShortForm(short) || !readsAsDefinition(long, short)) continue;
    const shortStart = from + match.index;
    const longStart = from + match.index + match[0].length - long.length;
    semicolonPairs.push({ short, shortStart, shortEnd: shortStart + short.length, long, longStart, longEnd: longStart + long.length });
  }
  return semicolonPairs.length >= 2 ? [...entries, ...semicolonPairs] : entries;
}

/**
 * A sentence of a legend that is one pair and nothing else, `… the fitted curves. AUC: area under
 * the concentration curve. Onset: …` or `LOD = Limit of detection.`: its long form must spell the short form as a written
 * definition's would (the detector reads it so), words left out included.
 */
const SENTENCE_COLON_PAIR = /(?<=^[\s*_]{0,8}|[.;][ \t]{1,8})([\p{L}\p{N}]\p{M}*(?:[\p{L}\p{N}\-]\p{M}*){0,11})(?::|[ \t]?=)[ \t]+(\p{L}[^.;:\n()]{2,100}?)(?=[ \t]*(?:[.;](?:\s|$)|$))/gu;

/** Adds to `entries` each sentence of `slice` (at `from` in the masked text) that is one spelled pair (see {@link SENTENCE_COLON_PAIR}). */
function addSentencePairs(slice: string, from: number, entries: ListedAbbreviation[]): void {
  if (!slice.includes(':') && !slice.includes('=')) return;
  const taken = new Set(entries.map((entry) => entry.shortStart));
  SENTENCE_COLON_PAIR.lastIndex = 0;
  for (let match = SENTENCE_COLON_PAIR.exec(slice); match !== null; match = SENTENCE_COLON_PAIR.exec(slice)) {
    const short = match[1]!;
    const long = match[2]!.trimEnd();
    const shortStart = from + match.index;
    if (taken.has(shortStart)) continue;
    const words = long.split(/\s+/u);
    // A long form holding the short form (`QC: QC cells`) says what it is, not what it stands for.
    if (words.length > MOST_KEY_WORDS || words.includes(short) || !looksLikeShortForm(short) || !(readsAsDefinition(long, short) || initialsHoldLetters(short, long))) continue;
    const longStart = from + match.index + match[0].length - match[2]!.length;
    entries.push({ short, shortStart, shortEnd: shortStart + short.length, long, longStart, longEnd: longStart + long.length });
  }
}

/**
 * Whether the initials of `long`'s words hold `short`'s letters in order, the first word giving
 * the first letter and the last word the last, at most two words unspelled: a gloss after a colon
 * may name what the letters leave out (`AUC: area under virus concentration curve`).
 */
function initialsHoldLetters(short: string, long: string): boolean {
  const letters = short.replace(/[^\p{L}]/gu, '').toLowerCase();
  const initials = long
    .split(/[\s\-\u2010]+/u)
    .filter((word) => word !== '')
    .map((word) => word[0]!.toLowerCase());
  if (letters.length < 2 || initials.length > letters.length + 2 || initials[0] !== letters[0] || initials[initials.length - 1] !== letters[letters.length - 1]) return false;
  let at = 0;
  for (const initial of initials) if (initial === letters[at]) at++;
  return at === letters.length;
}

/** The pairs of a legend's key written `SF: long form`, `SF = long form` or `SF (long form)` (see {@link legendKeyEntries}). */
function colonOrBracketKeyEntries(masked: string, from: number, to: number): ListedAbbreviation[] {
  // A key broken by a pair that is no entry (`…; B: B cells; NK: natural killer cells; …`) goes on after it.
  const runs = keyPairRuns(masked, from, to);
  const keys = runs.filter((r) => r.entries.length >= 2);
  if (keys.length > 0) return keys.flatMap((r) => r.entries);
  // Otherwise every run is one pair: the first may still be a key on its own.
  const run = runs[0];
  if (run === undefined) return bracketPairRun(masked, from, to);
  const closesLegend = /^[\s.]*$/u.test(masked.slice(run.end, to));
  const bracketed = /\([ \t]*$/u.test(masked.slice(Math.max(from, run.start - 3), run.start)) && /^[ \t]*\)/u.test(masked.slice(run.end, run.end + 3));
  return closesLegend || bracketed ? run.entries : [];
}

/**
 * One pair of a key written with a comma, as most journals print the key of a figure or a table:
 * a whole piece of the legend between two stops (a full stop, a semicolon, or the `]` closing an
 * image's caption), made of a short form, a comma and one to seven words, perhaps joined by hyphens or
 * en dashes (`…; MFI, mean fluorescence intensity.`, `SMT, sulphate–methane transition zone`). Line breaks may fall anywhere in it.
 */
const COMMA_PAIR = /^\s*([\p{L}\p{N}]\p{M}*(?:[\p{L}\p{N}\-:/]\p{M}*){0,11}),\s+([\p{L}\p{N}][\p{L}\p{M}\p{N}\-\u2013'\u2032]*(?:\s+[\p{L}\p{N}][\p{L}\p{M}\p{N}\-\u2013'\u2032]*){0,6})\s*$/u;
/** What ends a piece of a legend that may hold one pair. */
const PIECE_STOP = /[.;\]]/gu;
/** Longer pieces are prose: a pair has at most twelve characters, a comma and seven words. */
const LONGEST_PAIR = 120;

/**
 * The pairs of a legend's key written with a comma (`MFI, mean fluorescence intensity; BLI,
 * bioluminescence imaging`). A comma also joins a list in prose (`CD56, CD16 and NKG2D.`), so a
 * pair counts only when its words spell its short form as a written definition's would: the
 * definition detector must read `long form (SF)` made of the pair, with every word of it. Three
 * or more pieces in a row that are each a comma pair, joined by semicolons, are a key whatever
 * their words (`Top, surface sediment; SR, upper sulphate-rich sediment; SMT, sulphate–methane
 * transition zone; …`): there a pair's word initials need only hold its letters in order (its
 * long form cut to the words that give them, see {@link initialsEntry}). The
 * legend is cut at its stops once, and each short piece tried on its own: linear in the legend.
 */
function commaKeyEntries(masked: string, from: number, to: number): ListedAbbreviation[] {
  const slice = masked.slice(from, to);
  if (!slice.includes(',')) return [];
  const entries: ListedAbbreviation[] = [];
  // The pieces in a row that are comma pairs by shape, each joined to the next by a semicolon.
  let run: CommaPair[] = [];
  const closeRun = (): void => {
    if (run.length >= LEAST_KEY_RUN) {
      for (const pair of run) {
        const entry = pair.spelled ? undefined : initialsEntry(pair.entry);
        if (entry) entries.push(entry);
      }
    }
    run = [];
  };
  let pieceStart = 0;
  PIECE_STOP.lastIndex = 0;
  for (let stop = PIECE_STOP.exec(slice); ; stop = PIECE_STOP.exec(slice)) {
    const pieceEnd = stop ? stop.index : slice.length;
    // Masked markup before a pair (math, a comment) is blank: the pair starts after it.
    while (pieceStart < pieceEnd && isBlank(slice.charCodeAt(pieceStart))) pieceStart++;
    const pair = pieceEnd - pieceStart <= LONGEST_PAIR ? commaPairIn(slice, pieceStart, pieceEnd, from) : undefined;
    if (pair?.spelled) entries.push(pair.entry);
    if (pair) run.push(pair);
    else closeRun();
    if (!stop || stop[0] !== ';') closeRun();
    if (!stop) break;
    pieceStart = pieceEnd + 1;
  }
  return entries.sort((a, b) => a.shortStart - b.shortStart);
}
/** The fewest comma pairs in a row, joined by semicolons, that make a key whatever their words. */
const LEAST_KEY_RUN = 3;

/** A piece of a legend shaped as a comma pair, and whether its words spell its short form as a definition's would. */
interface CommaPair {
  entry: ListedAbbreviation;
  spelled: boolean;
}

/**
 * A key's pair in a run of pairs, where the layout, not the spelling, says the words stand for the
 * letters (`SR, upper sulphate-rich sediment`): the entry with its long form cut to what the letters
 * stand for, so the expansion says no more; none when the words do not give them all. First the
 * fewest leading words that spell the short form as a definition's would (`RT, radiotherapy given
 * at relapse` gives `radiotherapy`), none of them holding a digit; otherwise the words from the one whose initial gives the
 * first letter to the one that gives the last, each letter the initial of a word or of a hyphen-
 * or dash-joined part of letters only, the first at a word's start, function words giving none
 * (`sulphate-rich`; `clone T4 from Dako` spells no `CT`).
 */
function initialsEntry(entry: ListedAbbreviation): ListedAbbreviation | undefined {
  const letters = entry.short.replace(/[^\p{L}]/gu, '').toLowerCase();
  if (letters.length < 2) return undefined;
  const words = [...entry.long.matchAll(/\S+/gu)];
  for (let count = 1; count < words.length; count++) {
    const last = words[count - 1]!;
    // A code's letters are no word's (`clone T4` spells no `CT`).
    if (/\p{N}/u.test(last[0])) break;
    if (readsAsDefinition(entry.long.slice(0, last.index + last[0].length), entry.short)) return cutLongForm(entry, 0, last.index + last[0].length);
  }
  let at = 0;
  let first = -1;
  for (const word of words) {
    if (FUNCTION_WORDS.has(word[0].toLowerCase())) continue;
    for (const part of word[0].matchAll(LONG_FORM_PART)) {
      if (!/^\p{L}+$/u.test(part[0]) || part[0][0]!.toLowerCase() !== letters[at] || (at === 0 && part.index !== 0)) continue;
      if (at === 0) first = word.index;
      if (++at === letters.length) return cutLongForm(entry, first, word.index + word[0].length);
    }
  }
  return undefined;
}
/** A word's part that a hyphen, a dash or a slash joins to the next. */
const LONG_FORM_PART = /[^\-\u2010-\u2014/]+/gu;

/** The entry with its long form cut to `[from, to)` of it. */
function cutLongForm(entry: ListedAbbreviation, from: number, to: number): ListedAbbreviation {
  const long = entry.long.slice(from, to);
  const longStart = entry.longStart + from;
  return { ...entry, long, longStart, longEnd: longStart + long.length };
}

/** A space, a tab or a line break. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** A long form's first word shaped as a short form: two capitals, no run of three small letters (`iPSCs`; not `QuarkMate`). */
const ABBREVIATION_FIRST_WORD = /^(?=\S*\p{Lu}\S*\p{Lu})(?!\S*\p{Ll}{3})\S+(?:\s|$)/u;

/** The pair a piece `[start, end)` of the legend holds when it is one comma pair, and whether its words spell its short form. */
function commaPairIn(slice: string, start: number, end: number, offset: number): CommaPair | undefined {
  const piece = slice.slice(start, end);
  const match = COMMA_PAIR.exec(piece);
  if (!match) return undefined;
  const short = match[1]!;
  const long = match[2]!;
  // Words opening with another short form list abbreviations (`ICANS, iPSCs and the products`): no pair;
  // unless that short form is part of this one (`TNFR, TNF receptor`, `HSV-TK, HSV thymidine kinase`).
  const opening = ABBREVIATION_FIRST_WORD.exec(long)?.[0].trim();
  if (!looksLikeShortForm(short) || (opening !== undefined && !short.includes(opening))) return undefined;
  const shortStart = offset + start + piece.indexOf(short);
  const longStart = offset + start + match.index + match[0].lastIndexOf(long);
  const entry = { short, shortStart, shortEnd: shortStart + short.length, long, longStart, longEnd: longStart + long.length };
  return { entry, spelled: readsAsDefinition(long, short) };
}


/**
 * Finds journal-style abbreviation lists: a paragraph (often the end of a legend or a
 * table footnote) introduced by `Abbreviations:`, the blocks of a section headed
 * Abbreviations or Glossary (`ADCC: antibody-dependent…` items or `| ADCC | … |` rows), and the
 * paragraphs of one-line entries under a label in bold (`**Glossary of terms:**`), up to the
 * first block that is not one. Keyed by prose-block index.
 */
export function findAbbreviationLists(text: string, prose: ProseMap, cache?: ListCacheUse): Map<number, BlockAbbreviationList> {
  const lists = new Map<number, BlockAbbreviationList>();
  const masked = prose.masked;
  /** The list a block outside an Abbreviations section holds, from the cache when its text was read before. */
  const inlineList = (block: ProseBlock, index: number): BlockAbbreviationList | undefined => {
    if (!cache) return inlineListOf(masked, block);
    // Three characters past the block: a bracketed key pair looks that far. The key is a slice
    // of the masked text, which V8 keeps as a view (no copy); the block's length and kind,
    // which a prefix would have put in a copied key, are checked on the entry instead. A block
    // a rescan left as it was takes the previous version's key: a new slice would be hashed and
    // compared character by character, which over every block cost milliseconds a keystroke.
    const earlierKey = cache.earlierKeys?.[index];
    const key = earlierKey !== undefined && maskedUnchanged(prose, block.start, block.end + 3) ? earlierKey : masked.slice(block.start, block.end + 3);
    cache.keys[index] = key;
    const legend = block.region.kind === 'legend';
    const length = block.end - block.start;
    let found = readList(cache.next, key, legend, length) ?? readList(cache.previous, key, legend, length);
    if (found === undefined) {
      const list = inlineListOf(masked, block);
      found = list ? shiftList(list, -block.start) : null;
    }
    const variants = cache.next.get(key);
    if (!variants) cache.next.set(key, [{ legend, length, list: found }]);
    else if (readList(cache.next, key, legend, length) === undefined) variants.push({ legend, length, list: found });
    return found ? shiftList(found, block.start) : undefined;
  };
  let sectionLevel = 0;
  // Under a label in bold (`**Glossary of terms:**`): entries, one block each, up to the first block that holds none.
  let underBoldLabel = false;
  // The column of the current table headed as its abbreviations (`| Metanode | Abbr | … |`), -1 for none.
  let abbreviationColumn = -1;
  prose.blocks.forEach((block, index) => {
    // One key per block, in order (undefined where no inline list is read), so the array stays packed.
    cache?.keys.push(undefined);
    if (block.kind === 'heading') {
      const title = masked.slice(block.start, block.end).replace(/[#*_]/g, '').trim();
      const level = block.level ?? 1;
      if (sectionLevel > 0 && level <= sectionLevel) sectionLevel = 0;
      if (LIST_HEADING.test(title)) sectionLevel = level;
      underBoldLabel = false;
      return;
    }
    if (sectionLevel === 0 && block.kind === 'paragraph') {
      // Read on the text: the masked text blanks the bold's marks.
      const label = BOLD_LABEL.exec(text.slice(block.start, block.end).trim());
      if (label && LIST_HEADING.test(label[2]!.trim())) {
        underBoldLabel = true;
        return;
      }
      if (underBoldLabel) {
        const entries = labelledEntries(masked, block);
        if (entries.length > 0) {
          lists.set(index, { start: block.start, entries });
          return;
        }
      }
    }
    underBoldLabel = false;
    if (sectionLevel > 0) {
      if (block.kind === 'table-row') {
        const cells = [...masked.slice(block.start, block.end).matchAll(/[^|]+/g)].filter((c) => c[0].trim().length > 0);
        if (cells.length >= 2) {
          const [first, second] = cells as [RegExpMatchArray, RegExpMatchArray];
          const short = first[0].trim().replace(/[*_]/g, '');
          const long = second[0].trim();
          if (looksLikeShortForm(short)) {
            const shortStart = block.start + first.index! + first[0].indexOf(short);
            const longStart = block.start + second.index! + second[0].indexOf(long);
            lists.set(index, { start: block.start, entries: [{ short, shortStart, shortEnd: shortStart + short.length, long, longStart, longEnd: longStart + long.length }] });
          }
        }
        return;
      }
      const entries = blockEntries(masked, block);
      if (entries.length > 0) lists.set(index, { start: block.start, entries });
      return;
    }
    if (block.kind === 'table-row') {
      // A table's first row is its header (after a block of another kind, or a blank line after a row);
      // in a table of data, a column headed `Abbr` holds short forms the row's other cells spell. A
      // table of two columns, abbreviations and long forms, outside an Abbreviations section is left
      // as it was read before: its rows are uses (see generatedList.ts for the list carnk writes).
      const previous = prose.blocks[index - 1];
      if (previous?.kind !== 'table-row' || BLANK_LINE.test(text.slice(previous.end, block.start))) {
        const header = rowCells(masked, block.start, block.end);
        abbreviationColumn = header.length >= FEWEST_DATA_COLUMNS ? header.findIndex((cell) => ABBREVIATION_COLUMN.test(cell.text.trim())) : -1;
        return;
      }
      // Only a captioned table's rows (its legend's scope): a table in the running text does not define for the text after it.
      const entry = abbreviationColumn >= 0 && block.region.kind === 'legend' ? tableRowEntry(masked, block, abbreviationColumn) : undefined;
      if (entry) {
        lists.set(index, { start: block.start, entries: [entry] });
        return;
      }
    }
    const list = inlineList(block, index);
    if (list) lists.set(index, list);
  });
  return lists;
}

/** A table of data has at least this many columns: a name, its abbreviation, and what is counted or said of it. */
const FEWEST_DATA_COLUMNS = 3;
/** A line with nothing on it, between two tables. */
const BLANK_LINE = /\n[ \t]*\r?\n/u;

/** A table column's header naming its short forms: `Abbr`, `Abbrev.`, `Abbreviation`, `Acronym`, `Short form`. */
const ABBREVIATION_COLUMN = /^[*_]*(?:abbr\.?|abbrev\.?|abbreviations?|acronyms?|short[ -]forms?)[*_]*$/iu;

/**
 * A table row's cells by position (empty ones too), the outer pipes' empty ends left out, each
 * with its offset. A pipe escaped with a backslash (`\|`) is a cell's text, as GFM reads it.
 */
function rowCells(masked: string, start: number, end: number): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = [];
  let from = start;
  let cellStart = start;
  while (cellStart <= end) {
    const bar = masked.indexOf('|', from);
    if (bar >= 0 && bar < end && bar > start && masked.charCodeAt(bar - 1) === 0x5c /* \ */) {
      from = bar + 1;
      continue;
    }
    const to = bar < 0 || bar > end ? end : bar;
    cells.push({ text: masked.slice(cellStart, to), start: cellStart });
    cellStart = from = to + 1;
  }
  if (cells.length > 1 && cells[0]!.text.trim() === '') cells.shift();
  if (cells.length > 1 && cells[cells.length - 1]!.text.trim() === '') cells.pop();
  return cells;
}

/**
 * The entry a row of a table with an abbreviations column defines: the short form in that column
 * and the first other cell whose words spell it as a written definition's would (`| Disease–associates–Gene
 * | DaG | 12,623 |`). A row whose cells spell nothing (counts, sources) defines nothing.
 */
function tableRowEntry(masked: string, block: ProseBlock, column: number): ListedAbbreviation | undefined {
  const cells = rowCells(masked, block.start, block.end);
  const cell = cells[column];
  if (!cell) return undefined;
  const short = cell.text.trim().replace(/^[*_]+|[*_]+$/gu, '');
  if (!looksLikeShortForm(short)) return undefined;
  for (let i = 0; i < cells.length; i++) {
    if (i === column) continue;
    const long = cells[i]!.text.trim().replace(/^[*_]+|[*_]+$/gu, '');
    if (!/\p{L}.*\s|\p{L}[-\u2013]\p{L}/u.test(long) || !readsAsDefinition(long, short)) continue;
    const shortStart = cell.start + cell.text.indexOf(short);
    const longStart = cells[i]!.start + cells[i]!.text.indexOf(long);
    return { short, shortStart, shortEnd: shortStart + short.length, long, longStart, longEnd: longStart + long.length };
  }
  return undefined;
}

/**
 * Lists outside an Abbreviations section by the text they were read from (a block's masked
 * text and three characters after it), each with whether the block is a legend and its length
 * (the same text may end a shorter block), offsets relative to the block's start; `null` for
 * none. Handed to the next build of the same document.
 */
export type ListCache = Map<string, { legend: boolean; length: number; list: BlockAbbreviationList | null }[]>;

/**
 * The caches one build of a document reads and fills: the previous version's lists and the
 * next one's, and each block's key in them by block index (`keys`, filled here; `earlierKeys`,
 * the previous version's, reused for a block that a rescan left unchanged).
 */
export interface ListCacheUse {
  previous?: ListCache | undefined;
  next: ListCache;
  earlierKeys?: readonly (string | undefined)[] | undefined;
  keys: (string | undefined)[];
}

/** The list `cache` holds for a block of this text, kind and length; undefined when it holds none. */
function readList(cache: ListCache | undefined, key: string, legend: boolean, length: number): BlockAbbreviationList | null | undefined {
  const variants = cache?.get(key);
  if (!variants) return undefined;
  for (let i = 0; i < variants.length; i++) {
    const variant = variants[i]!;
    if (variant.legend === legend && variant.length === length) return variant.list;
  }
  return undefined;
}

/** `list` with every offset moved by `by`. */
function shiftList(list: BlockAbbreviationList, by: number): BlockAbbreviationList {
  return {
    start: list.start + by,
    entries: list.entries.map((e) => ({ short: e.short, shortStart: e.shortStart + by, shortEnd: e.shortEnd + by, long: e.long, longStart: e.longStart + by, longEnd: e.longEnd + by })),
  };
}

/** The list a block outside an Abbreviations section holds: introduced by `Abbreviations:`, or a legend's key. */
function inlineListOf(masked: string, block: ProseBlock): BlockAbbreviationList | undefined {
  const slice = masked.slice(block.start, block.end);
  INLINE_LIST.lastIndex = 0;
  const match = INLINE_LIST.exec(slice);
  if (!match) {
    // A legend's key (`EC: elite controller, TP: treated progressor`) defines for the legend; the
    // legend's text goes on around it, so the whole block is still read (`start` at its end).
    if (block.region.kind === 'legend') {
      const entries = legendKeyEntries(masked, block.start, block.end);
      if (entries.length > 0) return { start: block.end, entries };
    }
    return undefined;
  }
  const start = block.start + match.index + (/^[\s.]/u.test(match[0]) ? 1 : 0);
  const listStart = block.start + match.index + match[0].length;
  // Pairs joined by commas (`GNG = ganglioglioma, PA = pilocytic astrocytoma`), which the
  // `;`-separated reading cannot split, or a key that ends before the block does (`…). C, …`).
  const run = keyPairRun(masked, listStart, block.end);
  if (run.entries.length > 0 && /^[\s*_]*$/u.test(masked.slice(listStart, run.start))) {
    const endsBlock = /^[\s.;,)*_]*$/u.test(masked.slice(run.end, block.end));
    if (run.commaJoined || !endsBlock) {
      // Text after the key goes on: the whole block is read, the pairs define for its scope.
      return { start: endsBlock ? start : block.end, entries: run.entries };
    }
  }
  const entries = parseEntries(masked, listStart, block.end, false);
  return entries.length > 0 ? { start, entries } : undefined;
}
