#!/usr/bin/env node
/**
 * `carnk`: the command-line adapter over the terminology service. Reads files, calls
 * the service, prints results. Exit codes: 0 clean, 1 errors found (or more warnings
 * than --max-warnings), 2 usage or I/O problem (one line on stderr, no stack trace).
 */
import { writeFile } from 'node:fs/promises';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { RULES, type SeveritySetting } from '../service/index';
import { settingNamed } from '../service/config/settingsTable';
import { bookAbbreviations, lintBook } from './bookRuns';
import { baseService, contextFor, type CommonOptions } from './fileContext';
import { cspellWords, findTerms, formatTermText, termJson } from './termsCommands';
import { tuneV8ForOneLint } from './v8Tuning';
import { displayName, expandTargets, readLintable, UsageError } from './targets';
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
    case 'number':
      return option.argParser(parseCount);
    default:
      return option;
  }
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
    .addOption(settingOption('maxProblems'))
    .addOption(settingOption('scopes'))
    .addOption(settingOption('rules'))
    .addOption(settingOption('spelling'))
    .addOption(settingOption('defineGeneSymbols'))
    .addOption(settingOption('defineInLegends'))
    .addOption(settingOption('defineToolNames'))
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
