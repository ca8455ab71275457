import type { LineIndex } from '../text/lineIndex';
import type { Span } from './inlineExclusions';

/**
 * A figure or table caption written as an option of an executable code cell: Quarto's
 * `#| fig-cap: "…"` (also `tbl-cap`, and each item of `fig-subcap`/`tbl-subcap`) or knitr's
 * `{r name, fig.cap = "…"}` in the chunk header. It is the legend of the figure or table the
 * cell makes, so it is prose in that legend's scope though it sits inside code.
 */
export interface CellCaption extends Span {
  /** The cell's label (`#| label: fig-kill`, or the knitr chunk name), else `code cell at line N`. */
  label: string;
  /** Parts of the caption's span that are not prose: the `#|` comment markers of a value on several lines. */
  markers: Span[];
  /** A table's caption (`tbl-cap`, `tbl-subcap`, `tab.cap`), which a note under the cell may go on. */
  table: boolean;
}
/** The options that caption a table. */
const TABLE_OPTIONS = new Set(['tbl-cap', 'tbl-subcap', 'tab.cap']);

/** An executable cell's info string: `{r}`, `{python}`, `{r name, fig.cap = "…"}`. */
const EXECUTABLE_CELL = /^\{[A-Za-z][\w-]*/;
/** The options a cell's caption is written in. */
const CAPTION_OPTIONS = new Set(['fig-cap', 'tbl-cap', 'fig-subcap', 'tbl-subcap', 'fig.cap', 'tab.cap', 'fig.subcap']);
/** The comment marker that opens a cell option line, in the cell's language: `#|`, `//|`, `--|`, `%%|`. */
const MARKER = String.raw`[ \t]*(?:#|\/\/|--|%%)\|`;
/** A cell option line: the marker, the option name, the rest. */
const OPTION_LINE = new RegExp(String.raw`^(${MARKER}([ \t]*))([\w.-]+)[ \t]*:[ \t]*(.*)$`);
/** A continuation line of an option value: the marker, then indentation. */
const CONTINUATION = new RegExp(String.raw`^(${MARKER})([ \t]+)(.*)$`);
/** An item of a block list: the marker, indentation, `- `. */
const LIST_ITEM = new RegExp(String.raw`^(${MARKER}([ \t]*)-[ \t]+)(.*)$`);

/** Options that keep a cell's results out of the document (Quarto `output`, `include`; `echo` hides only the code). */
const HIDING_OPTIONS = new Set(['output', 'include']);
/** A false value as YAML or R writes it: `false`, `FALSE`, `no`, `F`. */
const FALSE_VALUE = /^["']?(?:false|False|FALSE|no|No|NO|F)["']?$/;
/** knitr's `include = FALSE` in the chunk header. */
const HEADER_EXCLUDES = /[ \t,]include[ \t]*=[ \t]*(?:FALSE|F)\b/;

/**
 * The captions of the code cell that the fence token spanning lines `firstLine` to
 * `endLine` (exclusive; the fences included) holds, with `info` its info string.
 * A caption computed by code (`fig.cap = paste(…)`, `#| fig-cap: !expr …`) is not text and is left out,
 * and so are the captions of a cell whose results are never printed (`#| output: false`,
 * `#| include: false`, knitr's `include = FALSE`): no figure, so no legend.
 */
export function cellCaptions(text: string, lines: LineIndex, info: string, firstLine: number, endLine: number): CellCaption[] {
  if (!EXECUTABLE_CELL.test(info.trim())) return [];
  const captions: { start: number; end: number; markers: Span[] }[] = [];
  let table = false;
  let label: string | undefined;
  const headerStart = lines.lineStart(firstLine);
  const header = text.slice(headerStart, lines.lineEnd(firstLine));
  const chunk = /^[ \t]*(?:`{3,}|~{3,})[ \t]*\{[A-Za-z][\w-]*(?:[ \t]*[ \t,][ \t]*([\w.-]+)(?=[ \t]*(?:,|\}[ \t]*$)))?/.exec(header);
  if (chunk?.[1] && !chunk[1].includes('=')) label = chunk[1];
  if (HEADER_EXCLUDES.test(header)) return [];
  let hidden = false;
  let notEvaluated = false;
  for (const option of header.matchAll(/\b(fig\.cap|tab\.cap|fig\.subcap)[ \t]*=[ \t]*(["'])/g)) {
    table ||= TABLE_OPTIONS.has(option[1]!);
    const open = headerStart + option.index + option[0].length;
    const close = closingQuote(text, open, headerStart + header.length, option[2]!);
    if (close > open) captions.push({ start: open, end: close, markers: [] });
  }
  // Options sit at the top of the cell body, one per line.
  let line = firstLine + 1;
  while (line < endLine - 1) {
    const lineStart = lines.lineStart(line);
    const option = OPTION_LINE.exec(text.slice(lineStart, lines.lineEnd(line)));
    if (!option) break;
    const indent = option[2]!.length;
    const name = option[3]!;
    const value = option[4]!;
    const valueStart = lineStart + option[0].length - value.length;
    line++;
    if (name === 'label') label = value.trim().replace(/^["']|["']$/g, '');
    if (HIDING_OPTIONS.has(name) && FALSE_VALUE.test(value.trim())) hidden = true;
    if (name === 'eval' && FALSE_VALUE.test(value.trim())) notEvaluated = true;
    if (!CAPTION_OPTIONS.has(name)) continue;
    table ||= TABLE_OPTIONS.has(name);
    if (/^[|>][+-]?\s*$/.test(value)) line = readBlockScalar(text, lines, line, endLine - 1, indent, captions);
    else if (value.trim() === '') line = readBlockList(text, lines, line, endLine - 1, indent, captions);
    else readInlineValue(text, valueStart, valueStart + value.length, captions);
  }
  if (hidden) return [];
  const name = label ?? `code cell at line ${firstLine + 1}`;
  const found: CellCaption[] = captions.map((caption) => ({ ...caption, label: name, table }));
  // A table printed by the code: only R's (knitr's), and only code that runs.
  if (R_CELL.test(info.trim()) && !notEvaluated && !NOT_EVALUATED_IN_HEADER.test(header)) {
    for (const caption of callCaptions(text, lines.lineStart(line), lines.lineStart(endLine - 1))) found.push({ ...caption, markers: [], label: name, table: true });
  }
  return found;
}

/**
 * The captions given as literal strings to the calls that draw tables in an R cell's code
 * (`knitr::kable(x, caption = "…")`, `kbl(…, caption = '…')`, `datatable(…, caption = "…")`):
 * the printed table's legend, as a chunk option's would be. A string built by code (`caption =
 * paste(…)`), a text reference (`caption = "(ref:tab-x)"`, read where its text is written) and a
 * commented-out line are not. Reads `text[from, to)`.
 */
function callCaptions(text: string, from: number, to: number): Span[] {
  const found: Span[] = [];
  const code = text.slice(from, to);
  for (const argument of code.matchAll(CAPTION_ARGUMENT)) {
    if (!opensArgument(code, argument.index) || isCommentedOut(code, argument.index)) continue;
    const open = from + argument.index + argument[0].length;
    const close = closingQuote(text, open, to, argument[1]!);
    if (close <= open || text.startsWith('(ref:', open) || text.slice(open, close).includes('\n')) continue;
    found.push({ start: open, end: close });
  }
  return found;
}
/** `caption = "` as a call's argument, which {@link opensArgument} checks. */
const CAPTION_ARGUMENT = /\bcaption[ \t]*=[ \t]*(["'])/g;
/** How much white space may stand between an argument and the `(` or `,` before it. */
const ARGUMENT_INDENT = 40;
/** An R cell's info string: `{r}`, `{r tab-de, echo = FALSE}`. */
const R_CELL = /^\{[rR](?![\w-])/;
/** knitr's `eval = FALSE` in the chunk header: the code is shown, not run. */
const NOT_EVALUATED_IN_HEADER = /[ \t,]eval[ \t]*=[ \t]*(?:FALSE|F)\b/;

/** True when what stands before `at`, white space aside, opens an argument: `(` or `,`. */
function opensArgument(code: string, at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - ARGUMENT_INDENT); k--) {
    const c = code[k]!;
    if (c === '(' || c === ',') return true;
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return false;
  }
  return false;
}

/** True when the line holding `at` is an R comment (`# kable(old, caption = "…")`) up to `at`. */
function isCommentedOut(code: string, at: number): boolean {
  const lineStart = code.lastIndexOf('\n', at - 1) + 1;
  return code.slice(lineStart, at).includes('#');
}

/** Index of the quote closing a string opened just before `open` (backslash escapes; `''` in single quotes), or -1. */
function closingQuote(text: string, open: number, end: number, quote: string): number {
  for (let k = open; k < end; k++) {
    const c = text[k];
    if (c === '\\' && quote === '"') k++;
    else if (c === quote) {
      if (quote === "'" && text[k + 1] === "'") k++;
      else return k;
    }
  }
  return -1;
}

/** A value on the option's own line: a quoted or plain string, or a flow list of them (`["A", "B"]`). */
function readInlineValue(text: string, start: number, end: number, captions: { start: number; end: number; markers: Span[] }[]): void {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const first = text[start];
  if (first === '!') return; // `!expr …`: computed by code
  if (first === '[') {
    for (let k = start + 1; k < end; k++) {
      const c = text[k];
      if (c !== '"' && c !== "'") continue;
      const close = closingQuote(text, k + 1, end, c);
      if (close < 0) return;
      if (close > k + 1) captions.push({ start: k + 1, end: close, markers: [] });
      k = close;
    }
    return;
  }
  if (first === '"' || first === "'") {
    const close = closingQuote(text, start + 1, end, first);
    if (close > start + 1) captions.push({ start: start + 1, end: close, markers: [] });
    return;
  }
  if (end > start) captions.push({ start, end, markers: [] });
}

/** A block scalar (`#| fig-cap: |`): the option lines indented deeper than the option, as one caption; returns the next line. */
function readBlockScalar(text: string, lines: LineIndex, line: number, last: number, indent: number, captions: { start: number; end: number; markers: Span[] }[]): number {
  const markers: Span[] = [];
  let start = -1;
  let end = -1;
  for (; line < last; line++) {
    const lineStart = lines.lineStart(line);
    const continuation = CONTINUATION.exec(text.slice(lineStart, lines.lineEnd(line)));
    if (!continuation || continuation[2]!.length <= indent) break;
    const contentStart = lineStart + continuation[1]!.length + continuation[2]!.length;
    if (start < 0) start = contentStart;
    else markers.push({ start: lineStart, end: contentStart });
    end = lines.lineEnd(line);
  }
  if (start >= 0 && end > start) captions.push({ start, end, markers });
  return line;
}

/** A block list (`#| fig-subcap:` then `#|   - "A"` lines): each item a caption; returns the next line. */
function readBlockList(text: string, lines: LineIndex, line: number, last: number, indent: number, captions: { start: number; end: number; markers: Span[] }[]): number {
  for (; line < last; line++) {
    const lineStart = lines.lineStart(line);
    const content = text.slice(lineStart, lines.lineEnd(line));
    const item = LIST_ITEM.exec(content);
    if (!item || item[2]!.length < indent) break;
    const start = lineStart + item[1]!.length;
    readInlineValue(text, start, start + item[3]!.length, captions);
  }
  return line;
}
