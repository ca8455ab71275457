import { isWhitespaceUnit } from '../text/characters';
import { lowerBound } from '../text/sortedSearch';
import type { DocumentModel } from './documentModel';

/**
 * A long enumeration of what an assay measures, in one sentence: the analytes of a multiplex
 * panel (`The panel includes IL-1RA, IL-10, IL-1α, … and VEGF`) or the markers an antibody panel
 * stains. Copy-editors seldom ask for each member of such a list to be spelt out where the list
 * is given, so a term used nowhere else in its scope is reported at `information`. A list that
 * names no assay (`Adverse events were CRS, ICANS, HLH, …`) is prose like any other sentence.
 */

/** Fewest items that make an enumeration rather than a sentence with a few commas. */
export const MIN_ENUMERATION_ITEMS = 8;
/** Longest item, in characters (`IL-12/IL-12p70`, `fractalkine/CX3CL1`, `the panel includes IL-1RA`). */
const MAX_ITEM_LENGTH = 32;
/** Most words in one item. */
const MAX_ITEM_WORDS = 4;
/** Words before the first item that say the list is what an assay measures or stains. */
const ASSAY_LEAD = /\b(?:panels?|kits?|[0-9]+-?plex|multiplex|analytes?|arrays?|assays?|antibod(?:y|ies)|stain(?:ed|ing)?|measured|quantified|detected)\b/iu;

/** One item of an enumeration: where it is written in the masked text. */
interface Item {
  start: number;
  end: number;
}

/** The items of one enumeration, in order. */
type Enumeration = readonly Item[];

/** Whether `masked[index]` ends the sentence or bracket an enumeration stands in. */
function endsSegment(masked: string, index: number): boolean {
  const code = masked.charCodeAt(index);
  // `;` `:` `(` `)` `[` `]` and line breaks end it; a full stop only before white space or the end (`1.5` and `IL-1.` differ).
  if (code === 59 || code === 58 || code === 40 || code === 41 || code === 91 || code === 93 || code === 10 || code === 13) return true;
  if (code !== 46) return false;
  return index + 1 >= masked.length || isWhitespaceUnit(masked.charCodeAt(index + 1));
}

/** The items of `masked[from, to)`, split at commas and at ` and ` / ` or `, trimmed, empty ones dropped. */
function itemsOf(masked: string, from: number, to: number): Item[] {
  const items: Item[] = [];
  const push = (start: number, end: number) => {
    while (start < end && isWhitespaceUnit(masked.charCodeAt(start))) start++;
    while (end > start && isWhitespaceUnit(masked.charCodeAt(end - 1))) end--;
    if (end > start) items.push({ start, end });
  };
  let itemStart = from;
  for (let i = from; i < to; i++) {
    if (masked.charCodeAt(i) === 44) {
      push(itemStart, i);
      itemStart = i + 1;
      continue;
    }
    // ` and ` / ` or ` between two items.
    if (!isWhitespaceUnit(masked.charCodeAt(i))) continue;
    const word = masked.startsWith('and', i + 1) ? 3 : masked.startsWith('or', i + 1) ? 2 : 0;
    if (word > 0 && i + 1 + word < to && isWhitespaceUnit(masked.charCodeAt(i + 1 + word))) {
      push(itemStart, i);
      itemStart = i + 1 + word;
      i += word;
    }
  }
  push(itemStart, to);
  return items;
}

/** True for a short item that reads as a name: few words, and a capital or a digit, as an analyte or marker has. */
function isShortName(masked: string, item: Item): boolean {
  if (item.end - item.start > MAX_ITEM_LENGTH) return false;
  const text = masked.slice(item.start, item.end);
  return text.split(/\s+/u).length <= MAX_ITEM_WORDS && /[\p{Lu}\p{N}]/u.test(text);
}

/**
 * The enumerations of one prose block: each sentence (or bracketed stretch) with at least
 * {@link MIN_ENUMERATION_ITEMS} items, nearly all short names, whose words before the first
 * comma name an assay. One pass over the block.
 */
function enumerationsIn(masked: string, blockStart: number, blockEnd: number): Enumeration[] {
  const found: Enumeration[] = [];
  let from = blockStart;
  let commas = 0;
  for (let i = blockStart; i <= blockEnd; i++) {
    if (i < blockEnd && !endsSegment(masked, i)) {
      if (masked.charCodeAt(i) === 44) commas++;
      continue;
    }
    // Most sentences have few commas: split only those that may hold an enumeration.
    if (commas >= MIN_ENUMERATION_ITEMS - 2) {
      const items = itemsOf(masked, from, i);
      const firstComma = masked.indexOf(',', from);
      let names = 0;
      for (const item of items) if (isShortName(masked, item)) names++;
      if (items.length >= MIN_ENUMERATION_ITEMS && names >= items.length * 0.8 && ASSAY_LEAD.test(masked.slice(from, firstComma))) found.push(items);
    }
    from = i + 1;
    commas = 0;
  }
  return found;
}

/** Enumerations by block, per model, read on first need. */
const enumerationsByModel = new WeakMap<DocumentModel, Map<number, Enumeration[]>>();

/** The enumeration of `model`'s block `block` whose short item holds `[start, end)`, if any. */
function enumerationHolding(model: DocumentModel, block: number, start: number, end: number): Enumeration | undefined {
  let byBlock = enumerationsByModel.get(model);
  if (!byBlock) enumerationsByModel.set(model, (byBlock = new Map()));
  let enumerations = byBlock.get(block);
  if (!enumerations) {
    const prose = model.prose.blocks[block];
    enumerations = prose ? enumerationsIn(model.prose.masked, prose.start, prose.end) : [];
    byBlock.set(block, enumerations);
  }
  for (const items of enumerations) {
    if (start < items[0]!.start || end > items[items.length - 1]!.end) continue;
    // The last item that starts at or before `start`.
    const item = items[lowerBound(items.length, (index) => items[index]!.start <= start) - 1]!;
    return end <= item.end && isShortName(model.prose.masked, item) ? items : undefined;
  }
  return undefined;
}

/**
 * The number of names in the assay's enumeration that holds this use of `key`, when every use of
 * the key in `scope` stands in such an enumeration (a term also used in the prose around is an
 * abbreviation to define where it is first used); `undefined` otherwise.
 */
export function enumerationOnlyUse(model: DocumentModel, key: string, scope: string, mention: { block: number; start: number; end: number }): number | undefined {
  const here = enumerationHolding(model, mention.block, mention.start, mention.end);
  if (!here) return undefined;
  const uses = model.byKey.get(key)?.mentions ?? [];
  for (let i = 0; i < uses.length; i++) {
    const use = uses[i]!;
    if (use.scope !== scope || use.definition !== undefined || use.inHeading) continue;
    if (!enumerationHolding(model, use.block, use.start, use.end)) return undefined;
  }
  return here.length;
}
