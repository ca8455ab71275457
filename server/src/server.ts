/**
 * The LSP adapter: keeps documents and settings, reads project files, debounces
 * validation and translates between LSP and the terminology service. No terminology
 * logic lives here.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionList,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { projectContextFor, type FileProblem } from './node/projectFiles';
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
import { createTerminologyService, type AnalysisSettings, type DocumentInput, type Severity, type TerminologyService } from './service/index';
import { readSettings } from './settings';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

declare const __CARNK_VERSION__: string;

/** Wires the terminology service to an LSP connection and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const onError = (error: unknown, context: string): void =>
    connection.console.error(`carnk: ${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const baseService = createTerminologyService({ onError });
  const servicesByGlossary = new Map<string, { entries: unknown[]; service: TerminologyService }>();
  let settings: CarnkSettings = DEFAULT_SETTINGS;
  let workspaceFolder: string | undefined;
  let canPullConfiguration = false;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const seen = new Set<string>();
  const skippedLarge = new Set<string>();
  const problemFiles = new Set<string>();

  const pathOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  };

  /** The service and settings for one document: editor settings, then its `.carnkrc`, with its glossaries. */
  const contextFor = (uri: string): { service: TerminologyService; analysis: AnalysisSettings; problems: FileProblem[] } => {
    const project = projectContextFor(pathOf(uri), settings.glossaries, workspaceFolder);
    const analysis: AnalysisSettings = {
      scopeMode: project.settings.scopes ?? settings.scopes,
      rules: { ...settings.rules, ...project.settings.rules },
      spelling: project.settings.spelling ?? settings.spelling,
      noDefinition: [...settings.noDefinition, ...(project.settings.noDefinition ?? [])],
    };
    let service = baseService;
    if (project.glossaryEntries.length > 0) {
      const key = project.glossaryFiles.join('\u0000');
      const cached = servicesByGlossary.get(key);
      const sameEntries = cached && cached.entries.length === project.glossaryEntries.length && cached.entries.every((e, i) => e === project.glossaryEntries[i]);
      if (cached && sameEntries) service = cached.service;
      else {
        service = baseService.withGlossary(project.glossaryEntries);
        servicesByGlossary.set(key, { entries: [...project.glossaryEntries], service });
      }
    }
    return { service, analysis, problems: project.problems };
  };

  const input = (document: TextDocument): DocumentInput => ({ uri: document.uri, version: document.version, text: document.getText() });

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
      const uri = pathToFileURL(problem.file).href;
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

  const validate = (document: TextDocument): void => {
    const diagnostics = runSafe<Diagnostic[]>(connection, `lint ${document.uri}`, [], () => {
      if (tooLarge(document)) return [];
      const { service, analysis, problems } = contextFor(document.uri);
      if (problems.length > 0) publishFileProblems(problems);
      return service.lint(input(document), analysis).map((d) => {
        const diagnostic: Diagnostic = { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: DIAGNOSTIC_SOURCE, message: d.message };
        if (d.data) diagnostic.data = d.data;
        return diagnostic;
      });
    });
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
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
    for (const document of documents.all()) validate(document);
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
  connection.onDidChangeWatchedFiles(() => revalidateAll());

  // TextDocuments reports an open as a content change too: lint a new document at once, debounce edits.
  documents.onDidChangeContent((event) => {
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
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  /** Runs a request against an open document that is not too large; `fallback` otherwise or on failure. */
  const withDocument = <T>(name: string, uri: string, fallback: T, run: (document: TextDocument, service: TerminologyService, analysis: AnalysisSettings) => T): T =>
    runSafe(connection, name, fallback, () => {
      const document = documents.get(uri);
      if (!document || document.getText().length > settings.maxFileSize) return fallback;
      const { service, analysis } = contextFor(uri);
      return run(document, service, analysis);
    });

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
    withDocument('references', params.textDocument.uri, [], (d, s, a) =>
      s.references(input(d), params.position, params.context.includeDeclaration, a).map((range) => ({ uri: d.uri, range })),
    ),
  );
  connection.onPrepareRename((params) => withDocument('prepareRename', params.textDocument.uri, null, (d, s, a) => s.prepareRename(input(d), params.position, a)));
  connection.onRenameRequest((params) =>
    withDocument<WorkspaceEdit | null>('rename', params.textDocument.uri, null, (d, s, a) => {
      const edits = s.rename(input(d), params.position, params.newName, a);
      return edits ? { changes: { [d.uri]: edits } } : null;
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
