import type { DocumentModel } from './documentModel';

/**
 * The masked text with each line break inside a paragraph written as a space, offsets unchanged:
 * markdown joins a paragraph's lines, and so does a reader, so a name's context that a hard wrap
 * splits (`the SYNCHRON LX⏎System`) reads as one line. A break stays where the next line opens a
 * structure (a heading, a quotation, a list item: `#`, `>`, `- `, `* `, `+ `, `1. `, `1) `) or
 * either line holds a `|` (a table's row, with or without its outer pipes) or the line before is
 * a heading, and so does a blank line. A carriage return before the line feed becomes a space too. Built once per model, and
 * only when a name reading asks.
 */
export function maskedWithLinesJoined(model: DocumentModel): string {
  let joined = joinedByModel.get(model);
  if (joined === undefined) joinedByModel.set(model, (joined = joinLines(model.prose.masked, model.text)));
  return joined;
}
const joinedByModel = new WeakMap<DocumentModel, string>();

/** `masked` with its paragraphs' line breaks as spaces, the structure read on `text` (the masking blanks list markers). */
function joinLines(masked: string, text: string): string {
  const pieces: string[] = [];
  let from = 0;
  let lineStart = 0;
  for (let at = masked.indexOf('\n'); at >= 0; at = masked.indexOf('\n', at + 1)) {
    const breakStart = at > 0 && masked.charCodeAt(at - 1) === 0x0d ? at - 1 : at;
    const line = text.slice(lineStart, breakStart);
    lineStart = at + 1;
    if (!/\S/u.test(line) || line.includes('|') || HEADING.test(line)) continue;
    const nextEnd = text.indexOf('\n', at + 1);
    const next = text.slice(at + 1, nextEnd < 0 ? text.length : nextEnd);
    if (!/\S/u.test(next) || next.includes('|') || OPENS_STRUCTURE.test(next)) continue;
    pieces.push(masked.slice(from, breakStart), at === breakStart ? ' ' : '  ');
    from = at + 1;
  }
  if (from === 0) return masked;
  pieces.push(masked.slice(from));
  return pieces.join('');
}
/** A heading's line: what follows it starts a block of its own. */
const HEADING = /^[ \t]{0,3}#/u;
/** A line that opens a heading, a quotation or a list item, after its indentation. */
const OPENS_STRUCTURE = /^[ \t]*(?:[#>]|(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$))/u;
