/**
 * The terminology service façade: the one entry point that the CLI, the language server
 * and the tests call. Pure: text and plain data in, plain data out; no I/O, no timers.
 */
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { ProjectSettings } from './config/projectConfig';
import { abbreviationList, type AbbreviationListEdit, type AbbreviationListFormat } from './features/abbreviationList';
import { completeAt } from './features/completion';
import { hoverAt } from './features/hover';
import { definitionOf, documentSymbols, prepareRenameAt, referencesOf, renameAt } from './features/navigation';
import { loadBuiltinKnowledge } from './knowledge/builtin';
import { createKnowledgeBase } from './knowledge/knowledgeBase';
import type { KnowledgeBase, TermEntry } from './knowledge/types';
import { createDefinitionNeeds, withOwnSenses, type DefinitionNeeds } from './model/definitionNeeds';
import type { ScopeDefinitions } from './model/scopeDefinitions';
import { buildDocumentModel, type DocumentModel, type InheritedDefinition, type ScopeMode } from './model/documentModel';
import { DocumentAnalyses, type CacheEntry, type ReportedFinding } from './documentAnalyses';
import { RULES, effectiveSeverity, ruleById, type RuleId, type RuleSeverities, type Severity } from './rules/ruleTable';
import type { Spelling } from './rules/types';
import { applyEdits, nonOverlapping, type OffsetEdit } from './text/edits';

export type { DocumentModel, ScopeMode, InheritedDefinition, AbbreviationDefinition } from './model/documentModel';
export type { RuleId, RuleSeverities, Severity, SeveritySetting, RuleDescription } from './rules/ruleTable';
export type { Spelling } from './rules/types';
export type { KnowledgeBase, TermEntry } from './knowledge/types';
export type { ProjectSettings, ConfigProblem } from './config/projectConfig';
export type { AbbreviationListFormat, AbbreviationListEdit } from './features/abbreviationList';
export { RULES, ruleById } from './rules/ruleTable';
export { parseProjectConfig } from './config/projectConfig';
export { parseGlossary } from './knowledge/glossary';
export { loadBuiltinKnowledge } from './knowledge/builtin';
export { createKnowledgeBase } from './knowledge/knowledgeBase';
export { applyEdits } from './text/edits';
export { GENERATED_LIST_MARKER, isGeneratedAbbreviationList } from './model/generatedList';

/** The diagnostic source of every carnk diagnostic. */
export const SOURCE = 'carnk';

/** A document as the service sees it. */
export interface DocumentInput {
  /** URI or path; its extension decides markdown or plain text. */
  uri: string;
  /** Editor version; 0 for files read from disk. */
  version: number;
  text: string;
}

/** Settings that change what the service reports (editor settings merged with `.carnkrc`). */
export interface AnalysisSettings {
  scopeMode?: ScopeMode;
  /** Severity per rule id (`off` silences a rule). */
  rules?: RuleSeverities;
  /** Spelling that completions and fixes insert. */
  spelling?: Spelling;
  /** Extra abbreviations that need no definition. */
  noDefinition?: string[];
  /**
   * Journals that want every symbol defined: an undefined standard gene symbol is reported at the
   * rule's severity (default: at most `information`).
   */
  defineGeneSymbols?: boolean;
  /**
   * Journals that want each legend to stand alone: a legend's use of an abbreviation that only the
   * main text defines is reported at the rule's severity (default: at most `information`).
   */
  defineInLegends?: boolean;
  /** For a file of a book (or an included file): what the files read before it define, and what later files use. */
  book?: BookContext;
}

/** Definitions flowing between the files of a book, in reading order. */
export interface BookContext {
  /** Main-text definitions made by earlier files (first definition of each key). */
  inherited: InheritedDefinition[];
  /** Keys used in later files, so a definition here is not reported unused. */
  usedLater: string[];
  /** Keys used in the main text of earlier files: their first use, defined or not, was there. */
  usedEarlier?: string[];
  /** Main-text definitions made first by later files, for keys this file neither defines nor inherits. */
  definedLater?: InheritedDefinition[];
  /** Keys another file of the book writes as names (`bat coronavirus RaTG13`): names here too. */
  names?: string[];
}

