import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Hover, Location, WorkspaceEdit } from 'vscode-languageserver-types';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { applyTextEdits, positionOf } from '../helpers/positions';
import { startTestServer, type TestServer } from '../helpers/lspClient';

// Books over stdio (issue 10): definitions, hover, go to definition, references and rename
// across the files of a project, whether or not those files are open.
const BOOKS = join(__dirname, '..', 'fixtures', 'books');
const file = (relative: string) => {
  const path = join(BOOKS, relative);
  return { uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') };
};
const chapter1 = file('quarto-book/index.qmd');
const chapter2 = file('quarto-book/02-methods.qmd');
const chapter3 = file('quarto-book/03-results.qmd');


const codes = (published: PublishDiagnosticsParams) => published.diagnostics.map((d) => d.code);

describe('books over the language server protocol', { timeout: 30_000 }, () => {
  let server: TestServer;
  const request = <T>(method: string, params: object) => server.connection.sendRequest(method, params) as Promise<T>;
  const open = async (document: { uri: string; text: string }, languageId = 'quarto') => {
    const published = server.nextDiagnostics(document.uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: document.uri, languageId, version: 1, text: document.text } });
    return published;
  };

  before(async () => {
    server = await startTestServer({ debounceMs: 0 });
  });
  after(async () => server.stop());

  test('a Manubot section opened alone is read with the sections before it (content/metadata.yaml marks the project)', async () => {
    const results = file('manubot/content/10.results.md');
    const published = await open(results, 'markdown');
    assert.deepEqual(codes(published), []);
    const hover = await request<Hover>('textDocument/hover', { textDocument: { uri: results.uri }, position: positionOf(results.text, 'ADCC', 0, 1) });
    assert.match((hover.contents as { value: string }).value, /Defined in 02\.introduction\.md on line 3/);
  });

  test('chapter 3 opened alone: abbreviations defined in chapter 1 (on disk, not open) are defined', async () => {
    const published = await open(chapter3);
    assert.deepEqual(codes(published), []);
  });

  test('go to definition from chapter 3 lands on the definition in chapter 1', async () => {
    const [target] = await request<Location[]>('textDocument/definition', { textDocument: { uri: chapter3.uri }, position: positionOf(chapter3.text, 'NK', 0, 1) });
    assert.equal(target?.uri, chapter1.uri);
    assert.deepEqual(target?.range, { start: positionOf(chapter1.text, '(NK)', 0, 1), end: positionOf(chapter1.text, '(NK)', 0, 3) });
  });

  test('hover in chapter 3 says where the book defines the abbreviation', async () => {
    const hover = await request<Hover>('textDocument/hover', { textDocument: { uri: chapter3.uri }, position: positionOf(chapter3.text, 'TME', 0, 1) });
    assert.match((hover.contents as { value: string }).value, /Defined in index\.qmd on line 3 as 'tumour microenvironment'/);
  });

  test('references from chapter 1 reach chapters 2 and 3, open or not', async () => {
    await open(chapter1);
    const locations = await request<Location[]>('textDocument/references', {
      textDocument: { uri: chapter1.uri },
      position: positionOf(chapter1.text, '(NK)', 0, 1),
      context: { includeDeclaration: true },
    });
    const byFile = new Map<string, number>();
    for (const location of locations) byFile.set(location.uri, (byFile.get(location.uri) ?? 0) + 1);
    // Chapter 1 defines NK; chapter 2 writes it in CAR-NK and on its own; chapter 3 once.
    assert.deepEqual(Object.fromEntries(byFile), { [chapter1.uri]: 1, [chapter2.uri]: 2, [chapter3.uri]: 1 });
  });

  test('rename of an abbreviation in chapter 1 edits all three chapters', async () => {
    const edit = await request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: chapter1.uri }, position: positionOf(chapter1.text, '(NK)', 0, 2), newName: 'NKC' });
    const changes = edit.changes ?? {};
    assert.deepEqual(Object.keys(changes).sort(), [chapter1.uri, chapter2.uri, chapter3.uri].sort());
    for (const chapter of [chapter1, chapter2, chapter3]) {
      const renamed = applyTextEdits(chapter.text, changes[chapter.uri]!);
      assert.equal(renamed.match(/\bNK\b/g)?.length ?? 0, 0, `no NK left in ${chapter.uri}`);
      assert.equal(renamed.match(/\bNKC\b/g)?.length, chapter.text.match(/\bNK\b/g)?.length, `every NK renamed in ${chapter.uri}`);
    }
    // Chapter 2 has CRLF line endings, a tab, CD56⁺ and a character outside the BMP: the edits keep them.
    const renamed2 = applyTextEdits(chapter2.text, changes[chapter2.uri]!);
    assert.equal(renamed2, chapter2.text.replace(/\bNK\b/g, 'NKC'));
  });

  test('editing chapter 1 re-checks chapter 3; chapters: reset makes each chapter define again', async () => {
    const withoutTme = chapter1.text.replace(' (TME)', '');
    const recheck = server.nextDiagnostics(chapter3.uri, 1, (p) => codes(p).includes('undefined-abbreviation'));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: chapter1.uri, version: 2 }, contentChanges: [{ text: withoutTme }] });
    const published = await recheck;
    assert.deepEqual(
      published.diagnostics.map((d) => d.message.match(/^'([^']+)'/)?.[1]),
      ['TME'],
      'only the abbreviation chapter 1 no longer defines',
    );

    server.settings.chapters = 'reset';
    const reset = server.nextDiagnostics(chapter3.uri, 1, (p) => codes(p).filter((c) => c === 'undefined-abbreviation').length >= 4);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { carnk: server.settings } });
    const undefinedInReset = (await reset).diagnostics.filter((d) => d.code === 'undefined-abbreviation').map((d) => d.message.match(/^'([^']+)'/)?.[1]);
    assert.deepEqual(undefinedInReset, ['NK', 'CAR', 'IL-15', 'TGF-β', 'TME']);
    server.settings.chapters = 'continue';
    const back = server.nextDiagnostics(chapter3.uri, 1, (p) => codes(p).length <= 1);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { carnk: server.settings } });
    await back;
  });

  test('an include tree: one diagnostic for the missing include; included files inherit from earlier ones', async () => {
    const article = file('includes/index.qmd');
    const published = await open(article);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
      [['invalid-configuration', 8, "included file '_discussion.qmd' not found; the rest of the book is checked without it."]],
    );
    const safety = file('includes/sections/_safety.qmd');
    assert.deepEqual(codes(await open(safety)), [], 'NK comes from _introduction.qmd, read before it');
    const [target] = await request<Location[]>('textDocument/definition', { textDocument: { uri: safety.uri }, position: positionOf(safety.text, 'NK products', 0, 1) });
    assert.equal(target?.uri, file('includes/_introduction.qmd').uri);
  });

  test('a bookdown project in its default order: index.Rmd first, files starting with _ left out', async () => {
    const discussion = file('bookdown/02-discussion.Rmd');
    assert.deepEqual(codes(await open(discussion, 'rmd')), []);
    const [target] = await request<Location[]>('textDocument/definition', { textDocument: { uri: discussion.uri }, position: positionOf(discussion.text, 'GMP', 0, 1) });
    assert.equal(target?.uri, file('bookdown/01-background.Rmd').uri);
  });
});
