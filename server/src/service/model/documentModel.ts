import { detectDefinitions, type DetectedDefinition } from '../abbreviations/definitionDetector';
import { isStateOrProvinceOfPlace } from './usStatePlaces';
import type { KnowledgeBase, TermOccurrence } from '../knowledge/types';
import { findAbbreviationLists, type BlockAbbreviationList, type ListCache } from './abbreviationLists';
import { findKnownDefinitions } from './knownDefinitions';
import { findTaxonDefinitions } from './taxonDefinitions';
import { maskedUnchanged, rescanEditedParagraph } from '../markdown/proseRescan';
import { isAbstractFile, scanProse, type InlineCache, type ProseBlock, type ProseMap, type Region } from '../markdown/proseScanner';
import { lowerBound } from '../text/sortedSearch';
import { LineIndex } from '../text/lineIndex';
import { completeSuspendedHyphen } from './suspendedHyphen';
import { joinPrefixedShortForms, joinSlashPairs, joinSpacedNumbers, joinSpacedPairs, readSentenceCapitals } from './spacedShortForms';
import { abbreviationKey, mentionTokensFrom, type MentionToken } from './mentions';
import { textKeptOnce } from '../text/textKeptOnce';
import { tokenize, type BlockTokens } from '../text/tokens';
import { isInsideIdentifier, isWordCharacterAt, isWordCharacterBefore, withoutGlyphFill } from '../text/characters';
import { knowledgeAsksToDefine } from './definitionNeeds';
import { foldExpansion } from './expansions';

/** How definition scopes are drawn: journal practice, or the whole document as one scope. */
export type ScopeMode = 'journal' | 'document';

/**
 * A definition scope: `title`, `abstract`, `main`, `legend:<label as written>`, or
 * `document` when the scope mode is `document`.
 */
export type ScopeName = string;

/** An abbreviation the author defines in the text, e.g. `natural killer (NK)`. */
export interface AbbreviationDefinition {
  /** The short form as written (`iPSCs`). */
  short: string;
  /** The long form as written (`induced pluripotent stem cells`), without markup (emphasis, citations) and the spaces it leaves. */
  long: string;
  /** The normalised short form (`iPSC`). */
  key: string;
  scope: ScopeName;
  shortStart: number;
  shortEnd: number;
  longStart: number;
  longEnd: number;
  /**
   * `long-short` for `long form (SF)`, `short-long` for `SF (long form)`, `initials` for a short
   * form before a list of items, one per letter (`PICO (Population, Intervention, …)`: the short
   * form names the thing, the list says what its letters stand for), `list` for an entry of an
   * abbreviation list.
   */
  pattern: 'long-short' | 'short-long' | 'initials' | 'list';
  /** Index of the prose block holding it (-1 for a definition inherited from another file). */
  block: number;
  /** For a definition made in another file of the same book (an earlier chapter): where. Offsets are then -1. */
  origin?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; listed?: boolean; otherChapter?: boolean };
  /** How the detector paired the letters with the words, when it says (see `DetectedDefinition.pairing`). */
  pairing?: 'spelled' | 'whole' | 'loose';
}

/** A definition made in an earlier file of a book or an included file, carried into this one. */
export interface InheritedDefinition {
  short: string;
  long: string;
  key: string;
  uri: string;
  /** Range of the short form in that file. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** Made by a list of abbreviations (which covers its whole scope), not written in the text. */
  listed?: boolean;
  /** Made in another chapter of a book or thesis (a Quarto book's or bookdown's chapter file), not another section of one paper. */
  otherChapter?: boolean;
  /** For a list entry: the first definition an earlier file then wrote in its text, which a later one repeats. */
  written?: InheritedDefinition;
}

/** A knowledge-base form found in prose, with the block and scope it sits in. */
export interface TermMention extends TermOccurrence {
  block: number;
  scope: ScopeName;
}

/** One use of an abbreviation in prose (definition sites included, flagged). */
export interface AbbreviationMention {
  /** As written, without plural `s` or possessive. */
  text: string;
  key: string;
  start: number;
  end: number;
  scope: ScopeName;
  block: number;
  /** True inside a heading or the title, where journals allow abbreviations without counting them as first use. */
  inHeading: boolean;
  /** Index into `definitions` when this mention is that definition's short form. */
  definition?: number;
  /** True when the mention sits inside a definition's long form (`DNAX` in `DNAX-activating protein 10 (DAP10)`) and the text never writes it on its own: part of a name, not a use. */
  inLongForm?: boolean;
}

/** Everything the features need to know about one version of one document, built once. */
export interface DocumentModel {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  prose: ProseMap;
  scopeMode: ScopeMode;
  /** The scope of each prose block, parallel to `prose.blocks`. */
  blockScopes: ScopeName[];
  /** Definitions in document order. */
  definitions: AbbreviationDefinition[];
  /** Mentions in document order. */
  mentions: AbbreviationMention[];
  /** Definitions and mentions grouped by key. */
  byKey: Map<string, { definitions: AbbreviationDefinition[]; mentions: AbbreviationMention[] }>;
  /** Knowledge-base forms in prose, in document order (empty without a knowledge base). */
  terms: TermMention[];
  /** The knowledge base the model was built with. */
  knowledge?: KnowledgeBase;
  /** The token pass over each prose block, parallel to `prose.blocks`; offsets relative to the block's start. */
  blockTokens: BlockTokens[];
  /** Journal-style abbreviation lists by prose-block index, with where each list starts. */
  abbreviationLists: Map<number, BlockAbbreviationList>;
  /** Per-block results, handed to the next build of the same document so unchanged blocks are not analysed again. */
  blockCache: BlockCache;
  /** Abbreviation lists by block text, handed to the next build likewise. */
  listCache: ListCache;
  /** Each block's keys in the two caches above, handed to the next build likewise. */
  cacheKeys: BlockCacheKeys;
}

