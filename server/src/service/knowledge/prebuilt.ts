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
  readonly entries: readonly TermEntry[];
  readonly exact: EncodedIndex;
  readonly folded: EncodedIndex;
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
  const knowledge = {
    formatVersion: compiled.formatVersion,
    categories: compiled.categories,
    entries: index.entries,
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
  const { entries } = prebuilt;
  const index = { entries, exact: decodeIndex(prebuilt.exact, entries), folded: decodeIndex(prebuilt.folded, entries) };
  return knowledgeBaseOver(index, () => termMatcherOver(decodeTermTrie(trie(), entries.map((entry) => entry.id))));
}
