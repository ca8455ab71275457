import { lowerBound } from '../text/sortedSearch';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import type { KnowledgeBase, TermEntry } from '../knowledge/types';
import type { DefinitionNeeds } from '../model/definitionNeeds';
import type { DocumentModel } from '../model/documentModel';
import { expansionFor } from '../model/expansions';
import type { ScopeDefinitions } from '../model/scopeDefinitions';
import type { Spelling } from '../model/expansions';
import { describeEntry } from './hover';
import { blockAt } from './lookup';

/** One written form to match typed text against. */
interface CompletionForm {
  /** Lower-cased form, for prefix matching. */
  lower: string;
  form: string;
  entry: TermEntry;
  kind: 'preferred' | 'variant' | 'expansion' | 'discouraged';
}

const formIndexes = new WeakMap<KnowledgeBase, CompletionForm[]>();

/** Every written form of the knowledge base, sorted for prefix search (built once per knowledge base). */
function formIndex(knowledge: KnowledgeBase): CompletionForm[] {
  let index = formIndexes.get(knowledge);
  if (!index) {
    index = [];
    for (const entry of knowledge.entries) {
      index.push({ lower: entry.preferred.toLowerCase(), form: entry.preferred, entry, kind: 'preferred' });
      for (const form of entry.variants) index.push({ lower: form.toLowerCase(), form, entry, kind: 'variant' });
      for (const form of entry.expansions) index.push({ lower: form.toLowerCase(), form, entry, kind: 'expansion' });
      for (const d of entry.discouraged) index.push({ lower: d.form.toLowerCase(), form: d.form, entry, kind: 'discouraged' });
    }
    index.sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0));
    formIndexes.set(knowledge, index);
  }
  return index;
}

/** Forms starting with `prefix` (lower-cased), by binary search. */
function formsWithPrefix(index: CompletionForm[], prefix: string): CompletionForm[] {
  const found: CompletionForm[] = [];
  for (let i = lowerBound(index.length, (k) => index[k]!.lower < prefix); i < index.length && index[i]!.lower.startsWith(prefix); i++) found.push(index[i]!);
  return found;
}

const authorOnly = new WeakMap<DocumentModel, DocumentModel['definitions']>();

/** The document's definitions of abbreviations the knowledge base does not know (computed once per model). */
function authorDefinitions(model: DocumentModel): DocumentModel['definitions'] {
  let list = authorOnly.get(model);
  if (!list) {
    const knowledge = model.knowledge;
    const seen = new Set<string>();
    list = model.definitions.filter((d) => {
      if (seen.has(d.key)) return false;
      seen.add(d.key);
      const known = knowledge?.lookup(d.key);
      return !known || known.folded;
    });
    authorOnly.set(model, list);
  }
  return list;
}

const TERM_CHAR = /[\p{L}\p{N}\-\u2010\u2011+⁺⁻]/u;

/**
 * Completion at a position in prose: knowledge-base terms by prefix of their preferred form,
 * a variant or an expansion (typing `IL-1` offers IL-15, IL-12…; `antibody-dep` offers ADCC;
 * `TGF-b` offers TGF-β), and abbreviations the author defined. Inserts `expansion (ABBR)`
 * where the abbreviation is not yet defined in the current scope, `ABBR` after. The text
 * edit covers the whole typed term (markdown splits words at `-`); `filterText` holds the
 * form that matched. Nothing is offered outside prose (code, math, front matter).
 */