/**
 * Each block's keys in the block and list caches, by block index. The next build takes the key
 * of a block that a rescan left unchanged (same index, same masked text) instead of slicing a
 * new one: V8 keeps a string's hash on the string and compares a string with itself at once,
 * where a new slice of every block was hashed and compared character by character on every
 * keystroke.
 */
export interface BlockCacheKeys {
  /** The key in `blockCache`. */
  readonly blocks: string[];
  /** Where the block's abbreviation list starts, relative to the block (-1 for none): part of the key above. */
  readonly listStarts: number[];
  /** The key in `listCache` (undefined for a block of an Abbreviations section, which is not cached). */
  readonly lists: (string | undefined)[];
}

/**
 * What one prose block yields: its token pass and its items. The items are not kept twice: an
 * entry points into the items of the model that analysed the block (`items`, between the
 * bounds below), at that model's offsets (`base`, the block's start there), and a later
 * version that meets the block again copies them re-based to where the block now stands.
 */
interface BlockAnalysis {
  /** The token pass over the block (see `text/tokens.ts`), offsets relative to the block's start. */
  readonly tokens: BlockTokens;
  /** The block's start offset in the model the items below belong to. */
  readonly base: number;
  readonly items: ModelItems;
  /** `items.definitions[definitionsFrom, definitionsTo)`: the definitions written in the block (an abbreviation list's entries aside). */
  readonly definitionsFrom: number;
  readonly definitionsTo: number;
  readonly termsFrom: number;
  readonly termsTo: number;
  readonly mentionsFrom: number;
  readonly mentionsTo: number;
}

/** The item arrays of one model, which its block cache entries point into. */
interface ModelItems {
  readonly definitions: AbbreviationDefinition[];
  readonly terms: TermMention[];
  readonly mentions: AbbreviationMention[];
}

/** Block analyses keyed by the block's masked text (and where an abbreviation list starts in it). */
export type BlockCache = Map<string, BlockAnalysis>;

/** Where one block stands in the model being built. */
interface BlockPlace {
  readonly index: number;
  readonly scope: ScopeName;
  /** The block's start offset. */
  readonly shift: number;
  readonly inHeading: boolean;
  /** Where a bold run-in head opening the block ends (see {@link runInHeadEnd}); uses before it are a heading's. */
  readonly runInHeadEnd: number;
  /** The build's one copy of each spelling (see `text/textKeptOnce.ts`). */
  readonly keptOnce: (text: string) => string;
}

/**
 * Adds one block's definitions (those written in its text), term occurrences and mentions to
 * `items`, and records them in `next` for the next version. They depend only on the block's
 * masked text and where it blanks emphasis markers, links' brackets and anchors' `#` (see
 * {@link markupMarksKey}), so a keystroke re-analyses one block and re-bases the rest from the
 * previous version's cache.
 */
function addBlockItems(
  text: string,
  masked: string,
  block: ProseBlock,
  place: BlockPlace,
  listStart: number | undefined,
  knowledge: KnowledgeBase | undefined,
  previous: BlockCache | undefined,
  next: BlockCache,
  items: ModelItems,
  earlierKey: string | undefined,
): { tokens: BlockTokens; cacheKey: string } {
  const slice = masked.slice(block.start, block.end);
  const cacheKey = earlierKey ?? markupMarksKey(text, slice, block.start) + (listStart === undefined ? slice : `${listStart - block.start}\u0000${slice}`);
  const definitionsFrom = items.definitions.length;
  const termsFrom = items.terms.length;
  const mentionsFrom = items.mentions.length;
  const cached = next.get(cacheKey) ?? previous?.get(cacheKey);
  let tokens: BlockTokens;
  if (cached) {
    tokens = cached.tokens;
    rebaseItems(cached, place, items);
  } else {
    // One token pass over the block feeds every reader of it; analysed on its own text, so
    // offsets come out relative to its start.
    tokens = tokenize(slice);
    const end = (listStart ?? block.end) - block.start;
    const detected = detectDefinitions(slice, 0, end, tokens);
    const taxa = findTaxonDefinitions(text, block.start, block.start + end, detected);
    for (const taxon of taxa) detected.push(taxon);
    if (knowledge) {
      for (const known of findKnownDefinitions(slice, tokens, 0, end, knowledge, detected)) detected.push(known);
    }
    if (knowledge || taxa.length > 0) detected.sort((a, b) => a.shortStart - b.shortStart);
    addDetected(detected, place, items.definitions, slice, text);
    if (knowledge) {
      // Each occurrence becomes the model's term as it is found, and dies young (issue 16).
      const terms = items.terms;
      // A term inside an identifier (`GSE2770_IL12_AND_TGFB`) is data, as a mention there is.
      knowledge.forEachTermOccurrenceInTokens(slice, tokens, (occurrence) => {
        if (!isInsideIdentifier(slice, occurrence.start, occurrence.end)) terms.push(termMention(occurrence, place.shift, place));
      });
    }
    addMentions(mentionTokensFrom(slice, tokens), place, items.mentions);
  }
  // A block met twice in one version keeps the entry of its first place.
  if (!next.has(cacheKey)) {
    next.set(cacheKey, {
      tokens,
      base: place.shift,
      items,
      definitionsFrom,
      definitionsTo: items.definitions.length,
      termsFrom,
      termsTo: items.terms.length,
      mentionsFrom,
      mentionsTo: items.mentions.length,
    });
  }
  return { tokens, cacheKey };
}

