import { oncePerTokenPass, type BlockTokens } from '../text/tokens';

/**
 * Where a gene symbol is used as a gene, not as the protein: found from the context words
 * (knockout, KO, mRNA, locus, allele, promoter, polymorphism, genotype, gene expression,
 * `-deficient`, `-/-`; `knockout of`, `sgRNA targeting`, `exon 2 of`), never from the symbol alone. `CD19 CAR`,
 * `anti-CD19`, `targeting CD19` and `CD19-directed` name the protein.
 */

/** A context word written after the symbol, from the word's start: `CISH knockout`, `TGFBR2-KO`, `LY6E mRNA`. */
const AFTER =
  /^(?:knock[-\u2010 ]?(?:outs?|ins?|downs?)\b|knocked[-\u2010 ]?out\b|KOs?\b|KI\b|KD\b|(?:m|sg|g|sh|si|cr)RNAs?\b|transcripts?\b|locus\b|loci\b|promoters?\b|alleles?\b|polymorphisms?\b|genotypes?\b|genes?\b|transgenes?\b|deletions?\b|deleted\b|deficient\b|deficiency\b|null\b|disrupted\b|edited\b|editing\b)/u;
/**
 * A context phrase written before the symbol, then its spaces (and `the`): `knockout of the CISH`, `transcripts of CXCL6`,
 * `sgRNAs targeting KLRC1`, `silencing LY6E`, `exon 2 of CISH`. One phrase for both readers below.
 */
const BEFORE_PHRASE = String.raw`(?:[Kk]nock(?:ing|ed)?[-\u2010 ]?(?:outs?|downs?|ins?)(?: of)?|[Tt]ranscripts? of|deletion of|disruption of|silencing(?: of)?|disrupting|deleting|(?:(?:sg|g|sh|si|cr)RNAs?|guide RNAs?) (?:against|targeting|for)|(?:exons?|introns?) \d+(?:(?: and|,|\u2013|-) ?\d+)* of)[\s\u00a0]+(?:the[\s\u00a0]+)?`;
/** The phrase at a word's start, as the candidate search meets it. */
const BEFORE = new RegExp(`^${BEFORE_PHRASE}`, 'u');
/** The phrase right before a symbol, as {@link isGeneContext} reads it. */
const BEFORE_SYMBOL = new RegExp(`(?:^|[^A-Za-z])${BEFORE_PHRASE}$`, 'u');
/**
 * A piece of every phrase {@link BEFORE_PHRASE} holds (`nock` of knock-out, `ranscript` of transcripts, `elet` of deletion,
 * `RNA` of sgRNA, `xon` of exon): a window without one holds no phrase, which a keystroke's
 * thousands of uses learn at a fraction of the anchored expression's cost.
 */
const BEFORE_PIECE = /nock|ranscript|elet|isrupt|ilenc|RNA|xon|ntron/;

/**
 * A piece of every context word (`nock` of knockout and Knockout, `RNA` of mRNA and sgRNA,
 * `xon` of exon, `/-` of `-/-`). One expression without the `u` flag: measured at a third of the time of
 * one `indexOf` loop per piece over a 200,000-word thesis (about 4 ms against 12).
 */
const CONTEXT_PIECE = /nock|K[OID]|RNA|ranscript|loc(?:us|i)|promoter|allele|polymorphism|genotype|gene|elet|deficien|null|isrupt|edit|ilencing|guide|xons?|ntrons?|\/[-\u2212]/g;

/** A candidate symbol written in a gene context, with where it is. */
export interface GeneContextCandidate {
  symbol: string;
  start: number;
  end: number;
}

function isAsciiWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAsciiLetterCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isHyphen(char: string | undefined): boolean {
  return char === '-' || char === '\u2010' || char === '\u2011';
}

/** The symbol-shaped run (letters, digits, inner hyphens) ending at `end`. */
function runEndingAt(text: string, end: number): GeneContextCandidate | undefined {
  let start = end;
  while (start > 0 && (isAsciiWordCode(text.charCodeAt(start - 1)) || (isHyphen(text[start - 1]) && isAsciiWordCode(text.charCodeAt(start - 2))))) start--;
  if (start === end || isHyphen(text[start]) || isAsciiLetterCode(text.charCodeAt(start - 1))) return undefined;
  return { symbol: text.slice(start, end), start, end };
}

/** The symbol-shaped run starting at `start`. */
function runStartingAt(text: string, start: number): GeneContextCandidate | undefined {
  let end = start;
  while (end < text.length && (isAsciiWordCode(text.charCodeAt(end)) || (isHyphen(text[end]) && isAsciiWordCode(text.charCodeAt(end + 1))))) end++;
  if (end === start) return undefined;
  return { symbol: text.slice(start, end), start, end };
}

