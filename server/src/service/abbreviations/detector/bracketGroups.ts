/**
 * Bracketed groups `( … )` and `[ … ]` in a prose block, matched with a stack
 * so that nested groups (`(k(a))`) and stray brackets cost linear time.
 */

/** One matched pair of brackets. Offsets point at the bracket characters themselves. */
export interface BracketGroup {
  /** Offset of `(` or `[`. */
  open: number;
  /** Offset of the matching `)` or `]`. */
  close: number;
}

/**
 * A group longer than this is a parenthetical remark, not a definition; it is
 * still matched (so that its brackets do not confuse outer groups) but not reported.
 */
const LONGEST_USEFUL_GROUP = 400;

/** Deeper nesting than this is not prose; further openers are ignored. */
const DEEPEST_NESTING = 64;

/**
 * Finds matched bracket pairs in `text[from, to)`, innermost first in order of their closing
 * bracket, from the token pass's `marks` (the offsets of brackets and line feeds, in order).
 * A closer whose opener is of the other kind is ignored; a blank line drops every open group,
 * because groups never span paragraphs.
 */
export function findBracketGroups(text: string, marks: ArrayLike<number>, from: number, to: number): BracketGroup[] {
  const groups: BracketGroup[] = [];
  const openers: number[] = [];
  for (let m = 0; m < marks.length; m++) {
    const offset = marks[m]!;
    if (offset < from) continue;
    if (offset >= to) break;
    const character = text.charCodeAt(offset);
    if (character === 0x28 /* ( */ || character === 0x5b /* [ */) {
      if (openers.length < DEEPEST_NESTING) openers.push(offset);
    } else if (character === 0x29 /* ) */ || character === 0x5d /* ] */) {
      const expectedOpener = character === 0x29 ? 0x28 : 0x5b;
      const top = openers[openers.length - 1];
      if (top !== undefined && text.charCodeAt(top) === expectedOpener) {
        openers.pop();
        if (offset - top <= LONGEST_USEFUL_GROUP) groups.push({ open: top, close: offset });
      }
    } else if (openers.length > 0 && isBlankLineAhead(text, offset + 1, to)) {
      openers.length = 0;
    }
  }
  return groups;
}

/** True when the line starting at `offset` holds only white space. */
function isBlankLineAhead(text: string, offset: number, to: number): boolean {
  for (let index = offset; index < to; index++) {
    const character = text.charCodeAt(index);
    if (character === 0x0a) return true;
    if (character !== 0x20 && character !== 0x09 && character !== 0x0d) return false;
  }
  return true;
}
