import assert from 'node:assert/strict';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../../server/src/service/index';
import { LineIndex } from '../../server/src/service/text/lineIndex';

/** The LSP position of the `n`-th occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, n = 0, delta = 0): Position {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `'${needle}' #${n} in the text`);
  return new LineIndex(text).positionAt(at + delta);
}

/** Applies LSP text edits to `text`. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  return applyEdits(text, edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })));
}