/** Copies a cached block's items into `items`, moved from where the block stood to `place`. */
function rebaseItems(cached: BlockAnalysis, place: BlockPlace, items: ModelItems): void {
  const moved = place.shift - cached.base;
  const { definitions, terms, mentions } = cached.items;
  for (let i = cached.definitionsFrom; i < cached.definitionsTo; i++) {
    const d = definitions[i]!;
    items.definitions.push({
      short: d.short,
      shortStart: d.shortStart + moved,
      shortEnd: d.shortEnd + moved,
      long: d.long,
      longStart: d.longStart + moved,
      longEnd: d.longEnd + moved,
      pattern: d.pattern,
      key: d.key,
      scope: place.scope,
      block: place.index,
      ...(d.pairing !== undefined ? { pairing: d.pairing } : {}),
    });
  }
  addTerms(terms, cached.termsFrom, cached.termsTo, moved, place, items.terms);
  for (let i = cached.mentionsFrom; i < cached.mentionsTo; i++) {
    const m = mentions[i]!;
    // A definition's short form took the definition's key (linkMentionsToDefinitions): back to its own.
    const key = m.definition === undefined ? m.key : abbreviationKey(m.text);
    items.mentions.push(newMention(m.text, key, m.start + moved, m.end + moved, place));
  }
}

/**
 * Adds a block's detected definitions (offsets relative to the block), as the model states them.
 * `text` is the whole document as written, where the block starts at `place.shift`.
 */
function addDetected(detected: readonly DetectedDefinition[], place: BlockPlace, definitions: AbbreviationDefinition[], slice: string, text: string): void {
  const shift = place.shift;
  for (let i = 0; i < detected.length; i++) {
    const found = detected[i]!;
    if (found.pattern === 'long-short' && isLinkedLabel(text, found.short, found.shortStart + shift, found.shortEnd + shift)) continue;
    // `(Gentra Systems, Inc., Minneapolis, MN)`: a state's code after its city in an address, no definition of the city's name.
    if (isStateOrProvinceOfPlace(slice, found.shortStart, found.shortEnd, found.short)) continue;
    const noun = spelledHeadNounLength(found);
    const short = place.keptOnce(noun === 0 ? found.short : withoutNoun(found.short, noun));
    const key = place.keptOnce(abbreviationKey(short));
    if (key.length === 0) continue;
    const long = completeSuspendedHyphen(expansionOf(found, text, shift), slice, found.shortEnd);
    if (long === undefined) continue;
    if (noun === 0 && (pushSlashPairs(found, long, place, definitions) || pushPlusPairs(found, long, place, definitions))) continue;
    definitions.push({
      short,
      shortStart: found.shortStart + shift,
      shortEnd: found.shortStart + shift + short.length,
      // Compared and shown, never measured: a Greek letter written in math reads as the letter (list entries' too, below).
      long: withoutGlyphFill(noun === 0 ? long : withoutNoun(long, noun)),
      longStart: found.longStart + shift,
      longEnd: noun === 0 ? found.longEnd + shift : found.longStart + shift + withoutNoun(found.long, noun).length,
      pattern: found.listsInitials ? 'initials' : found.pattern,
      key,
      scope: place.scope,
      block: place.index,
      ...(found.pairing !== undefined && noun === 0 ? { pairing: found.pairing } : {}),
    });
  }
}

/** A numbered label's shape: a capital and one or two digits (`A1`, `H2`). */
const LABEL_SHAPE = /^\p{Lu}\p{N}{1,2}$/u;
/**
 * A numbered label at the head of a line, perhaps after a list's marker and HTML tags (an anchor
 * the label is linked to: `* <div id='a1'>(A1) Spillover is …`), then a capitalised word.
 */
const NUMBERED_LABEL = /^[ \t]*(?:[-*+]|\d{1,2}[.)])?[ \t]*(?:<[^<>\n]{0,80}>[ \t]*){0,3}[*_]{0,2}\((\p{Lu}\p{N}{1,2})\)[*_]{0,2}:?[ \t]+\p{Lu}/gmu;

/** The numbered labels the document gives at the head of a line, sought only when a definition has a label's shape. */
function numberedLabels(text: string, definitions: readonly AbbreviationDefinition[]): Set<string> {
  const labels = new Set<string>();
  if (!definitions.some((definition) => LABEL_SHAPE.test(definition.key))) return labels;
  for (const match of text.matchAll(NUMBERED_LABEL)) labels.add(match[1]!);
  return labels;
}

/** The definitions but those of numbered labels (`assumption (A1)` after `(A1) …` heads an item), as a new array. */
function withoutLabelReferences(definitions: readonly AbbreviationDefinition[], labels: ReadonlySet<string>): AbbreviationDefinition[] {
  return definitions.filter((definition) => definition.pattern === 'list' || !labels.has(definition.key));
}

/**
 * The definitions but the loose letter pairings the document contradicts: `cell types (CL)` (the
 * last word gives no letter, the other letter comes from inside a word) where the document
 * defines the same letters otherwise by a pairing every word of which gives a letter or in a
 * list, `Cell Ontology (CL)`, and writes the loose words again and again as plain words (`cell
 * types`, forty times): the bracket after them named the ontology by what it covers. Reading it
 * as a definition made the real one a conflicting redefinition and every later `cell types` a
 * repeat. A loose pairing whose words the text does not keep writing (`Standardized FEV1 (SD)`
 * beside `standard deviation (SD)`), or one contradicted only by another loose reading, stays: a
 * conflict to report. The array itself when nothing is dropped.
 */
