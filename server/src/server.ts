/**
 * The LSP adapter: keeps documents and settings, reads project files, debounces
 * validation and translates between LSP and the terminology service. No terminology
 * logic lives here. serverStart.ts loads it once `initialize` is answered.
 */
import { dirname } from 'node:path';
import {
  DiagnosticSeverity,
  TextDocuments,
  type CodeAction,
  type CompletionList,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type Location,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerHost } from './host';
import { bookOfOpenDocument, withOverlay } from './project/bookProject';
import { BookRun, type BookDocument } from './project/bookRun';
import { GlossaryServices, layerSettings } from './project/analysisContext';
import { configurationDiagnostic } from './project/bookAnalysis';
import { projectContextFor, type FileProblem } from './project/projectFiles';
import {
  ABBREVIATIONS_REQUEST,
  APPLY_SAFE_FIXES_COMMAND,
  CONFIGURATION_SECTION,
  DEFAULT_SETTINGS,
  DIAGNOSTIC_SOURCE,
  type AbbreviationsParams,
  type AbbreviationsResult,
  type CarnkSettings,
} from './protocol';
import { runSafe } from './runSafe';
import {
  createTerminologyService,
  type AnalysisSettings,
  type DocumentInput,
  type Severity,
  type TerminologyDiagnostic,
  type TerminologyService,
} from './service/index';
import { readSettings } from './settings';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

// `.carnkrc` and glossary look-ups walk the folders upwards: remembered per folder for a
// short while, so a keystroke in a book does not stat every parent folder for every chapter.
// File-change notices and settings changes drop them at once.
const PROJECT_CONTEXT_TTL_MS = 2_000;

// Discovery reads one level of a project per round (project file, chapters, their includes).
const MAX_LOAD_ROUNDS = 16;

/**
 * A diagnostic of the service as LSP publishes it: the rule's data without its fixes. Quick
 * fixes are computed when the editor asks for code actions, from the service's cached findings;
 * sent with every diagnostic on every keystroke they made up 40 % of each notification (on a
 * 20,000-word article, 53 KB of 134 KB), which the server had to encode and the editor to parse.
 */
function toDiagnostic(d: TerminologyDiagnostic): Diagnostic {
  const diagnostic: Diagnostic = { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: DIAGNOSTIC_SOURCE, message: d.message };
  if (d.data) {
    const { fixes: _fixes, ...data } = d.data;
    if (Object.keys(data).length > 0) diagnostic.data = data;
  }
  return diagnostic;
}

/**
 * One language server's state and work: open documents, settings, project and book look-ups,
 * linting with its debounce, and the LSP requests, each answered by the terminology service.
 * serverStart.ts answers `initialize` and creates it afterwards, with the client's parameters.
 */
export class LanguageServerSession {
  private readonly documents = new TextDocuments(TextDocument);
  private services: GlossaryServices | undefined;
  private settings: CarnkSettings = DEFAULT_SETTINGS;
  private workspaceFolder: string | undefined;
  private canPullConfiguration = false;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly seen = new Set<string>();
  private readonly skippedLarge = new Set<string>();
  private readonly problemFiles = new Set<string>();

  private readonly pathOf = (uri: string): string | undefined => this.host.pathOf(uri);

  private readonly projectContexts = new Map<string, { at: number; context: ReturnType<typeof projectContextFor> }>();
  private readonly projectContextCached = (path: string | undefined): ReturnType<typeof projectContextFor> => {
    const folder = path ? dirname(path) : '';
    const hit = this.projectContexts.get(folder);
    const now = Date.now();
    if (hit && now - hit.at < PROJECT_CONTEXT_TTL_MS) return hit.context;
    const context = projectContextFor(this.host.files, path, this.settings.glossaries, this.workspaceFolder ?? this.host.defaultFolder);
    this.projectContexts.set(folder, { at: now, context });
    return context;
  };

