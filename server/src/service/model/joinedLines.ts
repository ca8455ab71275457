import type { DocumentModel } from './documentModel';

/**
 * The masked text with each line break inside a paragraph written as a space, offsets unchanged:
 * markdown joins a paragraph's lines, and so does a reader, so a name's context that a hard wrap
 * splits (`the SYNCHRON LX⏎System`) reads as one line. A break stays where the next line opens a
 * structure (a table row, a heading, a quotation, a list item: `|`, `#`, `>`, `*`, `+`, `-`, a
 * digit) or the line before ends a table row, and so does a blank line. Built once per model, and
 * only when a name reading asks.
 */
export function maskedWithLinesJoined(model: DocumentModel): string {
  let joined = joinedByModel.get(model);
  if (joined === undefined) joinedByModel.set(model, (joined = joinLines(model.prose.masked, model.text)));
  return joined;
}
const joinedByModel = new WeakMap<DocumentModel, string>();

/** `masked` with its paragraphs' line feeds as spaces, the structure read on `text` (the masking blanks list markers). */
function joinLines(masked: string, text: string): string {
  const pieces: string[] = [];
  let from = 0;
  for (let at = masked.indexOf('\n'); at >= 0; at = masked.indexOf('\n', at + 1)) {
    if (at === 0 || masked.charCodeAt(at - 1) === 0x0a || text.charCodeAt(at - 1) === 0x7c) continue;
    OPENS_PARAGRAPH_LINE.lastIndex = at + 1;
    if (!OPENS_PARAGRAPH_LINE.test(text)) continue;
    pieces.push(masked.slice(from, at), ' ');
    from = at + 1;
  }
  if (from === 0) return masked;
  pieces.push(masked.slice(from));
  return pieces.join('');
}
/** A line that goes on a paragraph: its first character after indentation opens no structure (`|`, `#`, `>`, a list marker, a digit). */
const OPENS_PARAGRAPH_LINE = /[ \t]*[^\s|#>*+\-\d]/uy;