function withoutContradictedLoosePairings(definitions: AbbreviationDefinition[], masked: string): AbbreviationDefinition[] {
  let loose: AbbreviationDefinition[] | undefined;
  for (let i = 0; i < definitions.length; i++) if (definitions[i]!.pairing === 'loose') (loose ??= []).push(definitions[i]!);
  if (loose === undefined) return definitions;
  const keys = new Set(loose.map((definition) => definition.key));
  const firm = new Map<string, Set<string>>();
  for (const definition of definitions) {
    if ((definition.pairing !== 'spelled' && definition.pairing !== 'whole' && definition.pattern !== 'list') || !keys.has(definition.key)) continue;
    const expansions = firm.get(definition.key) ?? new Set<string>();
    expansions.add(foldExpansion(definition.long));
    firm.set(definition.key, expansions);
  }
  if (firm.size === 0) return definitions;
  let lower: string | undefined;
  const contradicted = new Set(
    loose.filter((definition) => firm.get(definition.key)?.has(foldExpansion(definition.long)) === false && isWrittenAgainAsWords((lower ??= masked.toLowerCase()), definition)),
  );
  return contradicted.size === 0 ? definitions : definitions.filter((definition) => !contradicted.has(definition));
}

/** How many more times a loose pairing's words must be written, as plain words, for it to read as prose rather than a long form. */
const LOOSE_WORDS_WRITTEN_AGAIN = 3;

/** Whether the definition's long form is written again after it at least {@link LOOSE_WORDS_WRITTEN_AGAIN} times, whole words, in `lower` (the masked text in small letters). */
function isWrittenAgainAsWords(lower: string, definition: AbbreviationDefinition): boolean {
  const words = definition.long.toLowerCase();
  if (words.length === 0) return false;
  let count = 0;
  for (let at = lower.indexOf(words, definition.shortEnd); at >= 0 && count < LOOSE_WORDS_WRITTEN_AGAIN; at = lower.indexOf(words, at + words.length)) {
    if (!isWordCharacterBefore(lower, at) && !isWordCharacterAt(lower, at + words.length)) count++;
  }
  return count >= LOOSE_WORDS_WRITTEN_AGAIN;
}

/** A short form of two abbreviations joined by a plus sign: `IFG+IGT`. */
const PLUS_PAIR = /^([\p{L}\p{N}-]*\p{Lu}[\p{L}\p{N}-]*\p{Lu}[\p{L}\p{N}-]*)\+([\p{L}\p{N}-]*\p{Lu}[\p{L}\p{N}-]*\p{Lu}[\p{L}\p{N}-]*)$/u;

/**
 * `combined impaired fasting glucose and impaired glucose tolerance (IFG+IGT)`: two conditions
 * joined by `and`, each abbreviated, the pair by a plus sign. Each abbreviation is defined by the
 * words that spell it by their initials, the last words before `and` and all the words after it,
 * as the text then writes them (`IFG+IGT` is read as the mentions `IFG` and `IGT`). True when pushed.
 */
function pushPlusPairs(found: DetectedDefinition, long: string, place: BlockPlace, definitions: AbbreviationDefinition[]): boolean {
  const pair = PLUS_PAIR.exec(found.short);
  const and = long.indexOf(' and ');
  if (!pair || and <= 0 || and !== long.lastIndexOf(' and ') || long.length !== found.longEnd - found.longStart) return false;
  const second = long.slice(and + 5);
  const before = long.slice(0, and).split(' ');
  const firstWords = before.slice(Math.max(0, before.length - pair[1]!.replace(/[^\p{L}]/gu, '').length)).join(' ');
  const halves = [
    { short: pair[1]!, shortStart: found.shortStart, long: firstWords, longStart: found.longStart + and - firstWords.length },
    { short: pair[2]!, shortStart: found.shortStart + pair[1]!.length + 1, long: second, longStart: found.longStart + and + 5 },
  ];
  return pushSpelledHalves(found, halves, place, definitions);
}

/** A short form of two abbreviations joined by one slash: `NYP/CUIMC`. */
const SLASH_PAIR = /^([\p{L}\p{N}-]*\p{Lu}[\p{L}\p{N}-]*\p{Lu}[\p{L}\p{N}-]*)\/([\p{L}\p{N}-]*\p{Lu}[\p{L}\p{N}-]*\p{Lu}[\p{L}\p{N}-]*)$/u;

/**
 * `New York Presbyterian/Columbia University Irving Medical Center (NYP/CUIMC)`: two names joined
 * by a slash, each abbreviated, define each abbreviation with its half of the long form, as the
 * text then uses them (`NYP/CUIMC` is read as the mentions `NYP` and `CUIMC`). True when pushed.
 */
function pushSlashPairs(found: DetectedDefinition, long: string, place: BlockPlace, definitions: AbbreviationDefinition[]): boolean {
  const pair = SLASH_PAIR.exec(found.short);
  const slash = long.indexOf('/');
  if (!pair || slash <= 0 || slash !== long.lastIndexOf('/') || long.length !== found.longEnd - found.longStart) return false;
  const halves = [
    { short: pair[1]!, shortStart: found.shortStart, long: long.slice(0, slash).trimEnd(), longStart: found.longStart },
    { short: pair[2]!, shortStart: found.shortStart + pair[1]!.length + 1, long: long.slice(slash + 1).trimStart(), longStart: found.longStart + long.length - long.slice(slash + 1).trimStart().length },
  ];
  return pushSpelledHalves(found, halves, place, definitions);
}

