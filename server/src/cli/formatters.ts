import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GENERATED_LIST_MARKER, RULES, type AbbreviationReport, type Severity, type TerminologyDiagnostic } from '../service/index';

/** Diagnostics of one file, in the shape of `carnk lint --format json`. */
export interface FileDiagnostics {
  file: string;
  diagnostics: TerminologyDiagnostic[];
}

/** Abbreviations of one file, in the shape of `carnk abbreviations --format json`. */
export interface FileAbbreviations extends AbbreviationReport {
  file: string;
}

/**
 * Output is made in pieces of about this many characters, each written before the next is
 * made: a file of 400,000 problems printed as one string took three copies of 170 MB (the
 * string, the string with its line break, the bytes written).
 */
const CHUNK_CHARS = 1 << 16;

/** Each item of `items` as `toJson` makes it, made when it is read. */
function* mapped<T>(items: Iterable<T>, toJson: (item: T) => unknown): Generator<unknown> {
  for (const item of items) yield toJson(item);
}

/** Marks where the skeleton holds streamed array `index` (a NUL never occurs in a file name or message). */
const holeMarker = (index: number): string => `\u0000carnk-stream-${index}\u0000`;
const HOLE = /"\\u0000carnk-stream-(\d+)\\u0000"/g;

/**
 * `JSON.stringify(value, null, 2)` in pieces, where `value` is `skeleton` with each
 * `holeMarker(i)` string replaced by the array `arrays[i]`: the small skeleton is written at
 * once, the large arrays an item at a time, so the whole text never exists as one string.
 */
export function* jsonChunks(skeleton: unknown, arrays: readonly Iterable<unknown>[]): Generator<string> {
  const text = JSON.stringify(skeleton, null, 2);
  let last = 0;
  for (const match of text.matchAll(HOLE)) {
    const at = match.index!;
    yield text.slice(last, at);
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let indent = lineStart;
    while (text.charCodeAt(indent) === 0x20) indent++;
    yield* arrayChunks(arrays[Number(match[1])]!, text.slice(lineStart, indent));
    last = at + match[0].length;
  }
  yield text.slice(last);
}

