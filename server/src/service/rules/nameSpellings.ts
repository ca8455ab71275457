import { isOfficialGeneSymbol } from '../knowledge/geneSymbols';
import type { AbbreviationMention } from '../model/documentModel';
import { forEachNameForm, JOINERS, nameFormKey, withoutJoiners, writtenForm } from '../model/nameForms';
import { lowerBound } from '../text/sortedSearch';
import { foldedHashOf, WordFlag } from '../text/tokens';
import { opensSentence } from '../model/definitionSpans';
import { isItalic } from '../model/geneContext';
import { isInsideQuotation } from '../text/quotations';
import { definedSpellingOf } from './abbreviationSpellings';
import type { Finding, RuleContext } from './types';

/**
 * `inconsistent-variants` for names: one name or symbol written in two spellings that case, a
 * hyphen or the space before its number set apart (`IQ-Tree` and `IQ-TREE`, `MetaBAT2` and
 * `MetaBAT 2`, `LY-COV016` and `LY-CoV016`, `MCR3` and `MCR-3`), in one document or across the
 * files of one manuscript. Each spelling but the one written most is reported at its first use
 * here, with a fix (never applied unattended) that writes each use here as the kept one.
 *
 * Left alone, as other checks' or as no inconsistency at all:
 * - capitals a sentence or a title puts on words (`Anti-TNP` at a sentence start, `Cell-Specific`
 *   in a title-cased caption), and a word set in capitals for emphasis (`METHODS`, `CENTRAL`);
 * - a human gene symbol and its other spellings (`BCL2` and `Bcl-2`, `FOXP3` and `Foxp3`): gene,
 *   protein and species conventions write them apart on purpose;
 * - spellings the knowledge base names (`CD-19`, `SARS-CoV2`), which its own readings report;
 * - two spellings of an abbreviation the mention checks already tell (`GvHD` after `GVHD`);
 * - uses in italics (a gene keeps its own spelling) and in headings.
 */

/** One spelling's uses in this document, in order. */
interface Spelling {
  readonly written: string;
  readonly uses: { start: number; end: number }[];
  /** Whether some use is an abbreviation mention, with the mention the first such use is. */
  mention?: AbbreviationMention;
  /** A plain word written for a name with inner capitals (`Healthmap` for `HealthMap`): reported, never kept. */
  plain?: boolean;
}

export function checkNameSpellings(context: RuleContext): Finding[] {
  const elsewhere = bookFormsByKey(context.bookSpellings?.names);
  const groups = spellingsByKey(context, elsewhere);
  if (groups.size === 0) return [];
  const earlier = new Set(context.bookSpellings?.earlierNames);
  const findings: Finding[] = [];
  for (const [key, spellings] of groups) {
    const others = (elsewhere?.get(key) ?? []).filter((written) => !spellings.has(written));
    if (spellings.size + others.length < 2) continue;
    const countOf = (written: string): number => (spellings.get(written)?.uses.length ?? 0) + (context.bookSpellings?.names?.[written] ?? 0);
    const kept = keptSpelling(spellings, others, earlier, countOf);
    const keptHere = spellings.get(kept);
    for (const spelling of spellings.values()) {
      if (spelling.written === kept || !differsAsName(spelling.written, kept) || isTold(context, spelling, kept, spellings)) continue;
      findings.push(nameSpellingFinding(context, spelling, kept, keptHere, countOf(kept)));
    }
  }
  return findings;
}

/**
 * This document's name forms (see `forEachNameForm`) of keys written two ways, here or with
 * another file of the book, grouped by folded spelling, then by spelling. A first pass notes
 * each key's first spelling and whether another follows; only those keys' uses are gathered.
 */