/** One half of a paired definition, offsets relative to the block. */
interface DefinitionHalf {
  short: string;
  shortStart: number;
  long: string;
  longStart: number;
}

/**
 * Adds both halves of a paired definition (`NYP/CUIMC`, `IFG+IGT`) at `place`, when each half's
 * words spell its short form by their initials (see {@link spellsByInitials}). True when pushed.
 */
function pushSpelledHalves(found: DetectedDefinition, halves: readonly DefinitionHalf[], place: BlockPlace, definitions: AbbreviationDefinition[]): boolean {
  if (halves.some((half) => !spellsByInitials(half.short, half.long))) return false;
  const shift = place.shift;
  for (const half of halves) {
    definitions.push({
      short: place.keptOnce(half.short),
      shortStart: half.shortStart + shift,
      shortEnd: half.shortStart + shift + half.short.length,
      long: withoutGlyphFill(half.long),
      longStart: half.longStart + shift,
      longEnd: half.longStart + shift + half.long.length,
      pattern: found.pattern,
      key: place.keptOnce(abbreviationKey(half.short)),
      scope: place.scope,
      block: place.index,
    });
  }
  return true;
}

/**
 * True when the initials of `long`'s words (a hyphen splitting a word; `of`, `and`, `the` passed
 * over) are `short`'s letters, one a word: `New York Presbyterian` for NYP. Not `estrogen` for ER
 * (`estrogen/progesterone receptor (ER/PR)` shares its head), nor a half that is its short form.
 */
function spellsByInitials(short: string, long: string): boolean {
  const letters = [...short.replace(/[^\p{L}]/gu, '')];
  const words = long.split(/[\s\-\u2010]+/u).filter((word) => word !== '' && !/^(?:of|and|the|for|in)$/iu.test(word));
  return letters.length >= 2 && words.length === letters.length && words.every((word, i) => word[0]!.toLowerCase() === letters[i]!.toLowerCase());
}

/** Adds `occurrences[from, to)` at `place`, their offsets moved by `delta`. */
function addTerms(occurrences: readonly TermOccurrence[], from: number, to: number, delta: number, place: BlockPlace, terms: TermMention[]): void {
  for (let i = from; i < to; i++) terms.push(termMention(occurrences[i]!, delta, place));
}

/** The model's term for an occurrence at `place`, its offsets moved by `delta`. */
function termMention(o: TermOccurrence, delta: number, place: BlockPlace): TermMention {
  // Every field in the literal, `otherEntryIds` too: one object shape for every term.
  return { start: o.start + delta, end: o.end + delta, entryId: o.entryId, form: o.form, kind: o.kind, otherEntryIds: o.otherEntryIds, block: place.index, scope: place.scope };
}

/** Adds mention tokens (offsets relative to the block) at `place`. */
function addMentions(tokens: readonly MentionToken[], place: BlockPlace, mentions: AbbreviationMention[]): void {
  const shift = place.shift;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    mentions.push(newMention(place.keptOnce(token.text), place.keptOnce(token.key), token.start + shift, token.end + shift, place));
  }
}

/** A mention with every field it will ever have, so that linking it to a definition changes no object shape. */
function newMention(text: string, key: string, start: number, end: number, place: BlockPlace): AbbreviationMention {
  return { text, key, start, end, scope: place.scope, block: place.index, inHeading: place.inHeading || end <= place.runInHeadEnd, definition: undefined, inLongForm: false };
}

/**
 * A bold run-in head opening a paragraph of the main text or the abstract (`**totalVI**
 * [@ref] combines …`, `**Cell culture.** Cells were …`): a heading set in the paragraph's first
 * line, as journals print sideheads and as reviews of methods head each tool's paragraph. Its
 * uses are a heading's (no first use, no early use). Up to five words, no bracket (a bold
 * definition, `**Natural killer (NK) cells** are …`, stays text), and the paragraph goes on
 * after it. Returns where the head ends in `text`, or -1.
 */
function runInHeadEnd(text: string, block: ProseBlock): number {
  if (block.kind !== 'paragraph' || block.region.kind === 'legend' || block.region.kind === 'title') return -1;
  const head = RUN_IN_HEAD.exec(text.slice(block.start, Math.min(block.end, block.start + 80)));
  if (!head || head[2]!.trim().split(/\s+/u).length > 5) return -1;
  return block.start + head[1]!.length * 2 + head[2]!.length;
}
/** Bold at a paragraph's start, closed, then more of the paragraph on the same line. */
const RUN_IN_HEAD = /^(\*\*|__)(?=\S)([^*_\n()[\]{}]{1,60}?)(?<=\S)\1(?=[ \t]*\S)/u;

/**
 * The expansion a detected definition gives: its long form, after the leading words a
 * series item shares with the first item (`antibody-dependent` + `complement deposition`)
 * and before the head words two coordinated terms share (`whole genome` + `sequencing`).
 */
function expansionOf(found: DetectedDefinition, text: string, shift: number): string {
  const written = withoutEmphasisMarks(found.long, text, found.longStart + shift);
  let long = found.sharedLeadingWords === undefined ? written : `${found.sharedLeadingWords} ${written}`;
  // A suspended hyphen takes the head without a space (`single-` + `base substitution`).
  if (found.sharedTrailingWords !== undefined) long = long.endsWith('-') ? `${long}${found.sharedTrailingWords}` : `${long} ${found.sharedTrailingWords}`;
  // Masked markup inside a long form (`_…coronavirus_ 2`, a citation) leaves runs of spaces.
  return long.includes('  ') ? long.replace(/ {2,}/g, ' ') : long;
}

