import { lowerCaseUnit, upperCaseUnit } from '../text/caseFolding';
import type { FormKind, TermEntry, TermOccurrence } from './types';
import { isHyphenUnit, isWhitespaceUnit, isWordCharacterAt, isWordCharacterBefore } from '../text/characters';
import { foldedHashOf, foldedHashStep, tokenize, type BlockTokens } from '../text/tokens';

/**
 * A character trie over every written form of a knowledge base, walked once per word start.
 *
 * Why a trie: a 200,000-word thesis must be matched in a few tens of milliseconds; one regular
 * expression per form (thousands of forms) would rescan the text thousands of times.
 *
 * Matching rules, all decided per token of a form (tokens are separated by spaces and hyphens):
 * - a token written entirely in lower case (cytotoxicity, cell) matches in any case, so sentence
 *   starts and headings match; a token with any capital (NK, iPSC, scFv, T, Fas) matches only
 *   exactly, so "nk" is not NK and the gene symbol FAS is not the protein Fas;
 * - a space in a form matches any run of whitespace with at most one line break (wrapped prose);
 * - a hyphen matches the ASCII hyphen and the Unicode hyphen and non-breaking hyphen;
 * - a match must start and end on word boundaries; a plural -s after the form is included;
 * - the longest match wins; at equal length an exact-case match beats a case-folded one, then
 *   preferred beats variant, expansion and discouraged forms.
 */
export interface TermMatcher {
  /** See {@link KnowledgeBase.findTermOccurrences}. */
  findOccurrences(text: string, from: number, to: number): TermOccurrence[];
  /** The same, over `text` already tokenized (the whole of it) by the token pass. */
  findOccurrencesInTokens(text: string, tokens: BlockTokens): TermOccurrence[];
  /** The same, each occurrence handed to `visit` as it is found. */
  forEachOccurrenceInTokens(text: string, tokens: BlockTokens, visit: (occurrence: TermOccurrence) => void): void;
}

interface FormTarget {
  readonly entryId: string;
  readonly form: string;
  readonly kind: FormKind;
  /** Ids of other entries that share this exact form (ambiguous terms). */
  readonly otherEntryIds: readonly string[];
  /** Whether the form ends in a letter or digit, so a plural -s may follow. */
  readonly allowsPlural: boolean;
}

/** A node of the trie (see {@link TermTrie}). */
export interface TrieNode {
  /**
   * Children reached by a text character equal to the key: the first inline (`exactKey`,
   * `exactChild`), the others in `exactMore`. Most nodes have one child (the trie is mostly
   * chains of long forms' letters), so most nodes are one small object.
   */
  exactKey: number;
  exactChild: TrieNode | undefined;
  exactMore: Edges | undefined;
  /** Children reached by a text character whose lower-case form equals the key, laid out likewise. */
  foldedKey: number;
  foldedChild: TrieNode | undefined;
  foldedMore: Edges | undefined;
  /** Child reached by a run of whitespace. */
  whitespace: TrieNode | undefined;
  /** The form ending here, if any. */
  target: FormTarget | undefined;
  /**
   * Where a revived trie's node is written in its encoded text while it is not read yet (its
   * fields above are then empty), else -1: {@link decodeTermTrie} reads a node when a walk first
   * reaches it, so a lint reads the few nodes its text's words lead to, not all of them.
   */
  pendingAt: number;
}

/**
 * A node's second and later children along one kind of edge. Comparing a few keys beats
 * hashing; the few wide nodes (the root, common first letters) also index ASCII directly
 * once the trie is complete. Measured on a 200,000-word thesis: the walk spent most of its
 * time in `Map.get` when every node held maps, and building them took ~30 ms and 5 MB.
 */
interface Edges {
  keys: number[];
  nodes: TrieNode[];
  /** For wide nodes: children by ASCII code (filled by {@link indexWideNodes}). */
  ascii: (TrieNode | undefined)[] | undefined;
}

/** Nodes with more children than this get an ASCII table. */
const NARROW_NODE = 6;

function childAt(key: number, child: TrieNode | undefined, more: Edges | undefined, unit: number): TrieNode | undefined {
  if (child !== undefined && key === unit) return child;
  if (more === undefined) return undefined;
  const ascii = more.ascii;
  if (ascii !== undefined && unit < 128) return ascii[unit];
  const keys = more.keys;
  for (let i = 0; i < keys.length; i++) if (keys[i] === unit) return more.nodes[i];
  return undefined;
}

