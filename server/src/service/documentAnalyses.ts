import { validateProjectSettings, type ProjectSettings } from './config/projectConfig';
import { layerSettings } from './config/settingsTable';
import type { KnowledgeBase } from './knowledge/types';
import { findFrontMatter } from './markdown/frontMatter';
import { withOwnSenses, type DefinitionNeeds } from './model/definitionNeeds';
import { buildDocumentModel, documentFormat, type DocumentModel, type ScopeMode } from './model/documentModel';
import { blankedText, isGeneratedAbbreviationList } from './model/generatedList';
import { ScopeDefinitions } from './model/scopeDefinitions';
import { readInlineDisables } from './rules/disables';
import { runRules } from './rules/index';
import { RULES, cappedSeverity, effectiveSeverity, ruleById, type RuleId, type Severity } from './rules/ruleTable';
import type { Finding } from './rules/types';
import type { AnalysisSettings, DocumentInput } from './types';

/**
 * The service's memory of documents: each document's model (one per version, reusing the
 * previous version's block analyses), the settings its front matter adds, and the findings
 * for one combination of settings, with what is reported of them. Shared by every request of
 * the service; bounded in size.
 */

// Enough for a thesis or book whose chapters are all analysed together.
const CACHE_LIMIT = 256;

/**
 * Findings beyond this many are not kept for the next request: a 20 MB paragraph of repeated
 * definitions had 434,000, some 150 MB, held beside the diagnostics made from them (issue 16).
 * Recomputing them is the cheaper cost there; the editor never meets so many, as it skips files
 * past `carnk.maxFileSize` (5 million characters, at most ~110,000 findings in the densest text).
 */
const KEPT_FINDINGS_LIMIT = 200_000;

/** A cached model of one document version, with lookups built on demand. */
export interface CacheEntry {
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
  // Every part of the book context a rule reads: another file naming a tool, or spelling a word or a name, changes findings here.
  return JSON.stringify([
    settings.noDefinition ?? [],
    settings.spelling ?? '',
    book?.inherited ?? [],
    book?.abstractDefinitions ?? [],
    book?.usedLater ?? [],
    book?.usedEarlier ?? [],
    book?.definedLater ?? [],
    book?.names ?? [],
    book?.tools ?? [],
    book?.spellings ?? null,
  ]);
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

/** A finding that is reported, with the severity it is reported at. */
export interface ReportedFinding {
  finding: Finding;
  severity: Severity;
}

/** Models, front-matter settings and findings of the documents the service has seen. */
export class DocumentAnalyses {
  private readonly cache = new Map<string, CacheEntry>();
  // The front matter's settings, parsed once per URI and text (every request of a keystroke asks for them).
  private readonly frontMatterCache = new Map<string, { text: string; value: ReturnType<typeof frontMatterSettings> }>();

  constructor(
    private readonly knowledge: KnowledgeBase | undefined,
    private readonly needsFor: (settings: AnalysisSettings) => DefinitionNeeds,
  ) {}

  /** The settings of the front matter's `carnk:` key, and a problem per invalid field. */
  readonly frontMatterOf = (document: DocumentInput): ReturnType<typeof frontMatterSettings> => {
    const hit = this.frontMatterCache.get(document.uri);
    if (hit && hit.text === document.text) return hit.value;
    const value = frontMatterSettings(document);
    this.frontMatterCache.delete(document.uri);
    this.frontMatterCache.set(document.uri, { text: document.text, value });
    if (this.frontMatterCache.size > CACHE_LIMIT) this.frontMatterCache.delete(this.frontMatterCache.keys().next().value as string);
    return value;
  };

  /** Settings after the front matter's `carnk:` key. */
  readonly effective = (document: DocumentInput, settings: AnalysisSettings): AnalysisSettings => layerSettings([this.frontMatterOf(document).settings], settings);