export function completeAt(
  model: DocumentModel,
  position: Position,
  scopes: ScopeDefinitions,
  needs: DefinitionNeeds,
  spelling: Spelling,
): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const offset = model.lines.offsetAt(position);
  const text = model.text;
  const masked = model.prose.masked;
  const blockIndex = blockAt(model, offset);
  if (blockIndex < 0) return empty;
  const block = model.prose.blocks[blockIndex]!;
  // The cursor must sit in prose: the typed characters are not masked out.
  let start = offset;
  while (start > block.start && TERM_CHAR.test(text[start - 1]!) && masked[start - 1] === text[start - 1]) start--;
  if (start > block.start && masked[start - 1] !== text[start - 1] && !/\s/u.test(text[start - 1]!)) return empty;
  const typed = text.slice(start, offset);
  if (typed.length === 0 && !(offset > 0 && masked[offset - 1] === text[offset - 1])) return empty;

  const scope = model.blockScopes[blockIndex] ?? 'main';
  const range = model.lines.rangeOf(start, offset);
  const items: CompletionItem[] = [];
  const offered = new Set<string>();
  const knowledge = model.knowledge;

  // Multi-word expansions: also try the last few words before the cursor (`natural kil`).
  const candidates: { from: number; prefix: string }[] = [];
  if (typed.length > 0) candidates.push({ from: start, prefix: typed });
  let wordsStart = start;
  for (let words = 0; words < 3 && typed.length > 0; words++) {
    let s = wordsStart - 1;
    if (s < block.start || !/[ \t]/u.test(text[s]!)) break;
    while (s > block.start && /[ \t]/u.test(text[s - 1]!)) s--;
    let w = s;
    while (w > block.start && TERM_CHAR.test(text[w - 1]!)) w--;
    if (w === s) break;
    wordsStart = w;
    candidates.push({ from: w, prefix: text.slice(w, offset) });
  }

  if (knowledge && typed.length >= 1) {
    const index = formIndex(knowledge);
    for (const { from, prefix } of candidates) {
      const lowerPrefix = prefix.toLowerCase().replace(/\s+/gu, ' ');
      const matches = formsWithPrefix(index, lowerPrefix);
      for (const match of matches) {
        const entry = match.entry;
        if (offered.has(entry.id)) continue;
        // Short prefixes match abbreviations by case (`NK` not `nk…`) to keep the list focused.
        if (match.kind !== 'expansion' && prefix.length <= 2 && !match.form.startsWith(prefix)) continue;
        offered.add(entry.id);
        const isAbbreviation = entry.expansions.length > 0;
        const defined = isAbbreviation && Boolean(scopes.siteOf(scope, entry.preferred, needs)) && (scopes.siteOf(scope, entry.preferred, needs)!.from <= offset);
        const expansion = expansionFor(entry, spelling);
        const needsDefinition = isAbbreviation && entry.needsDefinition && !defined && !needs.isExempt(entry.preferred);
        const insert = needsDefinition && expansion ? `${expansion} (${entry.preferred})` : entry.preferred;
        const item: CompletionItem = {
          label: entry.preferred,
          kind: CompletionItemKind.Text,
          detail: needsDefinition ? `${insert} — first use in ${scope === 'main' ? 'the main text' : scope}` : expansion ?? entry.category,
          documentation: { kind: 'markdown', value: describeEntry(entry, knowledge).join('\n') },
          filterText: match.form,
          sortText: `${match.kind === 'preferred' ? 0 : match.kind === 'variant' ? 1 : 2}${entry.preferred.toLowerCase()}`,
          textEdit: { range: model.lines.rangeOf(from, offset), newText: insert },
          insertTextFormat: InsertTextFormat.PlainText,
        };
        if (match.kind !== 'preferred') item.labelDetails = { description: match.form };
        items.push(item);
        if (items.length >= 60) break;
      }
    }
  }

  // Abbreviations the author defined (and the knowledge base does not know).
  if (typed.length >= 1) {
    const lowerTyped = typed.toLowerCase();
    for (const definition of authorDefinitions(model)) {
      if (offered.has(`doc:${definition.key}`)) continue;
      const matchesShort = definition.key.toLowerCase().startsWith(lowerTyped);
      const long = definition.long;
      const matchesLong = long.toLowerCase().startsWith(lowerTyped);
      if (!matchesShort && !matchesLong) continue;
      if (definition.shortStart <= offset && offset <= definition.shortEnd) continue;
      offered.add(`doc:${definition.key}`);
      const site = scopes.siteOf(scope, definition.key, needs);
      const defined = site !== undefined && site.from <= offset;
      items.push({
        label: definition.key,
        kind: CompletionItemKind.Reference,
        detail: `${long} (defined in this document)`,
        filterText: matchesShort ? definition.key : long,
        sortText: `0${definition.key.toLowerCase()}`,
        textEdit: { range, newText: defined ? definition.key : `${long} (${definition.key})` },
      });
    }
  }
  return { isIncomplete: typed.length < 3, items };
}
