/** The `abbreviations` report (`carnk abbreviations`): definitions, and abbreviations used without one. */
import type { KnowledgeBase } from './knowledge/types';
import type { DefinitionNeeds } from './model/definitionNeeds';
import type { DocumentModel } from './model/documentModel';
import type { ScopeDefinitions } from './model/scopeDefinitions';
import { isWrittenAsName } from './model/nameContext';
import type { AbbreviationReport, UndefinedReport } from './types';
import { withoutGlyphFill } from './text/characters';

/**
 * The document's definitions, and each abbreviation undefined in a scope once, at its first use
 * there: not a key exempt from definition, a discouraged form, or a name (see `isWrittenAsName`).
 */
export function abbreviationReport(m: DocumentModel, scopes: ScopeDefinitions, needs: DefinitionNeeds, knowledge: KnowledgeBase | undefined): AbbreviationReport {
  const definitions = m.definitions.map((d) => ({ short: withoutGlyphFill(d.short), long: d.long, key: d.key, scope: d.scope, range: m.lines.rangeOf(d.shortStart, d.shortEnd) }));
  const undefinedList: UndefinedReport[] = [];
  const seen = new Set<string>();
  for (const mention of m.mentions) {
    if (mention.definition !== undefined || mention.inLongForm || mention.inHeading || mention.scope === 'title') continue;
    const id = `${mention.scope}\u0000${mention.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (needs.isExempt(mention.key) || scopes.siteOf(mention.scope, mention.key, needs)) continue;
    if (knowledge?.lookupAll(mention.key).some((f) => !f.folded && f.kind === 'discouraged')) continue;
    // A name the words around it give (`NSG mice`, `the pLVX vector`, `the QXR pipeline`) is no abbreviation, as lint reads it.
    if (isWrittenAsName(m, mention.key)) continue;
    undefinedList.push({ short: withoutGlyphFill(mention.text), key: mention.key, scope: mention.scope, range: m.lines.rangeOf(mention.start, mention.end) });
  }
  return { definitions, undefined: undefinedList };
}
