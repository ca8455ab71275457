import { lowerBound } from './sortedSearch';
import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Converts between string offsets (UTF-16 code units) and LSP positions
 * (zero-based line, UTF-16 character). Lines end at `\n`, `\r\n` or a lone `\r`,
 * as in LSP and VS Code.
 */
export class LineIndex {
  /** Offset at which each line starts. */
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // Line feeds only (most texts): the string search finds each, much faster than a loop
      // over every character, above all in a fresh process before the loop is optimised.
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** Number of lines (an empty text has one). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of the first character of `line` (clamped to the text). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    return this.lineStarts[line]!;
  }

  /** Offset just after the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length - 1) return this.text.length;
    let end = this.lineStarts[line + 1]!;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The zero-based line holding `offset`. */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    return Math.max(0, lowerBound(starts.length, (line) => starts[line]! <= offset) - 1);
  }

  /** LSP position of `offset`, clamped into the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.lineStarts[line]! };
  }

  /** Offset of an LSP position, clamped into its line as LSP prescribes. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const end = this.lineEnd(position.line);
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  /** LSP range of the offsets `[start, end)`. */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
