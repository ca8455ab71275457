// The repository's data folder is named once, in package.json's `imports` (`#data/*`).
import englishWords from '#data/english-words.json';
import { isItalic } from '../model/geneContext';
import { readBloomFilter, type BloomFilter } from '../text/bloomFilter';
import { isInsideQuotation } from '../text/quotations';
import { WordFlag } from '../text/tokens';
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
 * name (`cbtn.org`, `extra_fasta_bins.py`, `#tab:atls`, `spia()`).
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
  for (const [folded, uses] of small) {
    const name = named.get(folded);
    // A plain capitalised word is a name's spelling only when the text keeps writing it so: three
    // times or more mid-sentence, twice as often as in small letters (not `Brucellosis` once or twice).
    if (name === undefined || name.count < (name.plain ? Math.max(LEAST_PLAIN_NAME, 2 * uses.length) : uses.length)) continue;
    const written = context.model.prose.masked.slice(uses[0]!.start, uses[0]!.end);
    if (ENGLISH_WORDS.has(written) || written.split('-').every((part) => ENGLISH_WORDS.has(part))) continue;
    findings.push(caseFinding(context, written, uses, name));
  }
  return findings;
}

/** English words written in small letters (`data/english-words.json`, a Bloom filter derived from SCOWL). */
const ENGLISH_WORDS: BloomFilter = readBloomFilter(englishWords);

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
 * The document's words of letters (hyphen-joined words read whole), outside headings, italics and
 * quotations: those whose capitals are a name's (see {@link checkCaseSpellings}) by folded
 * spelling, and those in small letters that fold to one of them, with their uses. Two passes over
 * the token pass's columns: only words with a capital are read as text first; a word in small
 * letters is read only when its first part's folded hash is a name's.
 */
function wordsByCase(context: RuleContext): { named: Map<string, NameWritten>; small: Map<string, { start: number; end: number }[]> } {
  const { model } = context;
  const masked = model.prose.masked;
  const named = new Map<string, NameWritten>();
  const small = new Map<string, { start: number; end: number }[]>();
  const namedFirstParts = new Set<number>();
  for (const capitals of [true, false]) {
    if (!capitals && named.size === 0) break;
    forEachWordUnit(context, (index, first, last) => {
      const { starts, ends, flags, foldedHashes } = model.blockTokens[index]!;
      let union = 0;
      for (let k = first; k <= last; k++) union |= flags[k]!;
      // A word with a digit is a symbol's (told by the name checks).
      if ((union & WordFlag.digit) !== 0 || ((union & WordFlag.upper) !== 0) !== capitals) return;
      if (!capitals && !namedFirstParts.has(foldedHashes[first]!)) return;
      const block = model.prose.blocks[index]!;
      const start = block.start + starts[first]!;
      const end = block.start + ends[last]!;
      const word = masked.slice(start, end);
      if (!LETTERS.test(word) || isItalic(model.text, start, end) || isInsideQuotation(model.text, block.start, block.end, start, end, 1)) return;
      const folded = word.toLowerCase();
      if (!capitals) {
        // A domain, a file's name, a label, a citation key or a function (`cbtn.org`, `extra_fasta_bins.py`,
        // `#tab:atls`, `spia()`) is written in small letters: code, not prose.
        if (!SMALL_WORD.test(word) || !named.has(folded) || CODE_AFTER.test(masked.slice(end, end + 2)) || CODE_BEFORE.test(masked.charAt(start - 1))) return;
        const uses = small.get(folded);
        if (uses) uses.push({ start, end });
        else small.set(folded, [{ start, end }]);
        return;
      }
      const inner = INNER_CAPITALS.test(word);
      if (!inner && !(CAPITALISED.test(word) && isMidSentence(masked, first >= 1 ? block.start + starts[first - 1]! : -1, start, end, first >= 2 ? block.start + starts[first - 2]! : -1))) return;
      namedFirstParts.add(foldedHashes[first]!);
      const name = named.get(folded);
      if (!name) named.set(folded, { written: word, count: 1, start, plain: !inner });
      else if (name.written === word) name.count++;
    });
  }
  return { named, small };
}

/**
 * Calls `visit` with each word of the prose blocks but headings and titles, its parts joined by
 * hyphens read as one (`Bray-Curtis`): the block's index and the first and last token of it. A
 * word shorter than {@link SHORTEST_WORD} or joined by a hyphen to a word at either end is left out.
 */
function forEachWordUnit(context: RuleContext, visit: (index: number, first: number, last: number) => void): void {
  const { model } = context;
  const masked = model.prose.masked;
  model.prose.blocks.forEach((block, index) => {
    if (block.kind === 'heading' || block.kind === 'title') return;
    const { count, starts, ends } = model.blockTokens[index]!;
    for (let i = 0; i < count; i++) {
      const first = i;
      while (i + 1 < count && starts[i + 1] === ends[i]! + 1 && masked.charCodeAt(block.start + ends[i]!) === 0x2d) i++;
      const start = block.start + starts[first]!;
      const end = block.start + ends[i]!;
      if (end - start >= SHORTEST_WORD && masked.charCodeAt(end) !== 0x2d && masked.charCodeAt(start - 1) !== 0x2d) visit(index, first, i);
    }
  });
}

/**
 * Whether a capitalised word at `[start, end)` stands mid-sentence with its own capital: a word in
 * small letters right before it (starting at `previousStart`), one space between, and no
 * capitalised word right after it (a title's run of capitals).
 */
function isMidSentence(masked: string, previousStart: number, start: number, end: number, beforePreviousStart: number): boolean {
  if (previousStart < 0 || masked.charAt(start - 1) !== ' ' || !/\p{Ll}/u.test(masked.charAt(previousStart))) return false;
  const previous = masked.slice(previousStart, start);
  if (!/^[\p{L}\p{N}-]+ $/u.test(previous)) return false;
  // A title's run of capitals goes on after it, or holds a small function word (`Records and Genomics`, `Arenavirus and Hantavirus`).
  if (/^ (?:\p{Lu}|\p{N})/u.test(masked.slice(end, end + 2))) return false;
  return !(FUNCTION_WORDS.has(previous.trim()) && beforePreviousStart >= 0 && /\p{Lu}/u.test(masked.charAt(beforePreviousStart)));
}
/** Small words a title-cased name holds between its capitalised words. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'of', 'for', 'in', 'on', 'the', 'to', 'with', 'from', 'by']);
/** A full stop and a letter (a domain or a file's name), an underscore or a call's bracket right after a word. */
const CODE_AFTER = /^(?:\.\p{L}|_|\()/u;
/** A character that joins a word to code before it: a path's or a domain's, a label's colon, an underscore, an escape. */
const CODE_BEFORE = /[./@:#_\\]/u;

function caseFinding(context: RuleContext, written: string, uses: { start: number; end: number }[], name: NameWritten): Finding {
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
