/**
 * The token pass: one walk over a prose block's characters that every reader of the block
 * shares. It records each word (a run of letters, combining marks and decimal digits) with
 * what its characters are (case, digits, script) and its case-folded hash, and the offsets of
 * brackets and line breaks. The definition detector, the known definitions, the term matcher,
 * the mention tokenizer and `foreign-script` read these instead of scanning the text again.
 */
import { lowerCaseUnit } from './caseFolding';
import { asciiClasses, CharacterClass, characterClass } from './characters';

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
} as const;

/** The words and bracket marks of one text range, offsets into the text tokenized. */
export interface BlockTokens {
  /** Number of words. */
  readonly count: number;
  // Plain arrays rather than typed ones: a block holds a few dozen words, and allocating four
  // typed arrays per block cost more than the arrays saved.
  /** Start offset of each word. */
  readonly starts: readonly number[];
  /** End offset (exclusive) of each word. */
  readonly ends: readonly number[];
  /** {@link WordFlag} bits of each word. */
  readonly flags: readonly number[];
  /** FNV-1a hash of each word's UTF-16 units, each lower-cased (see {@link foldedHashStep}). */
  readonly foldedHashes: readonly number[];
  /** The union of every word's flags: a block without `otherScript` needs no script check. */
  readonly flagsUnion: number;
  /** Offsets of `(`, `)`, `[`, `]` and line feeds, in order. */
  readonly marks: readonly number[];
}

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One step of the folded FNV-1a hash: `unit` lower-cased as the term trie folds it. */
export function foldedHashStep(hash: number, unit: number): number {
  return Math.imul(hash ^ lowerCaseUnit(unit), FNV_PRIME) >>> 0;
}

const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const LINE_FEED = 0x0a;

/** Tokenizes `text[from, to)` (the whole text by default). Total: any string gives tokens. */
export function tokenize(text: string, from = 0, to = text.length): BlockTokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const wordFlags: number[] = [];
  const foldedHashes: number[] = [];
  const marks: number[] = [];
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
        starts.push(wordStart);
        ends.push(i);
        wordFlags.push(flags);
        foldedHashes.push(hash);
        flagsUnion |= flags;
        wordStart = -1;
      }
      if (i < end && (unit === OPEN_PAREN || unit === CLOSE_PAREN || unit === OPEN_BRACKET || unit === CLOSE_BRACKET || unit === LINE_FEED)) marks.push(i);
    }
    i += size;
  }
  return { count: starts.length, starts, ends, flags: wordFlags, foldedHashes, flagsUnion, marks };
}
