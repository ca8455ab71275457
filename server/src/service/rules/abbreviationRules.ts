import type { AbbreviationDefinition, AbbreviationMention, DocumentModel, ScopeName } from '../model/documentModel';
import type { DefinitionNeeds } from '../model/definitionNeeds';
import { isAbbreviationSegment } from '../model/mentions';
import type { RuleId } from './ruleTable';

/** A rule finding before severity and positions are applied: offsets into the text. */
export interface Finding {
  rule: RuleId;
  start: number;
  end: number;
  message: string;
  /** Plain data for quick fixes and tooling. */
  data?: Record<string, unknown>;
}

/** Where, within one scope, a key counts as defined; `undefined` when the scope never defines it. */
export interface DefinitionSite {
  /** Offset from which uses are covered. */
  from: number;
  /** The definition itself (for a compound, the latest of its parts' definitions). */
  definition: AbbreviationDefinition;
  /** For compounds such as `CAR-NK`: the part definitions that make it up. */
  parts?: AbbreviationDefinition[];
}

/** Lookup of definitions per scope and key, shared by the rules and the editor features. */
export class ScopeDefinitions {
  private readonly index = new Map<string, AbbreviationDefinition[]>();

  constructor(model: DocumentModel) {
    for (const definition of model.definitions) {
      const id = `${definition.scope}\u0000${definition.key}`;
      const list = this.index.get(id);
      if (list) list.push(definition);
      else this.index.set(id, [definition]);
    }
  }

  /** Definitions of `key` in `scope`, in document order. */
  definitionsOf(scope: ScopeName, key: string): AbbreviationDefinition[] {
    return this.index.get(`${scope}\u0000${key}`) ?? [];
  }

  /**
   * Where `key` becomes defined in `scope`: its own first definition, or, for a
   * hyphenated compound (`CAR-NK`, `CD19-CAR`), the point where every abbreviation part
   * is defined or exempt.
   */
  siteOf(scope: ScopeName, key: string, needs: DefinitionNeeds): DefinitionSite | undefined {
    const own = this.definitionsOf(scope, key)[0];
    if (own) return { from: own.shortStart, definition: own };
    const parts = key.split('-').filter((part) => isAbbreviationSegment(part));
    if (parts.length < 1 || parts.length === 1 && parts[0] === key) return undefined;
    const partDefinitions: AbbreviationDefinition[] = [];
    for (const part of parts) {
      if (needs.isExempt(part)) continue;
      const first = this.definitionsOf(scope, part)[0];
      if (!first) return undefined;
      partDefinitions.push(first);
    }
    if (partDefinitions.length === 0) return undefined;
    const latest = partDefinitions.reduce((a, b) => (b.shortStart > a.shortStart ? b : a));
    return { from: latest.shortStart, definition: latest, parts: partDefinitions };
  }
}

function isCounted(mention: AbbreviationMention): boolean {
  return mention.definition === undefined && !mention.inLongForm && !mention.inHeading && mention.scope !== 'title';
}

/**
 * The first-use rules: `undefined-abbreviation`, `used-before-definition` and
 * `redefined-abbreviation`, each reported once per abbreviation and scope.
 */
export function checkAbbreviationUse(model: DocumentModel, needs: DefinitionNeeds, scopes: ScopeDefinitions): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const mention of model.mentions) {
    if (!isCounted(mention)) continue;
    const id = `${mention.scope}\u0000${mention.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (needs.isExempt(mention.key)) continue;
    const site = scopes.siteOf(mention.scope, mention.key, needs);
    const where = describeScope(mention.scope);
    if (!site) {
      findings.push({
        rule: 'undefined-abbreviation',
        start: mention.start,
        end: mention.end,
        message: `'${mention.text}' is not defined ${where}; define it at first use, e.g. 'long form (${mention.text})'.`,
        data: { key: mention.key, scope: mention.scope },
      });
      continue;
    }
    if (mention.start < site.from) {
      const line = model.lines.lineAt(site.definition.shortStart) + 1;
      const uses = model.byKey.get(mention.key)?.mentions.filter((m) => m.scope === mention.scope && isCounted(m) && m.start < site.from).length ?? 1;
      findings.push({
        rule: 'used-before-definition',
        start: mention.start,
        end: mention.end,
        message:
          `'${mention.text}' is used before it is defined ${where} (defined on line ${line}` +
          (site.parts ? ` through '${site.definition.short}'` : ` as '${site.definition.long}'`) +
          (uses > 1 ? `; ${uses} uses come first).` : ').'),
        data: {
          key: mention.key,
          scope: mention.scope,
          long: site.definition.long,
          definitionStart: site.definition.longStart,
          definitionEnd: site.definition.shortEnd,
        },
      });
    }
  }

  // Redefinitions: every definition after the first of its key in its scope.
  const firstByScope = new Map<string, AbbreviationDefinition>();
  for (const definition of model.definitions) {
    const id = `${definition.scope}\u0000${definition.key}`;
    const first = firstByScope.get(id);
    if (!first) {
      firstByScope.set(id, definition);
      continue;
    }
    const line = model.lines.lineAt(first.shortStart) + 1;
    findings.push({
      rule: 'redefined-abbreviation',
      start: definition.shortStart,
      end: definition.shortEnd,
      message: `'${definition.short}' is already defined ${describeScope(definition.scope)} on line ${line} as '${first.long}'.`,
      data: { key: definition.key, scope: definition.scope, firstLine: line - 1, long: definition.long, firstLong: first.long },
    });
  }
  return findings;
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
