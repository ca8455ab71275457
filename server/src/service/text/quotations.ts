/**
 * Quotations in prose: a name or a passage quoted as its source writes it, which the author may
 * not respell (`“TRAF6 mediated induction of NF-kB and MAP kinase”`, a pathway's title).
 */

/** Words a quotation holds at least, by default, to be a quoted name or passage, not a scare quote (`“IL-1b”`). */
const QUOTED_WORDS = 3;
/** How far before a span its block is read for quotation marks; a span beyond is read as outside any (hostile input: a 1 MB paragraph). */
const BLOCK_REACH = 4000;

/**
 * True when `[start, end)` lies inside a quotation of `fewestWords` words or more (three unless
 * said) that opens and closes in the prose block starting at `blockStart`, its marks paired from
 * the block's start: curly (`“…”`) or straight (`"…"`, an odd count before the span opening one).
 * Only a block's first few thousand characters are read (beyond, the answer is no: a 1 MB
 * paragraph must not be read once per use). A quotation whose marks lie outside the block (a
 * front matter's `title: "…"`, a chunk's `fig-cap: "…"`) is the value's syntax, not a quotation
 * in the prose.
 */
export function isInsideQuotation(text: string, blockStart: number, blockEnd: number, start: number, end: number, fewestWords = QUOTED_WORDS): boolean {
  if (start - blockStart > BLOCK_REACH) return false;
  let curlyOpen = -1;
  let straightOpen = -1;
  for (let i = blockStart; i < start; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x201c) curlyOpen = i;
    else if (unit === 0x201d) curlyOpen = -1;
    else if (unit === 0x22) straightOpen = straightOpen < 0 ? i : -1;
  }
  const open = curlyOpen >= 0 ? curlyOpen : straightOpen;
  if (open < 0) return false;
  const close = text.indexOf(curlyOpen >= 0 ? '\u201d' : '"', end);
  if (close < 0 || close >= blockEnd) return false;
  return text.slice(open + 1, close).trim().split(/\s+/u).length >= fewestWords;
}
