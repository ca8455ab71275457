import type { KnowledgeBase, TermEntry } from './types';
import { decodeIndex, encodeIndex, indexKnowledge, knowledgeBaseOver, type EncodedIndex } from './knowledgeBase';
import { buildTermTrie, decodeTermTrie, encodeTermTrie, termMatcherOver, type EncodedTermTrie } from './termMatcher';

/**
 * The built-in knowledge base as the build leaves it (out/generated/builtin-data.js): entries
 * already normalised and given their derived forms, both form indexes and the term trie, so
 * that start-up revives them instead of computing them (issue 16: the knowledge base loaded
 * in about 80 ms of a cold process, most of it deriving forms and building the trie).
 */
export interface PrebuiltKnowledge {
  readonly formatVersion: number;
  readonly categories: readonly string[];
  readonly entries: readonly TermEntry[];
  readonly exact: EncodedIndex;
  readonly folded: EncodedIndex;
  readonly trie: EncodedTermTrie;
}

/** The compiled knowledge base (out/generated/knowledge.json): empty optional arrays are left out there. */
export interface CompiledKnowledge {
  readonly formatVersion: number;
  readonly categories: readonly string[];
  readonly entries: readonly Partial<TermEntry>[];
}

/** Computes, at build time, everything {@link knowledgeBaseFromPrebuilt} revives. */
export function prebuildKnowledge(compiled: CompiledKnowledge): PrebuiltKnowledge {
  const index = indexKnowledge(compiled.entries as TermEntry[]);
  return {
    formatVersion: compiled.formatVersion,
    categories: compiled.categories,
    entries: index.entries,
    exact: encodeIndex(index.exact, index.entries),
    folded: encodeIndex(index.folded, index.entries),
    trie: encodeTermTrie(buildTermTrie(index.entries), index.entries.map((entry) => entry.id)),
  };
}

/**
 * The knowledge base {@link prebuildKnowledge} described: the same as `createKnowledgeBase`
 * over the compiled entries (a test holds the two equal). The trie is revived on first use.
 */
export function knowledgeBaseFromPrebuilt(prebuilt: PrebuiltKnowledge): KnowledgeBase {
  const { entries } = prebuilt;
  const index = { entries, exact: decodeIndex(prebuilt.exact, entries), folded: decodeIndex(prebuilt.folded, entries) };
  return knowledgeBaseOver(index, () => termMatcherOver(decodeTermTrie(prebuilt.trie, entries.map((entry) => entry.id))));
}
