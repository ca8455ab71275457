import { detectDefinitions, type DetectedDefinition } from '../abbreviations/definitionDetector';
import type { KnowledgeBase, TermOccurrence } from '../knowledge/types';
import { findAbbreviationLists, type BlockAbbreviationList, type ListCache } from './abbreviationLists';
import { findKnownDefinitions } from './knownDefinitions';
import { rescanEditedParagraph } from '../markdown/proseRescan';
import { scanProse, type InlineCache, type ProseBlock, type ProseMap, type Region } from '../markdown/proseScanner';
import { lowerBound } from '../text/sortedSearch';
import { LineIndex } from '../text/lineIndex';
import { abbreviationKey, mentionTokensFrom, type MentionToken } from './mentions';
import { tokenize, type BlockTokens } from '../text/tokens';

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
  /** `long-short` for `long form (SF)`, `short-long` for `SF (long form)`, `list` for an entry of an abbreviation list. */
  pattern: 'long-short' | 'short-long' | 'list';
  /** Index of the prose block holding it (-1 for a definition inherited from another file). */
  block: number;
  /** For a definition made in another file of the same book (an earlier chapter): where. Offsets are then -1. */
  origin?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; listed?: boolean };
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
  /** True when the mention sits inside a definition's long form (`DNAX` in `DNAX-activating protein 10 (DAP10)`): part of a name, not a use. */
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
}

/** What one prose block yields, in offsets relative to the block's start. */
interface BlockAnalysis {
  /** The token pass over the block (see `text/tokens.ts`). */
  tokens: BlockTokens;
  detected: DetectedDefinition[];
  terms: TermOccurrence[];
  mentions: MentionToken[];
}

/** Block analyses keyed by the block's masked text (and where an abbreviation list starts in it). */
export type BlockCache = Map<string, BlockAnalysis>;

/**
 * Definitions, term occurrences and mention tokens of one block, relative to its start.
 * They depend only on the block's masked text, so a keystroke re-analyses one block and
 * takes the rest from the previous version's cache.
 */
function analyseBlock(
  masked: string,
  block: ProseBlock,
  listStart: number | undefined,
  knowledge: KnowledgeBase | undefined,
  previous: BlockCache | undefined,
  next: BlockCache,
): BlockAnalysis {
  const slice = masked.slice(block.start, block.end);
  const cacheKey = listStart === undefined ? slice : `${listStart - block.start}\u0000${slice}`;
  const cached = next.get(cacheKey) ?? previous?.get(cacheKey);
  if (cached) {
    next.set(cacheKey, cached);
    return cached;
  }
  // Analyse the block on its own text, so offsets come out relative to its start.
  // One token pass over the block feeds every reader of it.
  const tokens = tokenize(slice);
  const end = (listStart ?? block.end) - block.start;
  const detected = detectDefinitions(slice, 0, end, tokens);
  if (knowledge) {
    for (const known of findKnownDefinitions(slice, tokens.marks, 0, end, knowledge, detected)) detected.push(known);
    detected.sort((a, b) => a.shortStart - b.shortStart);
  }
  const analysis: BlockAnalysis = {
    tokens,
    detected,
    terms: knowledge ? knowledge.findTermOccurrencesInTokens(slice, tokens) : [],
    mentions: mentionTokensFrom(slice, tokens),
  };
  next.set(cacheKey, analysis);
  return analysis;
}

/**
 * The expansion a detected definition gives: its long form, after the leading words a
 * series item shares with the first item (`antibody-dependent` + `complement deposition`)
 * and before the head words two coordinated terms share (`whole genome` + `sequencing`).
 */
function expansionOf(found: DetectedDefinition): string {
  let long = found.sharedLeadingWords === undefined ? found.long : `${found.sharedLeadingWords} ${found.long}`;
  if (found.sharedTrailingWords !== undefined) long = `${long} ${found.sharedTrailingWords}`;
  // Masked markup inside a long form (`_…coronavirus_ 2`, a citation) leaves runs of spaces.
  return long.includes('  ') ? long.replace(/ {2,}/g, ' ') : long;
}

/**
 * `effector-to-target ratio (E:T ratio)`, `mouse embryonic fibroblast cells (MEF cells)`: a
 * short form that spells out the head noun its long form ends with abbreviates the words before
 * that noun, and later uses write it alone (`the E:T was 10:1`, `MEF`). Returns the noun's length
 * (0 when the short form has none), so definition and uses share the key `E:T`.
 */
function spelledHeadNounLength(found: DetectedDefinition): number {
  const noun = TRAILING_NOUN.exec(found.short)?.[1];
  if (noun === undefined || found.sharedTrailingWords !== undefined || !found.long.endsWith(noun)) return 0;
  const beforeNoun = found.long.charCodeAt(found.long.length - noun.length - 1);
  return beforeNoun === 0x20 || beforeNoun === 0x2d ? noun.length : 0;
}
/** A short form of two parts, the second a lower-case word of three or more letters (`E:T ratio`, `MEF cells`). */
const TRAILING_NOUN = /^\S+\s+(\p{Ll}{3,})$/u;

