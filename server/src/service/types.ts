/**
 * The service's public types: what the CLI, the language server and the tests hand the service
 * and get back. `index.ts` re-exports them.
 */
import type { CodeAction, CompletionList, DocumentSymbol, Hover, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { AbbreviationListFormat } from './features/abbreviationList';
import type { KnowledgeBase, TermEntry } from './knowledge/types';
import type { DocumentModel, InheritedDefinition, ScopeMode } from './model/documentModel';
import type { RuleId, RuleSeverities, Severity } from './rules/ruleTable';
import type { Spelling } from './rules/types';

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
  /**
   * Journals that want software and databases spelled out: capitals the text names as a tool
   * (`STAR 2.7.3a`, `DESeq2`) are reported at the rule's severity (default: not reported).
   */
  defineToolNames?: boolean;
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
  /**
   * Abstract definitions made by files read before this one (a Manubot abstract is a file of its
   * own): they define nothing here, but a definition here with another expansion conflicts.
   */
  abstractDefinitions?: InheritedDefinition[];
  /** Main-text definitions made first by later files, for keys this file neither defines nor inherits. */
  definedLater?: InheritedDefinition[];
  /** Keys another file of the book writes as names (`bat coronavirus RaTG13`): names here too. */
  names?: string[];
  /** Keys another file of the book names firmly as a tool (`X (v1.1.3)`, `the X aligner`): a suggestion here, so a note. */
  tools?: string[];
  /**
   * British and American spellings the book's other files write (uses of each variety, and of each
   * word by its singular): one manuscript has one majority, which every file's advice follows;
   * and each name form they write (`IQ-TREE`), so a name spelt two ways across files is told.
   */
  spellings?: { british: number; american: number; words: Record<string, number>; names?: Record<string, number>; earlierNames?: string[] };
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
