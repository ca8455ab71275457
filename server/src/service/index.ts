/**
 * The terminology service façade: the one entry point that the CLI, the language server
 * and the tests call. Pure: text and plain data in, plain data out; no I/O, no timers.
 */
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { validateProjectSettings, type ProjectSettings } from './config/projectConfig';
import { abbreviationList, type AbbreviationListEdit, type AbbreviationListFormat } from './features/abbreviationList';
import { completeAt } from './features/completion';
import { hoverAt } from './features/hover';
import { definitionOf, documentSymbols, prepareRenameAt, referencesOf, renameAt } from './features/navigation';
import { loadBuiltinKnowledge } from './knowledge/builtin';
import { createKnowledgeBase } from './knowledge/knowledgeBase';
import type { KnowledgeBase, TermEntry } from './knowledge/types';
import { findFrontMatter } from './markdown/frontMatter';
import { createDefinitionNeeds, type DefinitionNeeds } from './model/definitionNeeds';
import { buildDocumentModel, documentFormat, type DocumentModel, type InheritedDefinition, type ScopeMode } from './model/documentModel';
import { blankedText, isGeneratedAbbreviationList } from './model/generatedList';
import { readInlineDisables } from './rules/disables';
import { runRules } from './rules/index';
import { RULES, cappedSeverity, effectiveSeverity, ruleById, type RuleId, type RuleSeverities, type Severity } from './rules/ruleTable';
import { ScopeDefinitions } from './model/scopeDefinitions';
import type { Finding, Spelling } from './rules/types';
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

// Enough for a thesis or book whose chapters are all analysed together.
const CACHE_LIMIT = 256;

/** A cached model of one document version, with lookups built on demand. */
interface CacheEntry {
  version: number;
  text: string;
  scopeMode: ScopeMode;
  model: DocumentModel;
  /** Rule results and scope lookups for one combination of settings that affect them. */
  /** Findings are kept with the rules that were on when they were found (a rule set `off` does not run). */
  analysis?: { fingerprint: string; scopes: ScopeDefinitions; findings?: Finding[]; rulesOn?: string };
}

/** What, in the settings, changes rule results beyond the model (the model depends on the scope mode only). */
function analysisFingerprint(settings: AnalysisSettings): string {
  if (!settings.noDefinition?.length && !settings.spelling && !settings.book) return '';
  // The whole inherited definition: hover and go to definition read its range.
  const book = settings.book;
  return JSON.stringify([settings.noDefinition ?? [], settings.spelling ?? '', book?.inherited ?? [], book?.usedLater ?? [], book?.usedEarlier ?? [], book?.definedLater ?? []]);
}

/** Settings from the front matter's `carnk:` key, with a problem per invalid field. */
function frontMatterSettings(document: DocumentInput): { settings: ProjectSettings; problems: { message: string; offset: number }[] } {
  if (documentFormat(document.uri) !== 'markdown') return { settings: {}, problems: [] };
  const matter = findFrontMatter(document.text);
  const data = matter?.data as Record<string, unknown> | undefined;
  if (!data || typeof data !== 'object' || !('carnk' in data)) return { settings: {}, problems: [] };
  const keyOffset = Math.max(0, document.text.search(/^carnk[ \t]*:/mu));
  const problems: { message: string; offset: number }[] = [];
  const settings = validateProjectSettings(data.carnk, (path, message) => {
    const fieldOffset = path.length > 0 ? document.text.indexOf(String(path[path.length - 1]), keyOffset) : -1;
    problems.push({ message: `front matter carnk: ${message}`, offset: fieldOffset >= 0 ? fieldOffset : keyOffset });
  });
  return { settings, problems };
}

/** Merges front-matter settings over the given ones (front matter wins, rules merge by id). */
function mergeSettings(base: AnalysisSettings, front: ProjectSettings): AnalysisSettings {
  const merged: AnalysisSettings = { ...base };
  if (front.scopes) merged.scopeMode = front.scopes;
  if (front.spelling) merged.spelling = front.spelling;
  if (front.rules) merged.rules = { ...base.rules, ...front.rules };
  if (front.noDefinition) merged.noDefinition = [...(base.noDefinition ?? []), ...front.noDefinition];
  if (front.defineGeneSymbols !== undefined) merged.defineGeneSymbols = front.defineGeneSymbols;
  if (front.defineInLegends !== undefined) merged.defineInLegends = front.defineInLegends;
  return merged;
}

