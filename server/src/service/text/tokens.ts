/**
 * The token pass: one walk over a prose block's characters that every reader of the block
 * shares. It records each word (a run of letters, combining marks and decimal digits) with
 * what its characters are (case, digits, script) and its case-folded hash, and the offsets of
 * brackets and line breaks. The definition detector, the known definitions, the term matcher,
 * the mention tokenizer and `foreign-script` read these instead of scanning the text again.
 */
import { lowerCaseUnit } from './caseFolding';
import { asciiClasses, CharacterClass, characterClass, GLYPH_FILL_UNIT } from './characters';

/** Bits of a word's flags: the {@link CharacterClass} bits of its characters (`word` aside), and `nonAscii`. */
export const WordFlag = {
  /** A character beyond ASCII (in the place of the `word` bit, which every word's characters have). */
  nonAscii: CharacterClass.word,
  letter: CharacterClass.letter,
  upper: CharacterClass.upper,
  lower: CharacterClass.lower,
  digit: CharacterClass.digit,
  greek: CharacterClass.greek,
  otherScript: CharacterClass.otherScript,
  lookAlike: CharacterClass.lookAlike,
  greekStandIn: CharacterClass.greekStandIn,
} as const;

/**
 * The words and bracket marks of one text range, offsets into the text tokenized. The columns
 * are typed arrays of exactly their length, views on one buffer: a block's tokens live as long
 * as its block cache entry, and a one-paragraph file of millions of words kept them in plain
 * arrays at twice the size and more (growth slack), issue 16.
 */
export interface BlockTokens {
  /** Number of words. */
  readonly count: number;
  /** Start offset of each word. */
  readonly starts: Int32Array;
  /** End offset (exclusive) of each word. */
  readonly ends: Int32Array;
  /** {@link WordFlag} bits of each word. */
  readonly flags: Int32Array;
  /** FNV-1a hash of each word's UTF-16 units, each lower-cased (see {@link foldedHashStep}). */
  readonly foldedHashes: Uint32Array;
  /** The union of every word's flags: a block without `otherScript` needs no script check. */
  readonly flagsUnion: number;
  /** Offsets of `(`, `)`, `[`, `]` and line feeds, in order. */
  readonly marks: Int32Array;
}

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One step of the folded FNV-1a hash: `unit` lower-cased as the term trie folds it; glyph fill is no part of a word's spelling. */
export function foldedHashStep(hash: number, unit: number): number {
  return unit === GLYPH_FILL_UNIT ? hash : Math.imul(hash ^ lowerCaseUnit(unit), FNV_PRIME) >>> 0;
}

/** FNV-1a hash of `text[start, end)` with each unit lower-cased, as the token pass hashes a word. */
export function foldedHashOf(text: string, start = 0, end = text.length): number {
  let hash = FNV_OFFSET;
  for (let p = start; p < end; p++) hash = foldedHashStep(hash, text.charCodeAt(p));
  return hash;
}

const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const LINE_FEED = 0x0a;

/**
 * Growable scratch columns the walk writes into before the result is copied out at its exact
 * size. Shared by every call (the service is single-threaded and `tokenize` does not re-enter).
 */
class ScratchColumns {
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  flags = new Int32Array(256);
  hashes = new Uint32Array(256);
  marks = new Int32Array(64);

  /** Makes room for word `count` (0-based). */
  growWords(count: number): void {
    if (count < this.starts.length) return;
    const size = this.starts.length * 2;
    this.starts = grown(this.starts, new Int32Array(size));
    this.ends = grown(this.ends, new Int32Array(size));
    this.flags = grown(this.flags, new Int32Array(size));
    this.hashes = grown(this.hashes, new Uint32Array(size));
  }

  /** Makes room for mark `count` (0-based). */
  growMarks(count: number): void {
    if (count >= this.marks.length) this.marks = grown(this.marks, new Int32Array(this.marks.length * 2));
  }
}

function grown<T extends Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

let scratch = new ScratchColumns();
/** Scratch grown past this many words is dropped after use, so one huge paragraph does not keep it. */
const SCRATCH_KEPT_WORDS = 1 << 16;

