/**
 * Name forms: the written shapes of names and symbols that carry capitals or digits (`IQ-TREE`,
 * `MetaBAT 2`, `LY-CoV016`, `GitHub`), read from a prose block's token pass. The same name
 * written two ways in one manuscript (`IQ-Tree` and `IQ-TREE`, `MetaBAT2` and `MetaBAT 2`) is
 * one of a copy-editor's first queries; `rules/nameSpellings.ts` reports it. Names that are not
 * abbreviations (tools, products, strains) never become mentions, so the mention-based spelling
 * checks do not see them: this reading does.
 */
import { asciiClasses, asciiWordTable, CharacterClass, characterClass, isHyphenUnit, withoutGlyphFill } from '../text/characters';
import { oncePerTokenPass, WordFlag, type BlockTokens } from '../text/tokens';
import { isItalic } from './geneContext';

/**
 * The name forms of one block, offsets relative to the block's start: form `i` spans
 * `[spans[2i], spans[2i + 1])` and folds to `keys[i]`. Columns, not an object per form: a
 * block's forms live as long as its cache entry, and a thesis holds tens of thousands of them.
 * A form's spelling as written is read from the text when a rule needs it ({@link writtenForm}).
 */
export interface BlockNameForms {
  readonly spans: Int32Array;
  /** Each form's spelling folded (see {@link nameFormKey}), one string per distinct key. */
  readonly keys: readonly string[];
}

/** At least this many letters and digits in a form's folded spelling, two of them letters. */
const MIN_KEY_LENGTH = 4;
const TWO_LETTERS = /\p{L}.*\p{L}/u;

/** A number after a space that belongs to the name before it (`MetaBAT 2`): at most this many digits. */
const SPACED_NUMBER_DIGITS = 3;

/**
 * The name forms of one block: each run of words joined by single hyphens (`LY-CoV016`,
 * `IL-2Rα`) that holds a capital or a digit, with a number after one space when the run is
 * shaped like a name (`MetaBAT 2`, `MCR 7`: a capital after its first letter). Runs of letters
 * alone with at most their first letter a capital (`Methods`) are left out: they vary only as
 * sentences and headings capitalise words; so are forms whose folded spelling is shorter than
 * four characters or holds fewer than two letters (`pH`, `10x` vary for other reasons).
 */
export function nameFormsIn(masked: string, blockStart: number, tokens: BlockTokens): BlockNameForms {
  const spans: number[] = [];
  const keys: string[] = [];
  const { count, starts, ends, flags } = tokens;
  for (let i = 0; i < count; ) {
    let last = i;
    let union = flags[i]!;
    while (last + 1 < count && starts[last + 1] === ends[last]! + 1 && isHyphenUnit(masked.charCodeAt(blockStart + ends[last]!))) {
      last++;
      union |= flags[last]!;
    }
    // Most words hold neither a capital nor a digit: they are passed over without reading a character.
    // A run opening with a digit is a quantity or a number's label (`10-mL`, `5-kDa`), spelt by its unit's convention.
    if ((union & (WordFlag.digit | WordFlag.upper)) === 0 || (asciiClasses[masked.charCodeAt(blockStart + starts[i]!)]! & CharacterClass.digit) !== 0) {
      i = last + 1;
      continue;
    }
    const start = starts[i]!;
    let end = ends[last]!;
    const hasInnerCapital = (union & WordFlag.upper) !== 0 && hasCapitalAfterFirst(masked, blockStart + start, blockStart + end);
    const nameShaped = (union & WordFlag.digit) !== 0 || hasInnerCapital || (last > i && (union & WordFlag.upper) !== 0);
    if (nameShaped && !isInIdentifier(masked, blockStart + start, blockStart + end)) {
      const next = last + 1;
      if (hasInnerCapital && next < count && starts[next] === end + 1 && masked.charCodeAt(blockStart + end) === 0x20 && isSpacedNumber(masked, blockStart, starts[next]!, ends[next]!, flags[next]!)) {
        end = ends[next]!;
        last = next;
      }
      // Fewer than four characters fold to a key too short to compare: no slice is made of them.
      if (end - start >= MIN_KEY_LENGTH) {
        const key = nameFormKey(writtenForm(masked, blockStart + start, blockStart + end));
        if (key.length >= MIN_KEY_LENGTH && TWO_LETTERS.test(key)) {
          spans.push(start, end);
          keys.push(interned(key));
        }
      }
    }
    i = last + 1;
  }
  return { spans: Int32Array.from(spans), keys };
}

/** A form's spelling as printed, from the masked text (glyph fill left out). */
export function writtenForm(masked: string, start: number, end: number): string {
  return withoutGlyphFill(masked.slice(start, end));
}

/**
 * One string for each folded spelling: a thesis writes a few hundred names tens of thousands of
 * times. Emptied when it grows past its bound, so a long-running server does not keep every key
 * it ever met (a key already kept by a block stays valid; only sharing is lost).
 */