function spellingsByKey(context: RuleContext, elsewhere: Map<string, string[]> | undefined): Map<string, Map<string, Spelling>> {
  const { model } = context;
  const masked = model.prose.masked;
  const tokensOf = (index: number) => model.blockTokens[index]!;
  const firsts = new Map<string, { start: number; length: number; varies: boolean }>();
  forEachNameForm(model.text, masked, model.prose.blocks, tokensOf, (key, start, end) => {
    const first = firsts.get(key);
    if (!first) firsts.set(key, { start, length: end - start, varies: false });
    else if (!first.varies && (end - start !== first.length || !sameCharacters(masked, first.start, start, first.length))) first.varies = true;
  });
  const wanted = new Set<string>();
  for (const [key, first] of firsts) {
    if (first.varies) wanted.add(key);
    else if (elsewhere?.get(key)?.some((other) => other !== writtenForm(masked, first.start, first.start + first.length))) wanted.add(key);
  }
  const twins = plainTwins(context, innerCapitalKeys(masked, firsts, elsewhere));
  for (const key of twins.keys()) wanted.add(key);
  const groups = new Map<string, Map<string, Spelling>>();
  if (wanted.size === 0) return groups;
  forEachNameForm(model.text, masked, model.prose.blocks, tokensOf, (key, start, end) => {
    if (!wanted.has(key)) return;
    let spellings = groups.get(key);
    if (!spellings) groups.set(key, (spellings = new Map()));
    const written = writtenForm(masked, start, end);
    const spelling = spellings.get(written);
    if (spelling) spelling.uses.push({ start, end });
    else spellings.set(written, { written, uses: [{ start, end }] });
  });
  for (const [key, uses] of twins) {
    let spellings = groups.get(key);
    if (!spellings) groups.set(key, (spellings = new Map()));
    for (const use of uses) {
      const written = writtenForm(masked, use.start, use.end);
      const spelling = spellings.get(written);
      if (spelling) spelling.uses.push(use);
      else spellings.set(written, { written, uses: [use], plain: true });
    }
  }
  markMentions(context, groups);
  return groups;
}

/**
 * The folded keys of this document's and the book's name forms that hold a capital after their
 * first letter and a small letter after it (`HealthMap`, `ComBat`, `OpenPedCan`; not `KEGG`,
 * whose capitals may be emphasis, nor `MetaBAT2` by its digit alone).
 */
function innerCapitalKeys(masked: string, firsts: Map<string, { start: number; length: number }>, elsewhere: Map<string, string[]> | undefined): Map<number, string> {
  const byHash = new Map<number, string>();
  const note = (key: string, written: string): void => {
    if (isInnerCapitalName(written)) byHash.set(foldedHashOf(key), key);
  };
  for (const [key, first] of firsts) note(key, writtenForm(masked, first.start, first.start + first.length));
  if (elsewhere) for (const [key, forms] of elsewhere) for (const written of forms) note(key, written);
  return byHash;
}
/**
 * Whether `written` is letters (perhaps hyphen-joined) with a capital after the first and a small
 * letter after that capital (`HealthMap`, `ComBat`, `OCR-Stats`, `mmHg`). A capital only at the
 * end (`AluS`, a subfamily) would read a plural as its twin (`Alus`, Alu elements). Linear: no
 * pattern that backtracks over a long run of capitals.
 */
function isInnerCapitalName(written: string): boolean {
  if (!LETTERS_AND_HYPHENS.test(written)) return false;
  const inner = written.slice(1).search(CAPITAL);
  return inner >= 0 && SMALL_LETTER.test(written.slice(inner + 2));
}
const LETTERS_AND_HYPHENS = /^\p{L}[\p{L}-]*$/u;
const CAPITAL = /\p{Lu}/u;
const SMALL_LETTER = /\p{Ll}/u;

/**
 * Plain words that spell a name the manuscript writes with inner capitals (`Healthmap` beside
 * `HealthMap`, `Combat` beside `ComBat`): a word of letters with only its first a capital,
 * mid-sentence, where no sentence, heading or title capitalises it and neither neighbour is
 * capitalised too (`Initiative to Combat Infectious Diseases` is a title's capitals), outside
 * italics and quotations, and not a label's noun before its number (`Dataset 2` beside
 * `DataSet`). A word in small letters is left out: it may be an English word (`combat`, `direct`).
 */