  /** The model of this version of the document, built once. */
  readonly cached = (document: DocumentInput, settings: AnalysisSettings): CacheEntry => {
    const scopeMode = settings.scopeMode ?? 'journal';
    const hit = this.cache.get(document.uri);
    if (hit && hit.version === document.version && hit.text === document.text && hit.scopeMode === scopeMode) return hit;
    // The previous version's block cache lets a keystroke re-analyse only the blocks it touched.
    const knowledge = this.knowledge;
    const modelOptions: Parameters<typeof buildDocumentModel>[3] = knowledge ? { scopeMode, knowledge } : { scopeMode };
    if (hit) {
      modelOptions.blockCache = hit.model.blockCache;
      modelOptions.inlineCache = hit.model.prose.inlineCache;
      if (hit.scopeMode === scopeMode) modelOptions.earlierProse = { text: hit.model.text, prose: hit.model.prose, cacheKeys: hit.model.cacheKeys };
      modelOptions.listCache = hit.model.listCache;
    }
    // A generated list of abbreviations is read as empty: nothing to lint, nothing it defines.
    const text = isGeneratedAbbreviationList(document.text) ? blankedText(document.text) : document.text;
    const model = buildDocumentModel(document.uri, document.version, text, modelOptions);
    const entry: CacheEntry = { version: document.version, text: document.text, scopeMode, model };
    this.cache.delete(document.uri);
    this.cache.set(document.uri, entry);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    return entry;
  };

  private analysisOf(entry: CacheEntry, settings: AnalysisSettings): NonNullable<CacheEntry['analysis']> {
    const fingerprint = analysisFingerprint(settings);
    if (!entry.analysis || entry.analysis.fingerprint !== fingerprint) {
      entry.analysis = { fingerprint, scopes: new ScopeDefinitions(entry.model, settings.book?.inherited ?? [], settings.book?.abstractDefinitions ?? []) };
    }
    return entry.analysis;
  }

  /** Where each key becomes defined in each scope, under these settings. */
  readonly scopesOf = (entry: CacheEntry, settings: AnalysisSettings = {}): ScopeDefinitions => this.analysisOf(entry, settings).scopes;

  /** Every finding of the rules that are on, kept until the settings that change them change. */
  private findingsOf(entry: CacheEntry, settings: AnalysisSettings): Finding[] {
    const analysis = this.analysisOf(entry, settings);
    const context = { model: entry.model, needs: withOwnSenses(this.needsFor(settings), entry.model.definitions), scopes: analysis.scopes, knowledge: this.knowledge, spelling: settings.spelling ?? 'en-US' } as Parameters<typeof runRules>[0];
    if (settings.book) {
      context.usedLater = new Set(settings.book.usedLater);
      context.usedEarlier = new Set(settings.book.usedEarlier ?? []);
      context.definedLater = new Map((settings.book.definedLater ?? []).map((d) => [d.key, d]));
      context.bookNames = new Set(settings.book.names ?? []);
      context.bookTools = new Set(settings.book.tools ?? []);
      if (settings.book.spellings) context.bookSpellings = settings.book.spellings;
    }
    const isOn = (id: RuleId) => effectiveSeverity(ruleById(id)!, settings.rules) !== 'off';
    const rulesOn = RULES.filter((rule) => isOn(rule.id)).map((rule) => rule.id).join(',');
    if (analysis.findings && analysis.rulesOn === rulesOn) return analysis.findings;
    const findings = runRules(context, isOn);
    analysis.findings = findings.length <= KEPT_FINDINGS_LIMIT ? findings : undefined;
    analysis.rulesOn = rulesOn;
    return findings;
  }

  /** Findings that are reported: severity not off, not disabled inline. */
  readonly reported = (document: DocumentInput, settings: AnalysisSettings): { entry: CacheEntry; merged: AnalysisSettings; kept: ReportedFinding[] } => {
    const merged = this.effective(document, settings);
    const entry = this.cached(document, merged);
    const disables = readInlineDisables(entry.model.prose.comments, entry.model.lines);
    const kept: ReportedFinding[] = [];
    const findings = this.findingsOf(entry, merged);
    for (let i = 0; i < findings.length; i++) {
      const finding = findings[i]!;
      const rule = ruleById(finding.rule);
      if (!rule) continue;
      const cap = finding.cap && !finding.cap.liftedBy?.some((setting) => merged[setting]) ? finding.cap.severity : undefined;
      const severity = cappedSeverity(effectiveSeverity(rule, merged.rules), cap);
      if (severity === 'off' || disables.isDisabled(finding.rule, finding.start)) continue;
      // Lowered because journals differ: its fixes stay quick fixes, never applied by fix-all.
      const fixes = cap && finding.fixes?.some((fix) => fix.safe) ? finding.fixes.map((fix) => ({ ...fix, safe: false })) : undefined;
      kept.push({ finding: fixes ? { ...finding, fixes } : finding, severity });
    }
    return { entry, merged, kept };
  };
}
