import { isItalic } from '../model/geneContext';
import { ENGLISH_WORDS } from '../text/englishWords';
import { isInsideQuotation } from '../text/quotations';
import { oncePerTokenPass, WordFlag, type BlockTokens } from '../text/tokens';
import { isOfficialGeneSymbol } from '../knowledge/geneSymbols';
import type { Finding, RuleContext } from './types';

/**
 * `inconsistent-variants` for a name written in small letters where the document writes it with
 * its capitals: `proteobacteria` beside `Proteobacteria`, `mendelian` beside `Mendelian`,
 * `mixomics` beside `mixOmics`, `mmhg` beside `mmHg`, `bray-curtis` beside `Bray-Curtis`. The
 * capitals are the name's own where no sentence or title sets them: inside the word (`mixOmics`,
 * `KEGG`), or on a plain capitalised word after a word in small letters, one space between
 * (`abundant Proteobacteria`), no capitalised word or number after it and no title's capitals
 * around it (`Mendelian Randomisation`, `Records and Genomics`, `Arginase 1`). The spelling with
 * capitals must be written at least as often as the one in small letters (a title's `Metformin`
 * beside the text's `metformin` is the title's); a plain capitalised word three times or more
 * and twice as often, as a name is kept. Nor a domain, a file's name, a label or a function's
 * name (`cbtn.org`, `extra_fasta_bins.py`, `#tab:atls`, `spia()`), nor a program's own spelling
 * (`the R package umap` beside `UMAP`). A name written with capitals two ways is spelled as it is
 * written most.
 *
 * Never an English word written in small letters (`western` beside `Western blot`, `combat` beside
 * `ComBat`: `data/english-words.json`, a Bloom filter of SCOWL's standard lists), nor a word in
 * italics (a gene written small, `otu` beside its protein `Otu`), a quotation, a heading, or a word
 * with a digit (symbols, told by the name checks). The fix (never applied unattended) writes the
 * name's spelling at each use.
 */
export function checkCaseSpellings(context: RuleContext): Finding[] {
  const { named, small } = wordsByCase(context);
  if (small.size === 0 || named.size === 0) return [];
  const findings: Finding[] = [];
  for (const [folded, all] of small) {
    // The word is written in small letters, so its folded spelling is the written one.
    if (ENGLISH_WORDS.has(folded) || folded.split('-').every((part) => ENGLISH_WORDS.has(part))) continue;
    const name = named.get(folded)!;
    // A quoted word keeps its spelling (`"proteobacteria"` as a title has it): read only for the few words left.
    const uses = all.filter((use) => !isQuoted(context, use));
    // A plain capitalised word is a name's spelling only when the text keeps writing it so: three
    // times or more mid-sentence, twice as often as in small letters (not `Brucellosis` once or twice).
    if (uses.length === 0 || name.count < (name.plain ? Math.max(LEAST_PLAIN_NAME, 2 * uses.length) : uses.length)) continue;
    findings.push(caseFinding(context, folded, uses, name));
  }
  return findings;
}

/** A use of a word in small letters, and the block it stands in. */
interface SmallUse {
  start: number;
  end: number;
  block: number;
}

/** Whether the use stands inside a quotation of its block. */
function isQuoted(context: RuleContext, use: SmallUse): boolean {
  const block = context.model.prose.blocks[use.block]!;
  return isInsideQuotation(context.model.text, block.start, block.end, use.start, use.end, 1);
}


/** A name's spelling with capitals: the one written most, how often, and where it is first written. */
interface NameWritten {
  written: string;
  count: number;
  start: number;
  /** A plain capitalised word (`Proteobacteria`), not one with inner capitals (`mixOmics`). */
  plain: boolean;
}
/** How often a plain capitalised word must be written mid-sentence to be a name's spelling. */
const LEAST_PLAIN_NAME = 3;

