/**
 * One run of the service over a book: which files take part, each file's model and book
 * context, linting with the book's own problems (missing files, include cycles), the list
 * of abbreviations, fixes, and references and rename across files. The CLI and the
 * language server both use it and only adapt: the CLI reads files and prints, the server
 * reads open documents first and publishes. Files come through `documentOf`, so the run
 * never reads anything itself.
 */
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { AnalysisSettings, BookContext, DefinitionReport, DocumentInput, ProjectSettings, TerminologyDiagnostic, TerminologyService, UndefinedReport } from '../service/index';
import { layeredValue } from '../service/config/settingsTable';
import { abbreviationKeyAt, bookContexts, bookProblemDiagnostic, firstPositionOfKey } from './bookAnalysis';
import type { BookProject } from './bookProject';

/** A file of a book as the service sees it: the document, the service for its project, and its settings without the book context. */
export interface BookDocument {
  document: DocumentInput;
  service: TerminologyService;
  settings: AnalysisSettings;
}

/** A place in a file of the book, by URI. */
export interface BookLocation {
  uri: string;
  range: Range;
}

/** The book's list of abbreviations: each definition and undefined use with the URI of the file it is in. */
export interface BookAbbreviations {
  definitions: (DefinitionReport & { uri: string })[];
  undefined: (UndefinedReport & { uri: string })[];
}

