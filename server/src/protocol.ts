/**
 * Names and shapes shared by the client and the server. Custom LSP methods are
 * named `carnk/...` and declared only here.
 */
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-types';
import { settingDefaults } from './service/config/settingsTable';

/** The configuration section the extension contributes and the server reads. */
export const CONFIGURATION_SECTION = 'carnk';

/** Settings as the client stores them under `carnk.*`: one field per row of the settings table (`server/src/service/config/settingsTable.ts`). */
export interface CarnkSettings {
  /** `journal` (abstract, main text, legends apart) or `document`. */
  scopes: 'journal' | 'document';
  /** Severity per rule id. */
  rules: Record<string, 'off' | 'hint' | 'information' | 'warning' | 'error'>;
  /** Spelling that completions and fixes insert. */
  spelling: 'en-US' | 'en-GB';
  /** Project glossary files (absolute, or relative to the workspace folder). */
  glossaries: string[];
  /** Abbreviations that need no definition in this workspace. */
  noDefinition: string[];
  /** Journals that want every symbol defined: undefined standard gene symbols are warnings, not information. */
  defineGeneSymbols: boolean;
  /** Journals that want each legend to stand alone: a legend's use of what only the main text defines is a warning, not information. */
  defineInLegends: boolean;
  /** Journals that want software and databases spelled out: capitals named as a tool are reported undefined, not left alone. */
  defineToolNames: boolean;
  /** How `carnk.insertAbbreviationList` writes the list. */
  abbreviationListFormat: 'table' | 'paragraph';
  /** Milliseconds to wait after a keystroke before re-linting. */
  debounceMs: number;
  /** Documents larger than this many characters are skipped (with one message). */
  maxFileSize: number;
  /** At most this many problems are shown per document, in document order (0: all), so a long draft never floods the editor. */
  maxProblems: number;
  /** Books: a definition holds for the rest of the book (`continue`) or each chapter defines again (`reset`); `.carnkrc` `chapters` wins. */
  chapters: 'continue' | 'reset';
}

/** Defaults when the client sends nothing (or something malformed): the settings table's. */
// Marked pure so the client bundles, which import other names from here, leave the table out.
export const DEFAULT_SETTINGS: CarnkSettings = /* @__PURE__ */ settingDefaults() as unknown as CarnkSettings;

/** The diagnostic source every carnk diagnostic carries. */
export const DIAGNOSTIC_SOURCE = 'carnk';

/** `carnk/abbreviations`: the manuscript's list of abbreviations, to insert at the cursor or to replace an existing list. */
export const ABBREVIATIONS_REQUEST = 'carnk/abbreviations';

/** Parameters of `carnk/abbreviations`. */
export interface AbbreviationsParams {
  textDocument: TextDocumentIdentifier;
  position: Position;
  /** Overrides the `carnk.abbreviationListFormat` setting. */
  format?: 'table' | 'paragraph';
}

/** Result of `carnk/abbreviations`: the list text, and the range of an existing list to replace (else insert at the position). */
export interface AbbreviationsResult {
  text: string;
  range?: Range;
}

/** Server-side command: apply every safe fix in a document (arguments: the document URI). */
export const APPLY_SAFE_FIXES_COMMAND = 'carnk.applySafeFixes';

/** Client-side command: insert or update the list of abbreviations at the cursor. */
export const INSERT_ABBREVIATION_LIST_COMMAND = 'carnk.insertAbbreviationList';

/**
 * `carnk/readFile`, server to client: the text of a workspace file (`.carnkrc`, a glossary, a
 * book's project file or chapter), or null when it cannot be read. The browser worker cannot
 * read the workspace; the web client answers with `vscode.workspace.fs`.
 */
export const READ_FILE_REQUEST = 'carnk/readFile';

/** `carnk/readDirectory`, server to client: a workspace folder's entries, or null when it cannot be read. */
export const READ_DIRECTORY_REQUEST = 'carnk/readDirectory';

/** Parameters of `carnk/readFile` and `carnk/readDirectory`. */
export interface WorkspaceFileParams {
  uri: string;
}

/** Result of `carnk/readFile`. */
export type ReadFileResult = string | null;

/** Result of `carnk/readDirectory`: the folder's entries by name. */
export type ReadDirectoryResult = { name: string; isDirectory: boolean }[] | null;
