/**
 * A long enumeration of names in one sentence: the analytes of an assay's panel (`The panel
 * includes IL-1RA, IL-10, IL-1α, … and VEGF`) or the markers of a staining panel. Copy-editors
 * seldom ask for each member of such a list to be spelt out where the list is given; a term
 * first used there is still worth a note, so the rule reports it at `information`.
 */

/** Fewest items that make an enumeration rather than a sentence with a few commas. */
export const MIN_ENUMERATION_ITEMS = 8;
/** Longest item, in characters (`IL-12/IL-12p70`, `fractalkine/CX3CL1`, `the panel includes IL-1RA`). */
const MAX_ITEM_LENGTH = 32;
/** Most words in one item. */
const MAX_ITEM_WORDS = 4;
/** How far the sentence around the mention is read, each way. */
const REACH = 1200;

/** A character that ends the sentence or the bracket the enumeration stands in. */
function endsSegment(masked: string, index: number): boolean {
  const code = masked.charCodeAt(index);
  // `;` `:` `(` `)` `[` `]` and line breaks end it; a full stop only before a space or the end (`1.5` and `IL-1.` differ).
  if (code === 59 || code === 58 || code === 40 || code === 41 || code === 91 || code === 93 || code === 10 || code === 13) return true;
  return code === 46 && (index + 1 >= masked.length || /\s/u.test(masked[index + 1]!));
}

/** True for an item that reads as a name: it holds a capital or a digit, as a listed analyte or marker does. */
function isNameLike(item: string): boolean {
  return /[\p{Lu}\p{N}]/u.test(item);
}

/**
 * The number of items in the enumeration that holds `masked[start, end)` as (part of) one short
 * item, or `undefined` when the mention stands in no such enumeration: fewer than
 * {@link MIN_ENUMERATION_ITEMS} comma-separated items, an item longer than a few words, or
 * items that are mostly plain words.
 */
export function enumerationAround(masked: string, start: number, end: number): number | undefined {
  let from = start;
  const lowest = Math.max(0, start - REACH);
  while (from > lowest && !endsSegment(masked, from - 1)) from--;
  let to = end;
  const highest = Math.min(masked.length, end + REACH);
  while (to < highest && !endsSegment(masked, to)) to++;
  const segment = masked.slice(from, to);
  // A quick count before any splitting: most sentences have few commas.
  let commas = 0;
  for (let i = 0; i < segment.length; i++) if (segment.charCodeAt(i) === 44) commas++;
  if (commas < MIN_ENUMERATION_ITEMS - 2) return undefined;
  const items = segment.split(',').flatMap((part) => part.split(/\s(?:and|or)\s/u)).map((item) => item.trim()).filter((item) => item.length > 0);
  if (items.length < MIN_ENUMERATION_ITEMS) return undefined;
  let offset = from;
  let holdsMention = false;
  let nameLike = 0;
  for (const item of items) {
    if (item.length <= MAX_ITEM_LENGTH && item.split(/\s+/u).length <= MAX_ITEM_WORDS && isNameLike(item)) nameLike++;
    const at = masked.indexOf(item, offset);
    if (at >= 0) {
      if (at <= start && end <= at + item.length && item.length <= MAX_ITEM_LENGTH && item.split(/\s+/u).length <= MAX_ITEM_WORDS) holdsMention = true;
      offset = at + item.length;
    }
  }
  // Nearly every item a name: a list of plain words with a few abbreviations is a sentence.
  return holdsMention && nameLike >= items.length * 0.8 ? items.length : undefined;
}