/** The shortest word read: shorter ones are symbols and units more often than names (`ml`, `mL`). */
const SHORTEST_WORD = 4;
/** Letters joined by hyphens, in small letters only, or with a capital. */
const SMALL_WORD = /^\p{Ll}+(?:-\p{Ll}+)*$/u;
const LETTERS = /^\p{L}+(?:-\p{L}+)*$/u;
/**
 * A capital right after a letter, then a small letter (`mixOmics`, `mmHg`, `MetaboAnalyst`), or
 * after a hyphen when the word opens in small letters (`p-Epitope`, `sub-Saharan`), or capitals
 * only (`KEGG`); not a title's capital on each part (`Multi-Omics`, `Pan-Cancer`).
 */
const INNER_CAPITALS = /^(?:\p{L}\p{Ll}*(?:-\p{Ll}+)*\p{Lu}.*\p{Ll}|\p{Ll}+(?:-\p{Ll}+)*-\p{Lu}.*|\p{Lu}[\p{Lu}-]*\p{Lu})$/u;
/** Each part a capital and small letters (`Proteobacteria`, `Bray-Curtis`). */
const CAPITALISED = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*$/u;

/**
 * The document's words of letters (hyphen-joined words read whole), outside headings: those whose
 * capitals are a name's (see {@link checkCaseSpellings}) by folded spelling, and those in small
 * letters that fold to one of them, not in italics, with their uses (quotations are read when
 * reported). Read on the token pass's columns, with plain loops (this runs at every keystroke):
 * each block's words, and the shapes of those with capitals, are found once per token pass
 * ({@link blockWords}); at each keystroke the folded hashes of the words in small letters are
 * gathered, only the words with capitals whose first part folds to such a hash are read on the
 * raw text, and a last pass reads the words in small letters whose first part folds to a name's.
 */
function wordsByCase(context: RuleContext): { named: Map<string, NameWritten>; small: Map<string, SmallUse[]> } {
  const { model } = context;
  const blocks = model.prose.blocks;
  const named = new Map<string, NameWritten>();
  const small = new Map<string, SmallUse[]>();
  const read: (BlockWords | undefined)[] = [];
  // The first parts of the name spellings (few), then those a word in small letters folds to.
  const nameFirstParts = new Set<number>();
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    const words = block.kind === 'heading' || block.kind === 'title' ? undefined : blockWords(model.prose.masked, block.start, model.blockTokens[index]!, block.end);
    read.push(words);
    const names = words?.nameWords;
    if (names) for (let k = 0; k < names.length; k += 3) nameFirstParts.add(model.blockTokens[index]!.foldedHashes[names[k]!]!);
  }
  if (nameFirstParts.size === 0) return { named, small };
  const sharedFirstParts = new Set<number>();
  for (const words of read) {
    const hashes = words?.smallHashes;
    if (hashes) for (let k = 0; k < hashes.length; k++) if (nameFirstParts.has(hashes[k]!)) sharedFirstParts.add(hashes[k]!);
  }
  const spellingsOf = new Map<string, Map<string, NameWritten>>();
  for (let index = 0; index < blocks.length; index++) {
    const words = read[index];
    if (words) addNamedSpellings(context, index, words, sharedFirstParts, spellingsOf);
  }
  // A name written with capitals two ways (`mixOmics`, `MixOmics`) is spelled as it is written most.
  for (const [folded, spellings] of spellingsOf) {
    let most: NameWritten | undefined;
    for (const spelling of spellings.values()) if (!most || spelling.count > most.count) most = spelling;
    named.set(folded, most!);
  }
  if (named.size > 0) for (let index = 0; index < blocks.length; index++) if (read[index]) addSmallUses(context, index, read[index]!, named, sharedFirstParts, small);
  return { named, small };
}

/**
 * Adds to `spellingsOf` (folded spelling, then spelling) the name spellings of block `index`
 * (see {@link BlockWords}) whose first part folds to a word written in small letters
 * (`sharedFirstParts`), unless their capitals are a title's, a gene symbol's, emphasis or a
 * quotation's (see `isTitleOrGeneCapitals`).
 */