  /**
   * One service per glossary set, over the base service, created on first need: creating it
   * loads the knowledge base, which `initialize` need not wait for.
   */
  private get glossaryServices(): GlossaryServices {
    this.services ??= new GlossaryServices(
      createTerminologyService({
        onError: (error: unknown, context: string): void =>
          this.connection.console.error(`carnk: ${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      }),
    );
    return this.services;
  }

  /** The service and settings for one document: editor settings, then its `.carnkrc`, with its glossaries. */
  private readonly contextFor = (uri: string): { service: TerminologyService; analysis: AnalysisSettings; problems: FileProblem[] } => {
    const project = this.projectContextCached(this.pathOf(uri));
    return { service: this.glossaryServices.serviceFor(project), analysis: layerSettings([this.settings, project.settings]), problems: project.problems };
  };

  private readonly input = (document: TextDocument): DocumentInput => ({ uri: document.uri, version: document.version, text: document.getText() });

  /** Open documents by file path: a book file's text comes from the editor when it is open, else from disk. */
  private readonly openByPath = (): Map<string, TextDocument> => {
    const byPath = new Map<string, TextDocument>();
    for (const document of this.documents.all()) {
      const path = this.pathOf(document.uri);
      if (path) byPath.set(path, document);
    }
    return byPath;
  };

  /**
   * The book a document belongs to (found from its folder upwards, or an open document
   * including it), with every file's book context. Chapters come from open documents'
   * current text, else from disk; the service's cached models make this cheap.
   */
  private readonly bookRunFor = (uri: string): BookRun | undefined => {
    if (this.bookRuns.has(uri)) return this.bookRuns.get(uri);
    const run = this.startBookRun(uri);
    this.bookRuns.set(uri, run);
    return run;
  };
  // Book runs by document, dropped on any edit, open, close, settings or file change, so that
  // hover and completion in a long book do not rediscover it on every request.
  private readonly bookRuns = new Map<string, BookRun | undefined>();

  private readonly startBookRun = (uri: string): BookRun | undefined => {
    const path = this.pathOf(uri);
    if (!path) return undefined;
    const open = this.openByPath();
    const openTexts = new Map([...open].map(([p, document]) => [p, document.getText()]));
    const fileSystem = withOverlay(this.host.files, (p) => openTexts.get(p));
    const book = bookOfOpenDocument(path, fileSystem, openTexts);
    if (!book) return undefined;
    const documentOf = (filePath: string): BookDocument | undefined => {
      const opened = open.get(filePath);
      const text = opened ? opened.getText() : fileSystem.readText(filePath);
      if (text === undefined || text.length > this.settings.maxFileSize) return undefined;
      const fileUri = opened ? opened.uri : this.host.uriOf(filePath);
      const { service, analysis } = this.contextFor(fileUri);
      return { document: { uri: fileUri, version: opened ? opened.version : 0, text }, service, settings: analysis };
    };
    const project = this.projectContextCached(book.projectFile);
    return new BookRun(book, documentOf, [this.settings, project.settings]);
  };

  /** The analysis settings of a document with its book context, when it belongs to a book. */
  private readonly withBook = (uri: string, analysis: AnalysisSettings, run: BookRun | undefined): AnalysisSettings => {
    const path = this.pathOf(uri);
    return path && run ? run.settingsFor(path, analysis) : analysis;
  };

  private readonly lastBookProblems = new Map<string, string>();
  // The book context each open file was last linted with, to re-lint only files whose context a change moved.
  private readonly lintedWithContext = new Map<string, string>();

  /** Publishes the problems of a book's project file (`_quarto.yml`, `_bookdown.yml`) when they change. */
  private readonly publishProjectFileProblems = (run: BookRun): void => {
    const uri = this.host.uriOf(run.book.projectFile);
    const problems = run.projectFileProblems(this.contextFor(uri).analysis);
    if (!problems) return;
    const diagnostics = problems.map(toDiagnostic);
    const key = JSON.stringify(diagnostics);
    if (this.lastBookProblems.get(uri) === key) return;
    this.lastBookProblems.set(uri, key);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  };

  private readonly tooLarge = (document: TextDocument): boolean => {
    if (document.getText().length <= this.settings.maxFileSize) {
      this.skippedLarge.delete(document.uri);
      return false;
    }
    if (!this.skippedLarge.has(document.uri)) {
      this.skippedLarge.add(document.uri);
      void this.connection.window.showInformationMessage(
        `CAR-NK Terminology skips ${document.uri.split('/').pop()}: it is larger than carnk.maxFileSize (${this.settings.maxFileSize} characters).`,
      );
    }
    return true;
  };

  /** The first `carnk.maxProblems` diagnostics (all when 0); the first time a document is cut, the server says how many more there are. */
  private readonly capped = (document: TextDocument, diagnostics: Diagnostic[]): Diagnostic[] => {
    const limit = this.settings.maxProblems;
    if (limit <= 0 || diagnostics.length <= limit) {
      this.cutDocuments.delete(document.uri);
      return diagnostics;
    }
    if (!this.cutDocuments.has(document.uri)) {
      this.cutDocuments.add(document.uri);
      void this.connection.window.showInformationMessage(
        `CAR-NK Terminology shows the first ${limit} of ${diagnostics.length} problems in ${document.uri.split('/').pop()} (carnk.maxProblems; 0 shows all).`,
      );
    }
    return diagnostics.slice(0, limit);
  };
  /** Documents whose problems were cut to `carnk.maxProblems`, told once. */
  private readonly cutDocuments = new Set<string>();

  /** Publishes problems found in `.carnkrc` files and glossaries as diagnostics on those files, at `invalid-configuration`'s severity under `analysis`. */
  private readonly publishFileProblems = (problems: FileProblem[], analysis: AnalysisSettings): void => {
    const byFile = new Map<string, Diagnostic[]>();
    for (const problem of problems) {
      const uri = this.host.uriOf(problem.file);
      const list = byFile.get(uri) ?? [];
      const range = { start: { line: problem.line, character: problem.character }, end: { line: problem.line, character: problem.character + 1 } };
      const diagnostic = configurationDiagnostic(range, problem.message, analysis);
      if (diagnostic) list.push(toDiagnostic(diagnostic));
      byFile.set(uri, list);
      this.connection.console.warn(`carnk: ${problem.message}`);
    }
    for (const [uri, diagnostics] of byFile) {
      this.problemFiles.add(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
  };

  /**
   * Lints a document. For a file of a book, `cascade` also re-lints the book's other open
   * files (a change here moves what they inherit or what counts as used later); they reuse
   * the book state computed here.
   */
  private readonly validateNow = (document: TextDocument, cascade = true, known?: BookRun): void => {
    let run: BookRun | undefined;
    const diagnostics = runSafe<Diagnostic[]>(this.connection, `lint ${document.uri}`, [], () => {
      if (this.tooLarge(document)) return [];
      const { service, analysis, problems } = this.contextFor(document.uri);
      if (problems.length > 0) this.publishFileProblems(problems, analysis);
      run = known ?? this.bookRunFor(document.uri);
      const path = this.pathOf(document.uri);
      if (!run || !path) return service.lint(this.input(document), analysis).map(toDiagnostic);
      this.lintedWithContext.set(document.uri, run.contextSignature(path));
      if (!known) this.publishProjectFileProblems(run);
      return run.lint(path, { document: this.input(document), service, settings: analysis }).map(toDiagnostic);
    });
    void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: this.capped(document, diagnostics) });
    if (cascade && run) this.revalidateBook(run, document.uri);
  };

  /**
   * Lints a document once the project files its analysis reads are at hand. On the disk that
   * is at once. A host that reads files asynchronously (the browser worker) fetches what a
   * trial run of the document's project and book look-up missed, round by round (a
   * `_quarto.yml` names chapters, a chapter includes more files), and the lint runs after.
   */
  private readonly validate = (document: TextDocument, cascade = true, known?: BookRun): void => {
    if (!this.host.loadMissing || known) {
      this.validateNow(document, cascade, known);
      return;
    }
    this.loadProjectFiles(document.uri, this.host.loadMissing.bind(this.host))
      .catch((error: unknown) => this.connection.console.error(`carnk: reading project files failed: ${String(error)}`))
      .finally(() => {
        const current = this.documents.get(document.uri);
        if (current) this.validateNow(current, cascade);
      });
  };

  private readonly loadProjectFiles = async (uri: string, loadMissing: () => Promise<boolean>): Promise<void> => {
    for (let round = 0; round < MAX_LOAD_ROUNDS; round++) {
      runSafe(this.connection, `project files of ${uri}`, undefined, () => {
        this.contextFor(uri);
        this.bookRunFor(uri);
      });
      if (!(await loadMissing())) return;
      this.projectContexts.clear();
      this.bookRuns.clear();
    }
  };

  /** Re-lints the book's open files (but `except`) whose book context changed since they were last linted. */
  private readonly revalidateBook = (run: BookRun, except?: string): void => {
    const open = this.openByPath();
    for (const file of run.book.files) {
      const other = open.get(file.path);
      if (!other || other.uri === except) continue;
      // Typing inside a sentence rarely changes what flows between files: then nothing else is re-linted.
      if (this.lintedWithContext.get(other.uri) === run.contextSignature(file.path)) continue;
      this.validate(other, false, run);
    }
  };

  private readonly schedule = (document: TextDocument): void => {
    const previous = this.pending.get(document.uri);
    if (previous) clearTimeout(previous);
    if (this.settings.debounceMs <= 0) {
      this.pending.delete(document.uri);
      this.validate(document);
      return;
    }
    this.pending.set(
      document.uri,
      setTimeout(() => {
        this.pending.delete(document.uri);
        const current = this.documents.get(document.uri);
        if (current) this.validate(current);
      }, this.settings.debounceMs),
    );
  };

  private readonly revalidateAll = (): void => {
    for (const uri of this.problemFiles) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.problemFiles.clear();
    this.lastBookProblems.clear();
    this.lintedWithContext.clear();
    for (const document of this.documents.all()) this.validate(document, false);
  };

  private readonly refreshSettings = async (pushed?: unknown): Promise<void> => {
    let raw: unknown = pushed;
    if (this.canPullConfiguration) raw = await this.connection.workspace.getConfiguration(CONFIGURATION_SECTION);
    const { settings: next, problems } = readSettings(raw);
    for (const problem of problems) {
      this.connection.console.warn(`carnk: ${problem}`);
      void this.connection.window.showWarningMessage(problem);
    }
    this.settings = next;
    this.projectContexts.clear();
    this.bookRuns.clear();
    this.revalidateAll();
  };


  /** Runs a request against an open document that is not too large, with its book context; `fallback` otherwise or on failure. */
  private readonly withDocument = <T>(
    name: string,
    uri: string,
    fallback: T,
    run: (document: TextDocument, service: TerminologyService, analysis: AnalysisSettings) => T,
  ): T =>
    runSafe(this.connection, name, fallback, () => {
      const document = this.documents.get(uri);
      if (!document || document.getText().length > this.settings.maxFileSize) return fallback;
      const { service, analysis } = this.contextFor(uri);
      return run(document, service, this.withBook(uri, analysis, this.bookRunFor(uri)));
    });

  /**
   * Runs a request that reaches across a book (references, rename): `inBook` with the book run
   * when the document belongs to a book, `alone` otherwise.
   */
  private readonly withBookDocument = <T>(
    name: string,
    uri: string,
    fallback: T,
    inBook: (run: BookRun, path: string, file: BookDocument) => T,
    alone: (file: BookDocument) => T,
  ): T =>
    runSafe(this.connection, name, fallback, () => {
      const document = this.documents.get(uri);
      if (!document || document.getText().length > this.settings.maxFileSize) return fallback;
      const { service, analysis } = this.contextFor(uri);
      const file: BookDocument = { document: this.input(document), service, settings: analysis };
      const run = this.bookRunFor(uri);
      const path = this.pathOf(uri);
      return run && path ? inBook(run, path, file) : alone(file);
    });

  constructor(
    private readonly connection: Connection,
    private readonly host: ServerHost,
    initialize: InitializeParams,
  ) {
    this.canPullConfiguration = Boolean(initialize.capabilities.workspace?.configuration);
    const folder = initialize.workspaceFolders?.[0]?.uri ?? initialize.rootUri ?? undefined;
    if (folder) this.workspaceFolder = this.pathOf(folder);
    const initial = (initialize.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initial !== undefined) this.settings = readSettings(initial).settings;
  }

  /** Registers every handler but `initialize`'s and `initialized`'s (serverStart.ts has them); the connection is listening already. */
  register(): void {
    this.registerLifecycle();
    this.registerRequests();
    this.documents.listen(this.connection);
  }

  /** The client's `initialized` notice: settings are pulled now when the client offers them. */
  initialized(): void {
    if (this.canPullConfiguration) this.refreshSettings().catch((error: unknown) => this.connection.console.error(`carnk: reading settings failed: ${String(error)}`));
  }

  /** Settings, watched files, and documents opened, changed and closed. */
  private registerLifecycle(): void {
    this.connection.onDidChangeConfiguration((change) => {
      const pushed = (change.settings as Record<string, unknown> | null | undefined)?.[CONFIGURATION_SECTION];
      this.refreshSettings(pushed).catch((error: unknown) => this.connection.console.error(`carnk: reading settings failed: ${String(error)}`));
    });

    // A changed .carnkrc or glossary on disk re-lints everything (clients that watch files send this).
    this.connection.onDidChangeWatchedFiles(() => {
      this.host.forget?.();
      this.projectContexts.clear();
      this.bookRuns.clear();
      this.revalidateAll();
    });

    // TextDocuments reports an open as a content change too: lint a new document at once, debounce edits.
    this.documents.onDidChangeContent((event) => {
      this.bookRuns.clear();
      if (this.seen.has(event.document.uri)) {
        this.schedule(event.document);
      } else {
        this.seen.add(event.document.uri);
        this.validate(event.document);
      }
    });
    this.documents.onDidClose((event) => {
      const timer = this.pending.get(event.document.uri);
      if (timer) clearTimeout(timer);
      this.pending.delete(event.document.uri);
      this.seen.delete(event.document.uri);
      this.skippedLarge.delete(event.document.uri);
      this.cutDocuments.delete(event.document.uri);
      this.lintedWithContext.delete(event.document.uri);
      this.bookRuns.clear();
      void this.connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
      // A closed chapter is read from disk again: its unsaved edits no longer count for the others.
      runSafe(this.connection, `close ${event.document.uri}`, undefined, () => {
        const run = this.bookRunFor(event.document.uri);
        if (run) this.revalidateBook(run);
      });
    });
  }

  /** Hover, completion, code actions, navigation, rename, the abbreviation list and the safe-fix command. */
  private registerRequests(): void {
    this.connection.onHover((params) => this.withDocument('hover', params.textDocument.uri, null, (d, s, a) => s.hover(this.input(d), params.position, a)));
    this.connection.onCompletion((params) =>
      this.withDocument<CompletionList>('completion', params.textDocument.uri, { isIncomplete: false, items: [] }, (d, s, a) => s.completion(this.input(d), params.position, a)),
    );
    this.connection.onCodeAction((params) =>
      this.withDocument<CodeAction[]>('codeAction', params.textDocument.uri, [], (d, s, a) => {
        const actions = s.codeActions(this.input(d), params.range, a);
        return params.context.only ? actions.filter((action) => params.context.only!.some((kind) => action.kind?.startsWith(kind))) : actions;
      }),
    );
    this.connection.onDocumentSymbol((params) => this.withDocument('documentSymbol', params.textDocument.uri, [], (d, s, a) => s.documentSymbols(this.input(d), a)));
    this.connection.onDefinition((params) =>
      this.withDocument('definition', params.textDocument.uri, [], (d, s, a) => s.definition(this.input(d), params.position, a)),
    );
    this.connection.onReferences((params) =>
      this.withBookDocument<Location[]>(
        'references',
        params.textDocument.uri,
        [],
        (run, path, file) => run.references(path, file, params.position, params.context.includeDeclaration),
        (file) => file.service.references(file.document, params.position, params.context.includeDeclaration, file.settings).map((range) => ({ uri: file.document.uri, range })),
      ),
    );
    this.connection.onPrepareRename((params) => this.withDocument('prepareRename', params.textDocument.uri, null, (d, s, a) => s.prepareRename(this.input(d), params.position, a)));
    this.connection.onRenameRequest((params) =>
      this.withBookDocument<WorkspaceEdit | null>(
        'rename',
        params.textDocument.uri,
        null,
        (run, path, file) => {
          const changes = run.rename(path, file, params.position, params.newName);
          return changes && { changes };
        },
        (file) => {
          const edits = file.service.rename(file.document, params.position, params.newName, file.settings);
          return edits && { changes: { [file.document.uri]: edits } };
        },
      ),
    );
    this.connection.onRequest(ABBREVIATIONS_REQUEST, (params: AbbreviationsParams): AbbreviationsResult | null =>
      this.withDocument('abbreviations', params.textDocument.uri, null, (d, s, a) => {
        const list = s.abbreviationList(this.input(d), params.format ?? this.settings.abbreviationListFormat, a);
        return list.replace ? { text: list.text, range: list.replace } : { text: list.text };
      }),
    );
    this.connection.onExecuteCommand(async (params) => {
      if (params.command !== APPLY_SAFE_FIXES_COMMAND) return null;
      const uri = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : undefined;
      const edit = uri
        ? this.withDocument<WorkspaceEdit | null>('applySafeFixes', uri, null, (d, s, a) => {
            const fixed = s.fixAll(this.input(d), a);
            if (fixed.applied === 0) return null;
            return { changes: { [d.uri]: [{ range: { start: d.positionAt(0), end: d.positionAt(d.getText().length) }, newText: fixed.text }] } };
          })
        : null;
      if (!edit) return { applied: false };
      const result = await this.connection.workspace.applyEdit({ label: 'Apply all safe CAR-NK terminology fixes', edit });
      return { applied: result.applied };
    });
  }
}