function plainTwins(context: RuleContext, keys: Map<number, string>): Map<string, { start: number; end: number }[]> {
  const twins = new Map<string, { start: number; end: number }[]>();
  if (keys.size === 0) return twins;
  const { model } = context;
  const masked = model.prose.masked;
  model.prose.blocks.forEach((block, index) => {
    if (block.kind === 'heading' || block.kind === 'title') return;
    const { count, starts, ends, flags, foldedHashes } = model.blockTokens[index]!;
    for (let i = 0; i < count; i++) {
      const key = keys.get(foldedHashes[i]!);
      if (key === undefined || (flags[i]! & (WordFlag.digit | WordFlag.upper)) !== WordFlag.upper) continue;
      const start = block.start + starts[i]!;
      const end = block.start + ends[i]!;
      if (!isPlainCapitalised(masked, start, end) || masked.slice(start, end).toLowerCase() !== key) continue;
      const capitalisedBefore = i > 0 && isCapitalisedNeighbour(masked, block.start + starts[i - 1]!, block.start + ends[i - 1]!, start);
      const capitalisedAfter = i + 1 < count && isCapitalisedNeighbour(masked, block.start + starts[i + 1]!, end, block.start + starts[i + 1]!);
      if (capitalisedBefore || capitalisedAfter || start === block.start || opensSentence(masked, start) || /:[ \u00a0]*$/u.test(masked.slice(Math.max(block.start, start - 3), start))) continue;
      // A label numbered after it (`Dataset 2`, `Metadata 1`) is a label's noun; a quoted word keeps its spelling.
      if (NUMBER_AFTER.test(masked.slice(end, end + 4)) || isItalic(model.text, start, end) || isInsideQuotation(model.text, block.start, block.end, start, end, 1)) continue;
      const uses = twins.get(key);
      if (uses) uses.push({ start, end });
      else twins.set(key, [{ start, end }]);
    }
  });
  return twins;
}

/** Whether `masked[start, end)` is a word of letters whose first alone is a capital (`Healthmap`). */
function isPlainCapitalised(masked: string, start: number, end: number): boolean {
  return PLAIN_CAPITALISED.test(masked.slice(start, end));
}
const PLAIN_CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
/** A number or a one-letter label after a space (`Dataset 2`, `Cohort B`). */
const NUMBER_AFTER = /^[ \u00a0](?:\p{N}|\p{Lu}(?![\p{L}\p{N}]))/u;

/** Whether the neighbouring word starting at `neighbourStart` is a capital's word, only spaces between it and the twin (`[gapStart, gapEnd)`). */
function isCapitalisedNeighbour(masked: string, neighbourStart: number, gapStart: number, gapEnd: number): boolean {
  return /^[ \u00a0]+$/u.test(masked.slice(gapStart, gapEnd)) && /\p{Lu}/u.test(masked.charAt(neighbourStart));
}

