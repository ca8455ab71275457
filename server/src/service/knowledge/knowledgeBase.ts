import type { CellLineFacts, DiscouragedForm, FormKind, GeneReference, KnowledgeBase, TermEntry, TermLookup, TermOccurrence, TermRelation, TermRelationKind, TermSource } from './types';
import { foldWrittenForm } from './formFolding';
import { createTermMatcher, type TermMatcher } from './termMatcher';
import { withDerivedForms } from './derivedForms';

/** One written form of an entry, as the indexes hold it. */
export interface IndexedForm {
  readonly entry: TermEntry;
  readonly kind: FormKind;
  readonly form: string;
}

const KIND_PRIORITY: Readonly<Record<FormKind, number>> = { preferred: 0, variant: 1, expansion: 2, discouraged: 3 };

/**
 * Builds a knowledge base over the given entries. An entry whose id repeats an earlier id
 * replaces it in place, which is how a project glossary overrides a built-in term:
 * `createKnowledgeBase([...builtin.entries, ...glossary.entries])`.
 * Entries are normalised (missing arrays become empty), so partial data never throws later.
 */
export function createKnowledgeBase(input: readonly TermEntry[]): KnowledgeBase {
  const index = indexKnowledge(input);
  // The matcher is built on first use: hover and lookups should not pay for it at start-up.
  return knowledgeBaseOver(index, () => createTermMatcher(index.entries));
}

/** A knowledge base's entries (normalised, derived forms added) and its two form indexes, by key. */
export interface KnowledgeIndex {
  readonly entries: readonly TermEntry[];
  /** Forms by their text with white space collapsed, best kind first. */
  readonly exact: ReadonlyMap<string, readonly IndexedForm[]>;
  /** Forms by {@link foldWrittenForm}, best kind first. */
  readonly folded: ReadonlyMap<string, readonly IndexedForm[]>;
}

/** Normalises the entries, adds derived forms and indexes every written form. */
export function indexKnowledge(input: readonly TermEntry[]): KnowledgeIndex {
  const positionById = new Map<string, number>();
  const written: TermEntry[] = [];
  for (const raw of Array.isArray(input) ? input : []) {
    const entry = normalizeEntry(raw);
    if (!entry) continue;
    const existing = positionById.get(entry.id);
    if (existing === undefined) {
      positionById.set(entry.id, written.length);
      written.push(entry);
    } else {
      written[existing] = entry;
    }
  }
  // Derived after a glossary's overrides are in, so that one policy covers its entries too.
  const entries = withDerivedForms(written);
  const exactIndex = new Map<string, IndexedForm[]>();
  const foldedIndex = new Map<string, IndexedForm[]>();
  const addToIndex = (index: Map<string, IndexedForm[]>, key: string, item: IndexedForm): void => {
    if (key.length === 0) return;
    const list = index.get(key);
    if (!list) index.set(key, [item]);
    else if (!list.some((other) => other.entry === item.entry && other.form === item.form)) list.push(item);
  };
  for (const entry of entries) {
    for (const [form, kind] of writtenFormsOf(entry)) {
      const item = { entry, kind, form };
      addToIndex(exactIndex, collapseWhitespace(form), item);
      addToIndex(foldedIndex, foldWrittenForm(form), item);
    }
  }
  for (const index of [exactIndex, foldedIndex]) {
    for (const list of index.values()) list.sort((a, b) => KIND_PRIORITY[a.kind] - KIND_PRIORITY[b.kind]);
  }
  return { entries, exact: exactIndex, folded: foldedIndex };
}

/** Forms by key, as a {@link KnowledgeIndex}'s maps answer: all a knowledge base asks of an index. */
export interface FormIndex {
  get(key: string): readonly IndexedForm[] | undefined;
}

