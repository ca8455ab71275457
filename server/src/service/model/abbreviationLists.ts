import type { DetectedDefinition } from '../abbreviations/definitionDetector';
import type { ProseMap } from '../markdown/proseScanner';
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
const LIST_HEADING = /^(?:list of )?abbreviations(?: used| and acronyms)?$/i;
// One entry: `SF, long form`, `SF: long form`, `SF = long form`, `SF – long form`.
const ENTRY = /^([^\s,;:=|]+(?: [^\s,;:=|]+)?)\s*(?:,|:|=|\s[–—-])\s*(\S(?:.*\S)?)$/su;

function looksLikeShortForm(short: string): boolean {
  return short.split(/[-\s]/u).some((part) => isAbbreviationSegment(part) || /^\p{N}+\p{Lu}/u.test(part));
}

/** Parses `[from, to)` of `text` as `;`-separated entries (or one entry when `single`). */
function parseEntries(text: string, from: number, to: number, single: boolean): ListedAbbreviation[] {
  const entries: ListedAbbreviation[] = [];
  const pieces: [number, number][] = [];
  if (single) {
    pieces.push([from, to]);
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
    if (!match) continue;
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

// One pair of a legend key: a short form, a colon, and one to six words up to a comma, semicolon or
// full stop, or a bracketed remark on the last pair (`VC: Viremic Controller (see methods).`).
const KEY_PAIR = /(?<![\p{L}\p{N}])([\p{L}\p{N}][\p{L}\p{N}\-]{0,11}):[ \t]+((?:[\p{L}\p{N}][\p{L}\p{N}\-']*)(?:[ \t]+[\p{L}\p{N}][\p{L}\p{N}\-']*){0,5})(?=[ \t]*(?:[,;.)]|\([^()]*\)|$))/gu;

/**
 * Pairs of a legend key written `SF: long form, SF: long form` (two or more in a row, joined
 * by a comma or semicolon), each short form shaped like an abbreviation.
 */
function legendKeyEntries(masked: string, from: number, to: number): ListedAbbreviation[] {
  const slice = masked.slice(from, to);
  let best: ListedAbbreviation[] = [];
  let run: ListedAbbreviation[] = [];
  let lastEnd = -1;
  KEY_PAIR.lastIndex = 0;
  for (let match = KEY_PAIR.exec(slice); match !== null; match = KEY_PAIR.exec(slice)) {
    const short = match[1]!;
    const long = match[2]!;
    const joined = lastEnd >= 0 && /^[ \t]*[,;][ \t]*(?:and[ \t]+)?$/u.test(slice.slice(lastEnd, match.index));
    if (!joined) {
      if (run.length > best.length) best = run;
      run = [];
    }
    if (!looksLikeShortForm(short)) {
      lastEnd = -1;
      continue;
    }
    const shortStart = from + match.index;
    const longStart = shortStart + match[0].length - long.length;
    run.push({ short, shortStart, shortEnd: shortStart + short.length, long, longStart, longEnd: longStart + long.length });
    lastEnd = match.index + match[0].length;
  }
  return run.length > best.length ? run : best;
}

/**
 * Finds journal-style abbreviation lists: a paragraph (often the end of a legend or a
 * table footnote) introduced by `Abbreviations:`, and the blocks of a section headed
 * Abbreviations (`ADCC: antibody-dependent…` items or `| ADCC | … |` rows). Keyed by
 * prose-block index.
 */
export function findAbbreviationLists(_text: string, prose: ProseMap): Map<number, BlockAbbreviationList> {
  const lists = new Map<number, BlockAbbreviationList>();
  const masked = prose.masked;
  let sectionLevel = 0;
  prose.blocks.forEach((block, index) => {
    if (block.kind === 'heading') {
      const title = masked.slice(block.start, block.end).replace(/[#*_]/g, '').trim();
      const level = block.level ?? 1;
      if (sectionLevel > 0 && level <= sectionLevel) sectionLevel = 0;
      if (LIST_HEADING.test(title)) sectionLevel = level;
      return;
    }
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
      const entries = parseEntries(masked, block.start, block.end, !masked.slice(block.start, block.end).includes(';'));
      if (entries.length > 0) lists.set(index, { start: block.start, entries });
      return;
    }
    const slice = masked.slice(block.start, block.end);
    INLINE_LIST.lastIndex = 0;
    const match = INLINE_LIST.exec(slice);
    if (!match) {
      // A legend's key (`EC: elite controller, TP: treated progressor`) defines for the legend; the
      // legend's text goes on around it, so the whole block is still read (`start` at its end).
      if (block.region.kind === 'legend') {
        const entries = legendKeyEntries(masked, block.start, block.end);
        // One pair counts when it closes the legend, as a key does (`… CST: Cell Signaling Technology.`).
        const closesLegend = entries.length === 1 && /^[\s.]*$/u.test(masked.slice(entries[0]!.longEnd, block.end));
        if (entries.length >= 2 || closesLegend) lists.set(index, { start: block.end, entries });
      }
      return;
    }
    const start = block.start + match.index + (/^[\s.]/u.test(match[0]) ? 1 : 0);
    const entries = parseEntries(masked, block.start + match.index + match[0].length, block.end, false);
    if (entries.length > 0) lists.set(index, { start, entries });
  });
  return lists;
}
