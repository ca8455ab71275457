// The repository's data folder is named once, in package.json's `imports` (`#data/*`).
import realWordSlips from '#data/real-word-slips.json';
import { isGluedToJoiner } from '../model/hyphenatedWords';
import { isPlainCapitalisedWord } from '../model/mentions';
import { otherSpellingOf } from '../model/spellingVarieties';
import { foldedHashOf, oncePerTokenPass, WordFlag, type BlockTokens } from '../text/tokens';
import { isUpperCaseLetter } from '../text/characters';
import { readBloomFilter, type BloomFilter } from '../text/bloomFilter';
import type { Finding, RuleContext } from './types';

/**
 * `inconsistent-variants` for slips of the keys: an ordinary word written once or twice with two
 * neighbouring letters swapped (`caluclated`, `larnygeal`) or one letter left out (`defintions`,
 * `pertubation`), where the same document writes the word right three times or more, and three
 * times as often. A copy-editor corrects such a slip; a spell checker would too, but flags every
 * term of the field beside it, while the document's own majority knows its words.
 *
 * Only slips that seldom make another word are read: a letter left out, two swapped, a letter
 * added (`cytotoxcic`, `amplicion`), or one vowel written for another (`carbapenamase`,
 * `dabrafinib`: a misspelling by ear). A consonant changed makes other words of the field too
 * often (`nucleoside` beside `nucleotide`, `analytes` beside `analyses`, `prevent` beside
 * `present`), and so does a letter at either end or a vowel of a suffix (`cellulase` beside
 * `cellulose`); and never a slip that is an English word
 * itself (`deceased` beside `decreased`, `deletion` beside `depletion`:
 * `data/real-word-slips.json`).
 * The slip is inside the word: not in its first two letters (`simulation` is no `stimulation`
 * mistyped) nor its last two, where endings differ (`analyses`, `protein`, `labelled`). A doubled
 * letter written once or a letter doubled is another spelling (`labeled`, `focussed`), and so is a British or American
 * form (`tumor`, `hematology`, `judgment`). Words of seven letters or more, in small letters or
 * with one capital first (a sentence's first word, or a name: `Psycrobacter` beside
 * `Psychrobacter` is a slip too); capitals within a word, code and hyphen-joined parts are left alone.
 * The fix (never applied unattended) writes the document's form at each use.
 */
export function checkSlipSpellings(context: RuleContext): Finding[] {
  const words = wordCounts(context);
  const slips = slipIndex(words, context);
  if (slips.size === 0) return [];
  const reported: [slip: string, intended: string][] = [];
  for (const [slip, intended] of slips) {
    const written = words.get(foldedHashOf(slip))!.count;
    if (intended === AMBIGUOUS || written > MOST_SLIPS || words.get(foldedHashOf(intended))!.count < SLIP_RATIO * written) continue;
    // A form the knowledge base knows is its rules' (`allogenic`, a discouraged spelling of allogeneic);
    // a word that is itself English is written on purpose as often (`deceased` beside `decreased`).
    if (context.knowledge?.lookup(slip) !== undefined || REAL_WORD_SLIPS.has(slip)) continue;
    reported.push([slip, intended]);
  }
  if (reported.length === 0) return [];
  // Where the few words concerned stand: read again only when there is a slip to report.
  const offsets = offsetsOf(context, new Set(reported.flat()));
  const findings = reported.map(([slip, intended]) => slipFinding(context, slip, offsets.get(slip)!, intended, offsets.get(intended)!));
  return findings.sort((a, b) => a.start - b.start);
}

/** English words that are a slip for another English word (`data/real-word-slips.json`, a Bloom filter derived from SCOWL). */
const REAL_WORD_SLIPS: BloomFilter = readBloomFilter(realWordSlips);

/** The shortest word read: shorter words are one slip from other words too often (`trial`, `form`). */
const SHORTEST_WORD = 7;
/** The longest word read: no English word is longer, and each variant of a word costs its length. */
const LONGEST_WORD = 45;
/** A slip is written at most twice; the word it stands for at least three times, and three times as often. */
const MOST_SLIPS = 2;
const LEAST_INTENDED = 3;
const SLIP_RATIO = 3;
/** Letters at either end of a word where no slip is read: beginnings and endings make other words. */
const EDGE = 2;
const AMBIGUOUS = '\u0000';

/** One word's uses, by the token pass's folded hash: how many, and where the first stands (to read it). */
interface WordCount {
  count: number;
  start: number;
  end: number;
  /** Two words share the hash (a collision): neither is read. */
  collided: boolean;
}

/**
 * How often the document writes each word that may hold a slip, by folded hash: no word is
 * sliced to be counted (a thesis writes some 60,000 words of seven letters or more).
 */