/** The knowledge base answering from `index`, with the term matcher `matcher()` builds on first use. */
export function knowledgeBaseOver(
  index: { readonly entries: readonly TermEntry[]; readonly exact: FormIndex; readonly folded: FormIndex },
  matcher: () => TermMatcher,
): KnowledgeBase {
  const { entries, exact: exactIndex, folded: foldedIndex } = index;
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const answer = (list: readonly IndexedForm[], folded: boolean): readonly TermLookup[] =>
    list.map(({ entry, kind, form }) => ({ entry, kind, form, folded }));
  const lookupUncached = (query: string): readonly TermLookup[] => {
    const trimmed = collapseWhitespace(query);
    if (trimmed.length === 0) return [];
    const exact = exactIndex.get(trimmed);
    if (exact) return answer(exact, false);
    const folded = foldedIndex.get(foldWrittenForm(trimmed));
    if (folded) return answer(folded, true);
    // A plural (CARs, iPSCs, granzymes) is the singular form written for several items.
    if (trimmed.length > 2 && trimmed.endsWith('s')) {
      const singular = trimmed.slice(0, -1);
      const found = exactIndex.get(singular) ?? foldedIndex.get(foldWrittenForm(singular));
      if (found) return answer(found, true);
    }
    return [];
  };
  // Rules ask for the same few hundred keys thousands of times per document: remember the answers.
  const answers = new Map<string, readonly TermLookup[]>();
  const lookupAll = (query: string): readonly TermLookup[] => {
    if (typeof query !== 'string') return [];
    let found = answers.get(query);
    if (found === undefined) {
      found = lookupUncached(query);
      if (answers.size >= 10_000) answers.clear();
      answers.set(query, found);
    }
    return found;
  };

  let built: TermMatcher | undefined;
  return {
    entries,
    byId: (id) => byId.get(id),
    lookup: (form) => lookupAll(form)[0],
    lookupAll,
    findTermOccurrences(text: string, from = 0, to = typeof text === 'string' ? text.length : 0): TermOccurrence[] {
      built ??= matcher();
      return built.findOccurrences(text, from, to);
    },
    findTermOccurrencesInTokens(text, tokens) {
      built ??= matcher();
      return built.findOccurrencesInTokens(text, tokens);
    },
    forEachTermOccurrenceInTokens(text, tokens, visit) {
      built ??= matcher();
      built.forEachOccurrenceInTokens(text, tokens, visit);
    },
  };
}

/**
 * An index as plain data, in two texts rather than an array per key (parsing thousands of small
 * arrays, and moving them out of the young generation, was most of reviving an index): `keys`
 * gives the keys one per line; `rows` gives, per key in the same order and separated by `;`, the
 * items as comma-separated pairs of the entry's position and the item's position among the
 * entry's {@link writtenFormsOf} (which give its form and kind).
 */
export interface EncodedIndex {
  readonly keys: string;
  readonly rows: string;
}

/** Encodes one of a {@link KnowledgeIndex}'s maps for {@link decodeIndex}. */
export function encodeIndex(index: ReadonlyMap<string, readonly IndexedForm[]>, entries: readonly TermEntry[]): EncodedIndex {
  const position = new Map(entries.map((entry, i) => [entry, i]));
  const formNumber = (item: IndexedForm): number =>
    [...writtenFormsOf(item.entry)].findIndex(([form, kind]) => form === item.form && kind === item.kind);
  // Keys are forms with white space collapsed or folded away, so never hold a line feed (the build checks it).
  const keys = [...index.keys()];
  const rows = [...index.values()].map((list) => list.flatMap((item) => [position.get(item.entry)!, formNumber(item)]).join(','));
  return { keys: keys.join('\n'), rows: rows.join(';') };
}

/**
 * The index {@link encodeIndex} encoded, over the same entries. Only the keys are read at once
 * (a key to its row); a row becomes forms when its key is first asked for, since a document asks
 * for a few hundred of the thousands of keys (decoding them all took about as long as parsing them).
 */
export function decodeIndex(encoded: EncodedIndex, entries: readonly TermEntry[]): FormIndex {
  const keys = encoded.keys === '' ? [] : encoded.keys.split('\n');
  const rows = encoded.rows.split(';');
  const rowOf = new Map<string, number>();
  for (let row = 0; row < keys.length; row++) rowOf.set(keys[row]!, row);
  const formsOf: (readonly [string, FormKind][] | undefined)[] = [];
  const decoded = new Map<string, IndexedForm[]>();
  const decodeRow = (row: string): IndexedForm[] => {
    const numbers = row.split(',');
    const list: IndexedForm[] = [];
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const position = Number(numbers[i]);
      const entry = entries[position]!;
      const [form, kind] = (formsOf[position] ??= [...writtenFormsOf(entry)])[Number(numbers[i + 1])]!;
      list.push({ entry, kind, form });
    }
    return list;
  };
  return {
    get(key) {
      let list = decoded.get(key);
      if (list === undefined) {
        const row = rowOf.get(key);
        if (row === undefined) return undefined;
        list = decodeRow(rows[row]!);
        decoded.set(key, list);
      }
      return list;
    },
  };
}

