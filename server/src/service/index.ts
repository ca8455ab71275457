/**
 * The terminology service façade: the one entry point that the CLI, the language
 * server and the tests call. Pure: text and plain data in, plain data out; no I/O.
 */
import type { Range } from 'vscode-languageserver-types';
import { buildDocumentModel, type DocumentModel, type ScopeMode } from './model/documentModel';
import { createDefinitionNeeds, type DefinitionNeeds } from './model/definitionNeeds';
import { checkAbbreviationUse, ScopeDefinitions, type Finding } from './rules/abbreviationRules';
import { effectiveSeverity, ruleById, type RuleId, type RuleSeverities, type Severity } from './rules/ruleTable';

export type { DocumentModel, ScopeMode } from './model/documentModel';
export type { RuleId, RuleSeverities, Severity, SeveritySetting, RuleDescription } from './rules/ruleTable';
export { RULES, ruleById } from './rules/ruleTable';

/** A document as the service sees it. */
export interface DocumentInput {
  /** URI or path; its extension decides markdown or plain text. */
  uri: string;
  /** Editor version; 0 for files read from disk. */
  version: number;
  text: string;
}

/** Settings that change what the service reports. */
export interface AnalysisSettings {
  scopeMode?: ScopeMode;
  /** Severity per rule id (`off` silences a rule). */
  rules?: RuleSeverities;
}

/** A diagnostic in the service's terms: LSP range plus the offsets it came from. */
export interface TerminologyDiagnostic {
  code: RuleId;
  severity: Severity;
  message: string;
  range: Range;
  /** Offsets into the text, for fixes and tests. */
  start: number;
  end: number;
  data?: Record<string, unknown>;
}

/** One definition in the `abbreviations` report. */
export interface DefinitionReport {
  short: string;
  long: string;
  key: string;
  scope: string;
  /** Range of the short form. */
  range: Range;
}

/** One abbreviation used without any definition in its scope. */
export interface UndefinedReport {
  short: string;
  key: string;
  scope: string;
  /** Range of its first use in that scope. */
  range: Range;
}

/** The abbreviations of one document, as `carnk abbreviations --format json` prints them. */
export interface AbbreviationReport {
  definitions: DefinitionReport[];
  undefined: UndefinedReport[];
}

/** Options for creating the service. */
export interface TerminologyServiceOptions {
  /** Keys needing no definition beyond the built-in list (e.g. from the knowledge base). */
  exemptKeys?: Iterable<string>;
  /** Receives internal errors that were caught so that a result could still be returned. */
  onError?: (error: unknown, context: string) => void;
}

/** The service's methods, bound to one configuration. */
export interface TerminologyService {
  /** The document model of this text version (cached per URI and version). */
  model(document: DocumentInput, settings?: AnalysisSettings): DocumentModel;
  /** Diagnostics for a document under the settings. */
  lint(document: DocumentInput, settings?: AnalysisSettings): TerminologyDiagnostic[];
  /** Definitions and undefined abbreviations of a document. */
  abbreviations(document: DocumentInput, settings?: AnalysisSettings): AbbreviationReport;
}

const CACHE_LIMIT = 64;

/** A cached model of one document version, with lookups built on demand. */
interface CacheEntry {
  version: number;
  text: string;
  scopeMode: ScopeMode;
  model: DocumentModel;
  scopes?: ScopeDefinitions;
}

/** Creates the terminology service. */
export function createTerminologyService(options: TerminologyServiceOptions = {}): TerminologyService {
  const needs: DefinitionNeeds = createDefinitionNeeds(options.exemptKeys);
  const cache = new Map<string, CacheEntry>();

  const report = (error: unknown, context: string): void => {
    try {
      options.onError?.(error, context);
    } catch {
      // a failing logger must not take the service down
    }
  };

  const cached = (document: DocumentInput, settings: AnalysisSettings): CacheEntry => {
    const scopeMode = settings.scopeMode ?? 'journal';
    const hit = cache.get(document.uri);
    if (hit && hit.version === document.version && hit.text === document.text && hit.scopeMode === scopeMode) return hit;
    const model = buildDocumentModel(document.uri, document.version, document.text, { scopeMode });
    const entry: CacheEntry = { version: document.version, text: document.text, scopeMode, model };
    cache.delete(document.uri);
    cache.set(document.uri, entry);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    return entry;
  };

  const scopesOf = (entry: CacheEntry): ScopeDefinitions => (entry.scopes ??= new ScopeDefinitions(entry.model));

  const model = (document: DocumentInput, settings: AnalysisSettings = {}): DocumentModel => {
    try {
      return cached(document, settings).model;
    } catch (error) {
      report(error, `model ${document.uri}`);
      return buildDocumentModel(document.uri, document.version, '', settings);
    }
  };

  const lint = (document: DocumentInput, settings: AnalysisSettings = {}): TerminologyDiagnostic[] => {
    try {
      const entry = cached(document, settings);
      const findings: Finding[] = checkAbbreviationUse(entry.model, needs, scopesOf(entry));
      const diagnostics: TerminologyDiagnostic[] = [];
      for (const finding of findings) {
        const rule = ruleById(finding.rule);
        if (!rule) continue;
        const severity = effectiveSeverity(rule, settings.rules);
        if (severity === 'off') continue;
        const diagnostic: TerminologyDiagnostic = {
          code: finding.rule,
          severity,
          message: finding.message,
          range: entry.model.lines.rangeOf(finding.start, finding.end),
          start: finding.start,
          end: finding.end,
        };
        if (finding.data) diagnostic.data = finding.data;
        diagnostics.push(diagnostic);
      }
      return diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
    } catch (error) {
      report(error, `lint ${document.uri}`);
      return [];
    }
  };

  const abbreviations = (document: DocumentInput, settings: AnalysisSettings = {}): AbbreviationReport => {
    try {
      const entry = cached(document, settings);
      const { model: m } = entry;
      const scopes = scopesOf(entry);
      const definitions = m.definitions.map((d) => ({
        short: d.short,
        long: d.long,
        key: d.key,
        scope: d.scope,
        range: m.lines.rangeOf(d.shortStart, d.shortEnd),
      }));
      const undefinedList: UndefinedReport[] = [];
      const seen = new Set<string>();
      for (const mention of m.mentions) {
        if (mention.definition !== undefined || mention.inLongForm || mention.scope === 'title') continue;
        const id = `${mention.scope}\u0000${mention.key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        if (needs.isExempt(mention.key) || scopes.siteOf(mention.scope, mention.key, needs)) continue;
        undefinedList.push({ short: mention.text, key: mention.key, scope: mention.scope, range: m.lines.rangeOf(mention.start, mention.end) });
      }
      return { definitions, undefined: undefinedList };
    } catch (error) {
      report(error, `abbreviations ${document.uri}`);
      return { definitions: [], undefined: [] };
    }
  };

  return { model, lint, abbreviations };
}