function wordCounts(context: RuleContext): Map<number, WordCount> {
  const masked = context.model.prose.masked;
  const counts = new Map<number, WordCount>();
  forEachWord(context, (hash, start, end) => {
    const known = counts.get(hash);
    if (!known) counts.set(hash, { count: 1, start, end, collided: false });
    else {
      known.count++;
      if (!known.collided && !isSameWord(masked, known.start, known.end, start, end)) known.collided = true;
    }
  });
  return counts;
}

/** Whether two words of the masked text are the same but for case (ASCII letters only, as the words read are). */
function isSameWord(masked: string, aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = 0; i < aEnd - aStart; i++) if ((masked.charCodeAt(aStart + i) | 0x20) !== (masked.charCodeAt(bStart + i) | 0x20)) return false;
  return true;
}

/** The word a count stands for, in small letters. */
function wordOf(context: RuleContext, count: WordCount): string {
  return context.model.prose.masked.slice(count.start, count.end).toLowerCase();
}

/** The offsets of the uses of `words`, in document order. */
function offsetsOf(context: RuleContext, words: ReadonlySet<string>): Map<string, number[]> {
  const hashes = new Set([...words].map((word) => foldedHashOf(word)));
  const masked = context.model.prose.masked;
  const offsets = new Map<string, number[]>();
  forEachWord(context, (hash, start, end) => {
    if (!hashes.has(hash)) return;
    const word = masked.slice(start, end).toLowerCase();
    if (!words.has(word)) return;
    const list = offsets.get(word);
    if (list) list.push(start);
    else offsets.set(word, [start]);
  });
  return offsets;
}

/** Each word of the document's prose (not its title) that may hold a slip: its folded hash and its offsets. */
function forEachWord(context: RuleContext, visit: (hash: number, start: number, end: number) => void): void {
  const { model } = context;
  for (let index = 0; index < model.prose.blocks.length; index++) {
    if (model.blockScopes[index] === 'title') continue;
    const blockStart = model.prose.blocks[index]!.start;
    const tokens = model.blockTokens[index]!;
    const plain = blockPlainWords(model.prose.masked, blockStart, tokens, model.prose.blocks[index]!.end);
    const { starts, ends, foldedHashes } = tokens;
    for (let i = 0; i < plain.length; i++) {
      const k = plain[i]!;
      visit(foldedHashes[k]!, blockStart + starts[k]!, blockStart + ends[k]!);
    }
  }
}


/**
 * The words of one block that may hold a slip: seven letters or more, ASCII letters only, not
 * part of a hyphen-joined run, a file's name or code, and with no capital but the first. Like
 * `closedCandidates` in `hyphenSpellings.ts`, it reads the one character on either side of a word
 * at the block's edge.
 */
