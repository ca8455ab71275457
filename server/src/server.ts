/**
 * The LSP adapter: keeps documents and settings, reads project files, debounces
 * validation and translates between LSP and the terminology service. No terminology
 * logic lives here.
 */
import { dirname } from 'node:path';
import {
  DiagnosticSeverity,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionList,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type Location,
  type Position,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerHost } from './host';
import { abbreviationKeyAt, bookContexts, firstPositionOfKey, type ChaptersMode } from './project/bookAnalysis';
import { bookContaining, withOverlay, type BookProject } from './project/bookProject';
import { GlossaryServices, layerSettings } from './project/analysisContext';
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
  type BookContext,
  type DocumentInput,
  type Severity,
  type TerminologyService,
} from './service/index';
import { readSettings } from './settings';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

declare const __CARNK_VERSION__: string;

/** Wires the terminology service to an LSP connection and starts listening; `host` gives files and paths where the server runs. */
export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const onError = (error: unknown, context: string): void =>
    connection.console.error(`carnk: ${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const baseService = createTerminologyService({ onError });
  const glossaryServices = new GlossaryServices(baseService);
  let settings: CarnkSettings = DEFAULT_SETTINGS;
  let workspaceFolder: string | undefined;
  let canPullConfiguration = false;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const seen = new Set<string>();
  const skippedLarge = new Set<string>();
  const problemFiles = new Set<string>();

  const pathOf = (uri: string): string | undefined => host.pathOf(uri);

  // `.carnkrc` and glossary look-ups walk the folders upwards: remembered per folder for a
  // short while, so a keystroke in a book does not stat every parent folder for every chapter.
  // File-change notices and settings changes drop them at once.
  const PROJECT_CONTEXT_TTL_MS = 2_000;
  const projectContexts = new Map<string, { at: number; context: ReturnType<typeof projectContextFor> }>();
  const projectContextCached = (path: string | undefined): ReturnType<typeof projectContextFor> => {
    const folder = path ? dirname(path) : '';
    const hit = projectContexts.get(folder);
    const now = Date.now();
    if (hit && now - hit.at < PROJECT_CONTEXT_TTL_MS) return hit.context;
    const context = projectContextFor(host.files, path, settings.glossaries, workspaceFolder ?? host.defaultFolder);
    projectContexts.set(folder, { at: now, context });
    return context;
  };

  /** The service and settings for one document: editor settings, then its `.carnkrc`, with its glossaries. */
  const contextFor = (uri: string): { service: TerminologyService; analysis: AnalysisSettings; problems: FileProblem[] } => {
    const project = projectContextCached(pathOf(uri));
    const editor: AnalysisSettings = { scopeMode: settings.scopes, rules: settings.rules, spelling: settings.spelling, noDefinition: settings.noDefinition, defineGeneSymbols: settings.defineGeneSymbols, defineInLegends: settings.defineInLegends };
    return { service: glossaryServices.serviceFor(project), analysis: layerSettings(editor, project.settings), problems: project.problems };
  };

  const input = (document: TextDocument): DocumentInput => ({ uri: document.uri, version: document.version, text: document.getText() });

  /** Open documents by file path: a book file's text comes from the editor when it is open, else from disk. */
  const openByPath = (): Map<string, TextDocument> => {
    const byPath = new Map<string, TextDocument>();
    for (const document of documents.all()) {
      const path = pathOf(document.uri);
      if (path) byPath.set(path, document);
    }
    return byPath;
  };

  /** A file of a book as the service sees it, with its own settings; undefined when unreadable or too large. */
  interface BookDocument {
    document: DocumentInput;
    service: TerminologyService;
    analysis: AnalysisSettings;
  }

  /** A document's book: the project, each file's book context, and the files as documents. */
  interface BookState {
    book: BookProject;
    contexts: Map<string, BookContext>;
    documentOf(path: string): BookDocument | undefined;
  }

  /**
   * The book a document belongs to (found from its folder upwards, or an open document
   * including it), with every file's book context. Chapters come from open documents'
   * current text, else from disk; the service's cached models make this cheap.
   */
  const bookStateFor = (uri: string): BookState | undefined => {
    if (bookStates.has(uri)) return bookStates.get(uri);
    const state = computeBookState(uri);
    bookStates.set(uri, state);
    return state;
  };
  // Book states by document, dropped on any edit, open, close, settings or file change, so that
  // hover and completion in a long book do not rediscover it on every request.
  const bookStates = new Map<string, BookState | undefined>();

  const computeBookState = (uri: string): BookState | undefined => {
    const path = pathOf(uri);
    if (!path) return undefined;
    const open = openByPath();
    const fileSystem = withOverlay(host.files, (p) => open.get(p)?.getText());
    let book = bookContaining(path, fileSystem);
    if (!book) {
      // An included file open on its own: the open document that includes it gives its book.
      for (const [includerPath, includer] of open) {
        if (includerPath === path || !includer.getText().includes('{{<')) continue;
        const candidate = bookContaining(includerPath, fileSystem);
        if (candidate?.files.some((f) => f.path === path)) {
          book = candidate;
          break;
        }
      }
    }
    if (!book) return undefined;
    const documentsByPath = new Map<string, BookDocument | undefined>();
    const documentOf = (filePath: string): BookDocument | undefined => {
      if (documentsByPath.has(filePath)) return documentsByPath.get(filePath);
      const opened = open.get(filePath);
      const text = opened ? opened.getText() : fileSystem.readText(filePath);
      let result: BookDocument | undefined;
      if (text !== undefined && text.length <= settings.maxFileSize) {
        const fileUri = opened ? opened.uri : host.uriOf(filePath);
        const { service, analysis } = contextFor(fileUri);
        result = { document: { uri: fileUri, version: opened ? opened.version : 0, text }, service, analysis };
      }
      documentsByPath.set(filePath, result);
      return result;
    };
    const project = projectContextCached(book.projectFile);
    const mode: ChaptersMode = project.settings.chapters ?? settings.chapters;
    const contexts = bookContexts(
      book,
      (filePath) => {
        const file = documentOf(filePath);
        return file && { uri: file.document.uri, model: file.service.model(file.document, file.analysis) };
      },
      mode,
    );
    return { book, contexts, documentOf };
  };

  /** The analysis settings of a document with its book context, when it belongs to a book. */
  const withBook = (uri: string, analysis: AnalysisSettings, state: BookState | undefined): AnalysisSettings => {
    const path = pathOf(uri);
    const book = path ? state?.contexts.get(path) : undefined;
    return book ? { ...analysis, book } : analysis;
  };

  const lastBookProblems = new Map<string, string>();
  // The book context each open file was last linted with, to re-lint only files whose context a change moved.
  const lintedWithContext = new Map<string, string>();

  /** Diagnostics for missing chapters and includes and for include cycles, on the file that names them. */
  const bookProblemDiagnostics = (state: BookState, path: string, analysis: AnalysisSettings): Diagnostic[] => {
    const configured = analysis.rules?.['invalid-configuration'];
    if (configured === 'off') return [];
    return state.book.problems
      .filter((problem) => problem.file === path)
      .map((problem) => ({
        range: { start: { line: problem.line, character: problem.character }, end: { line: problem.line, character: problem.endCharacter } },
        severity: SEVERITY[configured ?? 'warning'],
        code: 'invalid-configuration',
        source: DIAGNOSTIC_SOURCE,
        message: problem.message,
      }));
  };

  /** Publishes the problems of a book's project file (`_quarto.yml`, `_bookdown.yml`) when they change. */
  const publishProjectFileProblems = (state: BookState): void => {
    // An include tree's and numbered sections' project file is a manuscript with diagnostics of its own.
    if (state.book.kind === 'include-tree' || state.book.kind === 'numbered-sections') return;
    const uri = host.uriOf(state.book.projectFile);
    const diagnostics = bookProblemDiagnostics(state, state.book.projectFile, contextFor(uri).analysis);
    const key = JSON.stringify(diagnostics);
    if (lastBookProblems.get(uri) === key) return;
    lastBookProblems.set(uri, key);
    void connection.sendDiagnostics({ uri, diagnostics });
  };

  const tooLarge = (document: TextDocument): boolean => {
    if (document.getText().length <= settings.maxFileSize) {
      skippedLarge.delete(document.uri);
      return false;
    }
    if (!skippedLarge.has(document.uri)) {
      skippedLarge.add(document.uri);
      void connection.window.showInformationMessage(
        `CAR-NK Terminology skips ${document.uri.split('/').pop()}: it is larger than carnk.maxFileSize (${settings.maxFileSize} characters).`,
      );
    }
    return true;
  };

  /** Publishes problems found in `.carnkrc` files and glossaries as diagnostics on those files. */
  const publishFileProblems = (problems: FileProblem[]): void => {
    const byFile = new Map<string, Diagnostic[]>();
    for (const problem of problems) {
      const uri = host.uriOf(problem.file);
      const list = byFile.get(uri) ?? [];
      list.push({
        range: { start: { line: problem.line, character: problem.character }, end: { line: problem.line, character: problem.character + 1 } },
        severity: DiagnosticSeverity.Warning,
        code: 'invalid-configuration',
        source: DIAGNOSTIC_SOURCE,
        message: problem.message,
      });
      byFile.set(uri, list);
      connection.console.warn(`carnk: ${problem.message}`);
    }
    for (const [uri, diagnostics] of byFile) {
      problemFiles.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  };

  /**
   * Lints a document. For a file of a book, `cascade` also re-lints the book's other open
   * files (a change here moves what they inherit or what counts as used later); they reuse
   * the book state computed here.
   */
  const validateNow = (document: TextDocument, cascade = true, known?: BookState): void => {
    let state: BookState | undefined;
    const diagnostics = runSafe<Diagnostic[]>(connection, `lint ${document.uri}`, [], () => {
      if (tooLarge(document)) return [];
      const { service, analysis, problems } = contextFor(document.uri);
      if (problems.length > 0) publishFileProblems(problems);
      state = known ?? bookStateFor(document.uri);
      const lint = service.lint(input(document), withBook(document.uri, analysis, state)).map((d) => {
        const diagnostic: Diagnostic = { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: DIAGNOSTIC_SOURCE, message: d.message };
        if (d.data) diagnostic.data = d.data;
        return diagnostic;
      });
      const path = pathOf(document.uri);
      if (!state || !path) return lint;
      lintedWithContext.set(document.uri, JSON.stringify(state.contexts.get(path) ?? null));
      if (!known) publishProjectFileProblems(state);
      return [...lint, ...bookProblemDiagnostics(state, path, analysis)].sort(
        (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
      );
    });
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    if (cascade && state) revalidateBook(state, document.uri);
  };

  /**
   * Lints a document once the project files its analysis reads are at hand. On the disk that
   * is at once. A host that reads files asynchronously (the browser worker) fetches what a
   * trial run of the document's project and book look-up missed, round by round (a
   * `_quarto.yml` names chapters, a chapter includes more files), and the lint runs after.
   */
  const validate = (document: TextDocument, cascade = true, known?: BookState): void => {
    if (!host.loadMissing || known) {
      validateNow(document, cascade, known);
      return;
    }
    loadProjectFiles(document.uri, host.loadMissing.bind(host))
      .catch((error: unknown) => connection.console.error(`carnk: reading project files failed: ${String(error)}`))
      .finally(() => {
        const current = documents.get(document.uri);
        if (current) validateNow(current, cascade);
      });
  };

  // Discovery reads one level of a project per round (project file, chapters, their includes).
  const MAX_LOAD_ROUNDS = 16;
  const loadProjectFiles = async (uri: string, loadMissing: () => Promise<boolean>): Promise<void> => {
    for (let round = 0; round < MAX_LOAD_ROUNDS; round++) {
      runSafe(connection, `project files of ${uri}`, undefined, () => {
        contextFor(uri);
        bookStateFor(uri);
      });
      if (!(await loadMissing())) return;
      projectContexts.clear();
      bookStates.clear();
    }
  };

  /** Re-lints the book's open files (but `except`) whose book context changed since they were last linted. */
  const revalidateBook = (state: BookState, except?: string): void => {
    const open = openByPath();
    for (const file of state.book.files) {
      const other = open.get(file.path);
      if (!other || other.uri === except) continue;
      // Typing inside a sentence rarely changes what flows between files: then nothing else is re-linted.
      if (lintedWithContext.get(other.uri) === JSON.stringify(state.contexts.get(file.path) ?? null)) continue;
      validate(other, false, state);
    }
  };

  const schedule = (document: TextDocument): void => {
    const previous = pending.get(document.uri);
    if (previous) clearTimeout(previous);
    if (settings.debounceMs <= 0) {
      pending.delete(document.uri);
      validate(document);
      return;
    }
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) validate(current);
      }, settings.debounceMs),
    );
  };

  const revalidateAll = (): void => {
    for (const uri of problemFiles) void connection.sendDiagnostics({ uri, diagnostics: [] });
    problemFiles.clear();
    lastBookProblems.clear();
    lintedWithContext.clear();
    for (const document of documents.all()) validate(document, false);
  };

  const refreshSettings = async (pushed?: unknown): Promise<void> => {
    let raw: unknown = pushed;
    if (canPullConfiguration) raw = await connection.workspace.getConfiguration(CONFIGURATION_SECTION);
    const { settings: next, problems } = readSettings(raw);
    for (const problem of problems) {
      connection.console.warn(`carnk: ${problem}`);
      void connection.window.showWarningMessage(problem);
    }
    settings = next;
    projectContexts.clear();
    bookStates.clear();
    revalidateAll();
  };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    if (folder) workspaceFolder = pathOf(folder);
    const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initial !== undefined) settings = readSettings(initial).settings;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['-'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        executeCommandProvider: { commands: [APPLY_SAFE_FIXES_COMMAND] },
      },
      serverInfo: { name: 'carnk-language-server', version: typeof __CARNK_VERSION__ === 'string' ? __CARNK_VERSION__ : '0.0.0-dev' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) refreshSettings().catch((error: unknown) => connection.console.error(`carnk: reading settings failed: ${String(error)}`));
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as Record<string, unknown> | null | undefined)?.[CONFIGURATION_SECTION];
    refreshSettings(pushed).catch((error: unknown) => connection.console.error(`carnk: reading settings failed: ${String(error)}`));
  });

  // A changed .carnkrc or glossary on disk re-lints everything (clients that watch files send this).
  connection.onDidChangeWatchedFiles(() => {
    host.forget?.();
    projectContexts.clear();
    bookStates.clear();
    revalidateAll();
  });

  // TextDocuments reports an open as a content change too: lint a new document at once, debounce edits.
  documents.onDidChangeContent((event) => {
    bookStates.clear();
    if (seen.has(event.document.uri)) {
      schedule(event.document);
    } else {
      seen.add(event.document.uri);
      validate(event.document);
    }
  });
  documents.onDidClose((event) => {
    const timer = pending.get(event.document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(event.document.uri);
    seen.delete(event.document.uri);
    skippedLarge.delete(event.document.uri);
    lintedWithContext.delete(event.document.uri);
    bookStates.clear();
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    // A closed chapter is read from disk again: its unsaved edits no longer count for the others.
    runSafe(connection, `close ${event.document.uri}`, undefined, () => {
      const state = bookStateFor(event.document.uri);
      if (state) revalidateBook(state);
    });
  });

  /** Runs a request against an open document that is not too large, with its book context; `fallback` otherwise or on failure. */
  const withDocument = <T>(
    name: string,
    uri: string,
    fallback: T,
    run: (document: TextDocument, service: TerminologyService, analysis: AnalysisSettings, state: BookState | undefined) => T,
  ): T =>
    runSafe(connection, name, fallback, () => {
      const document = documents.get(uri);
      if (!document || document.getText().length > settings.maxFileSize) return fallback;
      const { service, analysis } = contextFor(uri);
      const state = bookStateFor(uri);
      return run(document, service, withBook(uri, analysis, state), state);
    });

  /**
   * Runs `each` on every other file of the book that writes the abbreviation under the
   * cursor, at the first place it does, so references and rename reach files that are not open.
   */
  const acrossBook = (
    state: BookState | undefined,
    document: TextDocument,
    service: TerminologyService,
    analysis: AnalysisSettings,
    position: Position,
    each: (file: BookDocument, at: Position) => void,
  ): void => {
    if (!state) return;
    const key = abbreviationKeyAt(service.model(input(document), analysis), position);
    if (!key) return;
    for (const file of state.book.files) {
      const other = state.documentOf(file.path);
      if (!other || other.document.uri === document.uri) continue;
      const otherAnalysis = withBook(other.document.uri, other.analysis, state);
      const at = firstPositionOfKey(other.service.model(other.document, otherAnalysis), key);
      if (at) each({ ...other, analysis: otherAnalysis }, at);
    }
  };

  connection.onHover((params) => withDocument('hover', params.textDocument.uri, null, (d, s, a) => s.hover(input(d), params.position, a)));
  connection.onCompletion((params) =>
    withDocument<CompletionList>('completion', params.textDocument.uri, { isIncomplete: false, items: [] }, (d, s, a) => s.completion(input(d), params.position, a)),
  );
  connection.onCodeAction((params) =>
    withDocument<CodeAction[]>('codeAction', params.textDocument.uri, [], (d, s, a) => {
      const actions = s.codeActions(input(d), params.range, a);
      return params.context.only ? actions.filter((action) => params.context.only!.some((kind) => action.kind?.startsWith(kind))) : actions;
    }),
  );
  connection.onDocumentSymbol((params) => withDocument('documentSymbol', params.textDocument.uri, [], (d, s, a) => s.documentSymbols(input(d), a)));
  connection.onDefinition((params) =>
    withDocument('definition', params.textDocument.uri, [], (d, s, a) => s.definition(input(d), params.position, a)),
  );
  connection.onReferences((params) =>
    withDocument<Location[]>('references', params.textDocument.uri, [], (d, s, a, state) => {
      const locations: Location[] = s.references(input(d), params.position, params.context.includeDeclaration, a).map((range) => ({ uri: d.uri, range }));
      acrossBook(state, d, s, a, params.position, (file, at) => {
        for (const range of file.service.references(file.document, at, params.context.includeDeclaration, file.analysis)) locations.push({ uri: file.document.uri, range });
      });
      return locations;
    }),
  );
  connection.onPrepareRename((params) => withDocument('prepareRename', params.textDocument.uri, null, (d, s, a) => s.prepareRename(input(d), params.position, a)));
  connection.onRenameRequest((params) =>
    withDocument<WorkspaceEdit | null>('rename', params.textDocument.uri, null, (d, s, a, state) => {
      const edits = s.rename(input(d), params.position, params.newName, a);
      if (!edits) return null;
      const changes: Record<string, TextEdit[]> = { [d.uri]: edits };
      acrossBook(state, d, s, a, params.position, (file, at) => {
        const more = file.service.rename(file.document, at, params.newName, file.analysis);
        if (more && more.length > 0) changes[file.document.uri] = more;
      });
      return { changes };
    }),
  );
  connection.onRequest(ABBREVIATIONS_REQUEST, (params: AbbreviationsParams): AbbreviationsResult | null =>
    withDocument('abbreviations', params.textDocument.uri, null, (d, s, a) => {
      const list = s.abbreviationList(input(d), params.format ?? settings.abbreviationListFormat, a);
      return list.replace ? { text: list.text, range: list.replace } : { text: list.text };
    }),
  );
  connection.onExecuteCommand(async (params) => {
    if (params.command !== APPLY_SAFE_FIXES_COMMAND) return null;
    const uri = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : undefined;
    const edit = uri
      ? withDocument<WorkspaceEdit | null>('applySafeFixes', uri, null, (d, s, a) => {
          const fixed = s.fixAll(input(d), a);
          if (fixed.applied === 0) return null;
          return { changes: { [d.uri]: [{ range: { start: d.positionAt(0), end: d.positionAt(d.getText().length) }, newText: fixed.text }] } };
        })
      : null;
    if (!edit) return { applied: false };
    const result = await connection.workspace.applyEdit({ label: 'Apply all safe CAR-NK terminology fixes', edit });
    return { applied: result.applied };
  });

  documents.listen(connection);
  connection.listen();
}
