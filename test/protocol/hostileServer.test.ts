import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { startTestServer, type TestServer } from '../helpers/lspClient';

// The real server bundle, fed hostile documents and edits over stdio: after every one it
// must still publish diagnostics with in-range positions and answer hover, and it must
// never exit. Every wait is bounded, so a hung server fails the test instead of hanging it.

const ANSWER_TIMEOUT_MS = 10_000;

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms: ${what}`)), ANSWER_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Every diagnostic range lies in `text`, start before end, and survives a position -> offset -> position round trip. */
function assertRangesInside(text: string, diagnostics: Diagnostic[], what: string): void {
  const lines = new LineIndex(text);
  const inside = (p: Position): boolean =>
    p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineEnd(p.line) - lines.lineStart(p.line);
  for (const d of diagnostics) {
    const range: Range = d.range;
    assert.ok(inside(range.start) && inside(range.end), `${what}: ${d.code} range ${JSON.stringify(range)} inside the document`);
    const start = lines.offsetAt(range.start);
    const end = lines.offsetAt(range.end);
    assert.ok(start <= end, `${what}: ${d.code} start <= end`);
    assert.deepEqual(lines.positionAt(start), range.start, `${what}: ${d.code} start round-trips`);
    assert.deepEqual(lines.positionAt(end), range.end, `${what}: ${d.code} end round-trips`);
  }
}

const paragraph = 'Natural killer (NK) cells kill; CAR-NK cells (CD56⁺CD3⁻) secrete IFN-γ and TGF-β [@x]. ';

/** Documents a careless editor or a wrong file type could open. */
const HOSTILE_DOCUMENTS: { name: string; text: string }[] = [
  { name: 'empty', text: '' },
  { name: 'lone surrogates', text: '\ud800NK\udc00 (\udfff) natural killer (NK\ud83d) \ud83d\ude00CAR' },
  { name: 'NUL and control characters', text: 'NK\u0000(NK)\u0001\u0002\u001b[31m natural killer (NK)\u0000' },
  { name: 'binary-looking Latin-1', text: Array.from({ length: 20_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('') },
  { name: 'CR-only line endings', text: 'natural killer (NK)\rNK\r\r# Abstract\rNK\r' },
  { name: 'mixed line endings and tabs', text: 'natural killer (NK)\r\n\tNK\rNK\n\r\nCD56⁺\t(NK)\r'.repeat(200) },
  { name: 'thousands of parentheses', text: `${'('.repeat(10_000)}natural killer (NK)${')'.repeat(10_000)}` },
  { name: 'unclosed fence, comment, math and front matter', text: `---\ntitle: NK\n\`\`\`\n${paragraph}\n<!-- ${paragraph}\n$$ ${paragraph}` },
  { name: 'non-BMP letters and emoji', text: '𝔑𝔎 (𝔑𝔞𝔱𝔲𝔯𝔞𝔩 𝔎𝔦𝔩𝔩𝔢𝔯) 😀 NK😀 natural killer (NK) 😀'.repeat(100) },
  { name: '1 MB single line', text: paragraph.repeat(Math.ceil(1_048_576 / paragraph.length)) },
];

/** Edits whose ranges are odd: past the end, negative, reversed, splitting CRLF or surrogate pairs. */
const HOSTILE_EDITS: { name: string; change: TextDocumentContentChangeEvent }[] = [
  { name: 'insert past the end', change: { range: { start: { line: 10_000, character: 5 }, end: { line: 10_000, character: 9 } }, text: ' NK (natural killer)' } },
  { name: 'reversed range', change: { range: { start: { line: 0, character: 8 }, end: { line: 0, character: 2 } }, text: '(' } },
  { name: 'character far past the line end', change: { range: { start: { line: 0, character: 1e6 }, end: { line: 0, character: 1e6 } }, text: '\r' } },
  { name: 'insert a lone high surrogate', change: { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '\ud83d' } },
  { name: 'insert between CR and LF', change: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'NK\r\n(NK)\r' } },
  { name: 'delete everything', change: { range: { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } }, text: '' } },
  { name: 'full replacement with unbalanced brackets', change: { text: `${'[('.repeat(3_000)}NK (natural killer` } },
  { name: 'full replacement with NUL', change: { text: '\u0000'.repeat(1000) } },
];