/** An array as `JSON.stringify` indents it when its line is indented by `indent`. */
function* arrayChunks(items: Iterable<unknown>, indent: string): Generator<string> {
  // A string in JSON holds no raw line break: every line break is indentation.
  const itemIndent = `\n${indent}  `;
  let chunk = '';
  let empty = true;
  for (const item of items) {
    chunk += `${empty ? '[' : ','}${itemIndent}${JSON.stringify(item, null, 2).replaceAll('\n', itemIndent)}`;
    empty = false;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield empty ? '[]' : `${chunk}\n${indent}]`;
}

/** Lines joined by line feeds, in pieces. */
function* joinedChunks(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  let first = true;
  for (const line of lines) {
    chunk += first ? line : `\n${line}`;
    first = false;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

/** The JSON contract of `carnk lint --format json` (documented in the README; keep stable). */
export function formatLintJson(results: FileDiagnostics[]): string {
  return [...lintJsonChunks(results)].join('');
}

/** {@link formatLintJson} in pieces, for writing as they are made. */
export function lintJsonChunks(results: FileDiagnostics[]): Generator<string> {
  const skeleton = results.map((result, index) => ({ file: result.file, diagnostics: holeMarker(index) }));
  const arrays = results.map((result) => mapped(result.diagnostics, (d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })));
  return jsonChunks(skeleton, arrays);
}

interface Colours {
  underline(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  bold(s: string): string;
}

/** ANSI colours, or identity functions when colour is off. */
export function colours(enabled: boolean): Colours {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { underline: wrap(4, 24), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), bold: wrap(1, 22) };
}

/** ESLint-style "stylish" output: a block per file, `line:col  severity  message  rule-id`, 1-based. */
export function formatStylish(results: FileDiagnostics[], colour: Colours = colours(false)): string {
  return [...stylishChunks(results, colour)].join('');
}

/** {@link formatStylish} in pieces, for writing as they are made. */
export function stylishChunks(results: FileDiagnostics[], colour: Colours = colours(false)): Generator<string> {
  return joinedChunks(stylishLines(results, colour));
}

function* stylishLines(results: FileDiagnostics[], colour: Colours): Generator<string> {
  let errors = 0;
  let warnings = 0;
  let others = 0;
  const place = (d: TerminologyDiagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1}`;
  const severityOf = (d: TerminologyDiagnostic) => (d.severity === 'error' ? colour.red('error') : d.severity === 'warning' ? colour.yellow('warning') : d.severity);
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    yield colour.underline(result.file);
    // The columns' widths first, each once: a row is made again when it is printed rather
    // than kept, since a file may have hundreds of thousands.
    let placeWidth = 0;
    let severityWidth = 0;
    for (const d of result.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else others++;
      placeWidth = Math.max(placeWidth, visibleLength(place(d)));
      severityWidth = Math.max(severityWidth, visibleLength(severityOf(d)));
    }
    for (const d of result.diagnostics) {
      yield `  ${colour.dim(pad(place(d), placeWidth))}  ${pad(severityOf(d), severityWidth)}  ${d.message}  ${colour.dim(d.code)}`;
    }
    yield '';
  }
  const total = errors + warnings + others;
  if (total > 0) {
    const summary = `\u2716 ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${others ? `, ${others} other` : ''})`;
    yield errors > 0 ? colour.red(colour.bold(summary)) : colour.yellow(colour.bold(summary));
  }
}

function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[\d+m/g, '').length;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleLength(s)));
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** The base that relative SARIF locations are resolved against, as GitHub code scanning and CodeQL name it. */
export const SARIF_SOURCE_ROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 with rule metadata and 1-based regions counted in UTF-16 code units. A file
 * under `sourceRoot` (an absolute folder, the working directory) is located by a relative
 * `uri` with `uriBaseId: %SRCROOT%`, and the run says where `%SRCROOT%` is
 * (`originalUriBaseIds`), as code scanning expects; a file elsewhere gets an absolute `file:`
 * URI, and standard input keeps its name.
 */
export function formatSarif(results: FileDiagnostics[], version: string, sourceRoot: string): string {
  return [...sarifChunks(results, version, sourceRoot)].join('');
}

/** {@link formatSarif} in pieces, for writing as they are made. */
export function sarifChunks(results: FileDiagnostics[], version: string, sourceRoot: string): Generator<string> {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const sarifResult = ({ d, artifactLocation }: { d: TerminologyDiagnostic; artifactLocation: { uri: string; uriBaseId?: string } }) => ({
    ruleId: d.code,
    ruleIndex: ruleIndex.get(d.code) ?? -1,
    level: SARIF_LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
        },
      },
    ],
  });
  // The results of every file are one array; each item is made when it is written.
  function* located(): Generator<{ d: TerminologyDiagnostic; artifactLocation: { uri: string; uriBaseId?: string } }> {
    for (const result of results) {
      const artifactLocation = sarifArtifactLocation(result.file, sourceRoot);
      for (const d of result.diagnostics) yield { d, artifactLocation };
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'carnk',
            version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { [SARIF_SOURCE_ROOT]: { uri: folderUri(sourceRoot) } },
        columnKind: 'utf16CodeUnits',
        results: holeMarker(0),
      },
    ],
  };
  return jsonChunks(sarif, [mapped(located(), sarifResult)]);
}

/** Where a file shown as `file` lies: relative to `%SRCROOT%` when inside `sourceRoot`. */
function sarifArtifactLocation(file: string, sourceRoot: string): { uri: string; uriBaseId?: string } {
  if (file === '<stdin>') return { uri: toUriReference(file) };
  const inside = relative(sourceRoot, resolve(sourceRoot, file));
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return { uri: pathToFileURL(resolve(sourceRoot, file)).href };
  return { uri: toUriReference(inside), uriBaseId: SARIF_SOURCE_ROOT };
}

/** A folder as an absolute `file:` URI ending in a slash, as SARIF asks of a base URI. */
function folderUri(folder: string): string {
  const href = pathToFileURL(resolve(folder)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A relative path as a SARIF URI reference (forward slashes, percent-encoded). */
function toUriReference(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** The JSON contract of `carnk abbreviations --format json` (documented in the README; keep stable). */
export function formatAbbreviationsJson(results: FileAbbreviations[]): string {
  return JSON.stringify(
    results.map((r) => ({ file: r.file, definitions: r.definitions, undefined: r.undefined })),
    null,
    2,
  );
}

/** One row per definition: file, short, long, scope, 1-based line and column. */
export function formatAbbreviationsTsv(results: FileAbbreviations[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const rows = ['file\tshort\tlong\tscope\tline\tcolumn'];
  for (const r of results) {
    for (const d of r.definitions) {
      rows.push([(d as { file?: string }).file ?? r.file, d.short, d.long, d.scope, d.range.start.line + 1, d.range.start.character + 1].map((v) => clean(String(v))).join('\t'));
    }
  }
  return rows.join('\n');
}

/**
 * A sorted markdown table of each file's abbreviations (first definition of each key, main text
 * first), under a first line that marks the output as generated, so that a Quarto
 * `{{< include >}}` of it is neither linted nor read as definitions.
 */
export function formatAbbreviationsMarkdown(results: FileAbbreviations[]): string {
  const parts: string[] = [GENERATED_LIST_MARKER, ''];
  for (const r of results) {
    const chosen = new Map<string, { short: string; long: string }>();
    const order = (scope: string) => (scope === 'main' || scope === 'document' ? 0 : scope === 'abstract' ? 1 : 2);
    const sorted = [...r.definitions].sort((a, b) => order(a.scope) - order(b.scope));
    for (const d of sorted) if (!chosen.has(d.key)) chosen.set(d.key, { short: d.key, long: d.long.replace(/\s+/g, ' ') });
    const rows = [...chosen.values()].sort((a, b) => a.short.localeCompare(b.short, 'en', { sensitivity: 'base' }));
    if (results.length > 1) parts.push(`## ${r.file}`, '');
    parts.push('| Abbreviation | Definition |', '|---|---|');
    for (const row of rows) parts.push(`| ${row.short.replace(/\|/g, '\\|')} | ${row.long.replace(/\|/g, '\\|')} |`);
    parts.push('');
  }
  return parts.join('\n');
}
