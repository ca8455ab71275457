#!/usr/bin/env node
/**
 * `carnk`: the command-line adapter over the terminology service. Reads files, calls
 * the service, prints results. Exit codes: 0 clean, 1 errors found (or more warnings
 * than --max-warnings), 2 usage or I/O problem (one line on stderr, no stack trace).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { ChaptersMode } from '../node/bookAnalysis';
import { BookRun, byStart, type BookDocument } from '../project/bookRun';
import { bookOfFolder, findIncludeShortcodes, isManubotMetadata, PROJECT_FILE_NAMES, readBookProject, readIncludeTree, type BookProject } from '../node/bookProject';
import { GlossaryServices, layeredValue, layerSettings } from '../node/analysisContext';
import { projectContextFor } from '../node/projectFiles';
import {
  createTerminologyService,
  isGeneratedAbbreviationList,
  RULES,
  type AnalysisSettings,
  type ProjectSettings,
  type SeveritySetting,
  type TerminologyService,
} from '../service/index';
import { SETTINGS, settingNamed } from '../service/config/settingsTable';
import { cspellWords, findTerms, formatTermText, termJson } from './termsCommands';
import { tuneV8ForInput, tuneV8ForOneLint } from './v8Tuning';
import {
  colours,
  formatAbbreviationsJson,
  formatAbbreviationsMarkdown,
  formatAbbreviationsTsv,
  lintJsonChunks,
  sarifChunks,
  stylishChunks,
  type FileAbbreviations,
  type FileDiagnostics,
} from './formatters';

declare const __CARNK_VERSION__: string;
const VERSION = typeof __CARNK_VERSION__ === 'string' ? __CARNK_VERSION__ : '0.0.0-dev';

/** A problem the user can act on: printed as one line, exit code 2. */
class UsageError extends Error {}

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
interface BookInput {
  book: BookProject;
  /** The folder as the user wrote it ('' for the current folder). */
  shownRoot: string;
}

/** What to lint: files as given, or whole books in reading order. */
type LintTarget = { file: string } | BookInput;

/**
 * A project folder (holding `_quarto.yml` or `_bookdown.yml`) or a project file given on the
 * command line, read as a book; undefined for anything else. A folder whose `_quarto.yml`
 * is not a book or manuscript is linted file by file as before.
 */
async function bookInput(input: string): Promise<BookInput | undefined> {
  if (input === '-' || isDynamicPattern(input)) return undefined;
  let info;
  try {
    info = await stat(input);
  } catch {
    return undefined;
  }
  const trimmed = input.replace(/[\\/]+$/, '');
  if (info.isDirectory()) {
    const book = bookOfFolder(trimmed);
    if (!book) return undefined;
    const shownRoot = book.root === resolve(trimmed) ? trimmed : dirname(trimmed);
    return { book, shownRoot: shownRoot === '.' ? '' : shownRoot };
  }
  if (isManubotMetadata(resolve(input))) {
    const book = readBookProject(resolve(input))!;
    const shownRoot = dirname(dirname(input));
    return { book, shownRoot: shownRoot === '.' ? '' : shownRoot };
  }
  if (!PROJECT_FILE_NAMES.includes(basename(input))) {
    // A lone document with {{< include >}} files is a book of one chapter, as in the editor.
    let text: string;
    try {
      text = await readFile(input, 'utf8');
    } catch {
      return undefined;
    }
    if (findIncludeShortcodes(text).length === 0) return undefined;
    const folder = dirname(input);
    return { book: readIncludeTree(resolve(input)), shownRoot: folder === '.' ? '' : folder };
  }
  const book = readBookProject(input);
  if (!book) throw new UsageError(`'${input}' is not a Quarto book or manuscript project (project: type: book or manuscript)`);
  const folder = dirname(input);
  return { book, shownRoot: folder === '.' ? '' : folder };
}

/** Books and files to lint, in the order given. */
async function expandTargets(inputs: string[]): Promise<LintTarget[]> {
  const targets: LintTarget[] = [];
  // A file that a book given earlier already covers (an included part) is linted there, in context.
  const inBooks = new Set<string>();
  for (const input of inputs) {
    const book = await bookInput(input);
    if (book) {
      targets.push(book);
      for (const file of book.book.files) inBooks.add(file.path);
    } else {
      targets.push(...(await expandInputs([input], true)).filter((file) => file === '-' || !inBooks.has(resolve(file))).map((file) => ({ file })));
    }
  }
  if (targets.length === 0) await expandInputs([]);
  return targets;
}

