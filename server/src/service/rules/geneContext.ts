/**
 * Whether a gene symbol at `[start, end)` is used as a gene: followed by knockout, KO,
 * knock-in, mRNA, sgRNA, locus, promoter, gene, allele, transgene, or `-/-`; or preceded
 * by knockout of, deletion of, disruption of, targeting.
 */
const AFTER = /^(?:[\s\u00a0]*|[-\u2010\u2011])(?:knock[-\u2010 ]?outs?|KOs?\b|knock[-\u2010 ]?ins?|KI\b|knock[-\u2010 ]?downs?|KD\b|mRNAs?\b|transcripts?\b|sgRNAs?\b|gRNAs?\b|shRNAs?\b|siRNAs?\b|locus\b|loci\b|promoters?\b|genes?\b|alleles?\b|transgenes?\b|deletions?\b|deleted\b|disrupted\b|edited\b|editing\b|(?:[−-]\/[−-]))/u;
const BEFORE = /(?:knock[-\u2010 ]?out of|knock[-\u2010 ]?down of|deletion of|disruption of|disrupting|deleting|silencing|targeting|sgRNAs? (?:against|targeting|for)|expression of the)[\s\u00a0]+$/iu;

/** True when the symbol at `[start, end)` of `text` stands in a gene context. */
export function isGeneContext(text: string, start: number, end: number): boolean {
  return AFTER.test(text.slice(end, end + 24)) || BEFORE.test(text.slice(Math.max(0, start - 40), start));
}

/** True when `[start, end)` is wrapped in markdown emphasis (`*IL15*`, `_CISH_`). */
export function isItalic(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return (before === '*' || before === '_') && (after === '*' || after === '_');
}
