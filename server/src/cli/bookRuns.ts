/**
 * Books on the command line: a book's files read from the disk into the project layer's
 * `BookRun`, linted (and fixed) or listed in reading order, shown under the folder the user wrote.
 */
import { writeFile } from 'node:fs/promises';
import { projectContextFor } from '../node/projectFiles';
import { BookRun, type BookDocument } from '../project/bookRun';
import { isGeneratedAbbreviationList } from '../service/index';
import { contextFor, flagSettings, type CommonOptions } from './fileContext';
import type { FileAbbreviations, FileDiagnostics } from './formatters';
import { bookFileName, readManuscript, UsageError, type BookInput } from './targets';

/**
 * A run over a book's files as they are on disk now (binary ones skipped with a note, a
 * generated list of abbreviations left out), shown under the folder the user wrote. Chapters:
 * `--chapters`, else the project's `.carnkrc`, else `continue`.
 */
async function readBook(input: BookInput, options: CommonOptions): Promise<BookRun> {
  const documents = new Map<string, BookDocument>();
  for (const file of input.book.files) {
    const name = bookFileName(input, file.path);
    const text = await readManuscript(file.path);
    if (text === undefined) {
      process.stderr.write(`carnk: skipped '${name}': binary file\n`);
      continue;
    }
    // A book includes its generated list of abbreviations on purpose: left out without a note.
    if (isGeneratedAbbreviationList(text)) continue;
    const { service: fileService, settings } = contextFor(name, options);
    documents.set(file.path, { document: { uri: name, version: 1, text }, service: fileService, settings });
  }
  return new BookRun(input.book, (path) => documents.get(path), [options.config ? projectContextFor(input.book.projectFile).settings : {}, flagSettings(options)]);
}

/** Lints a whole book in reading order, each file with its book context; problems of discovery go on the file that names the missing or cyclic file. */
export async function lintBook(input: BookInput, options: CommonOptions & { fix: boolean }): Promise<FileDiagnostics[]> {
  let run = await readBook(input, options);
  if (options.fix) {
    const fixed = run.fixAll();
    for (const file of fixed) {
      try {
        await writeFile(file.path, file.text, 'utf8');
      } catch {
        throw new UsageError(`cannot write '${file.uri}'`);
      }
    }
    if (fixed.length > 0) run = run.withTexts(new Map(fixed.map((file) => [file.path, file.text])));
  }
  const results: FileDiagnostics[] = run.files().map((file) => ({ file: file.document.uri, diagnostics: run.lint(file.path, file) }));
  // A file that names a missing or cyclic file but is not itself linted (the project file) gets a result of its own, first.
  const offBook = run.problemsOffBook((path) => contextFor(bookFileName(input, path), options).settings);
  results.unshift(...offBook.reverse().map(({ path, diagnostics }) => ({ file: bookFileName(input, path), diagnostics })));
  return results;
}

/**
 * One list for a whole book: `file` is the project file (`_quarto.yml`, `_bookdown.yml`),
 * and each definition and undefined use carries the `file` it is in (its `range` is in that file).
 */
export async function bookAbbreviations(input: BookInput, options: CommonOptions): Promise<FileAbbreviations> {
  const list = (await readBook(input, options)).abbreviations();
  return {
    file: bookFileName(input, input.book.projectFile),
    definitions: list.definitions.map(({ uri, ...d }) => ({ ...d, file: uri })),
    undefined: list.undefined.map(({ uri, ...u }) => ({ ...u, file: uri })),
  };
}