function childFor(node: TrieNode, folded: boolean, key: number): TrieNode {
  const found = folded
    ? childAt(node.foldedKey, node.foldedChild, node.foldedMore, key)
    : childAt(node.exactKey, node.exactChild, node.exactMore, key);
  if (found) return found;
  const child = newNode();
  addEdge(node, folded, key, child);
  return child;
}

function newEdges(): Edges {
  return { keys: [], nodes: [], ascii: undefined };
}

/** Gives every wide node its ASCII table (all its children, the inline one too), once all forms are in. */
function indexWideNodes(root: TrieNode): void {
  const pending = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.exactChild !== undefined) pending.push(node.exactChild);
    if (node.foldedChild !== undefined) pending.push(node.foldedChild);
    if (node.whitespace !== undefined) pending.push(node.whitespace);
    if (node.exactMore !== undefined) pending.push(...node.exactMore.nodes);
    if (node.foldedMore !== undefined) pending.push(...node.foldedMore.nodes);
    indexNode(node);
  }
}

/** Gives one node its ASCII tables, where it is wide. */
function indexNode(node: TrieNode): void {
  if (node.exactMore !== undefined) indexEdges(node.exactKey, node.exactChild, node.exactMore);
  if (node.foldedMore !== undefined) indexEdges(node.foldedKey, node.foldedChild, node.foldedMore);
}

function indexEdges(key: number, child: TrieNode | undefined, more: Edges): void {
  if (more.keys.length < NARROW_NODE) return;
  const ascii = new Array<TrieNode | undefined>(128).fill(undefined);
  if (key < 128) ascii[key] = child;
  for (let i = 0; i < more.keys.length; i++) if (more.keys[i]! < 128) ascii[more.keys[i]!] = more.nodes[i];
  more.ascii = ascii;
}

const KIND_PRIORITY: Readonly<Record<FormKind, number>> = { preferred: 0, variant: 1, expansion: 2, discouraged: 3 };

/** Compiled when the first trie is built, not at start-up (a Unicode property class is costly to compile). */
let upperCaseLetter: RegExp | undefined;
const HYPHEN = 0x2d;
const LOWER_S = 0x73;
const LINE_FEED = 0x0a;
const SPACE = 0x20;

/**
 * The built trie of a knowledge base's forms with the folded hashes of the forms' first runs:
 * what {@link createTermMatcher} builds, and what the build stores ({@link encodeTermTrie}) so
 * that the built-in knowledge base revives it ({@link decodeTermTrie}) instead of building it.
 */
export interface TermTrie {
  readonly root: TrieNode;
  readonly firstRuns: ReadonlySet<number>;
  /** For a revived trie, reads a node still pending ({@link TrieNode.pendingAt}). */
  readonly readPending?: (node: TrieNode) => void;
}

/** Builds the matcher for a set of entries (later entries never shadow earlier ones' forms). */
export function createTermMatcher(entries: readonly TermEntry[]): TermMatcher {
  return termMatcherOver(buildTermTrie(entries));
}

/** The matcher walking a built (or revived) trie. */
export function termMatcherOver(trie: TermTrie): TermMatcher {
  return {
    findOccurrences: (text, from, to) => findOccurrences(trie, text, from, to),
    findOccurrencesInTokens: (text, tokens) => {
      const occurrences: TermOccurrence[] = [];
      forEachOccurrenceInTokens(trie, text, tokens, 0, text.length, (occurrence) => occurrences.push(occurrence));
      return occurrences;
    },
    forEachOccurrenceInTokens: (text, tokens, visit) => forEachOccurrenceInTokens(trie, text, tokens, 0, text.length, visit),
  };
}

