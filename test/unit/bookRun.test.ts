// The book run both adapters use (server/src/project/bookRun.ts): linting with the book's own
// problems, fixes, the list of abbreviations, references and rename across files, over an
// in-memory Quarto book.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bookOfFolder, bookOfInput, readBookProject, type ProjectFileSystem } from '../../server/src/project/bookProject';
import { BookRun, type BookDocument } from '../../server/src/project/bookRun';
import { createTerminologyService, type ProjectSettings } from '../../server/src/service/index';
import { memoryListing } from '../helpers/memoryFiles';

const service = createTerminologyService();

const FILES: Record<string, string> = {
  '/book/_quarto.yml': 'project:\n  type: book\nbook:\n  chapters:\n    - index.qmd\n    - methods.qmd\n    - missing.qmd\n',
  '/book/index.qmd': '# Introduction\n\nNatural killer (NK) cells kill tumours.\n',
  '/book/methods.qmd': '# Methods\n\nWe expanded NK cells and NK cell lines.\n',
};

const fileSystem = (files: Record<string, string>): ProjectFileSystem => ({
  readText: (path) => files[path],
  isFile: (path) => path in files,
  list: (folder) => memoryListing(files, folder),
});

function runOf(files: Record<string, string>, settings = {}, settingLayers: ProjectSettings[] = []): BookRun {
  const fs = fileSystem(files);
  const book = readBookProject('/book/_quarto.yml', fs)!;
  const documentOf = (path: string): BookDocument | undefined => {
    const text = fs.readText(path);
    return text === undefined ? undefined : { document: { uri: `file://${path}`, version: 1, text }, service, settings };
  };
  return new BookRun(book, documentOf, settingLayers);
}

describe('BookRun', () => {
  test('the folder holding _quarto.yml is a book; a chapter folder inside it is not', () => {
    const fs = fileSystem({ ...FILES, '/book/sub/a.qmd': 'text\n' });
    assert.equal(bookOfFolder('/book', fs)?.kind, 'quarto-book');
    assert.equal(bookOfFolder('/book/sub', fs), undefined);
  });

  test('files take part in reading order; a missing chapter is left out and is a problem on the project file', () => {
    const run = runOf(FILES);
    assert.deepEqual(
      run.files().map((f) => f.path),
      ['/book/index.qmd', '/book/methods.qmd'],
    );
    assert.deepEqual(
      run.problemsOffBook(() => ({})).map((entry) => [entry.path, entry.diagnostics.length]),
      [['/book/_quarto.yml', 1]],
    );
    assert.equal(run.projectFileProblems({})?.length, 1);
    const problems = run.problemsOn('/book/_quarto.yml', {});
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'invalid-configuration');
    assert.match(problems[0]!.message, /missing\.qmd/);
    assert.deepEqual(run.problemsOn('/book/_quarto.yml', { rules: { 'invalid-configuration': 'off' } }), []);
  });

  test('what a path given to check names: a book folder, a project file, a lone document with includes, or no book', () => {
    const fs = fileSystem({
      ...FILES,
      '/site/_quarto.yml': 'project:\n  type: website\n',
      '/lone/doc.md': 'Text.\n\n{{< include part.md >}}\n',
      '/lone/part.md': 'More.\n',
    });
    const bookOf = (path: string) => {
      const found = bookOfInput(path, fs);
      return found && ('book' in found ? found.book.kind : found.notABook);
    };
    const expected: Record<string, string | undefined> = {
      '/book': 'quarto-book',
      '/book/_quarto.yml': 'quarto-book',
      '/site/_quarto.yml': '/site/_quarto.yml',
      '/lone/doc.md': 'include-tree',
      '/lone/part.md': undefined,
      '/book/index.qmd': undefined,
      '/nowhere': undefined,
    };
    for (const [path, kind] of Object.entries(expected)) assert.equal(bookOf(path), kind, path);
  });

  test('the chapters mode is the last setting layer that gives it, else continue', () => {
    const undefinedNK = (run: BookRun) =>
      run.lint('/book/methods.qmd', run.documentOf('/book/methods.qmd')!).filter((d) => d.code === 'undefined-abbreviation' && d.message.startsWith("'NK'")).length;
    assert.equal(undefinedNK(runOf(FILES)), 0);
    assert.equal(undefinedNK(runOf(FILES, {}, [{ chapters: 'continue' }, { chapters: 'reset' }])), 1);
    assert.equal(undefinedNK(runOf(FILES, {}, [{ chapters: 'reset' }, { chapters: 'continue' }])), 0);
  });

  test('a later chapter lints in its book context: NK defined in the first chapter is not undefined there', () => {
    const run = runOf(FILES);
    const methods = run.documentOf('/book/methods.qmd')!;
    const inBook = run.lint('/book/methods.qmd', methods).filter((d) => d.code === 'undefined-abbreviation');
    const alone = service.lint(methods.document, methods.settings).filter((d) => d.code === 'undefined-abbreviation');
    assert.equal(inBook.length, 0);
    assert.ok(alone.length > 0, 'alone, NK is undefined');
    assert.notEqual(run.contextSignature('/book/methods.qmd'), run.contextSignature('/book/other.qmd'));
  });

  test('the list of abbreviations names the file of each definition', () => {
    const list = runOf(FILES).abbreviations();
    assert.deepEqual(
      list.definitions.map((d) => [d.short, d.uri]),
      [['NK', 'file:///book/index.qmd']],
    );
    assert.deepEqual(list.undefined, []);
  });

  test('references and rename reach the other files of the book', () => {
    const run = runOf(FILES);
    const methods = run.documentOf('/book/methods.qmd')!;
    const at = { line: 2, character: 13 };
    const references = run.references('/book/methods.qmd', methods, at, true);
    assert.deepEqual([...new Set(references.map((r) => r.uri))].sort(), ['file:///book/index.qmd', 'file:///book/methods.qmd']);
    const changes = run.rename('/book/methods.qmd', methods, at, 'NKC')!;
    assert.deepEqual(Object.keys(changes).sort(), ['file:///book/index.qmd', 'file:///book/methods.qmd']);
    assert.ok(changes['file:///book/methods.qmd']!.length >= 2);
  });

  test('fixes are computed in book context, and withTexts gives the run over the fixed texts', () => {
    // Used in the chapter before it is defined again: a warning with a safe fix (a chapter's first use defining again is only a note, left as written).
    const files = { ...FILES, '/book/methods.qmd': '# Methods\n\nNK cells grew. We expanded natural killer (NK) cells.\n' };
    const run = runOf(files);
    const fixed = run.fixAll();
    assert.ok(fixed.length > 0, 'the repeated definition in methods.qmd has a safe fix');
    const next = run.withTexts(new Map(fixed.map((f) => [f.path, f.text])));
    for (const f of fixed) assert.equal(next.documentOf(f.path)!.document.text, f.text);
    assert.deepEqual(next.fixAll(), []);
  });
});
