/**
 * The language server as VS Code for the Web runs it: `dist/browserServer.js` in a Worker in
 * Debian's Chromium (driven by playwright-core, installed by test/e2e/provisionTools.mjs), on a
 * page served from a local HTTP server. The page only relays messages: this process speaks LSP
 * to the worker over its postMessage channel, and answers the server's `carnk/readFile` and
 * `carnk/readDirectory` requests from an in-memory workspace, as the web client answers them
 * with `vscode.workspace.fs`. Under CI (env CI set) an unavailable browser fails the test;
 * elsewhere the tests skip with the reason.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createMessageConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { CompletionList, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, type ReadDirectoryResult, type ReadFileResult, type WorkspaceFileParams } from '../../server/src/protocol';
import { memoryListing } from '../helpers/memoryFiles';

const ROOT = join(__dirname, '..', '..');
const SERVER_BUNDLE = join(ROOT, 'dist', 'browserServer.js');
/** A workspace as github.dev names it. */
const WORKSPACE = 'vscode-vfs://github/example/paper';

/** The parts of playwright-core this test uses. */
interface Page {
  exposeFunction(name: string, callback: (...args: never[]) => unknown): Promise<void>;
  goto(url: string): Promise<unknown>;
  evaluate<A>(script: (arg: A) => unknown, arg: A): Promise<unknown>;
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

// The page starts workers and relays their messages both ways; nothing of the server runs here.
const PAGE = `<!doctype html><meta charset="utf-8"><title>carnk browser server</title><script>
  const workers = new Map();
  window.carnkStart = (id) => {
    const worker = new Worker('/browserServer.js');
    worker.onmessage = (event) => window.carnkFromServer(id, event.data);
    worker.onerror = (event) => window.carnkWorkerError(id, String(event.message));
    workers.set(id, worker);
  };
  window.carnkToServer = (id, message) => workers.get(id).postMessage(message);
  window.carnkStop = (id) => workers.get(id).terminate();
</script>`;

/** The page's functions, as its script defines them. */
interface RelayPage {
  carnkStart(id: number): void;
  carnkToServer(id: number, message: unknown): void;
  carnkStop(id: number): void;
}
// Functions passed to page.evaluate run in the page: they reach its functions through globalThis, not closures.

/** Messages from the page's worker, delivered to the JSON-RPC connection (kept until it listens). */
class PageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly early: Message[] = [];

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.early.splice(0)) callback(message);
    return { dispose: () => (this.callback = undefined) };
  }

  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }
}

/** Messages to one of the page's workers, in order. */
class PageWriter extends AbstractMessageWriter {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly page: Page,
    private readonly id: number,
  ) {
    super();
  }

  write(message: Message): Promise<void> {
    this.queue = this.queue.then(() => this.page.evaluate(([id, m]) => (globalThis as unknown as RelayPage).carnkToServer(id, m), [this.id, message] as const));
    return this.queue.then(() => undefined);
  }

  end(): void {}
}

/** An LSP session with one worker: the connection, the workspace it reads, and what it asked for. */
interface WorkerSession {
  connection: MessageConnection;
  /** URIs the server asked the client to read, in order. */
  reads: string[];
  /** Resolves with the first diagnostics published for `uri` that `accept` takes. */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  close(): Promise<void>;
}

let browser: Browser | undefined;
let page: Page | undefined;
let unavailable: string | undefined;
const readers = new Map<number, PageReader>();
const workerErrors: string[] = [];
let http: Server | undefined;
let baseUrl = '';