/** Whether `text` holds the same `length` characters at `a` and at `b`. */
function sameCharacters(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** Notes which spellings are abbreviation mentions (a mention covering exactly one of its uses). */
function markMentions(context: RuleContext, groups: Map<string, Map<string, Spelling>>): void {
  const mentions = context.model.mentions;
  for (const spellings of groups.values()) {
    for (const spelling of spellings.values()) {
      for (const use of spelling.uses) {
        // Mentions are in document order: the one starting at the use, if any, is found by halving.
        const mention = mentions[lowerBound(mentions.length, (i) => mentions[i]!.start < use.start)];
        if (mention && mention.start === use.start && mention.end === use.end) {
          spelling.mention = mention;
          break;
        }
      }
    }
  }
}

/** The book's other files' name forms by folded spelling, built once per book summary. */
function bookFormsByKey(names: Record<string, number> | undefined): Map<string, string[]> | undefined {
  if (!names) return undefined;
  let byKey = bookFormsCache.get(names);
  if (!byKey) {
    byKey = new Map();
    for (const written of Object.keys(names)) {
      const key = nameFormKey(written);
      const same = byKey.get(key);
      if (same) same.push(written);
      else byKey.set(key, [written]);
    }
    bookFormsCache.set(names, byKey);
  }
  return byKey;
}
const bookFormsCache = new WeakMap<Record<string, number>, Map<string, string[]>>();

/**
 * The spelling to keep: the one written most. Of two written as often, one an earlier file of
 * the book writes is kept, then the first written here, then one only a later file writes: the
 * first written is the established one, and of a pair in two files only the later file reports.
 */
function keptSpelling(spellings: Map<string, Spelling>, others: readonly string[], earlier: ReadonlySet<string>, countOf: (written: string) => number): string {
  // A plain word written for the name (`Healthmap`) is never the spelling kept, however often.
  const here = [...spellings.values()].filter((spelling) => !spelling.plain).map((spelling) => spelling.written);
  const inOrder = [...others.filter((written) => earlier.has(written)), ...here, ...others.filter((written) => !earlier.has(written))];
  const written = new Set(inOrder);
  // A capital a sentence puts first (`Anti-TNP` three times at sentence starts) counts for the same spelling with its small letter (`anti-TNP`), which is kept.
  const twinOf = (spelling: string): string | undefined => {
    const small = spelling.charAt(0).toLowerCase() + spelling.slice(1);
    return small !== spelling && written.has(small) ? small : undefined;
  };
  const pooled = (spelling: string): number => countOf(spelling) + inOrder.reduce((sum, other) => (twinOf(other) === spelling ? sum + countOf(other) : sum), 0);
  let kept: string | undefined;
  for (const spelling of inOrder) {
    if (twinOf(spelling) !== undefined) continue;
    if (kept === undefined || pooled(spelling) > pooled(kept)) kept = spelling;
  }
  return kept ?? inOrder[0]!;
}

/**
 * Whether two spellings of one folded key differ as a name's spelling does, not as capitals a
 * sentence or a title sets (`Anti-TNP`, `Cell-Specific`) or a word in capitals for emphasis
 * (`CENTRAL` for `Central`, `TCELL` for `T-cell`).
 */
export function differsAsName(a: string, b: string): boolean {
  if (withLowerPartStarts(a) === withLowerPartStarts(b) && (a.slice(1) === b.slice(1) || isTitleCased(a) || isTitleCased(b))) return false;
  const joinedA = withoutJoiners(a);
  const joinedB = withoutJoiners(b);
  if ((ALL_CAPITALS.test(joinedA) && PLAIN_WORD.test(joinedB)) || (ALL_CAPITALS.test(joinedB) && PLAIN_WORD.test(joinedA))) return false;
  return true;
}

/** Letters in capitals only: a word set in capitals. */
const ALL_CAPITALS = /^\p{Lu}+$/u;
/** A word of small letters, its first perhaps a capital. */
const PLAIN_WORD = /^\p{Lu}?\p{Ll}+$/u;

/** The spelling with the first letter of each hyphen- or space-joined part in lower case. */
function withLowerPartStarts(written: string): string {
  return written.replace(/(^|[-\u2010\u2011 ])(\p{L})/gu, (_, joint: string, letter: string) => joint + letter.toLowerCase());
}

/** Two or more parts, each starting with a capital or a digit (`Cell-Specific`, `PBMC-Derived`). */
function isTitleCased(written: string): boolean {
  const parts = written.split(JOINERS);
  return parts.length > 1 && parts.every((part) => /^[\p{Lu}\p{N}]/u.test(part));
}

/**
 * Whether another check tells this spelling, or none should: a gene symbol's spellings, a form
 * the knowledge base names, or an abbreviation the mention checks read (both spellings mentions
 * here, or a use of a spelling defined earlier).
 */
function isTold(context: RuleContext, spelling: Spelling, kept: string, spellings: Map<string, Spelling>): boolean {
  const written = spelling.written;
  if (isGeneSpelling(written) || isGeneSpelling(kept)) return true;
  const knowledge = context.knowledge;
  if (knowledge && (knowledge.lookupAll(written).length > 0 || context.needs.isExempt(written))) return true;
  if (!spelling.mention) return false;
  if (spellings.get(kept)?.mention) return true;
  return definedSpellingOf(context, spelling.mention) !== undefined;
}

/** A human gene symbol written with or without its hyphens, in any case (`BCL2`, `Bcl-2`, `Foxp3`). */
function isGeneSpelling(written: string): boolean {
  return isOfficialGeneSymbol(withoutJoiners(written).toUpperCase());
}

function nameSpellingFinding(context: RuleContext, spelling: Spelling, kept: string, keptHere: Spelling | undefined, keptCount: number): Finding {
  const first = spelling.uses[0]!;
  const where = keptHere ? `line ${context.model.lines.lineAt(keptHere.uses[0]!.start) + 1}` : 'another file of this manuscript';
  const times = spelling.uses.length > 1 ? ` ('${spelling.written}' ${spelling.uses.length} times, '${kept}' ${keptCount})` : '';
  return {
    rule: 'inconsistent-variants',
    start: first.start,
    end: first.end,
    message: `'${spelling.written}' and '${kept}' (${where}) are one name written two ways${times}. Use one form.`,
    data: { form: spelling.written, dominant: kept, uses: spelling.uses.length, name: true, ...(keptHere ? { keptHere: true } : {}) },
    fixes: [
      {
        title: spelling.uses.length > 1 ? `Replace all ${spelling.uses.length} with '${kept}'` : `Replace with '${kept}'`,
        edits: spelling.uses.map((use) => ({ start: use.start, end: use.end, newText: kept })),
        safe: false,
      },
    ],
  };
}
