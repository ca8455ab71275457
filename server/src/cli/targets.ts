/**
 * What `carnk` checks: the command line's inputs (files, folders, standard input, globs) made
 * into files and whole books, and the reading of each manuscript. Which path names a book is
 * discovery, in `server/src/project/bookProject.ts` (`bookOfInput`); this module only adapts it.
 */
import { realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { bookOfInput, type BookProject } from '../node/bookProject';
import { isGeneratedAbbreviationList } from '../service/index';
import { tuneV8ForInput } from './v8Tuning';

/** A problem the user can act on: printed as one line, exit code 2. */
export class UsageError extends Error {}

const MANUSCRIPT_GLOB = '**/*.{md,markdown,qmd,Qmd,Rmd,rmd,txt}';

/** Expands the file arguments: `-` for stdin, globs, directories, plain paths (kept as given). */
async function expandInputs(inputs: string[], allowEmpty = false): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push('-');
    } else if (isDynamicPattern(input)) {
      const matched = (await glob(input, { ignore: ['**/node_modules/**'], dot: false })).sort();
      if (matched.length === 0) throw new UsageError(`no files match '${input}'`);
      files.push(...matched);
    } else {
      let info;
      try {
        info = await stat(input);
      } catch {
        throw new UsageError(`cannot read '${input}': no such file or directory`);
      }
      if (info.isDirectory()) {
        const matched = (await glob(MANUSCRIPT_GLOB, { cwd: input, ignore: ['**/node_modules/**', '**/_site/**', '**/_book/**'] })).sort();
        files.push(...matched.map((f) => `${input.replace(/[\\/]+$/, '')}/${f}`));
      } else {
        files.push(input);
      }
    }
  }
  if (files.length === 0 && !allowEmpty) throw new UsageError('no input files given (pass files, globs, a folder, or - for standard input)');
  return files;
}

/** A book given on the command line, with the prefix its files are shown under. */
export interface BookInput {
  book: BookProject;
  /** The folder as the user wrote it ('' for the current folder). */
  shownRoot: string;
}

/** What to lint: files as given, or whole books in reading order. */
export type LintTarget = { file: string } | BookInput;

/**
 * The book a command-line input names (see `bookOfInput`), shown under its root as the user
 * wrote it; undefined for standard input, a glob, or a path that names no book. A folder whose
 * `_quarto.yml` is not a book or manuscript is linted file by file as before.
 */
function bookInput(input: string): BookInput | undefined {
  if (input === '-' || isDynamicPattern(input)) return undefined;
  const found = bookOfInput(input);
  if (!found) return undefined;
  if (!('book' in found)) throw new UsageError(`'${input}' is not a Quarto book or manuscript project (project: type: book or manuscript)`);
  return { book: found.book, shownRoot: writtenRoot(input.replace(/[\\/]+$/, ''), found.book.root) };
}

/** The book's root folder as the user wrote it: the input or the folder above it that is the root ('' for the current folder). */
function writtenRoot(written: string, root: string): string {
  let shown = written;
  while (resolve(shown) !== root && dirname(shown) !== shown) shown = dirname(shown);
  return shown === '.' ? '' : shown;
}

/**
 * Books and files to lint, in the order given. A file is linted once, where it is first reached:
 * in a book given earlier (an included part is read there, in context), or as a file given
 * earlier, however the inputs name it (`carnk lint . notes`, `carnk lint a.md ./a.md`).
 */
export async function expandTargets(inputs: string[]): Promise<LintTarget[]> {
  const targets: LintTarget[] = [];
  const reached = new Set<string>();
  // By the file's real path (a symbolic link to a file reached before is that file); standard input is read once.
  const firstReach = (file: string): boolean => {
    const path = file === '-' ? '-' : realPathOf(file);
    if (reached.has(path)) return false;
    reached.add(path);
    return true;
  };
  for (const input of inputs) {
    const book = bookInput(input);
    if (book) {
      targets.push(book);
      for (const file of book.book.files) reached.add(realPathOf(file.path));
      // A folder's lone include tree is one document of the folder: its other files are linted too.
      if (book.book.kind === 'include-tree' && book.book.projectFile !== resolve(input)) targets.push(...(await expandInputs([input], true)).filter(firstReach).map((file) => ({ file })));
    } else {
      targets.push(...(await expandInputs([input], true)).filter(firstReach).map((file) => ({ file })));
    }
  }
  if (targets.length === 0) await expandInputs([]);
  return targets;
}

/** The real path of a file (links resolved), or its absolute path when it cannot be resolved. */
function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/** How a book file is shown and passed to the service: under the folder as the user wrote it. */
export function bookFileName(input: BookInput, path: string): string {
  const inside = relative(input.book.root, path).split(sep).join('/');
  return input.shownRoot ? `${input.shownRoot}/${inside}` : inside;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a manuscript as text: UTF-8, byte-order mark dropped as editors do; undefined for binary files. */
export async function readManuscript(file: string): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? Buffer.from(await readStdin(), 'utf8') : await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : 'cannot be read';
    throw new UsageError(`cannot read '${file}': ${reason}`);
  }
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  tuneV8ForInput(bytes.length);
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A manuscript named on the command line, or undefined with a note for what is not one: a
 * binary file, or a list of abbreviations that `carnk abbreviations` generated.
 */
export async function readLintable(file: string): Promise<string | undefined> {
  const text = await readManuscript(file);
  if (text === undefined) {
    process.stderr.write(`carnk: skipped '${displayName(file)}': binary file\n`);
    return undefined;
  }
  // Standard input goes on to the service, which reads a generated list as empty: `--fix -` must still print it.
  if (file !== '-' && isGeneratedAbbreviationList(text)) {
    process.stderr.write(`carnk: skipped '${displayName(file)}': generated by carnk abbreviations\n`);
    return undefined;
  }
  return text;
}

/** How a file is named in output: as given, standard input as `<stdin>`. */
export function displayName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}