/** The trie over every written form of `entries`, best entry per form first. */
export function buildTermTrie(entries: readonly TermEntry[]): TermTrie {
  const root = newNode();
  const firstRuns = new Set<number>();
  const targetsByForm = new Map<string, { entryId: string; kind: FormKind; order: number }[]>();
  let order = 0;
  const addForm = (entryId: string, form: string, kind: FormKind): void => {
    const trimmed = form.trim();
    if (trimmed.length === 0) return;
    const list = targetsByForm.get(trimmed) ?? [];
    if (!targetsByForm.has(trimmed)) targetsByForm.set(trimmed, list);
    if (!list.some((t) => t.entryId === entryId)) list.push({ entryId, kind, order: order++ });
  };
  for (const entry of entries) {
    addForm(entry.id, entry.preferred, 'preferred');
    for (const form of entry.variants) addForm(entry.id, form, 'variant');
    for (const form of entry.expansions) addForm(entry.id, form, 'expansion');
    for (const discouraged of entry.discouraged) addForm(entry.id, discouraged.form, 'discouraged');
  }
  for (const [form, targets] of targetsByForm) {
    targets.sort((a, b) => KIND_PRIORITY[a.kind] - KIND_PRIORITY[b.kind] || a.order - b.order);
    const [best, ...others] = targets;
    if (!best) continue;
    const allowsPlural = isWordCharacterBefore(form, form.length);
    const firstRunEnd = skipWord(form, 0, form.length);
    const firstRun = foldedHashOf(form, 0, firstRunEnd);
    firstRuns.add(firstRun);
    if (allowsPlural && firstRunEnd === form.length) firstRuns.add(foldedHashStep(firstRun, LOWER_S));
    insertForm(root, form, {
      entryId: best.entryId,
      form,
      kind: best.kind,
      otherEntryIds: others.map((t) => t.entryId),
      allowsPlural,
    });
  }
  indexWideNodes(root);
  return { root, firstRuns };
}

/**
 * A trie as plain data: its targets, its nodes in preorder as one string (counts and indexes
 * as base-32 digits, edge keys as the characters themselves), and the first-run hashes.
 */
export interface EncodedTermTrie {
  /** [form, kind, allowsPlural (1/0), entry, ...other entries] per target, entries by position in the list encoded with. */
  readonly targets: readonly (readonly (string | number)[])[];
  readonly nodes: string;
  readonly firstRuns: readonly number[];
}

const FORM_KINDS: readonly FormKind[] = ['preferred', 'variant', 'expansion', 'discouraged'];
/** Digits of the node string's numbers: 32 values, and the same 32 plus 32 for "more digits follow". */
const DIGITS = '0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz+/';

/**
 * Encodes a trie for {@link decodeTermTrie}. A node is a header (1: has a target, 2: has a
 * whitespace child, then 4 x (exact edges + 128 x folded edges)), the target's index, then
 * its children, each subtree in full: the whitespace child, each exact edge (key, subtree),
 * each folded edge (key, subtree). Every child but a node's last is preceded by its subtree's
 * length, so that a reader may step over it without reading it.
 */
export function encodeTermTrie({ root, firstRuns }: TermTrie, entryIds: readonly string[]): EncodedTermTrie {
  const position = new Map(entryIds.map((id, i) => [id, i]));
  const targets: (string | number)[][] = [];
  const targetIndex = new Map<FormTarget, number>();
  let nodes = '';
  const number = (value: number): void => {
    let rest = value;
    while (rest >= 32) {
      nodes += DIGITS[32 + (rest % 32)];
      rest = Math.floor(rest / 32);
    }
    nodes += DIGITS[rest];
  };
  const edgesOf = (key: number, child: TrieNode | undefined, more: Edges | undefined): [number, TrieNode][] =>
    child === undefined ? [] : [[key, child], ...(more?.keys.map((k, i): [number, TrieNode] => [k, more.nodes[i]!]) ?? [])];
  const subtree = (node: TrieNode): string => {
    const saved = nodes;
    nodes = '';
    write(node);
    const written = nodes;
    nodes = saved;
    return written;
  };
  const write = (node: TrieNode): void => {
    const exact = edgesOf(node.exactKey, node.exactChild, node.exactMore);
    const folded = edgesOf(node.foldedKey, node.foldedChild, node.foldedMore);
    number((node.target ? 1 : 0) + (node.whitespace ? 2 : 0) + 4 * (exact.length + 128 * folded.length));
    if (node.target) {
      let index = targetIndex.get(node.target);
      if (index === undefined) {
        const { entryId, form, kind, allowsPlural, otherEntryIds } = node.target;
        index = targets.push([form, FORM_KINDS.indexOf(kind), allowsPlural ? 1 : 0, ...[entryId, ...otherEntryIds].map((id) => position.get(id)!)]) - 1;
        targetIndex.set(node.target, index);
      }
      number(index);
    }
    const children: [string, TrieNode][] = [...(node.whitespace ? [['', node.whitespace] as [string, TrieNode]] : []), ...[...exact, ...folded].map(([key, child]): [string, TrieNode] => [String.fromCharCode(key), child])];
    children.forEach(([key, child], i) => {
      nodes += key;
      if (i === children.length - 1) {
        write(child);
        return;
      }
      const text = subtree(child);
      number(text.length);
      nodes += text;
    });
  };
  write(root);
  return { targets, nodes, firstRuns: [...firstRuns] };
}