/** What kind of file a document is, from its name: `.txt` is all prose, everything else markdown. */
export function documentFormat(uri: string): 'markdown' | 'text' {
  return /\.txt$/i.test(uri) ? 'text' : 'markdown';
}

/** The scope name of a region under a scope mode. */
export function scopeOf(region: Region, mode: ScopeMode): ScopeName {
  if (mode === 'document') return 'document';
  return region.kind === 'legend' ? `legend:${region.label}` : region.kind;
}

/** Human wording for a scope name in messages. */
export function describeScope(scope: ScopeName): string {
  if (scope === 'main') return 'in the main text';
  if (scope === 'abstract') return 'in the abstract';
  if (scope === 'title') return 'in the title';
  if (scope === 'document') return 'in this document';
  if (scope.startsWith('legend:')) return `in the legend '${scope.slice(7)}'`;
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
  /** The previous version's text and prose map: an edit inside one paragraph shifts it instead of scanning again (`proseRescan.ts`). */
  earlierProse?: { text: string; prose: ProseMap };
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
  const prose = (earlier && rescanEditedParagraph(text, earlier.text, earlier.prose)) || scanProse(text, documentFormat(uri), options.inlineCache);
  const blockScopes = prose.blocks.map((block) => scopeOf(block.region, scopeMode));

  const definitions: AbbreviationDefinition[] = [];
  const mentions: AbbreviationMention[] = [];
  const terms: TermMention[] = [];
  const listCache: ListCache = new Map();
  const lists = findAbbreviationLists(text, prose, { previous: options.listCache, next: listCache });
  const previous = options.blockCache;
  const blockCache: BlockCache = new Map();
  const blockTokens: BlockTokens[] = [];
  // Lower-case joined letters (`r/r`) are mentions only if the document defines them or the knowledge base knows them.
  const tentative = new Set<number>();
  // A plain loop rather than forEach: a fresh process optimises it sooner (measured in the CLI).
  for (let index = 0; index < prose.blocks.length; index++) {
    const block = prose.blocks[index]!;
    const scope = blockScopes[index]!;
    const listed = lists.get(index);
    const analysis = analyseBlock(prose.masked, block, listed?.start, options.knowledge, previous, blockCache);
    blockTokens.push(analysis.tokens);
    // Explicit literals rather than spreads: one object shape per array, built fast.
    const shift = block.start;
    for (let i = 0; i < analysis.detected.length; i++) {
      const found = analysis.detected[i]!;
      const noun = spelledHeadNounLength(found);
      const short = noun === 0 ? found.short : found.short.slice(0, found.short.length - noun).trimEnd();
      const key = abbreviationKey(short);
      if (key.length === 0) continue;
      const long = expansionOf(found);
      definitions.push({
        short,
        shortStart: found.shortStart + shift,
        shortEnd: found.shortStart + shift + short.length,
        long: noun === 0 ? long : long.slice(0, long.length - noun).trimEnd(),
        longStart: found.longStart + shift,
        longEnd: noun === 0 ? found.longEnd + shift : found.longStart + shift + found.long.slice(0, found.long.length - noun).trimEnd().length,
        pattern: found.pattern,
        key,
        scope,
        block: index,
      });
    }
    for (const entry of listed?.entries ?? []) {
      const key = abbreviationKey(entry.short);
      if (key.length === 0) continue;
      const { short, long, shortStart, shortEnd, longStart, longEnd } = entry;
      definitions.push({ short, shortStart, shortEnd, long, longStart, longEnd, pattern: 'list', key, scope, block: index });
    }
    for (let i = 0; i < analysis.terms.length; i++) {
      const occurrence = analysis.terms[i]!;
      const { entryId, form, kind, otherEntryIds } = occurrence;
      const term: TermMention = { start: occurrence.start + shift, end: occurrence.end + shift, entryId, form, kind, block: index, scope };
      if (otherEntryIds !== undefined) (term as { otherEntryIds?: readonly string[] }).otherEntryIds = otherEntryIds;
      terms.push(term);
    }
    const inHeading = block.kind === 'heading' || block.kind === 'title';
    for (let i = 0; i < analysis.mentions.length; i++) {
      const token = analysis.mentions[i]!;
      mentions.push({ text: token.text, key: token.key, start: token.start + shift, end: token.end + shift, scope, block: index, inHeading });
      if (token.tentative) tentative.add(mentions.length - 1);
    }
  }

  const kept = tentative.size > 0 ? withoutUnvouchedMentions(mentions, tentative, definitions, options.knowledge) : mentions;
  linkMentionsToDefinitions(definitions, kept);

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

  const model: DocumentModel = { uri, version, text, lines: prose.lines, prose, abbreviationLists: lists, blockTokens, scopeMode, blockScopes, definitions, mentions: kept, byKey, terms, blockCache, listCache };
  if (options.knowledge) model.knowledge = options.knowledge;
  return model;
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
function linkMentionsToDefinitions(definitions: AbbreviationDefinition[], mentions: AbbreviationMention[]): void {
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
      if (mention.start >= definition.longStart && mention.end <= definition.longEnd) {
        mention.inLongForm = true;
        break;
      }
    }
  }
}