/**
 * Where the block's masked text blanks an emphasis marker (`*`, `_`) or a link's bracket (`[`,
 * `]`) or an anchor's `#`, as a prefix for its cache key: the long forms read from the block drop
 * the emphasis markers (see {@link withoutEmphasisMarks}), and a label that is the whole text of a
 * link to an anchor defines nothing (see {@link isLinkedLabel}), so two blocks masked alike
 * (`NOD-*scid*` and `NOD- scid `, `[(A1)](#a1)` and `[(A1)](http)`) must not share an analysis.
 * Empty for a block without any of these characters, most of them.
 */
function markupMarksKey(text: string, slice: string, start: number): string {
  const written = text.slice(start, start + slice.length);
  if (!written.includes('*') && !written.includes('_') && !written.includes('[')) return '';
  let marks = '';
  for (let i = 0; i < slice.length; i++) if (isBlankedMarkupMark(written.charCodeAt(i), slice.charCodeAt(i))) marks += `${i},`;
  return marks.length === 0 ? '' : `${marks}\u0001`;
}

/**
 * Whether a character written `written` and masked `masked` is an emphasis marker, a link's
 * bracket or a `#` (the anchor a link may point to) the mask blanked.
 */
function isBlankedMarkupMark(written: number, masked: number): boolean {
  return masked === 0x20 && (written === 0x2a || written === 0x5f || written === 0x5b || written === 0x5d || written === 0x23);
}

/**
 * A numbered label in brackets that is the whole text of a link to a place in the document
 * (`assumption [(A1)](#assumption1)`): a reference to the label given there, not a definition of
 * the words before it. Another short form so linked (`Natural killer [(NK)](#glossary)`) and a
 * link elsewhere (`Consortium [(PPTC)](https://…)`) still define.
 */
function isLinkedLabel(text: string, short: string, shortStart: number, shortEnd: number): boolean {
  return LABEL_SHAPE.test(short) && text.startsWith('[(', shortStart - 2) && text.startsWith(')](#', shortEnd);
}

/** Whether a character written `written` and masked `masked` is an emphasis marker (`*`, `_`) the mask blanked. */
function isBlankedEmphasisMark(written: number, masked: number): boolean {
  return masked === 0x20 && (written === 0x2a || written === 0x5f);
}

/**
 * A long form read on the masked text, with the emphasis markers inside it taken out rather than
 * left as spaces: `NOD-*scid* gamma` is `NOD-scid gamma`, `*Il2rg*-null` is `Il2rg-null`, not
 * `NOD- scid gamma`. `from` is where `long` starts in `text`, the document as written. Other
 * masked markup (a citation, code) still leaves a space, which the caller collapses.
 */
function withoutEmphasisMarks(long: string, text: string, from: number): string {
  let kept: string[] | undefined;
  let copied = 0;
  for (let i = 0; i < long.length; i++) {
    if (!isBlankedEmphasisMark(text.charCodeAt(from + i), long.charCodeAt(i))) continue;
    (kept ??= []).push(long.slice(copied, i));
    copied = i + 1;
  }
  if (kept === undefined) return long;
  kept.push(long.slice(copied));
  return kept.join('');
}

/**
 * `effector-to-target ratio (E:T ratio)`, `mouse embryonic fibroblast cells (MEF cells)`,
 * `extended-spectrum beta-lactamase producers (ESBL-producers)`: a short form that spells out the
 * head noun its long form ends with, after a space or a hyphen, abbreviates the words before that
 * noun, and later uses write it alone (`the E:T was 10:1`, `MEF`, `ESBL Enterobacteriaceae`).
 * Returns the noun's length (0 when the short form has none), so definition and uses share the key `E:T`.
 */
function spelledHeadNounLength(found: DetectedDefinition): number {
  const words = TRAILING_NOUN.exec(found.short);
  const noun = words?.[1] ?? words?.[2];
  if (noun === undefined || found.sharedTrailingWords !== undefined || !found.long.endsWith(noun)) return 0;
  const beforeNoun = found.long.charCodeAt(found.long.length - noun.length - 1);
  return beforeNoun === 0x20 || beforeNoun === 0x2d ? noun.length : 0;
}
/** `form` without its last `noun` units and the space or hyphen before them (`ESBL-producers` → `ESBL`). */
function withoutNoun(form: string, noun: number): string {
  return form.slice(0, form.length - noun).replace(/[\s-]+$/u, '');
}

/**
 * A short form of two parts, the second a lower-case word of three or more letters (`E:T ratio`,
 * `MEF cells`), or of five or more after a hyphen (`ESBL-producers`): a shorter one is a method's
 * suffix (`scATAC-seq` of `single-cell ATAC-seq`, `ChIP-chip`), part of the name.
 */
const TRAILING_NOUN = /^(?:\S+\s+(\p{Ll}{3,})|[^\s-]+-(\p{Ll}{5,}))$/u;

/** What kind of file a document is, from its name: `.txt` is all prose, everything else markdown. */
export function documentFormat(uri: string): 'markdown' | 'text' {
  return /\.txt$/i.test(uri) ? 'text' : 'markdown';
}

/** The scope name of a region under a scope mode. */
export function scopeOf(region: Region, mode: ScopeMode): ScopeName {
  if (mode === 'document') return 'document';
  return region.kind === 'legend' ? `legend:${region.label}` : region.kind;
}

/** A box read apart from the main text (`## Box 1: …`), scoped as a legend is: `legend:Box 1`. */
export function isBoxScope(scope: ScopeName): boolean {
  return scope.startsWith('legend:Box ');
}

