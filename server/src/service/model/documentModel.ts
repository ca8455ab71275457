import { detectDefinitions } from '../abbreviations/definitionDetector';
import type { KnowledgeBase, TermOccurrence } from '../knowledge/types';
import { findAbbreviationLists } from './abbreviationLists';
import { findKnownDefinitions } from './knownDefinitions';
import { scanProse, type ProseBlock, type ProseMap, type Region } from '../markdown/proseScanner';
import { LineIndex } from '../text/lineIndex';
import { abbreviationKey, findMentionTokens } from './mentions';

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
  /** The long form as written (`induced pluripotent stem cells`). */
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
  origin?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
}

/** A definition made in an earlier file of a book or an included file, carried into this one. */
export interface InheritedDefinition {
  short: string;
  long: string;
  key: string;
  uri: string;
  /** Range of the short form in that file. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
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
}

/** What kind of file a document is, from its name: `.txt` is all prose, everything else markdown. */
export function documentFormat(uri: string): 'markdown' | 'text' {
  return /\.txt$/i.test(uri) ? 'text' : 'markdown';
}

/** The scope name of a region under a scope mode. */
export function scopeOf(region: Region, mode: ScopeMode): ScopeName {
  if (mode === 'document') return 'document';
  return region.kind === 'legend' ? `legend:${region.label}` : region.kind;
}

/** Options for building a document model. */
export interface ModelOptions {
  scopeMode?: ScopeMode;
  /** Knowledge base whose terms are located in the prose. */
  knowledge?: KnowledgeBase;
}

/**
 * Builds the document model: prose map, scopes, definitions and mentions. Pure and
 * total: any string gives a model.
 */
export function buildDocumentModel(uri: string, version: number, text: string, options: ModelOptions = {}): DocumentModel {
  const scopeMode = options.scopeMode ?? 'journal';
  const prose = scanProse(text, documentFormat(uri));
  const blockScopes = prose.blocks.map((block) => scopeOf(block.region, scopeMode));

  const definitions: AbbreviationDefinition[] = [];
  const mentions: AbbreviationMention[] = [];
  const terms: TermMention[] = [];
  const lists = findAbbreviationLists(text, prose);
  prose.blocks.forEach((block: ProseBlock, index: number) => {
    const scope = blockScopes[index]!;
    const listed = lists.get(index);
    const detected = detectDefinitions(prose.masked, block.start, listed ? listed.start : block.end);
    if (options.knowledge) {
      detected.push(...findKnownDefinitions(prose.masked, block.start, listed ? listed.start : block.end, options.knowledge, detected));
      detected.sort((a, b) => a.shortStart - b.shortStart);
    }
    for (const found of detected) {
      const key = abbreviationKey(found.short);
      if (key.length === 0) continue;
      definitions.push({ ...found, key, scope, block: index });
    }
    for (const entry of listed?.entries ?? []) {
      const key = abbreviationKey(entry.short);
      if (key.length > 0) definitions.push({ ...entry, key, scope, block: index, pattern: 'list' });
    }
    if (options.knowledge) {
      for (const occurrence of options.knowledge.findTermOccurrences(prose.masked, block.start, block.end)) {
        terms.push({ ...occurrence, block: index, scope });
      }
    }
    const inHeading = block.kind === 'heading' || block.kind === 'title';
    for (const token of findMentionTokens(prose.masked, block.start, block.end)) {
      mentions.push({ ...token, scope, block: index, inHeading });
    }
  });

  // Tie each definition to the mention of its short form; definitions whose short form
  // is not abbreviation-like to our tokenizer (`5HT` is; `Fig` is not) still count.
  let m = 0;
  definitions.forEach((definition, index) => {
    while (m < mentions.length && mentions[m]!.end <= definition.shortStart) m++;
    for (let k = m; k < mentions.length && mentions[k]!.start < definition.shortEnd; k++) {
      const mention = mentions[k]!;
      if (mention.start >= definition.shortStart && mention.end <= definition.shortEnd) {
        mention.definition = index;
        mention.key = definition.key;
      }
    }
  });

  // Mentions inside a long form are part of that expansion, not uses.
  let d = 0;
  const byLongStart = [...definitions].sort((a, b) => a.longStart - b.longStart);
  for (const mention of mentions) {
    while (d < byLongStart.length && byLongStart[d]!.longEnd <= mention.start) d++;
    for (let k = d; k < byLongStart.length && byLongStart[k]!.longStart <= mention.start; k++) {
      const definition = byLongStart[k]!;
      if (mention.definition === undefined && mention.start >= definition.longStart && mention.end <= definition.longEnd) mention.inLongForm = true;
    }
  }

  const byKey = new Map<string, { definitions: AbbreviationDefinition[]; mentions: AbbreviationMention[] }>();
  const entry = (key: string) => {
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = { definitions: [], mentions: [] }));
    return found;
  };
  for (const definition of definitions) entry(definition.key).definitions.push(definition);
  for (const mention of mentions) entry(mention.key).mentions.push(mention);

  const model: DocumentModel = { uri, version, text, lines: new LineIndex(text), prose, scopeMode, blockScopes, definitions, mentions, byKey, terms };
  if (options.knowledge) model.knowledge = options.knowledge;
  return model;
}