/**
 * The trie {@link encodeTermTrie} encoded with the same entry ids, node for node (wide nodes get
 * their ASCII tables again), read lazily: the root now, every other node when a walk first
 * reaches it. A cold lint of a 41 KB article reads a few per cent of the ~23,000 nodes, where
 * reading them all took ~15 ms and 3 MB at start-up.
 */
export function decodeTermTrie(encoded: EncodedTermTrie, entryIds: readonly string[]): TermTrie {
  const targets: (FormTarget | undefined)[] = new Array<FormTarget | undefined>(encoded.targets.length).fill(undefined);
  const targetAt = (index: number): FormTarget => {
    let target = targets[index];
    if (target === undefined) {
      const t = encoded.targets[index]!;
      target = {
        entryId: entryIds[t[3] as number]!,
        form: t[0] as string,
        kind: FORM_KINDS[t[1] as number]!,
        allowsPlural: t[2] === 1,
        otherEntryIds: t.slice(4).map((i) => entryIds[i as number]!),
      };
      targets[index] = target;
    }
    return target;
  };
  const text = encoded.nodes;
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) values[DIGITS.charCodeAt(i)] = i;
  let at = 0;
  const number = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const digit = values[text.charCodeAt(at++)]!;
      if (digit < 32) return value + digit * scale;
      value += (digit - 32) * scale;
      scale *= 32;
    }
  };
  // A child left pending where it is written; the returned position is past its subtree, when
  // it is not the node's last child (whose subtree's end nothing needs).
  const pendingChild = (last: boolean): [TrieNode, number] => {
    const length = last ? 0 : number();
    const child = newNode();
    child.pendingAt = at;
    return [child, at + length];
  };
  const readPending = (node: TrieNode): void => {
    at = node.pendingAt;
    node.pendingAt = -1;
    const header = number();
    if (header & 1) node.target = targetAt(number());
    const counts = header >>> 2;
    const exact = counts % 128;
    const folded = (counts - exact) / 128;
    let remaining = (header & 2 ? 1 : 0) + exact + folded;
    if (header & 2) [node.whitespace, at] = pendingChild(--remaining === 0);
    for (let i = 0; i < exact + folded; i++) {
      const key = text.charCodeAt(at++);
      const [child, next] = pendingChild(--remaining === 0);
      addEdge(node, i >= exact, key, child);
      at = next;
    }
    indexNode(node);
  };
  const root = newNode();
  root.pendingAt = 0;
  readPending(root);
  return { root, firstRuns: new Set(encoded.firstRuns), readPending };
}

/** Appends a child along one kind of edge, inline first, then in the node's further edges. */
function addEdge(node: TrieNode, folded: boolean, key: number, child: TrieNode): void {
  if ((folded ? node.foldedChild : node.exactChild) === undefined) {
    if (folded) {
      node.foldedKey = key;
      node.foldedChild = child;
    } else {
      node.exactKey = key;
      node.exactChild = child;
    }
    return;
  }
  const more = folded ? (node.foldedMore ??= newEdges()) : (node.exactMore ??= newEdges());
  more.keys.push(key);
  more.nodes.push(child);
}

/** A phrase found by a {@link PhraseMatcher}. */
export interface PhraseOccurrence {
  start: number;
  end: number;
  /** Index of the phrase in the list the matcher was built from. */
  phrase: number;
  /** Whether a plural -s after the phrase is part of the match. */
  plural: boolean;
}

/** Finds a fixed list of phrases in a block, case-insensitively (the long forms of a scope). */
export interface PhraseMatcher {
  /** The phrases in `text` (tokenized whole as `tokens`), leftmost and longest first, without overlaps, each starting a word not joined by a hyphen to the one before. */
  findInTokens(text: string, tokens: BlockTokens): PhraseOccurrence[];
}

/**
 * Builds a matcher for `phrases` on the same trie as the term matcher, with every letter
 * folded, and a hyphen in a phrase matching a hyphen or one space (`T-cell`, `T cell`).
 */