/** Human wording for a scope name in messages. */
export function describeScope(scope: ScopeName): string {
  if (scope === 'main') return 'in the main text';
  if (scope === 'abstract') return 'in the abstract';
  if (scope === 'title') return 'in the title';
  if (scope === 'document') return 'in this document';
  if (scope.startsWith('legend:')) return isBoxScope(scope) ? `in ${scope.slice(7)}` : `in the legend '${scope.slice(7)}'`;
  return `in scope '${scope}'`;
}

/** Options for building a document model. */
export interface ModelOptions {
  scopeMode?: ScopeMode;
  /** Knowledge base whose terms are located in the prose. */
  knowledge?: KnowledgeBase;
  /** The previous version's block cache (same knowledge base), to reuse unchanged blocks. */
  blockCache?: BlockCache;
  /** The previous version's inline exclusions by block (`ProseMap.inlineCache`). */
  inlineCache?: InlineCache;
  /**
   * The previous version's text and prose map: an edit inside one paragraph shifts it instead of
   * scanning again (`proseRescan.ts`); then the blocks it left unchanged take their cache keys
   * from `cacheKeys`, that version's `DocumentModel.cacheKeys`.
   */
  earlierProse?: { text: string; prose: ProseMap; cacheKeys?: BlockCacheKeys };
  /** The previous version's abbreviation lists by block (`DocumentModel.listCache`). */
  listCache?: ListCache;
}

/**
 * Builds the document model: prose map, scopes, definitions and mentions. Pure and
 * total: any string gives a model.
 */
export function buildDocumentModel(uri: string, version: number, text: string, options: ModelOptions = {}): DocumentModel {
  const scopeMode = options.scopeMode ?? 'journal';
  const earlier = options.earlierProse;
  const prose = (earlier && rescanEditedParagraph(text, earlier.text, earlier.prose)) || scanProse(text, documentFormat(uri), options.inlineCache, isAbstractFile(uri));
  const blockScopes = prose.blocks.map((block) => scopeOf(block.region, scopeMode));

  const items: ModelItems = { definitions: [], terms: [], mentions: [] };
  const { definitions: written, terms, mentions } = items;
  const listCache: ListCache = new Map();
  const earlierKeys = prose.shifted ? earlier?.cacheKeys : undefined;
  const cacheKeys: BlockCacheKeys = { blocks: [], listStarts: [], lists: [] };
  const lists = findAbbreviationLists(text, prose, { previous: options.listCache, next: listCache, earlierKeys: earlierKeys?.lists, keys: cacheKeys.lists });
  const previous = options.blockCache;
  const blockCache: BlockCache = new Map();
  const blockTokens: BlockTokens[] = [];
  const keptOnce = textKeptOnce();
  // A plain loop rather than forEach: a fresh process optimises it sooner (measured in the CLI).
  for (let index = 0; index < prose.blocks.length; index++) {
    const block = prose.blocks[index]!;
    const scope = blockScopes[index]!;
    const listed = lists.get(index);
    const place: BlockPlace = { index, scope, shift: block.start, inHeading: block.kind === 'heading' || block.kind === 'title', runInHeadEnd: runInHeadEnd(text, block), keptOnce };
    const detectedFrom = written.length;
    const listStart = listed === undefined ? -1 : listed.start - block.start;
    const earlierKey = earlierKeys && earlierKeys.listStarts[index] === listStart && maskedUnchanged(prose, block.start, block.end) ? earlierKeys.blocks[index] : undefined;
    const { tokens, cacheKey } = addBlockItems(text, prose.masked, block, place, listed?.start, options.knowledge, previous, blockCache, items, earlierKey);
    blockTokens.push(tokens);
    cacheKeys.blocks.push(cacheKey);
    cacheKeys.listStarts.push(listStart);
    // A legend key's bracketed pair the detector read as well is defined once (one set per block: a key may hold thousands of pairs).
    const detectedStarts = listed ? startsFrom(written, detectedFrom) : undefined;
    for (const entry of listed?.entries ?? []) {
      const key = abbreviationKey(entry.short);
      if (key.length === 0 || detectedStarts?.has(entry.shortStart)) continue;
      const { short, long, shortStart, shortEnd, longStart, longEnd } = entry;
      written.push({ short, shortStart, shortEnd, long: withoutGlyphFill(long), longStart, longEnd, pattern: 'list', key, scope, block: index });
    }
  }

  // A numbered label the document gives at the head of an item (`(A1) Spillover is …`) is what
  // `our assumption (A1)` refers to elsewhere: no definition of the noun before it.
  // A copy: the block cache's item ranges index the array the blocks filled, which must stay whole.
  const labels = numberedLabels(text, written);
  const definitions = withoutContradictedLoosePairings(labels.size > 0 ? withoutLabelReferences(written, labels) : written, prose.masked);

  // Lower-case joined letters (`r/r`) are mentions only if the document defines them or the knowledge base knows them.
  const tentative = new Set<number>();
  for (let i = 0; i < mentions.length; i++) {
    // At most three letters and two joiners: most mentions are ruled out by length alone.
    const text = mentions[i]!.text;
    if (text.length <= 5 && LOWER_CASE_JOINED_LETTERS.test(text)) tentative.add(i);
  }
  const vouched = tentative.size > 0 ? withoutUnvouchedMentions(mentions, tentative, definitions, options.knowledge) : mentions;
  const spaced = joinSpacedPairs(joinSpacedNumbers(vouched, definitions, prose.masked), definitions, prose.masked);
  const joined = joinPrefixedShortForms(joinSlashPairs(spaced, definitions, prose.masked), definitions, prose.masked);
  const kept = readSentenceCapitals(joined, definitions, text);
  linkMentionsToDefinitions(definitions, kept, options.knowledge);

  const byKey = new Map<string, { definitions: AbbreviationDefinition[]; mentions: AbbreviationMention[] }>();
  const entry = (key: string) => {
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = { definitions: [], mentions: [] }));
    return found;
  };
  for (let i = 0; i < definitions.length; i++) {
    const definition = definitions[i]!;
    entry(definition.key).definitions.push(definition);
  }
  for (let i = 0; i < kept.length; i++) {
    const mention = kept[i]!;
    entry(mention.key).mentions.push(mention);
  }

  const model: DocumentModel = { uri, version, text, lines: prose.lines, prose, abbreviationLists: lists, blockTokens, scopeMode, blockScopes, definitions, mentions: kept, byKey, terms, blockCache, listCache, cacheKeys };
  if (options.knowledge) model.knowledge = options.knowledge;
  return model;
}

