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

/** The JSON contract of `carnk lint --format json` (documented in the README; keep stable). */
export function formatLintJson(results: FileDiagnostics[]): string {
  const out = results.map((result) => ({
    file: result.file,
    diagnostics: result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: d.range })),
  }));
  return JSON.stringify(out, null, 2);
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
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    lines.push(colour.underline(result.file));
    const rows = result.diagnostics.map((d) => {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else others++;
      const severity = d.severity === 'error' ? colour.red('error') : d.severity === 'warning' ? colour.yellow('warning') : d.severity;
      return [`${d.range.start.line + 1}:${d.range.start.character + 1}`, severity, d.message, d.code];
    });
    const width = (k: number) => Math.max(...rows.map((r) => visibleLength(r[k]!)));
    for (const row of rows) {
      lines.push(`  ${colour.dim(pad(row[0]!, width(0)))}  ${pad(row[1]!, width(1))}  ${row[2]}  ${colour.dim(row[3]!)}`);
    }
    lines.push('');
  }
  const total = errors + warnings + others;
  if (total > 0) {
    const summary = `\u2716 ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${others ? `, ${others} other` : ''})`;
    lines.push(errors > 0 ? colour.red(colour.bold(summary)) : colour.yellow(colour.bold(summary)));
  }
  return lines.join('\n');
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
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
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
        results: results.flatMap((result) => {
          const artifactLocation = sarifArtifactLocation(result.file, sourceRoot);
          return result.diagnostics.map((d) => ({
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
          }));
        }),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
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
