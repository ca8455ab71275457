/**
 * The terminology service façade: the one entry point that the CLI, the language server
 * and the tests call. Pure: text and plain data in, plain data out; no I/O, no timers.
 */
import type { CodeAction, CompletionList, Range } from 'vscode-languageserver-types';
import { abbreviationReport } from './abbreviationReport';
import { diagnosticsOf, quickFixes, toLspEdits } from './diagnostics';
import { DocumentAnalyses, type CacheEntry } from './documentAnalyses';
import { abbreviationList, type AbbreviationListEdit } from './features/abbreviationList';
import { completeAt } from './features/completion';
import { hoverAt } from './features/hover';
import { definitionOf, documentSymbols, prepareRenameAt, referencesOf, renameAt } from './features/navigation';
import { loadBuiltinKnowledge } from './knowledge/builtin';
import { createKnowledgeBase } from './knowledge/knowledgeBase';
import type { KnowledgeBase, TermEntry } from './knowledge/types';
import { createDefinitionNeeds, withOwnSenses, type DefinitionNeeds } from './model/definitionNeeds';
import { buildDocumentModel, type DocumentModel } from './model/documentModel';
import { effectiveSeverity, ruleById } from './rules/ruleTable';
import { applyEdits, nonOverlapping } from './text/edits';
import type { AbbreviationReport, AnalysisSettings, DocumentInput, FixResult, TerminologyDiagnostic, TerminologyService, TerminologyServiceOptions } from './types';

export type {
  AbbreviationReport,
  AnalysisSettings,
  BookContext,
  DefinitionReport,
  DiagnosticFix,
  DocumentInput,
  FixResult,
  TerminologyDiagnostic,
  TerminologyService,
  TerminologyServiceOptions,
  UndefinedReport,
} from './types';
export type { DocumentModel, ScopeMode, InheritedDefinition, AbbreviationDefinition } from './model/documentModel';
export type { RuleId, RuleSeverities, Severity, SeveritySetting, RuleDescription } from './rules/ruleTable';
export type { Spelling } from './rules/types';
export type { KnowledgeBase, TermEntry } from './knowledge/types';
export type { ProjectSettings, ConfigProblem } from './config/projectConfig';
export type { AbbreviationListFormat, AbbreviationListEdit } from './features/abbreviationList';
export { SOURCE } from './diagnostics';
export { RULES, ruleById } from './rules/ruleTable';
export { parseProjectConfig } from './config/projectConfig';
export { parseGlossary } from './knowledge/glossary';
export { loadBuiltinKnowledge } from './knowledge/builtin';
export { createKnowledgeBase } from './knowledge/knowledgeBase';
export { applyEdits } from './text/edits';
export { GENERATED_LIST_MARKER, isGeneratedAbbreviationList } from './model/generatedList';

