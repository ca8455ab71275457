import { isHyphenUnit } from '../text/characters';
import { foldedHashStep, oncePerTokenPass, WordFlag, type BlockTokens } from '../text/tokens';
import { isPlainCapitalisedWord } from './mentions';

/**
 * Ordinary words written with a hyphen between two parts (`up-regulated`, `pre-processing`,
 * `multi-modal`), read from a prose block's token pass, so that a document writing the same word
 * closed as well (`upregulated`) can be told: a copy-editor makes one form of a word throughout.
 * Only two parts of small ASCII letters count, the first perhaps capitalised as a sentence starts
 * (`Pre-processing`): a run of three words (`state-of-the-art`), a part with a capital inside or a
 * digit (`anti-CD19`, `IL-2`, `Pre-Processing` in a title), a suspended hyphen (`pre- and
 * post-infusion`) and identifiers (`data-set.csv`, `kf-rnaseq-workflow/`) are other matters, and
 * so are words whose first part is `re` or `un`, which make another word as often as a variant
 * (`re-cover`, `re-presentation`, `re-stored`, `un-ionised`).
 */

/**
 * The hyphenated words of one block, offsets relative to the block's start: word `i` spans
 * `[spans[2i], spans[2i + 1])` and its parts, joined, fold to the FNV-1a hash `hashes[i]`, the
 * hash the token pass gives a closed word of the same letters (see `foldedHashes`).
 */
export interface BlockHyphenatedWords {
  readonly spans: Int32Array;
  readonly hashes: Uint32Array;
}

/** Each part has at least this many letters (`co-op` and `x-ray` are words of their own shape). */
const MIN_PART_LETTERS = 2;
/** The joined word has at least this many letters: shorter ones (`e-mail` is six) are set phrases more than variants. */
const MIN_WORD_LETTERS = 6;
/** Flags a part may not carry: a capital, a digit, a letter beyond ASCII (a Greek or accented letter has its own spellings). */
const NOT_PLAIN = WordFlag.upper | WordFlag.digit | WordFlag.nonAscii;

/** Prefixes whose hyphen tells another word: `re-cover` is not `recover`, nor `re-presentation` `representation`. */
const MEANING_PREFIX = /^(?:re|un)$/iu;

/** The hyphenated two-part words of one block, read once per token pass. */
export const blockHyphenatedWords = oncePerTokenPass(hyphenatedWordsIn);

function hyphenatedWordsIn(masked: string, blockStart: number, tokens: BlockTokens): BlockHyphenatedWords {
  const { count, starts, ends, flags, foldedHashes } = tokens;
  const spans: number[] = [];
  const hashes: number[] = [];
  for (let i = 0; i + 1 < count; i++) {
    if (!isHyphenBetween(masked, blockStart, ends[i]!, starts[i + 1]!)) continue;
    // Exactly two parts: not a longer run (`state-of-the-art`, `T-cell-derived`).
    if (i > 0 && isHyphenBetween(masked, blockStart, ends[i - 1]!, starts[i]!)) continue;
    if (i + 2 < count && isHyphenBetween(masked, blockStart, ends[i + 1]!, starts[i + 2]!)) continue;
    if (((flags[i]! & NOT_PLAIN & ~WordFlag.upper) | (flags[i + 1]! & NOT_PLAIN)) !== 0 || (flags[i]! & flags[i + 1]! & WordFlag.lower) === 0) continue;
    const start = starts[i]!;
    // A capital a sentence puts first (`Pre-processing`) is allowed; one inside a part is a name's.
    if ((flags[i]! & WordFlag.upper) !== 0 && !isPlainCapitalisedWord(masked, blockStart + start, blockStart + ends[i]!)) continue;
    const end = ends[i + 1]!;
    if (ends[i]! - start < MIN_PART_LETTERS || end - starts[i + 1]! < MIN_PART_LETTERS || end - start - 1 < MIN_WORD_LETTERS) continue;
    if (isGluedToJoiner(masked, blockStart + start, blockStart + end)) continue;
    // `re-` and `un-` make other words as often as variants (`re-presentation`, `re-stored`, `un-ionised`).
    if (MEANING_PREFIX.test(masked.slice(blockStart + start, blockStart + ends[i]!))) continue;
    let hash = foldedHashes[i]!;
    for (let k = blockStart + starts[i + 1]!; k < blockStart + end; k++) hash = foldedHashStep(hash, masked.charCodeAt(k));
    spans.push(start, end);
    hashes.push(hash);
  }
  return { spans: Int32Array.from(spans), hashes: Uint32Array.from(hashes) };
}

/** Whether one hyphen (of any of its forms) stands between the word ending at `end` and the next, starting at `next`. */
function isHyphenBetween(masked: string, blockStart: number, end: number, next: number): boolean {
  return next === end + 1 && isHyphenUnit(masked.charCodeAt(blockStart + end));
}

/**
 * A hyphen, a point, a slash or an underscore glued to either end: a suspended hyphen (`pre- and`
 * is read apart, `-like` after a word), a file's or a path's name (`data-set.csv`, `rnaseq-workflow/`).
 */
export function isGluedToJoiner(masked: string, start: number, end: number): boolean {
  const before = masked.charCodeAt(start - 1);
  const after = masked.charCodeAt(end);
  const glued = (unit: number) => unit === 0x2f /* / */ || unit === 0x5f /* _ */ || unit === 0x5c /* \ */ || isHyphenUnit(unit);
  if (glued(before) || glued(after) || before === 0x2e /* . */) return true;
  // A point followed by a letter continues a name (`data-set.csv`); one ending a sentence is followed by a space or nothing.
  return after === 0x2e && /[\p{L}\p{N}]/u.test(masked.charAt(end + 1));
}