export function createPhraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const root = newNode();
  const firstRuns = new Set<number>();
  phrases.forEach((phrase, index) => {
    const form = phrase.trim();
    if (form.length === 0) return;
    const allowsPlural = isWordCharacterBefore(form, form.length);
    const firstRunEnd = skipWord(form, 0, form.length);
    const firstRun = foldedHashOf(form, 0, firstRunEnd);
    firstRuns.add(firstRun);
    if (allowsPlural && firstRunEnd === form.length) firstRuns.add(foldedHashStep(firstRun, LOWER_S));
    insertForm(root, form, { entryId: String(index), form, kind: 'preferred', otherEntryIds: [], allowsPlural }, true);
  });
  indexWideNodes(root);
  return {
    findInTokens(text, tokens) {
      const found: PhraseOccurrence[] = [];
      const { count, starts, foldedHashes } = tokens;
      let position = 0;
      for (let k = 0; k < count; k++) {
        const start = starts[k]!;
        if (start < position || !firstRuns.has(foldedHashes[k]!) || text.charCodeAt(start - 1) === HYPHEN) continue;
        const best = bestMatchAt(root, undefined, text, start, text.length, true);
        if (best) {
          found.push({ start, end: best.end, phrase: Number(best.target.entryId), plural: best.plural });
          position = best.end;
        }
      }
      return found;
    },
  };
}

function newNode(): TrieNode {
  return {
    exactKey: -1,
    exactChild: undefined,
    exactMore: undefined,
    foldedKey: -1,
    foldedChild: undefined,
    foldedMore: undefined,
    whitespace: undefined,
    target: undefined,
    pendingAt: -1,
  };
}

function insertForm(root: TrieNode, form: string, target: FormTarget, foldAll = false): void {
  let node = root;
  // Split into tokens and the separators between them, keeping the separators.
  const parts = form.split(/(\s+|-)/u);
  for (const part of parts) {
    if (part.length === 0) continue;
    if (/^\s+$/u.test(part)) {
      node.whitespace ??= newNode();
      node = node.whitespace;
      continue;
    }
    const foldCase = foldAll || !(upperCaseLetter ??= /\p{Lu}|\p{Lt}/u).test(part);
    for (let i = 0; i < part.length; i++) {
      const unit = part.charCodeAt(i);
      const lower = lowerCaseUnit(unit);
      // Caseless characters (digits, punctuation, hyphen) always go on the exact edge.
      const useFolded = foldCase && (lower !== unit || upperCaseUnit(unit) !== unit);
      node = childFor(node, useFolded, useFolded ? lower : unit);
    }
  }
  // Two forms identical after insertion (cannot happen for distinct strings) keep the first.
  node.target ??= target;
}

// Reused across calls: the walk is synchronous, so one set of buffers suffices.
const stackNodes: TrieNode[] = [];
const stackPositions: number[] = [];
const stackFolds: number[] = [];

/** Finds the forms in `text[from, to)`, tokenizing that range first. */
function findOccurrences(trie: TermTrie, text: string, fromInput: number, toInput: number): TermOccurrence[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const from = clampOffset(fromInput, 0, text.length);
  const to = clampOffset(toInput, text.length, text.length);
  const occurrences: TermOccurrence[] = [];
  forEachOccurrenceInTokens(trie, text, tokenize(text, from, to), from, to, (occurrence) => occurrences.push(occurrence));
  return occurrences;
}

/**
 * Finds the forms starting at the token pass's words. Most words begin no form: a form's first
 * run of word characters must be the text's whole word (or that word without a plural -s), so
 * the trie is walked only where the word's folded hash is one of the forms' (`firstRuns`; a
 * hash collision merely costs a walk).
 */
function forEachOccurrenceInTokens(
  { root, firstRuns, readPending }: TermTrie,
  text: string,
  tokens: BlockTokens,
  from: number,
  to: number,
  visit: (occurrence: TermOccurrence) => void,
): void {
  const { count, starts, foldedHashes } = tokens;
  let position = from;
  for (let k = 0; k < count; k++) {
    const start = starts[k]!;
    if (start < position || !firstRuns.has(foldedHashes[k]!)) continue;
    const found = longestMatchAt(root, readPending, text, start, to);
    if (found) {
      visit(found);
      position = found.end;
    }
  }
}

/** The best match starting at `start`, or undefined. */
function longestMatchAt(root: TrieNode, readPending: TermTrie['readPending'], text: string, start: number, to: number): TermOccurrence | undefined {
  const best = bestMatchAt(root, readPending, text, start, to, false);
  if (!best) return undefined;
  const target = best.target;
  // Made in its final shape: a copy spread to add `otherEntryIds` was a second object per occurrence.
  return target.otherEntryIds.length > 0
    ? { start, end: best.end, entryId: target.entryId, form: target.form, kind: target.kind, otherEntryIds: target.otherEntryIds }
    : { start, end: best.end, entryId: target.entryId, form: target.form, kind: target.kind };
}