/** A quick fix carried in a diagnostic's `data`, in LSP terms. */
export interface DiagnosticFix {
  title: string;
  safe: boolean;
  edits: TextEdit[];
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
  /** Rule data plus `fixes` (LSP edits) when the rule proposes any. */
  data?: Record<string, unknown> & { fixes?: DiagnosticFix[] };
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

/** The result of applying fixes to a text. */
export interface FixResult {
  text: string;
  /** Number of fixes applied, over all passes. */
  applied: number;
}

/** Options for creating the service. */
export interface TerminologyServiceOptions {
  /** The knowledge base; default the built-in one; `null` for none (tests of pure abbreviation logic). */
  knowledge?: KnowledgeBase | null;
  /** Keys needing no definition beyond the built-in list. */
  exemptKeys?: Iterable<string>;
  /** Receives internal errors that were caught so that a result could still be returned. */
  onError?: (error: unknown, context: string) => void;
}

/** The service's methods, bound to one knowledge base. */
export interface TerminologyService {
  /** The knowledge base in use. */
  readonly knowledge: KnowledgeBase | undefined;
  /** The document model of this text version (cached per URI, version and scope mode). */
  model(document: DocumentInput, settings?: AnalysisSettings): DocumentModel;
  /** Diagnostics for a document under the settings (front matter `carnk:` and inline disables applied). */
  lint(document: DocumentInput, settings?: AnalysisSettings): TerminologyDiagnostic[];
  /** Quick fixes for the diagnostics overlapping `range`, plus fix-all actions per rule. */
  codeActions(document: DocumentInput, range: Range, settings?: AnalysisSettings): CodeAction[];
  /** Applies fixes repeatedly (up to 10 passes): only safe ones unless `safeOnly` is false; optionally only some rules. */
  fixAll(document: DocumentInput, settings?: AnalysisSettings, options?: { rules?: string[]; safeOnly?: boolean }): FixResult;
  /** Definitions and undefined abbreviations of a document. */
  abbreviations(document: DocumentInput, settings?: AnalysisSettings): AbbreviationReport;
  hover(document: DocumentInput, position: Position, settings?: AnalysisSettings): Hover | null;
  completion(document: DocumentInput, position: Position, settings?: AnalysisSettings): CompletionList;
  documentSymbols(document: DocumentInput, settings?: AnalysisSettings): DocumentSymbol[];
  /** Where the abbreviation under the cursor is defined: in this document (`uri` is the document's) or in an earlier file of the book. */
  definition(document: DocumentInput, position: Position, settings?: AnalysisSettings): { uri: string; range: Range }[];
  references(document: DocumentInput, position: Position, includeDeclaration: boolean, settings?: AnalysisSettings): Range[];
  prepareRename(document: DocumentInput, position: Position, settings?: AnalysisSettings): { range: Range; placeholder: string } | null;
  rename(document: DocumentInput, position: Position, newName: string, settings?: AnalysisSettings): TextEdit[] | null;
  /** The list of abbreviations as text, and the existing list it replaces. */
  abbreviationList(document: DocumentInput, format: AbbreviationListFormat, settings?: AnalysisSettings): { text: string; replace?: Range };
  /** A service over the same built-in terms plus project glossary entries (which override by id). */
  withGlossary(entries: readonly TermEntry[]): TerminologyService;
}

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

const SEVERITY_NUMBER: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };

/** Offset edits as LSP text edits. */
function toLspEdits(model: DocumentModel, edits: OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: model.lines.rangeOf(e.start, e.end), newText: e.newText }));
}

/**
 * The diagnostics of `kept`, in its order, emptying it: taken from the back, so that a finding
 * the cache does not keep (see `documentAnalyses.ts`) is freed as its diagnostic is made.
 */