function addNamedSpellings(context: RuleContext, index: number, words: BlockWords, sharedFirstParts: Set<number>, spellingsOf: Map<string, Map<string, NameWritten>>): void {
  const { model } = context;
  const block = model.prose.blocks[index]!;
  const { starts, ends, foldedHashes } = model.blockTokens[index]!;
  const names = words.nameWords;
  for (let k = 0; k < names.length; k += 3) {
    const first = names[k]!;
    if (!sharedFirstParts.has(foldedHashes[first]!)) continue;
    const start = block.start + starts[first]!;
    const end = block.start + ends[names[k + 1]!]!;
    const word = model.prose.masked.slice(start, end);
    // Read on the raw text (emphasis, a quotation, a table's pipes), so not kept with the block's
    // words, whose cache the masked text keys; and only here, as it reads the block from its start.
    if (isTitleOrGeneCapitals(model.text, model.prose.masked, word, start, end, block.start, block.end)) continue;
    const folded = word.toLowerCase();
    let spellings = spellingsOf.get(folded);
    if (!spellings) spellingsOf.set(folded, (spellings = new Map()));
    const spelling = spellings.get(word);
    if (spelling) spelling.count++;
    else spellings.set(word, { written: word, count: 1, start, plain: names[k + 2] === 0 });
  }
}

/**
 * The words of one block this check reads, as token indices (see `lastPartOf`): those in small
 * letters as `[first, last]` pairs, with their first parts' folded hashes (each once); and those
 * whose capitals may be a name's by their shape (inner capitals, or a capitalised word
 * mid-sentence; see {@link checkCaseSpellings}) as `[first, last, inner]` triples, `inner` 1 for
 * inner capitals, 0 for a plain capitalised word. Words with a digit, shorter than
 * {@link SHORTEST_WORD} or joined by a hyphen at an end are left out. Read on the block's masked
 * text only, which keys the block's tokens, so a block a keystroke leaves unchanged keeps them;
 * what the raw text says (emphasis, a quotation, a table) is read later, for the few words that
 * meet a word in small letters.
 */
interface BlockWords {
  smallWords: Int32Array;
  smallHashes: Uint32Array;
  nameWords: Int32Array;
}

/** The block's words (see {@link BlockWords}), read once per token pass: its tokens object stays while its text does. */
const blockWords = oncePerTokenPass((masked: string, blockStart: number, tokens: BlockTokens, blockEnd: number): BlockWords => {
  const { count, starts, ends, flags, foldedHashes } = tokens;
  // Sized for the most there can be, without a growing array's copies (a 20 MB paragraph holds millions).
  const smallWords = new Int32Array(count * 2);
  let smallCount = 0;
  const smallHashes = new Set<number>();
  const nameWords: number[] = [];
  for (let i = 0; i < count; i++) {
    const first = i;
    i = lastPartOf(masked, blockStart, starts, ends, count, i);
    const union = flagsOf(flags, first, i);
    const start = blockStart + starts[first]!;
    const end = blockStart + ends[i]!;
    // A word with a digit is a symbol's (told by the name checks).
    if ((union & WordFlag.digit) !== 0 || !isWholeWord(masked, start, end, blockStart, blockEnd)) continue;
    if ((union & WordFlag.upper) === 0) {
      smallWords[smallCount++] = first;
      smallWords[smallCount++] = i;
      smallHashes.add(foldedHashes[first]!);
      continue;
    }
    const word = masked.slice(start, end);
    if (!LETTERS.test(word)) continue;
    const inner = INNER_CAPITALS.test(word);
    if (!inner && !(CAPITALISED.test(word) && isMidSentence(masked, first >= 1 ? blockStart + starts[first - 1]! : -1, start, end, first >= 2 ? blockStart + starts[first - 2]! : -1, blockEnd))) continue;
    nameWords.push(first, i, inner ? 1 : 0);
  }
  return { smallWords: smallWords.subarray(0, smallCount), smallHashes: Uint32Array.from(smallHashes), nameWords: Int32Array.from(nameWords) };
});