/** Copies the first `count` words and `markCount` marks of the scratch into one exactly sized buffer. */
function copyOut(count: number, markCount: number, flagsUnion: number): BlockTokens {
  const buffer = new ArrayBuffer((count * 4 + markCount) * 4);
  const starts = new Int32Array(buffer, 0, count);
  const ends = new Int32Array(buffer, count * 4, count);
  const flags = new Int32Array(buffer, count * 8, count);
  const foldedHashes = new Uint32Array(buffer, count * 12, count);
  const marks = new Int32Array(buffer, count * 16, markCount);
  starts.set(scratch.starts.subarray(0, count));
  ends.set(scratch.ends.subarray(0, count));
  flags.set(scratch.flags.subarray(0, count));
  foldedHashes.set(scratch.hashes.subarray(0, count));
  marks.set(scratch.marks.subarray(0, markCount));
  if (scratch.starts.length > SCRATCH_KEPT_WORDS || scratch.marks.length > SCRATCH_KEPT_WORDS) scratch = new ScratchColumns();
  return { count, starts, ends, flags, foldedHashes, flagsUnion, marks };
}

/** Tokenizes `text[from, to)` (the whole text by default). Total: any string gives tokens. */
export function tokenize(text: string, from = 0, to = text.length): BlockTokens {
  const columns = scratch;
  let count = 0;
  let markCount = 0;
  let flagsUnion = 0;
  let wordStart = -1;
  let flags = 0;
  let hash = FNV_OFFSET;
  const end = Math.min(to, text.length);
  // One step past the end: the end closes a last word as a separator would.
  for (let i = Math.max(0, from); i <= end; ) {
    const unit = i < end ? text.charCodeAt(i) : LINE_FEED;
    let bits = 0;
    let size = 1;
    if (i < end && unit < 128) {
      bits = asciiClasses[unit]!;
    } else if (i < end) {
      const codePoint = text.codePointAt(i)!;
      // A pair cut by the end of the range counts as one unit, so the step lands on the end.
      if (codePoint > 0xffff && i + 1 < end) size = 2;
      bits = characterClass(codePoint);
    }
    if ((bits & CharacterClass.word) !== 0) {
      if (wordStart < 0) {
        wordStart = i;
        flags = 0;
        hash = FNV_OFFSET;
      }
      // The word bit's place holds `nonAscii` in a word's flags.
      flags |= unit < 128 ? bits & ~CharacterClass.word : bits;
      // ASCII folded inline: this loop visits every character of the document.
      hash = unit < 128 ? Math.imul(hash ^ (unit >= 0x41 && unit <= 0x5a ? unit + 32 : unit), FNV_PRIME) >>> 0 : foldedHashStep(hash, unit);
      if (size === 2) hash = foldedHashStep(hash, text.charCodeAt(i + 1));
    } else {
      if (wordStart >= 0) {
        columns.growWords(count);
        columns.starts[count] = wordStart;
        columns.ends[count] = i;
        columns.flags[count] = flags;
        columns.hashes[count] = hash;
        count++;
        flagsUnion |= flags;
        wordStart = -1;
      }
      if (i < end && (unit === OPEN_PAREN || unit === CLOSE_PAREN || unit === OPEN_BRACKET || unit === CLOSE_BRACKET || unit === LINE_FEED)) {
        columns.growMarks(markCount);
        columns.marks[markCount++] = i;
      }
    }
    i += size;
  }
  return copyOut(count, markCount, flagsUnion);
}

/**
 * `read` remembered with each block's token pass: a block the next version leaves unchanged
 * keeps its tokens object, so a keystroke reads one block again, not the document, and every
 * reader of the same block (a rule, a book's summary of the file) shares one result. `read` is
 * given the masked text, the block's start and end in it and the block's tokens; it must read
 * no text outside the block, which may change while the tokens stay.
 */
export function oncePerTokenPass<T>(read: (masked: string, start: number, tokens: BlockTokens, end: number) => T): (masked: string, start: number, tokens: BlockTokens, end: number) => T {
  const byTokens = new WeakMap<BlockTokens, T>();
  return (masked, start, tokens, end) => {
    let result = byTokens.get(tokens);
    if (result === undefined) byTokens.set(tokens, (result = read(masked, start, tokens, end)));
    return result;
  };
}
