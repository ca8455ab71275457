import { lowerBound } from '../text/sortedSearch';
import type { AbbreviationMention, DocumentModel, TermMention } from '../model/documentModel';

/**
 * The item of a sorted, non-overlapping list whose `[start, end]` covers `offset` (its end
 * included, as the cursor sits after a word), by binary search.
 */
export function findCoveringIndex(items: readonly { start: number; end: number }[], offset: number): number {
  const first = lowerBound(items.length, (k) => items[k]!.end < offset);
  return first < items.length && items[first]!.start <= offset ? first : -1;
}

/** The covering item itself (see `findCoveringIndex`). */
export function findCovering<T extends { start: number; end: number }>(items: readonly T[], offset: number): T | undefined {
  const index = findCoveringIndex(items, offset);
  return index < 0 ? undefined : items[index];
}

/** The abbreviation mention covering `offset`. */
export function mentionAt(model: DocumentModel, offset: number): AbbreviationMention | undefined {
  return findCovering(model.mentions, offset);
}

/** The knowledge-base term occurrence covering `offset`, if any. */
export function termAt(model: DocumentModel, offset: number): TermMention | undefined {
  return findCovering(model.terms, offset);
}

/** The index of the prose block holding `offset`, or -1. */
export function blockAt(model: DocumentModel, offset: number): number {
  return findCoveringIndex(model.prose.blocks, offset);
}