/** Installs the tools when needed (shared with the in-editor tests) and starts Chromium. */
async function startBrowser(): Promise<void> {
  const provisionTools = pathToFileURL(join(ROOT, 'test', 'e2e', 'provisionTools.mjs')).href;
  const tools = (await import(provisionTools)) as {
    provisionE2eTools(options: { log: (line: string) => void }): { ok: true } | { ok: false; reason: string };
    CHROMIUM_PATH: string;
    TOOLS_DIR: string;
  };
  const provisioned = tools.provisionE2eTools({ log: (line) => console.log(line) });
  if (!provisioned.ok) throw new Error(`the browser tools could not be installed: ${provisioned.reason}`);
  const { chromium } = createRequire(join(tools.TOOLS_DIR, 'package.json'))('playwright-core') as {
    chromium: { launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser> };
  };
  browser = await chromium.launch({
    executablePath: tools.CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  await page.exposeFunction('carnkFromServer', (id: number, message: Message) => readers.get(id)?.deliver(message));
  await page.exposeFunction('carnkWorkerError', (id: number, message: string) => workerErrors.push(`worker ${id}: ${message}`));
  await page.goto(`${baseUrl}/`);
}

/** Serves the relay page and the server bundle on a free local port. */
async function startHttp(): Promise<void> {
  const bundle = readFileSync(SERVER_BUNDLE);
  http = createServer((request, response) => {
    if (request.url === '/browserServer.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
    } else if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

/** The entries of `folder` in a workspace given as paths to texts. */
function listing(files: Record<string, string>, folder: string): ReadDirectoryResult {
  const entries = memoryListing(files, folder);
  return entries.length === 0 ? null : entries;
}

let lastWorker = 0;

/** Starts a worker on the page and initializes it over a workspace of `files` (URI paths to texts). */
async function openSession(files: Record<string, string>): Promise<WorkerSession> {
  const id = ++lastWorker;
  const reader = new PageReader();
  readers.set(id, reader);
  await page!.evaluate((workerId) => (globalThis as unknown as RelayPage).carnkStart(workerId), id);
  const connection = createMessageConnection(reader, new PageWriter(page!, id));
  const reads: string[] = [];
  const waiting: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const index = waiting.findIndex((w) => w.uri === params.uri && w.accept(params));
    if (index >= 0) waiting.splice(index, 1)[0]!.resolve(params);
  });
  const pathOf = (uri: string): string => decodeURIComponent(new URL(uri).pathname);
  connection.onRequest(READ_FILE_REQUEST, (params: WorkspaceFileParams): ReadFileResult => {
    reads.push(params.uri);
    return files[pathOf(params.uri)] ?? null;
  });
  connection.onRequest(READ_DIRECTORY_REQUEST, (params: WorkspaceFileParams): ReadDirectoryResult => {
    reads.push(params.uri);
    return listing(files, pathOf(params.uri));
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: null,
    rootUri: WORKSPACE,
    workspaceFolders: [{ uri: WORKSPACE, name: 'paper' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification('initialized', {});
  assert.deepEqual(workerErrors, [], 'the worker started without errors');
  return {
    connection,
    reads,
    diagnostics: (uri, accept = () => true) => new Promise((resolve) => waiting.push({ uri, accept, resolve })),
    async close() {
      await connection.sendRequest('shutdown');
      connection.dispose();
      await page!.evaluate((workerId) => (globalThis as unknown as RelayPage).carnkStop(workerId), id);
      readers.delete(id);
    },
  };
}

/** Skips the test when the browser is not available outside CI. */
function needsBrowser(t: TestContext): boolean {
  if (!unavailable) return true;
  t.skip(`Chromium unavailable: ${unavailable}`);
  return false;
}

const carnk = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => d.source === 'carnk');

describe('the language server in a browser web worker (VS Code for the Web)', () => {
  before(async () => {
    await startHttp();
    try {
      await startBrowser();
    } catch (error) {
      if (process.env.CI) throw new Error(`Chromium could not start under CI: ${error instanceof Error ? error.message : String(error)}`);
      unavailable = error instanceof Error ? error.message : String(error);
      console.log(`browser server tests SKIPPED: ${unavailable}. Set CI=1 to make this an error.`);
    }
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => http?.close(resolve));
  });

  test('diagnostics, hover on ADCC and completion after IL-1 on the example manuscript', async (t) => {
    if (!needsBrowser(t)) return;
    const text = readFileSync(join(ROOT, 'examples', 'car-nk-review.md'), 'utf8');
    const uri = `${WORKSPACE}/car-nk-review.md`;
    const session = await openSession({ '/example/paper/car-nk-review.md': text });
    try {
      const published = session.diagnostics(uri, (p) => p.version === 1);
      await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const ours = carnk((await published).diagnostics);
      assert.ok(ours.length > 0, 'the example manuscript has findings');
      const codes = new Set(ours.map((d) => String(d.code)));
      for (const code of ['undefined-abbreviation', 'discouraged-variant']) assert.ok(codes.has(code), `a ${code} diagnostic among ${[...codes].join(', ')}`);
      // The same findings as on the desktop, where the CLI runs the same service in Node.
      const cli = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', join(ROOT, 'examples', 'car-nk-review.md')], { encoding: 'utf8' })) as {
        diagnostics: { code: string; message: string; range: unknown }[];
      }[];
      const shape = (d: { code?: unknown; message: string; range: unknown }) => JSON.stringify([d.code, d.range, d.message]);
      assert.deepEqual(ours.map(shape), cli[0]!.diagnostics.map(shape), 'the worker reports what the desktop CLI reports');

      const lines = text.split('\n');
      const line = lines.findIndex((l) => /\bADCC\b/.test(l) && !l.includes('(ADCC)'));
      const hover = (await session.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line, character: lines[line]!.indexOf('ADCC') + 1 },
      })) as Hover | null;
      const value = (hover?.contents as { value?: string } | undefined)?.value ?? '';
      assert.match(value, /antibody-dependent cellular cytotoxicity/i, 'the hover gives the knowledge base definition');

      // A new paragraph typed under the first heading.
      const at = { line: lines.indexOf('## Introduction') + 1, character: 0 };
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: at, end: at }, text: '\nSerum IL-1\n' }],
      });
      const completion = (await session.connection.sendRequest('textDocument/completion', {
        textDocument: { uri },
        position: { line: at.line + 1, character: 'Serum IL-1'.length },
      })) as CompletionList;
      const labels = completion.items.map((item) => item.label);
      assert.ok(labels.includes('IL-15'), `IL-15 offered after IL-1 (got ${labels.slice(0, 10).join(', ')})`);
    } finally {
      await session.close();
    }
  });

  test('project files come through carnk/readFile: a .carnkrc changes a severity, a Quarto book carries a definition', async (t) => {
    if (!needsBrowser(t)) return;
    const text = 'The XYZQ assay was positive.\n';
    const files: Record<string, string> = {
      '/example/paper/plain/note.md': text,
      '/example/paper/configured/note.md': text,
      '/example/paper/configured/.carnkrc': 'rules:\n  undefined-abbreviation: error\n',
      '/example/paper/book/_quarto.yml': 'project:\n  type: book\nbook:\n  chapters:\n    - intro.qmd\n    - methods.qmd\n',
      '/example/paper/book/intro.qmd': '# Introduction\n\nWe measured the xylose yield zinc quotient (XYZQ) in each sample.\n',
      '/example/paper/book/methods.qmd': `# Methods\n\n${text}`,
    };
    const session = await openSession(files);
    try {
      const undefinedIn = async (path: string): Promise<Diagnostic | undefined> => {
        const uri = `${WORKSPACE}/${path}`;
        const published = session.diagnostics(uri);
        const document = { uri, languageId: 'markdown', version: 1, text: files[`/example/paper/${path}`] };
        await session.connection.sendNotification('textDocument/didOpen', { textDocument: document });
        return carnk((await published).diagnostics).find((d) => d.code === 'undefined-abbreviation');
      };
      assert.equal((await undefinedIn('plain/note.md'))?.severity, 2, 'a warning by default');
      assert.equal((await undefinedIn('configured/note.md'))?.severity, 1, 'an error under the .carnkrc');
      assert.ok(session.reads.includes(`${WORKSPACE}/configured/.carnkrc`), `the server read the .carnkrc from the client (read ${session.reads.join(', ')})`);
      assert.equal(await undefinedIn('book/methods.qmd'), undefined, 'the first chapter, read from the client, defines XYZQ');
      for (const file of ['_quarto.yml', 'intro.qmd']) assert.ok(session.reads.includes(`${WORKSPACE}/book/${file}`), `the server read the book's ${file}`);
    } finally {
      await session.close();
    }
  });
});