/** Single letters joined by `/` or `:`, one of them lower case (`r/r`, `w/v`): shorthand unless vouched for. */
const LOWER_CASE_JOINED_LETTERS = /^(?=.*\p{Ll})\p{L}(?:[/:]\p{L}){1,2}$/u;

/** Where the short forms of `definitions[from…]` start: the definitions the detector found in one block. */
function startsFrom(definitions: readonly AbbreviationDefinition[], from: number): Set<number> {
  const starts = new Set<number>();
  for (let i = from; i < definitions.length; i++) starts.add(definitions[i]!.shortStart);
  return starts;
}

/**
 * The mentions without the tentative ones (lower-case joined letters, `r/r`) that neither a
 * definition of the document nor the knowledge base vouches for: `w/v` and `w/o` are shorthand.
 */
function withoutUnvouchedMentions(
  mentions: AbbreviationMention[],
  tentative: ReadonlySet<number>,
  definitions: AbbreviationDefinition[],
  knowledge: KnowledgeBase | undefined,
): AbbreviationMention[] {
  const defined = new Set(definitions.map((definition) => definition.key));
  return mentions.filter((mention, index) => {
    if (!tentative.has(index) || defined.has(mention.key)) return true;
    const known = knowledge?.lookup(mention.text);
    return known !== undefined && !known.folded;
  });
}

/**
 * Ties each definition to the mention of its short form, and marks mentions inside a long
 * form (`DNAX` in `DNAX-activating protein 10 (DAP10)`): part of that name, not a use.
 * Definitions never span blocks, so each mention is compared with its own block's only,
 * by binary search (one long paragraph may hold thousands of definitions).
 */
function linkMentionsToDefinitions(definitions: AbbreviationDefinition[], mentions: AbbreviationMention[], knowledge: KnowledgeBase | undefined): void {
  const byShort = new Map<number, number[]>();
  const byLong = new Map<number, number[]>();
  definitions.forEach((definition, index) => {
    for (const map of [byShort, byLong]) {
      const list = map.get(definition.block);
      if (list) list.push(index);
      else map.set(definition.block, [index]);
    }
  });
  for (const list of byShort.values()) list.sort((a, b) => definitions[a]!.shortStart - definitions[b]!.shortStart);
  for (const list of byLong.values()) list.sort((a, b) => definitions[a]!.longStart - definitions[b]!.longStart);
  /** Position in `list` of the last definition whose `start(d)` is at or before `offset`, or -1. */
  const lastAtOrBefore = (list: number[], offset: number, start: (d: AbbreviationDefinition) => number): number =>
    lowerBound(list.length, (k) => start(definitions[list[k]!]!) <= offset) - 1;
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i]!;
    const shorts = byShort.get(mention.block);
    if (!shorts) continue;
    for (let k = lastAtOrBefore(shorts, mention.start, (d) => d.shortStart); k >= 0; k--) {
      const definition = definitions[shorts[k]!]!;
      if (definition.shortEnd < mention.start) break;
      if (mention.end <= definition.shortEnd) {
        mention.definition = shorts[k]!;
        mention.key = definition.key;
        break;
      }
    }
    if (mention.definition !== undefined) continue;
    const longs = byLong.get(mention.block)!;
    const last = lastAtOrBefore(longs, mention.start, (d) => d.longStart);
    // Long forms barely overlap: the few starting last before the mention are the only candidates.
    for (let k = last; k >= 0 && k > last - 4; k--) {
      const definition = definitions[longs[k]!]!;
      // An abbreviation the knowledge base asks to define is used there (`iPSC` in `iPSC-derived NK (iNK)`), not a name's part.
      if (mention.start >= definition.longStart && mention.end <= definition.longEnd) {
        mention.inLongForm = !knowledgeAsksToDefine(knowledge, mention.key);
        break;
      }
    }
  }
  usedAloneIsUsedInLongForms(mentions);
}

/**
 * A key the text also writes on its own (`the VA`, after `Boise VA Medical Center (BVAMC)`) is an
 * abbreviation the reader meets first inside that long form: its uses there count. One written only
 * inside long forms (`DNAX` of `DNAX-activating protein 10 (DAP10)`) stays part of those names.
 */
function usedAloneIsUsedInLongForms(mentions: AbbreviationMention[]): void {
  let inLongForms: AbbreviationMention[] | undefined;
  for (let i = 0; i < mentions.length; i++) if (mentions[i]!.inLongForm) (inLongForms ??= []).push(mentions[i]!);
  if (!inLongForms) return;
  const alone = new Set<string>();
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i]!;
    if (mention.definition === undefined && !mention.inLongForm) alone.add(mention.key);
  }
  for (const mention of inLongForms) if (alone.has(mention.key)) mention.inLongForm = false;
}