describe('language server under hostile input', { timeout: 120_000 }, () => {
  let server: TestServer;
  let exited = false;
  before(async () => {
    server = await within(startTestServer({ debounceMs: 0 }), 'server start');
    server.process.once('exit', () => (exited = true));
  });
  after(async () => {
    if (exited) return;
    try {
      await within(server.stop(), 'shutdown');
    } catch (error) {
      // A server still busy with an earlier document must not outlive the test run.
      server.process.kill();
      throw error;
    }
  });

  /** Hover at the edges, the middle and past the end of the text, then completion in the middle. */
  const hoverAround = async (uri: string, text: string): Promise<void> => {
    const lines = new LineIndex(text);
    const positions: Position[] = [
      { line: 0, character: 0 },
      { line: 0, character: 2 },
      lines.positionAt(Math.floor(text.length / 2)),
      lines.positionAt(text.length),
      { line: lines.lineCount + 5, character: 3 },
    ];
    for (const position of positions) {
      // null and a hover are both fine; an error response or silence is not.
      await within(server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }), `hover at ${JSON.stringify(position)}`);
    }
    await within(server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: positions[2] }), 'completion');
  };

  HOSTILE_DOCUMENTS.forEach(({ name, text }, index) => {
    test(`didOpen: ${name}`, async () => {
      const uri = `file:///hostile/${index}.md`;
      const published = server.nextDiagnostics(uri, 1);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const { diagnostics } = await within(published, `diagnostics for ${name}`);
      assertRangesInside(text, diagnostics, name);
      await hoverAround(uri, text);
      assert.equal(exited, false, 'the server is still running');
    });
  });

  test('didChange: hostile edits in sequence on one document', async () => {
    const uri = 'file:///hostile/edited.md';
    let document = TextDocument.create(uri, 'markdown', 1, `natural killer (NK)\r\n${paragraph}\n`);
    const opened = server.nextDiagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: document.getText() } });
    await within(opened, 'diagnostics on open');
    for (const { name, change } of HOSTILE_EDITS) {
      const version = document.version + 1;
      // The client-side copy applies the same edit with the same library, so the texts agree.
      document = TextDocument.update(document, [change], version);
      const published = server.nextDiagnostics(uri, version);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const { diagnostics } = await within(published, `diagnostics after ${name}`);
      assertRangesInside(document.getText(), diagnostics, name);
      await hoverAround(uri, document.getText());
    }
    assert.equal(exited, false, 'the server is still running');
  });

  test('malformed requests get an answer (result or error), and the server stays up', async () => {
    const attempts: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri: 'file:///never-opened.md' }, position: { line: 0, character: 0 } }],
      ['textDocument/hover', { textDocument: { uri: 'file:///hostile/0.md' }, position: { line: -1, character: -5 } }],
      ['textDocument/hover', {}],
      ['textDocument/hover', null],
      ['textDocument/completion', { textDocument: { uri: 'file:///hostile/0.md' }, position: { line: 0, character: 0 } }],
      ['carnk/doesNotExist', { anything: true }],
    ];
    for (const [method, params] of attempts) {
      await within(
        server.connection.sendRequest(method, params).then(
          () => undefined,
          () => undefined,
        ),
        method,
      );
    }
    // Notifications for documents that were never opened must be ignored, not fatal.
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///ghost.md', version: 2 }, contentChanges: [{ text: 'NK' }] });
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///ghost.md' } });
    await within(server.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///hostile/1.md' }, position: { line: 0, character: 1 } }), 'hover after the malformed requests');
    assert.equal(exited, false, 'the server is still running');
  });
});