/**
 * Adds to `small` the uses in block `index` of words in small letters that fold to a name of
 * `named` (their first part's hash among `sharedFirstParts`). A domain, a file's name, a label, a
 * citation key or a function (`cbtn.org`, `extra_fasta_bins.py`, `#tab:atls`, `spia()`) is
 * written in small letters as code, not prose; a gene in italics keeps its case.
 */
function addSmallUses(context: RuleContext, index: number, words: BlockWords, named: Map<string, NameWritten>, sharedFirstParts: Set<number>, small: Map<string, SmallUse[]>): void {
  const { model } = context;
  const masked = model.prose.masked;
  const block = model.prose.blocks[index]!;
  const { starts, ends, foldedHashes } = model.blockTokens[index]!;
  const smallWords = words.smallWords;
  for (let k = 0; k < smallWords.length; k += 2) {
    const first = smallWords[k]!;
    if (!sharedFirstParts.has(foldedHashes[first]!)) continue;
    const start = block.start + starts[first]!;
    const end = block.start + ends[smallWords[k + 1]!]!;
    const word = masked.slice(start, end);
    if (!SMALL_WORD.test(word) || !named.has(word) || CODE_AFTER.test(masked.slice(end, end + 2)) || CODE_BEFORE.test(masked.charAt(start - 1)) || isItalic(model.text, start, end)) continue;
    // A program's small spelling beside a method's capitals (`umap` beside `UMAP`); a name with inner capitals is the program's own (`CellChat`).
    if (ALL_CAPITALS.test(named.get(word)!.written) && (PROGRAM_BEFORE.test(masked.slice(Math.max(0, start - 24), start)) || PROGRAM_AFTER.test(masked.slice(end, end + 24)))) continue;
    const uses = small.get(word);
    if (uses) uses.push({ start, end, block: index });
    else small.set(word, [{ start, end, block: index }]);
  }
}

/**
 * Capitals that are no name's own spelling: a word of capitals beside another word of capitals (a
 * title or banner set in capitals, `GUT DYSBIOSIS STUDY`) or on a table's row, an official gene
 * symbol (`KRAS` beside a species' `kras`: case carries the species or the gene-protein
 * convention), or a word in emphasis or a quotation (a gene, a quoted title).
 */
function isTitleOrGeneCapitals(text: string, masked: string, word: string, start: number, end: number, blockStart: number, blockEnd: number): boolean {
  if (ALL_CAPITALS.test(word)) {
    if (isOfficialGeneSymbol(word.replace(/-/gu, ''))) return true;
    if (CAPITALS_BEFORE.test(masked.slice(Math.max(blockStart, start - 24), start)) || CAPITALS_AFTER.test(masked.slice(end, Math.min(blockEnd, end + 24)))) return true;
    // The line around it, read no further than a table's row runs (a one-line paragraph may be a megabyte).
    const from = Math.max(blockStart, start - ROW_REACH);
    const to = Math.min(blockEnd, end + ROW_REACH);
    const lineStart = from + masked.slice(from, start).lastIndexOf('\n') + 1;
    const lineEnd = masked.slice(end, to).indexOf('\n');
    if (text.slice(lineStart, lineEnd < 0 ? to : end + lineEnd).includes('|')) return true;
  }
  return (start > blockStart && /[*_]/u.test(text.charAt(start - 1))) || isInsideQuotation(text, blockStart, blockEnd, start, end, 1);
}
const ALL_CAPITALS = /^\p{Lu}[\p{Lu}-]*$/u;
/** How far either side of a word its line is read for a table's pipes. */
const ROW_REACH = 2000;
/** A word of two capitals or more right before or after, one space between: a run set in capitals. */
const CAPITALS_BEFORE = /(?:^|[^\p{L}\p{N}])\p{Lu}{2,}[ \u00a0]+$/u;
const CAPITALS_AFTER = /^[ \u00a0]+\p{Lu}{2,}(?![\p{Ll}])/u;

/** The last token of the word that token `i` opens: the parts a hyphen joins to it are read with it (`Bray-Curtis`). */
function lastPartOf(masked: string, blockStart: number, starts: Int32Array, ends: Int32Array, count: number, i: number): number {
  while (i + 1 < count && starts[i + 1] === ends[i]! + 1 && masked.charCodeAt(blockStart + ends[i]!) === 0x2d) i++;
  return i;
}