/** How a book file is shown and passed to the service: under the folder as the user wrote it. */
function bookFileName(input: BookInput, path: string): string {
  const inside = relative(input.book.root, path).split(sep).join('/');
  return input.shownRoot ? `${input.shownRoot}/${inside}` : inside;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a manuscript as text: UTF-8, byte-order mark dropped as editors do; undefined for binary files. */
async function readManuscript(file: string): Promise<string | undefined> {
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
async function readLintable(file: string): Promise<string | undefined> {
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

function displayName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

function parseRuleOption(value: string, previous: Record<string, SeveritySetting> = {}): Record<string, SeveritySetting> {
  const match = /^([a-z-]+)=(off|hint|information|warning|error)$/.exec(value);
  if (!match) throw new InvalidArgumentError(`expected rule-id=off|hint|information|warning|error, got '${value}'`);
  if (!RULES.some((rule) => rule.id === match[1])) throw new InvalidArgumentError(`unknown rule '${match[1]}'`);
  return { ...previous, [match[1]!]: match[2] as SeveritySetting };
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number, got '${value}'`);
  return n;
}

interface CommonOptions {
  scopes?: 'journal' | 'document';
  /** Books: definitions carry over chapters (`continue`) or start again in each (`reset`). */
  chapters?: ChaptersMode;
  spelling?: 'en-US' | 'en-GB';
  /** Journals that want every symbol defined (`--define-gene-symbols`). */
  defineGeneSymbols?: boolean;
  /** Journals that want each legend to stand alone (`--define-in-legends`). */
  defineInLegends?: boolean;
  rule?: Record<string, SeveritySetting>;
  glossary?: string[];
  config: boolean;
}

// Created on first use: building the knowledge base is a large part of start-up, and
// `carnk --version`, `--help` or a usage error never need it.
let base: TerminologyService | undefined;
let services: GlossaryServices | undefined;
function baseService(): TerminologyService {
  base ??= createTerminologyService({
    onError: (error, context) => process.stderr.write(`carnk: internal error in ${context}: ${String(error)}\n`),
  });
  return base;
}
function glossaryServices(): GlossaryServices {
  services ??= new GlossaryServices(baseService());
  return services;
}
const reportedProblems = new Set<string>();

/**
 * The service and settings for one file. Precedence: command-line flags > the nearest
 * `.carnkrc` > defaults (front matter and inline comments are applied by the service).
 * Problems in configuration or glossary files are printed once each, and linting goes on.
 */
function contextFor(file: string, options: CommonOptions): { service: TerminologyService; settings: AnalysisSettings } {
  const project = options.config
    ? projectContextFor(file === '-' ? undefined : file, options.glossary ?? [])
    : projectContextFor(undefined, options.glossary ?? [], process.cwd(), { searchUpwards: false });
  for (const problem of project.problems) {
    if (reportedProblems.has(problem.message)) continue;
    reportedProblems.add(problem.message);
    process.stderr.write(`carnk: ${problem.message}\n`);
  }
  return { service: glossaryServices().serviceFor(project), settings: layerSettings([project.settings, flagSettings(options)]) };
}

/** The settings the command line gives, by setting name: each setting of the table with a flag, where the flag was given. */
function flagSettings(options: CommonOptions): ProjectSettings {
  const given: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    if (!setting.cli) continue;
    const value = (options as unknown as Record<string, unknown>)[new Option(setting.cli.flags).attributeName()];
    if (value !== undefined) given[setting.name] = value;
  }
  return given as ProjectSettings;
}

/** The command-line option of a setting of the table. */
function settingOption(name: string): Option {
  const setting = settingNamed(name)!;
  const option = new Option(setting.cli!.flags, setting.cli!.description);
  switch (setting.type.kind) {
    case 'choice':
      return option.choices(setting.type.values);
    case 'severities':
      return option.argParser(parseRuleOption);
    case 'strings':
      return option.argParser((value: string, previous: string[] = []) => [...previous, value]);
    default:
      return option;
  }
}

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
  const mode = layeredValue('chapters', [options.config ? projectContextFor(input.book.projectFile).settings : {}, flagSettings(options)]);
  return new BookRun(input.book, (path) => documents.get(path), mode);
}

/** Lints a whole book in reading order, each file with its book context; problems of discovery go on the file that names the missing or cyclic file. */
async function lintBook(input: BookInput, options: CommonOptions & { fix: boolean }): Promise<FileDiagnostics[]> {
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
  for (const path of run.filesWithProblems()) {
    const name = bookFileName(input, path);
    if (results.some((r) => r.file === name)) continue;
    results.unshift({ file: name, diagnostics: run.problemsOn(path, contextFor(name, options).settings).sort(byStart) });
  }
  return results;
}

async function lintCommand(inputs: string[], options: CommonOptions & { format: string; maxWarnings?: number; maxProblems?: number; color: boolean; fix: boolean }): Promise<number> {
  const results: FileDiagnostics[] = [];
  for (const target of await expandTargets(inputs)) {
    if ('book' in target) {
      results.push(...(await lintBook(target, options)));
      continue;
    }
    const file = target.file;
    let text = await readLintable(file);
    if (text === undefined) continue;
    const { service: fileService, settings } = contextFor(file, options);
    const uri = file === '-' ? 'stdin.md' : file;
    if (options.fix) {
      const fixed = fileService.fixAll({ uri, version: 0, text }, settings);
      if (fixed.applied > 0) {
        if (file === '-') {
          process.stdout.write(fixed.text);
          continue;
        }
        try {
          await writeFile(file, fixed.text, 'utf8');
        } catch {
          throw new UsageError(`cannot write '${file}'`);
        }
        text = fixed.text;
      } else if (file === '-') {
        process.stdout.write(text);
        continue;
      }
    }
    results.push({ file: displayName(file), diagnostics: fileService.lint({ uri, version: 1, text }, settings) });
  }
  // The exit code reads every problem; only the output is cut.
  const shown = options.maxProblems ? results.map((r) => firstProblems(r, options.maxProblems!)) : results;
  const output =
    options.format === 'json' ? lintJsonChunks(shown) : options.format === 'sarif' ? sarifChunks(shown, VERSION, process.cwd()) : stylishChunks(shown, colours(options.color));
  if ((await writeChunks(output)) > 0) process.stdout.write('\n');
  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    if (options.format === 'stylish') process.stdout.write(`carnk found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/**
 * Writes output to standard output piece by piece as it is made, waiting whenever the stream
 * asks to; resolves to the number of characters written.
 */
async function writeChunks(chunks: Iterable<string>): Promise<number> {
  let written = 0;
  for (const chunk of chunks) {
    if (chunk.length === 0) continue;
    written += chunk.length;
    if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
  return written;
}

/** A file's first `limit` problems in document order; says on stderr how many more there were. */
function firstProblems(result: FileDiagnostics, limit: number): FileDiagnostics {
  if (result.diagnostics.length <= limit) return result;
  process.stderr.write(`carnk: ${result.file}: showing the first ${limit} of ${result.diagnostics.length} problems (--max-problems)\n`);
  return { ...result, diagnostics: result.diagnostics.slice(0, limit) };
}

/**
 * One list for a whole book: `file` is the project file (`_quarto.yml`, `_bookdown.yml`),
 * and each definition and undefined use carries the `file` it is in (its `range` is in that file).
 */
async function bookAbbreviations(input: BookInput, options: CommonOptions): Promise<FileAbbreviations> {
  const list = (await readBook(input, options)).abbreviations();
  return {
    file: bookFileName(input, input.book.projectFile),
    definitions: list.definitions.map(({ uri, ...d }) => ({ ...d, file: uri })),
    undefined: list.undefined.map(({ uri, ...u }) => ({ ...u, file: uri })),
  };
}

async function abbreviationsCommand(inputs: string[], options: CommonOptions & { format: string }): Promise<number> {
  const results: FileAbbreviations[] = [];
  for (const target of await expandTargets(inputs)) {
    if ('book' in target) {
      results.push(await bookAbbreviations(target, options));
      continue;
    }
    const file = target.file;
    const text = await readLintable(file);
    if (text === undefined) continue;
    const { service: fileService, settings } = contextFor(file, options);
    results.push({ file: displayName(file), ...fileService.abbreviations({ uri: file === '-' ? 'stdin.md' : file, version: 0, text }, settings) });
  }
  const output =
    options.format === 'tsv' ? formatAbbreviationsTsv(results) : options.format === 'markdown' ? formatAbbreviationsMarkdown(results) : formatAbbreviationsJson(results);
  process.stdout.write(output + '\n');
  return 0;
}

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('carnk')
    .description('Terminology linting and abbreviation checks for CAR-NK manuscripts (Markdown, Quarto, R Markdown).')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run carnk --help for usage)')
    .exitOverride();

  const noConfigOption = () => new Option('--no-config', 'ignore .carnkrc files and .carnk-glossary files found next to the manuscripts');

  program
    .command('lint')
    .description('report terminology problems in manuscripts')
    .argument('[files...]', 'files, globs or folders; a book project folder or its _quarto.yml/_bookdown.yml lints the book in reading order; - reads standard input', [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif']).default('stylish'))
    .addOption(new Option('--max-warnings <n>', 'exit with 1 when there are more warnings than this').argParser(parseCount))
    .addOption(new Option('--max-problems <n>', 'print at most this many problems per file, the first in document order (the exit code still counts all)').argParser(parseCount))
    .addOption(settingOption('scopes'))
    .addOption(settingOption('rules'))
    .addOption(settingOption('spelling'))
    .addOption(settingOption('defineGeneSymbols'))
    .addOption(settingOption('defineInLegends'))
    .addOption(settingOption('glossaries'))
    .addOption(noConfigOption())
    .addOption(settingOption('chapters'))
    .option('--fix', 'apply the safe (meaning-preserving) fixes to the files, then report what is left; with - the fixed text goes to standard output', false)
    .option('--no-color', 'plain stylish output')
    .action(async (files: string[], options) => {
      const color = options.color !== false && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
      setExit(await lintCommand(files, { ...options, color }));
    });

  program
    .command('abbreviations')
    .description("list the abbreviations each manuscript defines, and those it uses undefined")
    .argument('[files...]', 'files, globs or folders; - reads standard input', [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'tsv', 'markdown']).default('json'))
    .addOption(settingOption('scopes'))
    .addOption(settingOption('glossaries'))
    .addOption(noConfigOption())
    .addOption(settingOption('chapters'))
    .action(async (files: string[], options) => {
      setExit(await abbreviationsCommand(files, options));
    });

  program
    .command('terms')
    .description('print the knowledge base: every entry, or the entries a written form or id names')
    .argument('[term]', 'a term, abbreviation, variant or id (e.g. ADCC)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']))
    .addOption(settingOption('glossaries'))
    .action((term: string | undefined, options: { format?: string; glossary?: string[] }) => {
      const { service: termsService } = contextFor('-', { glossary: options.glossary ?? [], config: false });
      const knowledge = termsService.knowledge!;
      const entries = term === undefined ? knowledge.entries : findTerms(knowledge, term);
      if (term !== undefined && entries.length === 0) throw new UsageError(`no entry for '${term}'`);
      const format = options.format ?? (term === undefined ? 'json' : 'text');
      process.stdout.write((format === 'json' ? JSON.stringify(entries.map(termJson), null, 2) : entries.map((e) => formatTermText(e, knowledge)).join('\n\n')) + '\n');
    });

  program
    .command('export')
    .description('export the knowledge base for other tools')
    .addOption(new Option('-f, --format <format>', 'export format').choices(['cspell']).default('cspell'))
    .action(() => {
      process.stdout.write(cspellWords(baseService().knowledge!) + '\n');
    });
  return program;
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = buildProgram((code) => (exitCode = code));
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`carnk: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`carnk: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

// V8 tuning for one short burst of work (see v8Tuning.ts); the entry has set it already.
tuneV8ForOneLint();

// A reader that stops early (`carnk terms | head`) closes the pipe: what it did not read is not
// wanted, so the process ends quietly, as other command-line tools do, instead of an EPIPE trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`carnk: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