function diagnosticsOf(model: DocumentModel, kept: ReportedFinding[]): TerminologyDiagnostic[] {
  kept.reverse();
  const diagnostics: TerminologyDiagnostic[] = [];
  while (kept.length > 0) diagnostics.push(toDiagnostic(model, kept.pop()!));
  return diagnostics;
}

/** A reported finding as the service's diagnostic: the rule's data plus its fixes as LSP edits. */
function toDiagnostic(model: DocumentModel, { finding, severity }: ReportedFinding): TerminologyDiagnostic {
  const { rule: code, message, start, end } = finding;
  const range = model.lines.rangeOf(start, end);
  // Copied key by key onto one literal rather than spread (`{ ...finding.data }`): a spread copy
  // that then gains `fixes` got a hidden class of its own, some 300 bytes per diagnostic, which
  // a text of 400,000 repeated definitions kept as many times.
  const data: Record<string, unknown> & { fixes?: DiagnosticFix[] } = {};
  let fields = 0;
  if (finding.data) {
    for (const key of Object.keys(finding.data)) {
      data[key] = finding.data[key];
      fields++;
    }
  }
  if (finding.fixes?.length) {
    data.fixes = finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: toLspEdits(model, fix.edits) }));
    fields++;
  }
  // Built in its final shape: a property added later costs each object a property store of its own.
  return fields > 0 ? { code, severity, message, range, start, end, data } : { code, severity, message, range, start, end };
}

/** Quick fixes for the findings touching `range`, the safe one first, and one fix-all per rule with two or more safe fixes. */
function quickFixes(uri: string, model: DocumentModel, range: Range, kept: readonly ReportedFinding[]): CodeAction[] {
  const from = model.lines.offsetAt(range.start);
  const to = model.lines.offsetAt(range.end);
  const actions: CodeAction[] = [];
  const rulesHere = new Set<RuleId>();
  for (const { finding, severity } of kept) {
    if (finding.end < from || finding.start > to || !finding.fixes) continue;
    rulesHere.add(finding.rule);
    const diagnostic: Diagnostic = { range: model.lines.rangeOf(finding.start, finding.end), message: finding.message, code: finding.rule, source: SOURCE, severity: SEVERITY_NUMBER[severity] };
    finding.fixes.forEach((fix, index) => {
      actions.push({
        title: fix.title,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: index === 0 && fix.safe,
        edit: { changes: { [uri]: toLspEdits(model, fix.edits) } },
      });
    });
  }
  for (const rule of rulesHere) {
    const groups = kept.filter(({ finding }) => finding.rule === rule && finding.fixes?.[0]?.safe).map(({ finding }) => finding.fixes![0]!.edits);
    if (groups.length < 2) continue;
    const edits = nonOverlapping(groups);
    actions.push({ title: `Fix all '${rule}' problems in this document (${groups.length})`, kind: 'quickfix', edit: { changes: { [uri]: toLspEdits(model, edits) } } });
  }
  return actions;
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

/** The document's definitions, and each abbreviation undefined in a scope once, at its first use there. */
function abbreviationReport(m: DocumentModel, scopes: ScopeDefinitions, needs: DefinitionNeeds, knowledge: KnowledgeBase | undefined): AbbreviationReport {
  const definitions = m.definitions.map((d) => ({ short: d.short, long: d.long, key: d.key, scope: d.scope, range: m.lines.rangeOf(d.shortStart, d.shortEnd) }));
  const undefinedList: UndefinedReport[] = [];
  const seen = new Set<string>();
  for (const mention of m.mentions) {
    if (mention.definition !== undefined || mention.inLongForm || mention.inHeading || mention.scope === 'title') continue;
    const id = `${mention.scope}\u0000${mention.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (needs.isExempt(mention.key) || scopes.siteOf(mention.scope, mention.key, needs)) continue;
    if (knowledge?.lookupAll(mention.key).some((f) => !f.folded && f.kind === 'discouraged')) continue;
    undefinedList.push({ short: mention.text, key: mention.key, scope: mention.scope, range: m.lines.rangeOf(mention.start, mention.end) });
  }
  return { definitions, undefined: undefinedList };
}