/** The union of the flags of tokens `first` to `last`. */
function flagsOf(flags: Int32Array, first: number, last: number): number {
  let union = 0;
  for (let k = first; k <= last; k++) union |= flags[k]!;
  return union;
}

/** A word long enough to read ({@link SHORTEST_WORD}), not joined by a hyphen to a word at either end (read inside its block only). */
function isWholeWord(masked: string, start: number, end: number, blockStart: number, blockEnd: number): boolean {
  return end - start >= SHORTEST_WORD && (end >= blockEnd || masked.charCodeAt(end) !== 0x2d) && (start <= blockStart || masked.charCodeAt(start - 1) !== 0x2d);
}

/**
 * Whether a capitalised word at `[start, end)` stands mid-sentence with its own capital: a word in
 * small letters right before it (starting at `previousStart`), one space between, and no
 * capitalised word right after it (a title's run of capitals).
 */
function isMidSentence(masked: string, previousStart: number, start: number, end: number, beforePreviousStart: number, blockEnd: number): boolean {
  if (previousStart < 0 || masked.charAt(start - 1) !== ' ' || !/\p{Ll}/u.test(masked.charAt(previousStart))) return false;
  const previous = masked.slice(previousStart, start);
  if (!/^[\p{L}\p{N}-]+ $/u.test(previous)) return false;
  // A title's run of capitals goes on after it, or holds a small function word (`Records and Genomics`, `Arenavirus and Hantavirus`).
  if (/^ (?:\p{Lu}|\p{N})/u.test(masked.slice(end, Math.min(blockEnd, end + 2)))) return false;
  return !(FUNCTION_WORDS.has(previous.trim()) && beforePreviousStart >= 0 && /\p{Lu}/u.test(masked.charAt(beforePreviousStart)));
}
/** Small words a title-cased name holds between its capitalised words. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'of', 'for', 'in', 'on', 'the', 'to', 'with', 'from', 'by']);
/** A full stop and a letter (a domain or a file's name), an underscore, a call's bracket or R's `::` right after a word. */
const CODE_AFTER = /^(?:\.\p{L}|_|\(|::)/u;
/**
 * A program's own spelling, which may be small where the method it implements is written in
 * capitals (the R package `umap` beside `UMAP`): named after the word package or library, or
 * followed by it or by a version (`the uwot package`, `commot 0.0.3`, `scanpy v1.9`). Only beside
 * capitals alone: a name with inner capitals (`CellChat`) is the program's own spelling.
 */
const PROGRAM_BEFORE = /\b(?:packages?|library|libraries|modules?|toolbox)[ \u00a0]+$/u;
const PROGRAM_AFTER = /^[ \u00a0]+(?:(?:packages?|library|libraries|modules?|toolbox)\b|v?\.?\p{N}+\.\p{N}|version\b)/u;
/** A character that joins a word to code before it: a path's or a domain's, a label's colon, an underscore, an escape. */
const CODE_BEFORE = /[./@:#_\\]/u;

function caseFinding(context: RuleContext, written: string, uses: SmallUse[], name: NameWritten): Finding {
  const line = context.model.lines.lineAt(name.start) + 1;
  const times = uses.length > 1 ? ` ('${written}' ${uses.length} times, '${name.written}' ${name.count})` : '';
  return {
    rule: 'inconsistent-variants',
    start: uses[0]!.start,
    end: uses[0]!.end,
    message: `'${written}' and '${name.written}' (line ${line}) are one name written two ways${times}; the name is written with its capitals. Use one form.`,
    data: { form: written, dominant: name.written, uses: uses.length, name: true },
    fixes: [
      {
        title: uses.length > 1 ? `Replace all ${uses.length} with '${name.written}'` : `Replace with '${name.written}'`,
        edits: uses.map((use) => ({ start: use.start, end: use.end, newText: name.written })),
        safe: false,
      },
    ],
  };
}