function plainWords(masked: string, blockStart: number, tokens: BlockTokens): Int32Array {
  const { count, starts, ends, flags } = tokens;
  const found: number[] = [];
  for (let k = 0; k < count; k++) {
    const length = ends[k]! - starts[k]!;
    if (length < SHORTEST_WORD || length > LONGEST_WORD || (flags[k]! & (WordFlag.digit | WordFlag.nonAscii | WordFlag.greek)) !== 0) continue;
    const start = blockStart + starts[k]!;
    const end = blockStart + ends[k]!;
    if (isGluedToJoiner(masked, start, end) || NOT_PROSE_AFTER.test(masked.charAt(end))) continue;
    if ((flags[k]! & WordFlag.upper) !== 0 && !isPlainCapitalisedWord(masked, start, end)) continue;
    found.push(k);
  }
  return Int32Array.from(found);
}
/** A call, a setting or a file's extension after a word: code, not prose. */
const NOT_PROSE_AFTER = /[(=_]/u;
/** Per block's token pass: the indexes of its words that may hold a slip. */
const blockPlainWords = oncePerTokenPass(plainWords);


/**
 * The words of the document that are a slip for a word it writes three times or more, to that
 * word (both in small letters): the word with one inner letter left out, two inner neighbours
 * swapped, one inner letter added, or one inner vowel written for another. A slip is sought by its hash and read back to be sure. A slip that two words could give
 * is ambiguous and read as neither.
 */
function slipIndex(words: ReadonlyMap<number, WordCount>, context: RuleContext): Map<string, string> {
  const slips = new Map<string, string>();
  const add = (slip: string, word: string) => {
    if (otherSpellingOf(slip) === word || otherSpellingOf(word) === slip) return;
    const known = slips.get(slip);
    slips.set(slip, known === undefined || known === word ? word : AMBIGUOUS);
  };
  for (const count of words.values()) {
    if (count.collided) continue;
    if (count.count >= LEAST_INTENDED) {
      // From the word to its slips: a letter left out, two swapped.
      const word = wordOf(context, count);
      for (const { word: slip, hash } of slipsOf(word)) {
        const written = words.get(hash);
        if (written !== undefined && !written.collided && wordOf(context, written) === slip) add(slip, word);
      }
    } else if (count.count <= MOST_SLIPS && count.end - count.start > SHORTEST_WORD) {
      // From a rare word to what it may stand for: a letter added, a vowel for another.
      const slip = wordOf(context, count);
      for (const { word: intended, hash } of intendedFormsOf(slip)) {
        const word = words.get(hash);
        if (word !== undefined && !word.collided && word.count >= LEAST_INTENDED && wordOf(context, word) === intended) add(slip, intended);
      }
    }
  }
  return slips;
}

/** A word's variant, with its folded hash as the token pass hashes words. */
export interface WordVariant {
  word: string;
  hash: number;
}

/**
 * `make`'s variants of a word, once per word: a text repeats its words, and so do the documents
 * of a session. Module-wide (the answer depends on the word alone) and bounded.
 */
function variantsPerWord(make: (word: string, add: (variant: string) => void) => void): (word: string) => readonly WordVariant[] {
  const known = new Map<string, readonly WordVariant[]>();
  return (word) => {
    let variants = known.get(word);
    if (variants === undefined) {
      if (known.size > 20_000) known.clear();
      const made: WordVariant[] = [];
      make(word, (variant) => made.push({ word: variant, hash: foldedHashOf(variant) }));
      known.set(word, (variants = made));
    }
    return variants;
  };
}

/** The slips a word may be mistyped as: one inner letter left out, or two inner neighbours swapped. */
export const slipsOf = variantsPerWord((word, add) => {
  for (let i = EDGE; i < word.length - EDGE; i++) {
    const letter = word[i]!;
    if (word.length > SHORTEST_WORD && !isSpellingLetter(word, i)) add(`${word.slice(0, i)}${word.slice(i + 1)}`);
    if (i + 1 < word.length - EDGE && letter !== word[i + 1]) add(`${word.slice(0, i)}${word[i + 1]}${letter}${word.slice(i + 2)}`);
  }
});

/** The letters at a word's end where a vowel changed makes another word of the field: `-ose`/`-ase`, `-ite`/`-ate`. */
const SUFFIX = 3;
/** The vowels a misspelling by ear writes for one another. */
const VOWELS = 'aeiou';

/**
 * The words a rare word of eight letters or more may be a slip for, the other way round from
 * {@link slipsOf}: the word with one inner letter it adds taken out (`cytotoxcic`, not a doubled
 * letter, `focussed`, nor another spelling's letter, `leukaemia`), or with one inner vowel written
 * as another (`carbapenamase`).
 */
export const intendedFormsOf = variantsPerWord((slip, add) => {
  for (let i = EDGE; i < slip.length - EDGE; i++) {
    const letter = slip[i]!;
    if (!isSpellingLetter(slip, i)) add(`${slip.slice(0, i)}${slip.slice(i + 1)}`);
    // A vowel of the last three letters is a suffix's (`cellulose`, `cellulase`; `arsenite`, `arsenate`).
    if (!VOWELS.includes(letter) || i >= slip.length - SUFFIX) continue;
    for (const vowel of VOWELS) if (vowel !== letter) add(`${slip.slice(0, i)}${vowel}${slip.slice(i + 1)}`);
  }
});

/**
 * Whether leaving out the letter at `i` gives another spelling of the word, not a slip: a doubled
 * letter written once (`labeled`), `judgement` as `judgment`, a ligature's `a` or `o` before `e`
 * (`anaesthesia`, `diarrhoea`, `orthopaedic`), `aluminium` as `aluminum`.
 */
function isSpellingLetter(word: string, i: number): boolean {
  const letter = word[i]!;
  if (letter === word[i - 1] || letter === word[i + 1]) return true;
  if (letter === 'e' && word.startsWith('ment', i + 1)) return true;
  if ((letter === 'a' || letter === 'o') && word[i + 1] === 'e') return true;
  return letter === 'i' && word.endsWith('ium') && i === word.length - 3 && word.length > 3;
}

function slipFinding(context: RuleContext, slip: string, at: number[], intended: string, intendedUses: number[]): Finding {
  const masked = context.model.prose.masked;
  const line = context.model.lines.lineAt(intendedUses[0]!) + 1;
  const first = at[0]!;
  const written = masked.slice(first, first + slip.length);
  const times = at.length === 1 ? '' : ` (written so ${at.length} times)`;
  // A use a sentence starts keeps its capital (`Defintions` becomes `Definitions`); the message names what the fix writes.
  const asWritten = (start: number) => (isUpperCaseLetter(masked.charAt(start)) ? intended.charAt(0).toUpperCase() + intended.slice(1) : intended);
  return {
    rule: 'inconsistent-variants',
    start: first,
    end: first + slip.length,
    message: `'${written}'${times} looks like a slip for '${asWritten(first)}', which this document writes ${intendedUses.length} times (first on line ${line}). Use one spelling.`,
    data: { form: slip, dominant: intended, uses: at.length, slip: true },
    fixes: [
      {
        title: at.length > 1 ? `Replace both with '${intended}'` : `Replace with '${intended}'`,
        edits: at.map((start) => ({ start, end: start + slip.length, newText: asWritten(start) })),
        safe: false,
      },
    ],
  };
}