/**
 * The longest match at `start` (fewest case folds, then the best kind, at equal length);
 * `hyphenMatchesSpace` lets a form's hyphen match one space; `readPending` reads a revived
 * trie's nodes as the walk reaches them.
 */
function bestMatchAt(
  root: TrieNode,
  readPending: TermTrie['readPending'],
  text: string,
  start: number,
  to: number,
  hyphenMatchesSpace: boolean,
): { end: number; target: FormTarget; plural: boolean } | undefined {
  let bestEnd = -1;
  let bestFolds = 0;
  let bestTarget: FormTarget | undefined;
  let bestPlural = false;
  let depth = 0;
  stackNodes[depth] = root;
  stackPositions[depth] = start;
  stackFolds[depth] = 0;
  depth++;
  while (depth > 0) {
    depth--;
    const node = stackNodes[depth] as TrieNode;
    const position = stackPositions[depth] as number;
    const folds = stackFolds[depth] as number;
    if (node.pendingAt >= 0) readPending!(node);
    const target = node.target;
    if (target && position > start) {
      const end = matchEnd(text, position, to, target.allowsPlural);
      if (end >= 0 && isBetter(end, folds, target, bestEnd, bestFolds, bestTarget)) {
        bestEnd = end;
        bestFolds = folds;
        bestTarget = target;
        bestPlural = end > position;
      }
    }
    if (position >= to) continue;
    const unit = text.charCodeAt(position);
    if (node.whitespace && isWhitespaceUnit(unit)) {
      const after = skipWhitespace(text, position, to);
      if (after > position) depth = push(depth, node.whitespace, after, folds);
    }
    const normalized = isHyphenUnit(unit) || (hyphenMatchesSpace && unit === SPACE) ? HYPHEN : unit;
    const exactChild = childAt(node.exactKey, node.exactChild, node.exactMore, normalized);
    if (exactChild) depth = push(depth, exactChild, position + 1, folds);
    if (node.foldedChild !== undefined) {
      const lower = lowerCaseUnit(unit);
      const foldedChild = childAt(node.foldedKey, node.foldedChild, node.foldedMore, lower);
      if (foldedChild) depth = push(depth, foldedChild, position + 1, lower === unit ? folds : folds + 1);
    }
  }
  return bestTarget ? { end: bestEnd, target: bestTarget, plural: bestPlural } : undefined;
}

function push(depth: number, node: TrieNode, position: number, folds: number): number {
  stackNodes[depth] = node;
  stackPositions[depth] = position;
  stackFolds[depth] = folds;
  return depth + 1;
}

function isBetter(
  end: number,
  folds: number,
  target: FormTarget,
  bestEnd: number,
  bestFolds: number,
  bestTarget: FormTarget | undefined,
): boolean {
  if (!bestTarget || end > bestEnd) return true;
  if (end < bestEnd) return false;
  if (folds !== bestFolds) return folds < bestFolds;
  return KIND_PRIORITY[target.kind] < KIND_PRIORITY[bestTarget.kind];
}

/** Where a match ending at `position` really ends (after a plural -s), or -1 if not on a boundary. */
function matchEnd(text: string, position: number, to: number, allowsPlural: boolean): number {
  if (!isWordCharacterAt(text, position)) return position;
  if (
    allowsPlural &&
    position < to &&
    text.charCodeAt(position) === LOWER_S &&
    !isWordCharacterAt(text, position + 1)
  ) {
    return position + 1;
  }
  return -1;
}

/** Consumes whitespace from `position`, allowing at most one line break (no paragraph gaps). */
function skipWhitespace(text: string, position: number, to: number): number {
  let lineBreaks = 0;
  let p = position;
  while (p < to) {
    const unit = text.charCodeAt(p);
    if (!isWhitespaceUnit(unit)) break;
    if (unit === LINE_FEED && ++lineBreaks > 1) return position;
    p++;
  }
  return p;
}



function skipWord(text: string, position: number, to: number): number {
  let p = position + 1;
  while (p < to && isWordCharacterAt(text, p)) p++;
  return p;
}

function clampOffset(value: number, fallback: number, length: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return fallback;
  return Math.max(0, Math.min(length, Math.floor(value)));
}