const keyStrings = new Map<string, string>();
const MOST_KEPT_KEYS = 1 << 16;
function interned(key: string): string {
  const kept = keyStrings.get(key);
  if (kept !== undefined) return kept;
  if (keyStrings.size >= MOST_KEPT_KEYS) keyStrings.clear();
  keyStrings.set(key, key);
  return key;
}

/** Whether `masked[from + 1, to)` holds a capital letter (a code unit at a time, as the token pass reads them). */
function hasCapitalAfterFirst(masked: string, from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if ((characterClass(masked.charCodeAt(k)) & CharacterClass.upper) !== 0) return true;
  return false;
}

/**
 * Whether a run is part of a dotted or underscored identifier or a path (`pd.hg.u133a`, `NK1.1`,
 * `IDBA_UD`, `data/MetaBAT2/out`): a package, file or marker name, written as its source writes it.
 */
function isInIdentifier(masked: string, start: number, end: number): boolean {
  const before = masked.charCodeAt(start - 1);
  const after = masked.charCodeAt(end);
  if (before === 0x5f || after === 0x5f) return true;
  // A path's part (`data/MetaBAT2/out`): a slash with a path's segment in small letters beyond it; not two names
  // joined by a slash (`LY-CoV555/LY-COV016`, `ARBs/ACEis`).
  if ((before === 0x2f && isPathSegmentBefore(masked, start - 1)) || (after === 0x2f && isPathSegmentAfter(masked, end + 1))) return true;
  return (before === 0x2e && asciiWordTable[masked.charCodeAt(start - 2)] === 1) || (after === 0x2e && asciiWordTable[masked.charCodeAt(end + 1)] === 1);
}

/** A segment of small letters, digits, dots, hyphens or underscores (`data`, `out.tsv`). */
function isPathUnit(unit: number): boolean {
  return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) || unit === 0x2e || unit === 0x2d || unit === 0x5f;
}

/** Whether a whole path segment ends right before the slash at `slash` (`data/`, not `ARBs/`). */
function isPathSegmentBefore(masked: string, slash: number): boolean {
  let at = slash - 1;
  while (at >= 0 && isPathUnit(masked.charCodeAt(at))) at--;
  return at < slash - 1 && asciiWordTable[masked.charCodeAt(at)] !== 1;
}

/** Whether a whole path segment starts right after the slash before `from` (`/out`, not `/LY-COV016`). */
function isPathSegmentAfter(masked: string, from: number): boolean {
  let at = from;
  while (at < masked.length && isPathUnit(masked.charCodeAt(at))) at++;
  return at > from && asciiWordTable[masked.charCodeAt(at)] !== 1;
}


/** A word of one to three digits that ends the name: no decimal point, comma or hyphen runs on (`2.0`, `2,000`, `2-fold`). */
function isSpacedNumber(masked: string, blockStart: number, start: number, end: number, flags: number): boolean {
  if ((flags & WordFlag.letter) !== 0 || end - start > SPACED_NUMBER_DIGITS) return false;
  const after = masked.charCodeAt(blockStart + end);
  const afterNext = masked.charCodeAt(blockStart + end + 1);
  const runsOn = (after === 0x2e || after === 0x2c) && afterNext >= 0x30 && afterNext <= 0x39;
  return !runsOn && !isHyphenUnit(after);
}

/** A form's spelling with case, hyphens and the space before a number folded: `IQ-Tree`, `IQ-TREE` and `iqtree` fold alike. */
export function nameFormKey(written: string): string {
  return withoutJoiners(written.toLowerCase());
}

/** A form's spelling without its hyphens and the space before a number (`IQ-TREE` -> `IQTREE`, `MetaBAT 2` -> `MetaBAT2`). */
export function withoutJoiners(written: string): string {
  return JOINERS.test(written) ? written.replace(JOINERS_ALL, '') : written;
}
/** What joins a name form's parts: a hyphen, or the space before its number. */
export const JOINERS = /[-\u2010\u2011 ]/u;
const JOINERS_ALL = /[-\u2010\u2011 ]/gu;

/** The name forms of the block starting at `start` in `masked`, whose token pass is `tokens`, read once per token pass (the rule and a book's summary of the file share them). */
export const blockNameForms = oncePerTokenPass(nameFormsIn);

/**
 * Visits each name form of a document's prose that a spelling may be compared by, with its
 * folded key and its offsets in the document: outside headings and titles (which capitalise
 * words) and outside italics (a gene keeps its own spelling). The rule and a book's summary of
 * the file read the same forms.
 */
export function forEachNameForm(
  text: string,
  masked: string,
  blocks: readonly { start: number; end: number; kind: string }[],
  tokensOf: (index: number) => BlockTokens,
  visit: (key: string, start: number, end: number) => void,
): void {
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.kind === 'heading' || block.kind === 'title') continue;
    const { spans, keys } = blockNameForms(masked, block.start, tokensOf(index), block.end);
    for (let i = 0; i < keys.length; i++) {
      const start = block.start + spans[2 * i]!;
      const end = block.start + spans[2 * i + 1]!;
      if (!isItalic(text, start, end)) visit(keys[i]!, start, end);
    }
  }
}
