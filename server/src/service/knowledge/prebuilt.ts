import type { KnowledgeBase, TermEntry } from './types';
import { decodeIndex, encodeIndex, indexKnowledge, knowledgeBaseOver, type EncodedIndex } from './knowledgeBase';
import { buildTermTrie, decodeTermTrie, encodeTermTrie, termMatcherOver, type EncodedTermTrie } from './termMatcher';

/**
 * The built-in knowledge base as the build leaves it (out/generated/builtin-data.js): entries
 * already normalised and given their derived forms and both form indexes, so that start-up
 * revives them instead of computing them (issue 16: the knowledge base loaded in about 80 ms of
 * a cold process, most of it deriving forms and building the trie). The term trie is apart
 * ({@link PrebuiltData}), parsed at the first term match, which hover and look-ups never need.
 */
export interface PrebuiltKnowledge {
  readonly formatVersion: number;
  readonly categories: readonly string[];
  /** The entries as {@link EntryRow}s. */
  readonly entries: readonly EntryRow[];
  /** The entries' categories, which rows give by position. */
  readonly entryCategories: readonly string[];
  readonly exact: EncodedIndex;
  readonly folded: EncodedIndex;
}

/**
 * A normalised entry without its field names (a third of the text of 900 entries written as
 * objects, and every byte of it read, scanned and parsed at each start): its ten fields always
 * present, in their order, an empty list as 0, the category by position, needsDefinition as 1 or 0,
 * then, when it has any, an object of its optional fields (notes, relations, ambiguous, sources,
 * cellLine) in order.
 */
export type EntryRow = readonly [
  id: string,
  preferred: string,
  expansions: TermEntry['expansions'] | 0,
  variants: TermEntry['variants'] | 0,
  discouraged: TermEntry['discouraged'] | 0,
  definition: string,
  category: number,
  genes: TermEntry['genes'] | 0,
  related: TermEntry['related'] | 0,
  needsDefinition: 0 | 1,
  optional?: Partial<TermEntry>,
];

/**
 * The one empty list that every revived entry's empty field shares: half of the entries' lists are
 * empty, and a list parsed for each was as many small objects for the parser and the collector.
 * Frozen, because it is shared.
 */
const NO_ITEMS: readonly never[] = Object.freeze([]);

/** A list as an {@link EntryRow} writes it. */
function listOrZero<T>(list: readonly T[]): readonly T[] | 0 {
  return list.length === 0 ? 0 : list;
}

const ALWAYS_PRESENT = new Set(['id', 'preferred', 'expansions', 'variants', 'discouraged', 'definition', 'category', 'genes', 'related', 'needsDefinition']);

/** An entry as an {@link EntryRow}, its category numbered in `categories` (added to when new). */
function entryRow(entry: TermEntry, categories: string[]): EntryRow {
  let category = categories.indexOf(entry.category);
  if (category < 0) category = categories.push(entry.category) - 1;
  const optional = Object.fromEntries(Object.entries(entry).filter(([key]) => !ALWAYS_PRESENT.has(key)));
  const row = [
    entry.id,
    entry.preferred,
    listOrZero(entry.expansions),
    listOrZero(entry.variants),
    listOrZero(entry.discouraged),
    entry.definition,
    category,
    listOrZero(entry.genes),
    listOrZero(entry.related),
    entry.needsDefinition ? 1 : 0,
  ] as const;
  return Object.keys(optional).length > 0 ? [...row, optional] : row;
}

/** The entry an {@link EntryRow} holds, its fields in the order normalisation gives them. */
function entryOfRow(row: EntryRow, categories: readonly string[]): TermEntry {
  // Indexes, not destructuring: this runs once per entry at start-up, before any of it is
  // optimised, and the interpreter destructures an array through its iterator.
  const entry: TermEntry = {
    id: row[0],
    preferred: row[1],
    expansions: row[2] || NO_ITEMS,
    variants: row[3] || NO_ITEMS,
    discouraged: row[4] || NO_ITEMS,
    definition: row[5],
    category: categories[row[6]]!,
    genes: row[7] || NO_ITEMS,
    related: row[8] || NO_ITEMS,
    needsDefinition: row[9] === 1,
  };
  const optional = row[10];
  return optional === undefined ? entry : Object.assign(entry, optional);
}

/** What the build writes: the knowledge base and, apart, its term trie. */
export interface PrebuiltData {
  readonly knowledge: PrebuiltKnowledge;
  readonly trie: EncodedTermTrie;
}

/** The compiled knowledge base (out/generated/knowledge.json): empty optional arrays are left out there. */
export interface CompiledKnowledge {
  readonly formatVersion: number;
  readonly categories: readonly string[];
  readonly entries: readonly Partial<TermEntry>[];
}

/** Computes, at build time, everything {@link knowledgeBaseFromPrebuilt} revives. */
export function prebuildKnowledge(compiled: CompiledKnowledge): PrebuiltData {
  const index = indexKnowledge(compiled.entries as TermEntry[]);
  const entryCategories: string[] = [];
  const knowledge = {
    formatVersion: compiled.formatVersion,
    categories: compiled.categories,
    entries: index.entries.map((entry) => entryRow(entry, entryCategories)),
    entryCategories,
    exact: encodeIndex(index.exact, index.entries),
    folded: encodeIndex(index.folded, index.entries),
  };
  return { knowledge, trie: encodeTermTrie(buildTermTrie(index.entries), index.entries.map((entry) => entry.id)) };
}

/**
 * The knowledge base {@link prebuildKnowledge} described: the same as `createKnowledgeBase`
 * over the compiled entries (a test holds the two equal). The trie, which `trie()` gives, is
 * revived on first use.
 */
export function knowledgeBaseFromPrebuilt(prebuilt: PrebuiltKnowledge, trie: () => EncodedTermTrie): KnowledgeBase {
  const entries = prebuilt.entries.map((row) => entryOfRow(row, prebuilt.entryCategories));
  const index = { entries, exact: decodeIndex(prebuilt.exact, entries), folded: decodeIndex(prebuilt.folded, entries) };
  return knowledgeBaseOver(index, () => termMatcherOver(decodeTermTrie(trie(), entries.map((entry) => entry.id))));
}
