import { SymbolKind, type DocumentSymbol, type Position, type Range } from 'vscode-languageserver-types';
import type { DefinitionNeeds } from '../model/definitionNeeds';
import { describeScope, type AbbreviationDefinition, type AbbreviationMention, type DocumentModel } from '../model/documentModel';
import type { ScopeDefinitions } from '../model/scopeDefinitions';
import type { OffsetEdit } from '../text/edits';
import { mentionAt } from './lookup';
import { withoutGlyphFill } from '../text/characters';

/** The abbreviation (definition short form or use) under the cursor, with its key. */
function abbreviationAt(model: DocumentModel, position: Position): AbbreviationMention | undefined {
  return mentionAt(model, model.lines.offsetAt(position));
}

/**
 * Document symbols: one namespace per scope (main text, abstract, each legend) holding the
 * abbreviations defined there, each spanning its written definition.
 */
export function documentSymbols(model: DocumentModel): DocumentSymbol[] {
  const byScope = new Map<string, DocumentSymbol[]>();
  const seen = new Set<string>();
  for (const definition of model.definitions) {
    const id = `${definition.scope}\u0000${definition.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const start = Math.min(definition.shortStart, definition.longStart);
    const end = Math.max(definition.shortEnd, definition.longEnd);
    const symbol: DocumentSymbol = {
      name: definition.key,
      detail: definition.long.replace(/\s+/g, ' '),
      kind: SymbolKind.Constant,
      range: model.lines.rangeOf(start, end),
      selectionRange: model.lines.rangeOf(definition.shortStart, definition.shortEnd),
    };
    const list = byScope.get(definition.scope);
    if (list) list.push(symbol);
    else byScope.set(definition.scope, [symbol]);
  }
  const symbols: DocumentSymbol[] = [];
  for (const [scope, children] of byScope) {
    const first = children[0]!;
    const last = children[children.length - 1]!;
    symbols.push({
      name: `Abbreviations ${describeScope(scope)}`,
      kind: SymbolKind.Namespace,
      range: { start: first.range.start, end: last.range.end },
      selectionRange: first.selectionRange,
      children,
    });
  }
  return symbols;
}

/** Go to definition: from a use (or the definition itself) to the definition in its scope, else any in the document. */
export function definitionOf(model: DocumentModel, position: Position, scopes: ScopeDefinitions, needs: DefinitionNeeds): { uri: string; range: Range }[] {
  const mention = abbreviationAt(model, position);
  if (!mention) return [];
  const site = scopes.siteOf(mention.scope, mention.key, needs);
  const targets: AbbreviationDefinition[] = site ? (site.parts ?? [site.definition]) : (model.byKey.get(mention.key)?.definitions.slice(0, 1) ?? []);
  return targets.map((d) => (d.origin ? { uri: d.origin.uri, range: d.origin.range } : { uri: model.uri, range: model.lines.rangeOf(d.shortStart, d.shortEnd) }));
}

/** Every place an abbreviation is written, compounds included (`CAR` inside `CAR-NK`), as offsets. */
function occurrences(model: DocumentModel, key: string): { start: number; end: number; isDefinition: boolean }[] {
  const found: { start: number; end: number; isDefinition: boolean }[] = [];
  for (const mention of model.mentions) {
    if (mention.key === key) {
      found.push({ start: mention.start, end: mention.end, isDefinition: mention.definition !== undefined });
      continue;
    }
    // A part of a hyphenated compound.
    const parts = mention.key.split('-');
    if (parts.length < 2 || !parts.includes(key)) continue;
    let at = 0;
    for (const part of parts) {
      if (part === key && model.text.slice(mention.start + at, mention.start + at + key.length) === key) {
        found.push({ start: mention.start + at, end: mention.start + at + key.length, isDefinition: false });
      }
      at += part.length + 1;
    }
  }
  // Definitions whose short form the tokenizer does not see as a mention (e.g. lists, odd shapes).
  // A set of the starts found: a legend key of 30,000 pairs made this search quadratic.
  const starts = new Set(found.map((o) => o.start));
  for (const definition of model.byKey.get(key)?.definitions ?? []) {
    if (!starts.has(definition.shortStart)) {
      const short = definition.short;
      const end = definition.shortStart + (short.startsWith(key) ? key.length : short.length);
      found.push({ start: definition.shortStart, end, isDefinition: true });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Find references: every use of the abbreviation under the cursor, definitions optional. */
export function referencesOf(model: DocumentModel, position: Position, includeDeclaration: boolean): Range[] {
  const mention = abbreviationAt(model, position);
  if (!mention) return [];
  return occurrences(model, mention.key)
    .filter((o) => includeDeclaration || !o.isDefinition)
    .map((o) => model.lines.rangeOf(o.start, o.end));
}

/** The range and current name to rename, or null outside an abbreviation. */
export function prepareRenameAt(model: DocumentModel, position: Position): { range: Range; placeholder: string } | null {
  const mention = abbreviationAt(model, position);
  if (!mention) return null;
  return { range: model.lines.rangeOf(mention.start, mention.end), placeholder: withoutGlyphFill(mention.text) };
}

/** Edits renaming the abbreviation under the cursor everywhere, its definitions included; null outside one. */
export function renameAt(model: DocumentModel, position: Position, newName: string): OffsetEdit[] | null {
  const mention = abbreviationAt(model, position);
  const name = newName.trim();
  if (!mention || name.length === 0 || /[\s()[\]]/u.test(name)) return null;
  return occurrences(model, mention.key).map((o) => ({ start: o.start, end: o.end, newText: name }));
}
