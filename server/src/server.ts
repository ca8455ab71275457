/**
 * The LSP adapter: keeps documents and settings, debounces validation and translates
 * between LSP and the terminology service. No terminology logic lives here.
 */
import {
  DiagnosticSeverity,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type Hover,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIGURATION_SECTION, DEFAULT_SETTINGS, DIAGNOSTIC_SOURCE, type CarnkSettings } from './protocol';
import { runSafe } from './runSafe';
import { createTerminologyService, type AnalysisSettings, type DocumentInput, type Severity } from './service/index';
import { hoverAt } from './service/features/hover';
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
  const service = createTerminologyService({
    onError: (error, context) => connection.console.error(`carnk: ${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  let settings: CarnkSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const analysisSettings = (): AnalysisSettings => ({ scopeMode: settings.scopes, rules: settings.rules });
  const input = (document: TextDocument): DocumentInput => ({ uri: document.uri, version: document.version, text: document.getText() });

  const validate = (document: TextDocument): void => {
    const diagnostics = runSafe<Diagnostic[]>(connection, `lint ${document.uri}`, [], () =>
      service.lint(input(document), analysisSettings()).map((d) => {
        const diagnostic: Diagnostic = {
          range: d.range,
          severity: SEVERITY[d.severity],
          code: d.code,
          source: DIAGNOSTIC_SOURCE,
          message: d.message,
        };
        if (d.data) diagnostic.data = d.data;
        return diagnostic;
      }),
    );
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

  const refreshSettings = async (pushed?: unknown): Promise<void> => {
    let raw: unknown = pushed;
    if (canPullConfiguration) {
      raw = await connection.workspace.getConfiguration(CONFIGURATION_SECTION);
    }
    const { settings: next, problems } = readSettings(raw);
    for (const problem of problems) void connection.window.showWarningMessage(problem);
    settings = next;
    for (const document of documents.all()) validate(document);
  };

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initial !== undefined) settings = readSettings(initial).settings;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
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

  // TextDocuments reports an open as a content change too: lint a new document at once, debounce edits.
  const seen = new Set<string>();
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
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onHover((params): Hover | null =>
    runSafe(connection, 'hover', null, () => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const model = service.model(input(document), analysisSettings());
      return hoverAt(model, params.position);
    }),
  );

  documents.listen(connection);
  connection.listen();
}