/** Creates the terminology service. */
export function createTerminologyService(options: TerminologyServiceOptions = {}): TerminologyService {
  const knowledge = options.knowledge === null ? undefined : (options.knowledge ?? loadBuiltinKnowledge());
  const baseExempt = [...(options.exemptKeys ?? [])];
  if (knowledge) {
    for (const entry of knowledge.entries) {
      for (const gene of entry.genes) baseExempt.push(gene.symbol);
      if (!entry.needsDefinition) {
        baseExempt.push(entry.preferred, ...entry.variants.filter((v) => !/\s/u.test(v)));
      }
    }
  }
  const baseNeeds = createDefinitionNeeds(baseExempt);
  const needsFor = (settings: AnalysisSettings): DefinitionNeeds =>
    settings.noDefinition && settings.noDefinition.length > 0 ? createDefinitionNeeds([...baseExempt, ...settings.noDefinition]) : baseNeeds;
  const cache = new Map<string, CacheEntry>();

  const report = (error: unknown, context: string): void => {
    try {
      options.onError?.(error, context);
    } catch {
      // a failing logger must not take the service down
    }
  };

  /** Settings after the front matter's `carnk:` key. */
  // The front matter's settings, parsed once per URI and text (every request of a keystroke asks for them).
  const frontMatterCache = new Map<string, { text: string; value: ReturnType<typeof frontMatterSettings> }>();
  const frontMatterOf = (document: DocumentInput): ReturnType<typeof frontMatterSettings> => {
    const hit = frontMatterCache.get(document.uri);
    if (hit && hit.text === document.text) return hit.value;
    const value = frontMatterSettings(document);
    frontMatterCache.delete(document.uri);
    frontMatterCache.set(document.uri, { text: document.text, value });
    if (frontMatterCache.size > CACHE_LIMIT) frontMatterCache.delete(frontMatterCache.keys().next().value as string);
    return value;
  };
  const effective = (document: DocumentInput, settings: AnalysisSettings): AnalysisSettings => mergeSettings(settings, frontMatterOf(document).settings);

  const cached = (document: DocumentInput, settings: AnalysisSettings): CacheEntry => {
    const scopeMode = settings.scopeMode ?? 'journal';
    const hit = cache.get(document.uri);
    if (hit && hit.version === document.version && hit.text === document.text && hit.scopeMode === scopeMode) return hit;
    // The previous version's block cache lets a keystroke re-analyse only the blocks it touched.
    const modelOptions: Parameters<typeof buildDocumentModel>[3] = knowledge ? { scopeMode, knowledge } : { scopeMode };
    if (hit) modelOptions.blockCache = hit.model.blockCache;
    // A generated list of abbreviations is read as empty: nothing to lint, nothing it defines.
    const text = isGeneratedAbbreviationList(document.text) ? blankedText(document.text) : document.text;
    const model = buildDocumentModel(document.uri, document.version, text, modelOptions);
    const entry: CacheEntry = { version: document.version, text: document.text, scopeMode, model };
    cache.delete(document.uri);
    cache.set(document.uri, entry);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    return entry;
  };

  const analysisOf = (entry: CacheEntry, settings: AnalysisSettings) => {
    const fingerprint = analysisFingerprint(settings);
    if (!entry.analysis || entry.analysis.fingerprint !== fingerprint) {
      entry.analysis = { fingerprint, scopes: new ScopeDefinitions(entry.model, settings.book?.inherited ?? []) };
    }
    return entry.analysis;
  };
  const scopesOf = (entry: CacheEntry, settings: AnalysisSettings = {}): ScopeDefinitions => analysisOf(entry, settings).scopes;

  const findingsOf = (entry: CacheEntry, settings: AnalysisSettings): Finding[] => {
    const analysis = analysisOf(entry, settings);
    const context = { model: entry.model, needs: needsFor(settings), scopes: analysis.scopes, knowledge, spelling: settings.spelling ?? 'en-US' } as Parameters<typeof runRules>[0];
    if (settings.book) {
      context.usedLater = new Set(settings.book.usedLater);
      context.usedEarlier = new Set(settings.book.usedEarlier ?? []);
      context.definedLater = new Map((settings.book.definedLater ?? []).map((d) => [d.key, d]));
    }
    const isOn = (id: RuleId) => effectiveSeverity(ruleById(id)!, settings.rules) !== 'off';
    const rulesOn = RULES.filter((rule) => isOn(rule.id)).map((rule) => rule.id).join(',');
    if (!analysis.findings || analysis.rulesOn !== rulesOn) {
      analysis.findings = runRules(context, isOn);
      analysis.rulesOn = rulesOn;
    }
    return analysis.findings;
  };

  const guard = <T>(context: string, fallback: () => T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      report(error, context);
      return fallback();
    }
  };

  const toLspEdits = (model: DocumentModel, edits: OffsetEdit[]): TextEdit[] => edits.map((e) => ({ range: model.lines.rangeOf(e.start, e.end), newText: e.newText }));

  /** Findings that are reported: severity not off, not disabled inline. */
  const reported = (document: DocumentInput, settings: AnalysisSettings) => {
    const merged = effective(document, settings);
    const entry = cached(document, merged);
    const disables = readInlineDisables(entry.model.prose.comments, entry.model.lines);
    const kept: { finding: Finding; severity: Severity }[] = [];
    const findings = findingsOf(entry, merged);
    for (let i = 0; i < findings.length; i++) {
      const finding = findings[i]!;
      const rule = ruleById(finding.rule);
      if (!rule) continue;
      const cap = finding.cap && !(finding.cap.liftedBy && merged[finding.cap.liftedBy]) ? finding.cap.severity : undefined;
      const severity = cappedSeverity(effectiveSeverity(rule, merged.rules), cap);
      if (severity === 'off' || disables.isDisabled(finding.rule, finding.start)) continue;
      // Lowered because journals differ: its fixes stay quick fixes, never applied by fix-all.
      const fixes = cap && finding.fixes?.some((fix) => fix.safe) ? finding.fixes.map((fix) => ({ ...fix, safe: false })) : undefined;
      kept.push({ finding: fixes ? { ...finding, fixes } : finding, severity });
    }
    return { entry, merged, kept };
  };

  const lint = (document: DocumentInput, settings: AnalysisSettings = {}): TerminologyDiagnostic[] =>
    guard(`lint ${document.uri}`, () => [], () => {
      const { entry, merged, kept } = reported(document, settings);
      const model = entry.model;
      const diagnostics: TerminologyDiagnostic[] = kept.map(({ finding, severity }) => {
        const diagnostic: TerminologyDiagnostic = { code: finding.rule, severity, message: finding.message, range: model.lines.rangeOf(finding.start, finding.end), start: finding.start, end: finding.end };
        const data: Record<string, unknown> & { fixes?: DiagnosticFix[] } = { ...finding.data };
        if (finding.fixes?.length) data.fixes = finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: toLspEdits(model, fix.edits) }));
        if (Object.keys(data).length > 0) diagnostic.data = data;
        return diagnostic;
      });
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
      const model = entry.model;
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
            edit: { changes: { [document.uri]: toLspEdits(model, fix.edits) } },
          });
        });
      }
      for (const rule of rulesHere) {
        const groups = kept.filter(({ finding }) => finding.rule === rule && finding.fixes?.[0]?.safe).map(({ finding }) => finding.fixes![0]!.edits);
        if (groups.length < 2) continue;
        const edits = nonOverlapping(groups);
        actions.push({ title: `Fix all '${rule}' problems in this document (${groups.length})`, kind: 'quickfix', edit: { changes: { [document.uri]: toLspEdits(model, edits) } } });
      }
      return actions;
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

  const abbreviations = (document: DocumentInput, settings: AnalysisSettings = {}): AbbreviationReport =>
    guard(`abbreviations ${document.uri}`, () => ({ definitions: [], undefined: [] }), () => {
      const merged = effective(document, settings);
      const entry = cached(document, merged);
      const { model: m } = entry;
      const scopes = scopesOf(entry, merged);
      const needs = needsFor(merged);
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
    });

  const withModel = <T>(name: string, document: DocumentInput, settings: AnalysisSettings, fallback: () => T, run: (entry: CacheEntry, merged: AnalysisSettings) => T): T =>
    guard(`${name} ${document.uri}`, fallback, () => {
      const merged = effective(document, settings);
      return run(cached(document, merged), merged);
    });

  const service: TerminologyService = {
    knowledge,
    model: (document, settings = {}) => withModel('model', document, settings, () => buildDocumentModel(document.uri, document.version, ''), (entry) => entry.model),
    lint,
    codeActions,
    fixAll,
    abbreviations,
    hover: (document, position, settings = {}) =>
      withModel('hover', document, settings, () => null, (entry, merged) => hoverAt(entry.model, position, scopesOf(entry, merged), needsFor(merged))),
    completion: (document, position, settings = {}) =>
      withModel('completion', document, settings, (): CompletionList => ({ isIncomplete: false, items: [] }), (entry, merged) =>
        completeAt(entry.model, position, scopesOf(entry, merged), needsFor(merged), merged.spelling ?? 'en-US'),
      ),
    documentSymbols: (document, settings = {}) => withModel('documentSymbols', document, settings, () => [], (entry) => documentSymbols(entry.model)),
    definition: (document, position, settings = {}) =>
      withModel('definition', document, settings, () => [], (entry, merged) => definitionOf(entry.model, position, scopesOf(entry, merged), needsFor(merged))),
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