/** Yields [form, kind] for every written form of an entry. */
export function* writtenFormsOf(entry: TermEntry): Generator<[string, FormKind]> {
  yield [entry.preferred, 'preferred'];
  for (const form of entry.variants) yield [form, 'variant'];
  for (const form of entry.expansions) yield [form, 'expansion'];
  for (const discouraged of entry.discouraged) yield [discouraged.form, 'discouraged'];
}

const RELATION_KINDS: ReadonlySet<TermRelationKind> = new Set<TermRelationKind>(['broader-term', 'narrower-term', 'former-name', 'older-expansion']);

function collapseWhitespace(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

/** A complete, well-typed entry from possibly partial data, or undefined if unusable. */
function normalizeEntry(raw: unknown): TermEntry | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const value = raw as Record<string, unknown>;
  if (typeof value.id !== 'string' || typeof value.preferred !== 'string' || value.preferred.trim() === '') {
    return undefined;
  }
  const strings = (list: unknown): string[] =>
    Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
  const discouraged = Array.isArray(value.discouraged)
    ? value.discouraged.filter(
        (d): d is DiscouragedForm =>
          d !== null && typeof d === 'object' && typeof (d as DiscouragedForm).form === 'string' &&
          typeof (d as DiscouragedForm).replacement === 'string',
      )
    : [];
  const genes = Array.isArray(value.genes)
    ? value.genes.filter(
        (g): g is GeneReference =>
          g !== null && typeof g === 'object' && typeof (g as GeneReference).symbol === 'string' &&
          typeof (g as GeneReference).ncbiGeneId === 'number',
      )
    : [];
  const relations = Array.isArray(value.relations)
    ? value.relations.filter(
        (r): r is TermRelation =>
          r !== null && typeof r === 'object' && typeof (r as TermRelation).id === 'string' &&
          RELATION_KINDS.has((r as TermRelation).kind) && typeof (r as TermRelation).note === 'string',
      ).map((r) => ({ id: r.id, kind: r.kind, note: r.note.trim() }))
    : [];
  const sources = Array.isArray(value.sources)
    ? value.sources
        .filter((s): s is TermSource => s !== null && typeof s === 'object' && typeof (s as TermSource).id === 'string' && typeof (s as TermSource).supports === 'string')
        .map((s) => ({ id: s.id, supports: s.supports }))
    : [];
  const cellLine = readCellLine(value.cellLine);
  const entry: TermEntry = {
    id: value.id,
    preferred: value.preferred,
    expansions: strings(value.expansions),
    variants: strings(value.variants),
    discouraged: discouraged.map((d) => ({
      form: d.form,
      reason: String(d.reason ?? ''),
      replacement: d.replacement,
      ...(typeof d.guide === 'string' ? { guide: d.guide } : {}),
      ...(d.basis === 'gene-symbol' || d.basis === 'greek-letter-name' || d.basis === 'latin-letter' ? { basis: d.basis } : {}),
    })),
    definition: typeof value.definition === 'string' ? value.definition : '',
    category: typeof value.category === 'string' ? value.category : 'uncategorised',
    genes: genes.map((g) => ({ symbol: g.symbol, ncbiGeneId: g.ncbiGeneId, ...(g.part === true ? { part: true } : {}) })),
    related: strings(value.related),
    needsDefinition: value.needsDefinition === true,
    ...(typeof value.notes === 'string' ? { notes: value.notes } : {}),
    ...(relations.length > 0 ? { relations } : {}),
    ...(value.ambiguous === true ? { ambiguous: true } : {}),
    ...(sources.length > 0 ? { sources } : {}),
    ...(cellLine ? { cellLine } : {}),
  };
  return entry;
}

/** The cell-line facts of a raw entry, when species and tissue are strings. */
function readCellLine(value: unknown): CellLineFacts | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const raw = value as Record<string, unknown>;
  if (typeof raw.species !== 'string' || typeof raw.tissue !== 'string') return undefined;
  return {
    species: raw.species,
    tissue: raw.tissue,
    ...(typeof raw.cellosaurus === 'string' ? { cellosaurus: raw.cellosaurus } : {}),
    ...(typeof raw.misidentified === 'string' ? { misidentified: raw.misidentified } : {}),
  };
}

/** The knowledge-base entry that a key names exactly (preferred form or variant), if one does. */
export function entryForKey(knowledge: KnowledgeBase | undefined, key: string): TermEntry | undefined {
  if (!knowledge) return undefined;
  for (const found of knowledge.lookupAll(key)) {
    if (!found.folded && (found.kind === 'preferred' || found.kind === 'variant')) return found.entry;
  }
  return undefined;
}