/** Orders diagnostics by their start, as one file's diagnostics are shown. */
export function byStart(a: { range: Range }, b: { range: Range }): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * A book with the texts of its files as they are now. `documentOf` gives a file's document,
 * or undefined for one left out (unreadable, binary, too large, a generated list); each file
 * is asked for once. `settingLayers` are the adapter's settings by name in the order they
 * layer (editor < the book's `.carnkrc` < command-line flags): the book's `chapters` mode is
 * the last one given, else `continue`. Book contexts are computed from the files' models when
 * the run is made.
 */
export class BookRun {
  /** Each file's book context, by path. */
  readonly contexts: Map<string, BookContext>;
  private readonly documents = new Map<string, BookDocument | undefined>();

  constructor(
    readonly book: BookProject,
    private readonly readDocument: (path: string) => BookDocument | undefined,
    private readonly settingLayers: readonly ProjectSettings[],
  ) {
    const mode = layeredValue('chapters', settingLayers);
    this.contexts = bookContexts(
      book,
      (path) => {
        const file = this.documentOf(path);
        return file && { uri: file.document.uri, model: file.service.model(file.document, file.settings) };
      },
      mode,
    );
  }

  /** A file's document, service and settings (without its book context); undefined when left out. */
  documentOf(path: string): BookDocument | undefined {
    if (!this.documents.has(path)) this.documents.set(path, this.readDocument(path));
    return this.documents.get(path);
  }

  /** The same book with new texts for some files (after fixes), the others as they were. */
  withTexts(texts: ReadonlyMap<string, string>): BookRun {
    return new BookRun(
      this.book,
      (path) => {
        const file = this.documentOf(path);
        const text = texts.get(path);
        return file && text !== undefined ? { ...file, document: { ...file.document, text } } : file;
      },
      this.settingLayers,
    );
  }

  /** The files that take part, in reading order, with their paths. */
  files(): (BookDocument & { path: string })[] {
    const files: (BookDocument & { path: string })[] = [];
    for (const { path } of this.book.files) {
      const file = this.documentOf(path);
      if (file) files.push({ ...file, path });
    }
    return files;
  }

  /** `settings` with the book context of the file at `path` (unchanged for a file outside the book). */
  settingsFor(path: string, settings: AnalysisSettings): AnalysisSettings {
    const book = this.contexts.get(path);
    return book ? { ...settings, book } : settings;
  }

  /** A text that changes exactly when the file's book context does: a file whose signature is unchanged needs no new lint. */
  contextSignature(path: string): string {
    return JSON.stringify(this.contexts.get(path) ?? null);
  }

  /** The book's problems (missing chapters and includes, include cycles) on the file at `path`, with `settings`' severity for them. */
  problemsOn(path: string, settings: AnalysisSettings): TerminologyDiagnostic[] {
    const diagnostics: TerminologyDiagnostic[] = [];
    for (const problem of this.book.problems) {
      const found = problem.file === path ? bookProblemDiagnostic(problem, settings) : undefined;
      if (found) diagnostics.push(found);
    }
    return diagnostics;
  }

  /**
   * The problems of the project file when it is not a manuscript of the book (`_quarto.yml`,
   * `_bookdown.yml`, Manubot's `metadata.yaml`): they are all its diagnostics, in document order,
   * with `settings`' severity. Undefined when it is a manuscript (an include tree's root, the
   * first of numbered sections): its problems come with its `lint`.
   */
  projectFileProblems(settings: AnalysisSettings): TerminologyDiagnostic[] | undefined {
    const path = this.book.projectFile;
    return this.book.files.some((file) => file.path === path) ? undefined : this.problemsOn(path, settings).sort(byStart);
  }

  /**
   * The book's problems on files this run does not lint (the project file, a file left out), so
   * that each reaches its file: by file, in the order the problems were found, each file's in
   * document order with `settingsOf(path)`'s severity. A linted file's problems come with its `lint`.
   */
  problemsOffBook(settingsOf: (path: string) => AnalysisSettings): { path: string; diagnostics: TerminologyDiagnostic[] }[] {
    const linted = new Set(this.files().map((file) => file.path));
    const paths = [...new Set(this.book.problems.map((problem) => problem.file))].filter((path) => !linted.has(path));
    return paths.map((path) => ({ path, diagnostics: this.problemsOn(path, settingsOf(path)).sort(byStart) }));
  }

  /** Lints the file at `path` in its book context, its book problems included, in document order. */
  lint(path: string, file: BookDocument): TerminologyDiagnostic[] {
    const diagnostics = file.service.lint(file.document, this.settingsFor(path, file.settings));
    const problems = this.problemsOn(path, file.settings);
    return problems.length === 0 ? diagnostics : [...diagnostics, ...problems].sort(byStart);
  }

  /** The safe fixes of every file in its book context: the new text of each file that changes. */
  fixAll(): { path: string; uri: string; text: string }[] {
    const fixed: { path: string; uri: string; text: string }[] = [];
    for (const file of this.files()) {
      const result = file.service.fixAll(file.document, this.settingsFor(file.path, file.settings));
      if (result.applied > 0) fixed.push({ path: file.path, uri: file.document.uri, text: result.text });
    }
    return fixed;
  }

  /** The abbreviations the whole book defines and uses undefined, each file in its book context. */
  abbreviations(): BookAbbreviations {
    const list: BookAbbreviations = { definitions: [], undefined: [] };
    for (const file of this.files()) {
      const report = file.service.abbreviations(file.document, this.settingsFor(file.path, file.settings));
      const uri = file.document.uri;
      for (const d of report.definitions) list.definitions.push({ ...d, uri });
      for (const u of report.undefined) list.undefined.push({ ...u, uri });
    }
    return list;
  }

  /**
   * Runs `each` on every other file of the book that writes the abbreviation at `position`
   * of `file`, at the first place it does, so references and rename reach files that are not open.
   */
  private acrossBook(path: string, file: BookDocument, position: Position, each: (other: BookDocument, at: Position) => void): void {
    const key = abbreviationKeyAt(file.service.model(file.document, this.settingsFor(path, file.settings)), position);
    if (!key) return;
    for (const { path: otherPath } of this.book.files) {
      const other = this.documentOf(otherPath);
      if (!other || other.document.uri === file.document.uri) continue;
      const settings = this.settingsFor(otherPath, other.settings);
      const at = firstPositionOfKey(other.service.model(other.document, settings), key);
      if (at) each({ ...other, settings }, at);
    }
  }

  /** References to the abbreviation at `position` in the file and in every other file of the book. */
  references(path: string, file: BookDocument, position: Position, includeDeclaration: boolean): BookLocation[] {
    const locations: BookLocation[] = file.service
      .references(file.document, position, includeDeclaration, this.settingsFor(path, file.settings))
      .map((range) => ({ uri: file.document.uri, range }));
    this.acrossBook(path, file, position, (other, at) => {
      for (const range of other.service.references(other.document, at, includeDeclaration, other.settings)) locations.push({ uri: other.document.uri, range });
    });
    return locations;
  }

  /** The edits that rename the abbreviation at `position` in the file and every other file of the book, by URI; null when it cannot be renamed there. */
  rename(path: string, file: BookDocument, position: Position, newName: string): Record<string, TextEdit[]> | null {
    const edits = file.service.rename(file.document, position, newName, this.settingsFor(path, file.settings));
    if (!edits) return null;
    const changes: Record<string, TextEdit[]> = { [file.document.uri]: edits };
    this.acrossBook(path, file, position, (other, at) => {
      const more = other.service.rename(other.document, at, newName, other.settings);
      if (more && more.length > 0) changes[other.document.uri] = more;
    });
    return changes;
  }
}