/** Creates the terminology service. */
export function createTerminologyService(options: TerminologyServiceOptions = {}): TerminologyService {
  const knowledge = options.knowledge === null ? undefined : (options.knowledge ?? loadBuiltinKnowledge());
  const baseExempt = exemptKeysOf(knowledge, options.exemptKeys ?? []);
  const baseNeeds = createDefinitionNeeds(baseExempt);
  const needsFor = (settings: AnalysisSettings): DefinitionNeeds =>
    settings.noDefinition && settings.noDefinition.length > 0 ? createDefinitionNeeds([...baseExempt, ...settings.noDefinition]) : baseNeeds;
  const analyses = new DocumentAnalyses(knowledge, needsFor);
  // What one document needs defined: an exempt key it defines in another sense is its own (as the rules read it).
  const needsOf = (model: DocumentModel, settings: AnalysisSettings): DefinitionNeeds => withOwnSenses(needsFor(settings), model.definitions);
  const { effective, cached, scopesOf, reported, frontMatterOf } = analyses;

  const report = (error: unknown, context: string): void => {
    try {
      options.onError?.(error, context);
    } catch {
      // a failing logger must not take the service down
    }
  };

  const guard = <T>(context: string, fallback: () => T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      report(error, context);
      return fallback();
    }
  };

  const lint = (document: DocumentInput, settings: AnalysisSettings = {}): TerminologyDiagnostic[] =>
    guard(`lint ${document.uri}`, () => [], () => {
      const { entry, merged, kept } = reported(document, settings);
      const model = entry.model;
      const diagnostics = diagnosticsOf(model, kept);
      const configRule = ruleById('invalid-configuration')!;
      const configSeverity = effectiveSeverity(configRule, merged.rules);
      if (configSeverity !== 'off') {
        for (const problem of frontMatterOf(document).problems) {
          const end = Math.min(document.text.length, problem.offset + (/^[\w-]+/u.exec(document.text.slice(problem.offset))?.[0].length ?? 1));
          diagnostics.push({ code: 'invalid-configuration', severity: configSeverity, message: problem.message, range: model.lines.rangeOf(problem.offset, end), start: problem.offset, end });
        }
      }
      return diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
    });

  const codeActions = (document: DocumentInput, range: Range, settings: AnalysisSettings = {}): CodeAction[] =>
    guard(`codeActions ${document.uri}`, () => [], () => {
      const { entry, kept } = reported(document, settings);
      return quickFixes(document.uri, entry.model, range, kept);
    });

  const fixAll = (document: DocumentInput, settings: AnalysisSettings = {}, fixOptions: { rules?: string[]; safeOnly?: boolean } = {}): FixResult =>
    guard(`fixAll ${document.uri}`, () => ({ text: document.text, applied: 0 }), () => {
      let text = document.text;
      let applied = 0;
      for (let pass = 0; pass < 10; pass++) {
        const current = { uri: document.uri, version: document.version + pass + 1, text };
        const { kept } = reported(current, settings);
        const groups = kept
          .filter(({ finding }) => (!fixOptions.rules || fixOptions.rules.includes(finding.rule)) && finding.fixes?.[0] && (fixOptions.safeOnly === false || finding.fixes[0].safe))
          .map(({ finding }) => finding.fixes![0]!.edits);
        const edits = nonOverlapping(groups);
        if (edits.length === 0) break;
        const next = applyEdits(text, edits);
        if (next === text) break;
        applied += groups.filter((group) => group.every((edit) => edits.includes(edit))).length;
        text = next;
      }
      return { text, applied };
    });

  const withModel = <T>(name: string, document: DocumentInput, settings: AnalysisSettings, fallback: () => T, run: (entry: CacheEntry, merged: AnalysisSettings) => T): T =>
    guard(`${name} ${document.uri}`, fallback, () => {
      const merged = effective(document, settings);
      return run(cached(document, merged), merged);
    });

  const abbreviations = (document: DocumentInput, settings: AnalysisSettings = {}): AbbreviationReport =>
    withModel('abbreviations', document, settings, () => ({ definitions: [], undefined: [] }), (entry, merged) =>
      abbreviationReport(entry.model, scopesOf(entry, merged), needsOf(entry.model, merged), knowledge),
    );

  const service: TerminologyService = {
    knowledge,
    model: (document, settings = {}) => withModel('model', document, settings, () => buildDocumentModel(document.uri, document.version, ''), (entry) => entry.model),
    lint,
    codeActions,
    fixAll,
    abbreviations,
    hover: (document, position, settings = {}) =>
      withModel('hover', document, settings, () => null, (entry, merged) => hoverAt(entry.model, position, scopesOf(entry, merged), needsOf(entry.model, merged))),
    completion: (document, position, settings = {}) =>
      withModel('completion', document, settings, (): CompletionList => ({ isIncomplete: false, items: [] }), (entry, merged) =>
        completeAt(entry.model, position, scopesOf(entry, merged), needsOf(entry.model, merged), merged.spelling ?? 'en-US'),
      ),
    documentSymbols: (document, settings = {}) => withModel('documentSymbols', document, settings, () => [], (entry) => documentSymbols(entry.model)),
    definition: (document, position, settings = {}) =>
      withModel('definition', document, settings, () => [], (entry, merged) => definitionOf(entry.model, position, scopesOf(entry, merged), needsOf(entry.model, merged))),
    references: (document, position, includeDeclaration, settings = {}) =>
      withModel('references', document, settings, () => [], (entry) => referencesOf(entry.model, position, includeDeclaration)),
    prepareRename: (document, position, settings = {}) => withModel('prepareRename', document, settings, () => null, (entry) => prepareRenameAt(entry.model, position)),
    rename: (document, position, newName, settings = {}) =>
      withModel('rename', document, settings, () => null, (entry) => {
        const edits = renameAt(entry.model, position, newName);
        return edits ? toLspEdits(entry.model, edits) : null;
      }),
    abbreviationList: (document, format, settings = {}) =>
      withModel('abbreviationList', document, settings, () => ({ text: '' }), (entry) => {
        const list: AbbreviationListEdit = abbreviationList(entry.model, format);
        return list.replace ? { text: list.text, replace: entry.model.lines.rangeOf(list.replace.start, list.replace.end) } : { text: list.text };
      }),
    withGlossary(entries: readonly TermEntry[]): TerminologyService {
      if (entries.length === 0) return service;
      const merged = createKnowledgeBase([...(knowledge?.entries ?? []), ...entries]);
      const childOptions: TerminologyServiceOptions = { knowledge: merged, exemptKeys: options.exemptKeys ?? [] };
      if (options.onError) childOptions.onError = options.onError;
      return createTerminologyService(childOptions);
    },
  };
  return service;
}

/** Keys that need no definition: the caller's, every gene symbol the knowledge base names, and its forms that need none. */
function exemptKeysOf(knowledge: KnowledgeBase | undefined, extra: Iterable<string>): string[] {
  const keys = [...extra];
  for (const entry of knowledge?.entries ?? []) {
    for (const gene of entry.genes) keys.push(gene.symbol);
    if (!entry.needsDefinition) keys.push(entry.preferred, ...entry.variants.filter((v) => !/\s/u.test(v)));
  }
  return keys;
}