/**
 * Every symbol-shaped word written in a gene context in `text` (the masked prose), in no
 * particular order. The caller decides which are gene symbols.
 */
export function geneContextCandidates(text: string): GeneContextCandidate[] {
  const found: GeneContextCandidate[] = [];
  const seenWords = new Set<number>();
  CONTEXT_PIECE.lastIndex = 0;
  for (let match = CONTEXT_PIECE.exec(text); match !== null; match = CONTEXT_PIECE.exec(text)) {
    const at = match.index;
    if (match[0].startsWith('/')) {
      // `CISH-/-`, `Cish−/−`: the genotype sign right after the symbol.
      const sign = text[at - 1];
      if ((sign === '-' || sign === '\u2212') && text[at + 1] === sign) {
        const candidate = runEndingAt(text, at - 1);
        if (candidate) found.push(candidate);
      }
      continue;
    }
    let wordStart = at;
    while (wordStart > 0 && isAsciiLetterCode(text.charCodeAt(wordStart - 1))) wordStart--;
    if (seenWords.has(wordStart)) continue;
    seenWords.add(wordStart);
    // Most hits are ordinary prose (`genes were`, `the locus`): rule them out before slicing.
    const separator = text[wordStart - 1];
    const afterSymbol = (separator === ' ' || separator === '\u00a0' || isHyphen(separator)) && isAsciiWordCode(text.charCodeAt(wordStart - 2));
    const first = text[wordStart];
    const beforeSymbol = first === 'k' || first === 'K' || first === 'd' || first === 'D' || first === 's' || first === 'S' || first === 'g' || first === 'c' || first === 'e' || first === 'i' || first === 't' || first === 'T';
    if (!afterSymbol && !beforeSymbol) continue;
    const window = text.slice(wordStart, wordStart + 40);
    if (afterSymbol && AFTER.test(window)) {
      // The symbol right before, after one space or hyphen (`CISH knockout`, `CISH-deficient`).
      const candidate = runEndingAt(text, wordStart - 1);
      if (candidate) found.push(candidate);
    }
    const before = beforeSymbol ? BEFORE.exec(window) : null;
    if (before) {
      const candidate = runStartingAt(text, wordStart + before[0].length);
      if (candidate) found.push(candidate);
    }
  }
  return found;
}

/**
 * The candidates of one prose block, `masked[start, end)`, offsets relative to its start: read
 * once per token pass, so a keystroke reads the edited block again, not the document. A context
 * phrase never reaches over a block's end: `knockout of` closing a paragraph names no symbol in
 * the next one.
 */
export const blockGeneContextCandidates = oncePerTokenPass((masked: string, start: number, _tokens: BlockTokens, end: number): readonly GeneContextCandidate[] =>
  geneContextCandidates(masked.slice(start, end)),
);

/** True when `[start, end)` is wrapped in markdown emphasis (`*IL15*`, `_CISH_`). */
export function isItalic(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return (before === '*' || before === '_') && (after === '*' || after === '_');
}

/** True when an emphasis marker touches either end: inside a longer emphasis (`*CISH knockout*`), where italics cannot be added by wrapping. */
export function touchesEmphasis(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return before === '*' || before === '_' || after === '*' || after === '_';
}

/**
 * True when `offset` lies inside an emphasis span of its paragraph (`*the CISH knockout*`):
 * single `*` runs (and `_` runs at a word edge) before it, within the paragraph, are odd in
 * number. Read only for the few candidates, so the backward walk is cheap.
 */
export function insideEmphasis(text: string, offset: number): boolean {
  const paragraph = Math.max(text.lastIndexOf('\n\n', offset), offset - 2000, 0);
  let stars = 0;
  let underscores = 0;
  for (let i = paragraph; i < offset; i++) {
    const char = text[i];
    if (char !== '*' && char !== '_') continue;
    let run = i;
    while (run < offset && text[run] === char) run++;
    const odd = (run - i) % 2 === 1;
    if (char === '*' && odd) stars++;
    else if (char === '_' && odd && !(isAsciiWordCode(text.charCodeAt(i - 1)) && isAsciiWordCode(text.charCodeAt(run)))) underscores++;
    i = run - 1;
  }
  return stars % 2 === 1 || underscores % 2 === 1;
}

/** True when the symbol at `[start, end)` of `text` stands in a gene context. */
export function isGeneContext(text: string, start: number, end: number): boolean {
  const following = text.slice(end, end + 40);
  const afterMatch = /^(?:[\s\u00a0]|[-\u2010\u2011])/u.test(following) && AFTER.test(following.slice(1));
  if (afterMatch || /^[-\u2212]\/[-\u2212]/u.test(following)) return true;
  const preceding = text.slice(Math.max(0, start - 48), start);
  return BEFORE_PIECE.test(preceding) && BEFORE_SYMBOL.test(preceding);
}
