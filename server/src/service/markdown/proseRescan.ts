import { LineIndex } from '../text/lineIndex';
import { lowerBound } from '../text/sortedSearch';
import type { HtmlComment, Span } from './inlineExclusions';
import {
  buildMask,
  cachedInlineExclusions,
  INLINE_LOOK_AHEAD,
  INLINE_LOOK_BEHIND,
  inlineKeyOf,
  mayGiveCaptionReference,
  paragraphReading,
  shifted,
  staysInside,
  type BlockInline,
  type ProseBlock,
  type ProseMap,
} from './proseScanner';

/**
 * The prose map of a text that differs from the last scanned version by one edit inside one
 * line of one paragraph, built from that scan without parsing the blocks again: the edit is
 * typing, so the usual case of a keystroke costs the blocks near it instead of the whole text.
 *
 * The block structure cannot change when (all checked below, else `undefined` and a full scan):
 * - the edit neither removes nor inserts a line break, so every line keeps its number;
 * - it lies on a line of a markdown-it paragraph, after that line's first non-blank character,
 *   which is a letter: markdown-it's block rules and our div-fence and front-matter readers
 *   decide at a line's start (a letter starts no block, closes no fence, underlines no
 *   heading), so that line and every other line read as before;
 * - it neither removes nor inserts `|` (a line with one may open a table that interrupts a
 *   paragraph when a delimiter row follows) or NUL (markdown-it's normalisation);
 * - the paragraph opens on a letter after a blank line (or the start of the text), so no
 *   reference definition runs into it, which markdown-it reads across lines;
 * - the paragraph reads the same to the block walk (`paragraphReading`: region and keywords);
 * - every block's inline exclusions stay inside the block, before and after.
 * The inline exclusions of the blocks whose look-around window holds the edit are read again.
 */
export function rescanEditedParagraph(text: string, earlierText: string, earlier: ProseMap): ProseMap | undefined {
  const layers = earlier.layers;
  if (!layers || text.includes('\r') || text.length === 0) return undefined;
  const edit = editBetween(earlierText, text);
  if (!edit) return undefined;
  const { from, oldTo, newTo } = edit;
  const delta = newTo - oldTo;
  if (hasAny(earlierText, from, oldTo) || hasAny(text, from, newTo)) return undefined;
  if (earlier.frontMatter && from <= earlier.frontMatter.end) return undefined;

  const blocks = earlier.blocks;
  const edited = blockHolding(blocks, from, oldTo);
  if (edited < 0 || !layers.paragraph[edited]) return undefined;
  const block = blocks[edited]!;
  const oldLines = earlier.lines;
  const line = oldLines.lineAt(from);
  const lineStart = oldLines.lineStart(line);
  if (lineStart < block.start) return undefined;
  const first = firstNonBlank(earlierText, lineStart);
  if (first >= from || !isLetter(earlierText, first)) return undefined;
  const firstLine = oldLines.lineAt(block.start);
  const blockFirst = firstNonBlank(earlierText, block.start);
  if (!isLetter(earlierText, blockFirst)) return undefined;
  if (firstLine > 0 && /\S/u.test(earlierText.slice(oldLines.lineStart(firstLine - 1), oldLines.lineEnd(firstLine - 1)))) return undefined;

  // A caption reference written in the paragraph could make another paragraph a title (see shortCaptionLabels).
  if (mayGiveCaptionReference(earlierText.slice(block.start, block.end)) || mayGiveCaptionReference(text.slice(block.start, block.end + delta))) return undefined;
  const lines = new LineIndex(text);
  const firstLineEnd = oldLines.lineEnd(firstLine);
  const newEnd = block.end + delta;
  if (paragraphReading(earlierText, block.start, block.end, firstLineEnd) !== paragraphReading(text, block.start, newEnd, firstLineEnd + (from <= firstLineEnd ? delta : 0))) {
    return undefined;
  }
  return shiftedScan(text, earlierText, earlier, edit, lines);
}

/** One replaced range: `[from, oldTo)` of the earlier text became `[from, newTo)` of the new one. */
interface Edit {
  from: number;
  oldTo: number;
  newTo: number;
}

/** The one range in which two texts differ (common prefix and suffix), or undefined when they are equal. */
function editBetween(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  // Compared in slices of shrinking length: a comparison of two slices runs as one memory
  // compare, where a character loop over 140 KB took milliseconds per keystroke.
  let from = 0;
  for (let step = 4096; step >= 1; step >>= 3) {
    while (from + step <= shorter && before.slice(from, from + step) === after.slice(from, from + step)) from += step;
  }
  let tail = 0;
  for (let step = 4096; step >= 1; step >>= 3) {
    while (tail + step <= shorter - from && before.slice(before.length - tail - step, before.length - tail) === after.slice(after.length - tail - step, after.length - tail)) tail += step;
  }
  return { from, oldTo: before.length - tail, newTo: after.length - tail };
}

