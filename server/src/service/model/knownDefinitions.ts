import type { DetectedDefinition } from '../abbreviations/definitionDetector';
import type { KnowledgeBase, TermEntry } from '../knowledge/types';
import { foldExpansion } from './expansions';
import { lowerBound } from '../text/sortedSearch';
import { abbreviationKey } from './mentions';
import { isWhitespaceUnit } from '../text/characters';
import { tokenize, type BlockTokens } from '../text/tokens';
import { isOfficialGeneSymbol } from '../knowledge/geneSymbols';
import { isOfficialGeneName } from '../knowledge/geneNames';
import { FUNCTION_WORDS } from '../abbreviations/detector/wordLists';

// `(SF)`, `(SF;` `(SF,` — a short form opening a parenthesis (sticky: tried at each opening bracket).
// Module-level: a literal in a loop makes a new RegExp object on every pass.
// A pandoc subscript may be part of the short form (`(T~reg~)`); the knowledge base spells it plain.
// A note in a bracket of its own may follow (`(PAX6 [MIM: 607108])`).
const PAREN_SHORT = /[([]\s*([\p{L}\p{N}][\p{L}\p{N}\-\u2010\u2011/.~]*?)(?:['\u2019]?s)?\s*(?=[)\];,]|[[(])/uy;

/**
 * Definitions the letter-matching detector cannot see but the knowledge base vouches for:
 * `single-chain variable fragment (scFv)`, whose letters come out of order. A parenthesised
 * short form the knowledge base knows, right after one of its accepted expansions (compared
 * after folding case, hyphens, plurals and spelling), is a definition. `tokens` are the token
 * pass's over `masked` (see `text/tokens.ts`): its marks give the brackets, its words the long
 * form, as many words back from the bracket as the expansion has (`single chain variable
 * fragment` and `single-chain variable fragment` are both four). A human gene's symbol right after
 * its official name (`zinc finger E-box binding homeobox 2 (ZEB2)`) is one too.
 */
export function findKnownDefinitions(masked: string, tokens: BlockTokens, from: number, to: number, knowledge: KnowledgeBase, detected: readonly DetectedDefinition[]): DetectedDefinition[] {
  const found: DetectedDefinition[] = [];
  const { marks, starts, ends } = tokens;
  const slice = masked.slice(from, to);
  // Only an opening bracket (a mark of the token pass) can start one.
  for (let m = 0; m < marks.length; m++) {
    const opener = marks[m]! - from;
    if (opener < 0) continue;
    if (opener >= slice.length) break;
    const code = slice.charCodeAt(opener);
    if (code !== 0x28 && code !== 0x5b) continue;
    PAREN_SHORT.lastIndex = opener;
    const match = PAREN_SHORT.exec(slice);
    if (match === null) continue;
    const short = match[1]!;
    const shortStart = from + match.index + match[0].indexOf(short);
    const shortEnd = shortStart + short.length;
    // Already a detected definition's short form? `detected` is sorted by short-form start and its
    // short forms never overlap: only the last one starting at or before this one can hold it (one
    // paragraph may hold thousands of definitions, so no scan of them all).
    const holder = detected[lowerBound(detected.length, (k) => detected[k]!.shortStart <= shortStart) - 1];
    if (holder !== undefined && shortEnd <= holder.shortEnd) continue;
    const entry = knowledge.lookupAll(short.includes('~') ? abbreviationKey(short) : short).find((f) => !f.folded && (f.kind === 'preferred' || f.kind === 'variant'))?.entry;
    const open = from + match.index;
    let end = open;
    while (end > from && isWhitespaceUnit(masked.charCodeAt(end - 1))) end--;
    // The last word before the parenthesis.
    const last = lowerBound(tokens.count, (k) => ends[k]! <= end) - 1;
    if (!entry || entry.expansions.length === 0) {
      const named = isOfficialGeneSymbol(short) ? officialNameBefore(masked, tokens, from, last, end, short) : undefined;
      if (named !== undefined) found.push({ short, shortStart, shortEnd, long: masked.slice(named, end), longStart: named, longEnd: end, pattern: 'long-short' });
      continue;
    }
    for (const expansion of longFormsOf(entry)) {
      // The same number of words before the parenthesis, none before `from`.
      const first = last - wordCount(expansion) + 1;
      if (first < 0 || starts[first]! < from) continue;
      const start = starts[first]!;
      const candidate = masked.slice(start, end);
      if (candidate.length > 0 && foldExpansion(candidate) === foldExpansion(expansion)) {
        found.push({ short, shortStart, shortEnd, long: candidate, longStart: start, longEnd: end, pattern: 'long-short' });
        break;
      }
    }
  }
  return found;
}

/** The most words of a gene's official name read before its symbol's bracket (`SOS Ras/Rac guanine nucleotide exchange factor 1` is eight). */
const MOST_GENE_NAME_WORDS = 14;

/**
 * Where the official name of the gene `symbol` starts when the words ending at `end` (the last
 * of them token `last`) are that name (`glutamate ionotropic receptor kainate type subunit 2
 * (GRIK2)`), the longest such run first; undefined when none is.
 */
function officialNameBefore(masked: string, tokens: BlockTokens, from: number, last: number, end: number, symbol: string): number | undefined {
  for (let first = Math.max(0, last - MOST_GENE_NAME_WORDS + 1); first <= last; first++) {
    const start = tokens.starts[first]!;
    // No official name opens with a function word (`the`, `a`, `of`): a run that does is prose, not asked.
    if (start < from || FUNCTION_WORDS.has(masked.slice(start, tokens.ends[first]!).toLowerCase())) continue;
    if (isOfficialGeneName(symbol, masked.slice(start, end))) return start;
  }
  return undefined;
}

/**
 * The phrases that spell an entry's short form out: its expansions, then its variants written as
 * a name in lower-case words (`mass cytometry (CyTOF)`, `real-time PCR (qPCR)`): a bracket that
 * pairs two forms of one term glosses the short one by the other.
 */
const longForms = new WeakMap<TermEntry, readonly string[]>();
export function longFormsOf(entry: TermEntry): readonly string[] {
  let forms = longForms.get(entry);
  if (forms === undefined) {
    const spelled = (entry.variants ?? []).filter((variant) => SPELLED_NAME.test(variant) && !entry.expansions.includes(variant));
    forms = spelled.length > 0 ? [...entry.expansions, ...spelled] : entry.expansions;
    longForms.set(entry, forms);
  }
  return forms;
}
/** A name written in words, the first in lower case: `mass cytometry`, `real-time PCR` (not `CD314`). */
const SPELLED_NAME = /^\p{Ll}[\p{Ll}-]+ \S/u;

/** How many words the token pass reads in an expansion, per expansion: the knowledge base's are a few thousand. */
const wordCounts = new Map<string, number>();
function wordCount(expansion: string): number {
  let count = wordCounts.get(expansion);
  if (count === undefined) {
    count = tokenize(expansion).count;
    wordCounts.set(expansion, count);
  }
  return count;
}
