import type { AbbreviationMention, DocumentModel, TermMention } from '../model/documentModel';

/** The abbreviation mention covering `offset` (its end included, as the cursor sits after a word). */
export function mentionAt(model: DocumentModel, offset: number): AbbreviationMention | undefined {
  const mentions = model.mentions;
  let low = 0;
  let high = mentions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const mention = mentions[mid]!;
    if (offset < mention.start) high = mid - 1;
    else if (offset > mention.end) low = mid + 1;
    else return mention;
  }
  return undefined;
}

/** The knowledge-base term occurrence covering `offset`, if any. */
export function termAt(model: DocumentModel, offset: number): TermMention | undefined {
  const terms = model.terms;
  let low = 0;
  let high = terms.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const term = terms[mid]!;
    if (offset < term.start) high = mid - 1;
    else if (offset > term.end) low = mid + 1;
    else return term;
  }
  return undefined;
}

/** The index of the prose block holding `offset`, or -1. */
export function blockAt(model: DocumentModel, offset: number): number {
  const blocks = model.prose.blocks;
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const block = blocks[mid]!;
    if (offset < block.start) high = mid - 1;
    else if (offset > block.end) low = mid + 1;
    else return mid;
  }
  return -1;
}