/** True when `text[from, to)` holds a line break, `|` or NUL. */
function hasAny(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13 || code === 0x7c || code === 0) return true;
  }
  return false;
}

/** The index of the block holding `[from, to)` (its end included: typing at a line's end), or -1. */
function blockHolding(blocks: readonly ProseBlock[], from: number, to: number): number {
  const index = lowerBound(blocks.length, (i) => blocks[i]!.end < from);
  const block = blocks[index];
  if (block === undefined || block.start > from || to > block.end) return -1;
  return index + 1 >= blocks.length || blocks[index + 1]!.start > to ? index : -1;
}

function firstNonBlank(text: string, at: number): number {
  while (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09) at++;
  return at;
}

function isLetter(text: string, at: number): boolean {
  return /\p{L}/u.test(text[at] ?? '');
}

/**
 * The earlier scan with every offset after the edit moved by its length, the inline
 * exclusions of the blocks near the edit read again, and the masked text rebuilt over those
 * blocks only. Undefined when an inline exclusion would reach outside its block.
 */
function shiftedScan(text: string, earlierText: string, earlier: ProseMap, edit: Edit, lines: LineIndex): ProseMap | undefined {
  const layers = earlier.layers!;
  const delta = edit.newTo - edit.oldTo;
  const at = (offset: number): number => (offset >= edit.oldTo ? offset + delta : offset);
  const blocks: ProseBlock[] = new Array(earlier.blocks.length);
  const inline: BlockInline[] = new Array(earlier.blocks.length);
  let firstNear = -1;
  let lastNear = -1;
  const inlineCache = earlier.inlineCache;
  for (let b = 0; b < earlier.blocks.length; b++) {
    const old = earlier.blocks[b]!;
    const block: ProseBlock = old.level === undefined
      ? { start: at(old.start), end: old.end >= edit.from ? old.end + delta : old.end, kind: old.kind, region: old.region }
      : { start: at(old.start), end: old.end >= edit.from ? old.end + delta : old.end, kind: old.kind, region: old.region, level: old.level };
    blocks[b] = block;
    const near = old.start - INLINE_LOOK_BEHIND <= edit.oldTo && old.end + INLINE_LOOK_AHEAD >= edit.from;
    if (!near) {
      inline[b] = layers.inline[b]!;
      continue;
    }
    if (firstNear < 0) firstNear = b;
    lastNear = b;
    // The old window's key goes: the cache would otherwise grow by a block per keystroke.
    inlineCache.delete(inlineKeyOf(earlierText, old));
    const found = cachedInlineExclusions(text, block, undefined, inlineCache);
    if (!staysInside(found, block)) return undefined;
    inline[b] = found;
  }
  if (firstNear < 0) return undefined;
  const structural = layers.structural.map((span) => ({ start: at(span.start), end: at(span.end) }));
  const structuralComments = layers.structuralComments.map((c) => ({ start: at(c.start), end: at(c.end), body: c.body }));
  const comments: HtmlComment[] = structuralComments.slice();
  for (let b = 0; b < blocks.length; b++) {
    const shift = blocks[b]!.start;
    for (const comment of inline[b]!.comments) comments.push({ start: comment.start + shift, end: comment.end + shift, body: comment.body });
  }
  comments.sort((a, b) => a.start - b.start);

  // The masked text changes only over the blocks read again: rebuild that stretch.
  const from = blocks[firstNear]!.start;
  const to = blocks[lastNear]!.end;
  const prose: Span[] = [];
  const excluded: Span[] = [];
  for (let b = firstNear; b <= lastNear; b++) {
    const block = blocks[b]!;
    prose.push({ start: block.start, end: block.end });
    for (const span of inline[b]!.spans) excluded.push(span.glyph === undefined ? { start: span.start + block.start, end: span.end + block.start } : shifted(span, block.start));
  }
  for (const span of structural) if (span.end > from && span.start < to) excluded.push(span);
  const oldFrom = earlier.blocks[firstNear]!.start;
  const oldTo = earlier.blocks[lastNear]!.end;
  const masked = earlier.masked.slice(0, oldFrom) + buildMask(text, prose, excluded, from, to) + earlier.masked.slice(oldTo);
  const map: ProseMap = { masked, blocks, comments, lines, inlineCache, layers: { structural, structuralComments, inline, paragraph: layers.paragraph }, shifted: { from, to } };
  if (earlier.frontMatter) map.frontMatter = earlier.frontMatter;
  return map;
}

/**
 * Whether `prose.masked[start, end)` is the previous version's masked text at the same block
 * (moved by the edit when after it): true only for a map made by shifting the previous one.
 */
export function maskedUnchanged(prose: ProseMap, start: number, end: number): boolean {
  const shifted = prose.shifted;
  return shifted !== undefined && (end <= shifted.from || start >= shifted.to);
}
