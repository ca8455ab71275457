/**
 * Range markers for table-driven tests: `«` and `»` around the text a test expects
 * a range on, `|` (with `cursor: true`) for a cursor. The markers are removed and
 * their offsets in the clean text returned.
 */
export interface MarkedText {
  text: string;
  ranges: { start: number; end: number }[];
  cursor?: number;
}

/** Strips `«…»` range markers (and a `|` cursor when asked) and reports their offsets. */
export function parseMarked(source: string, options: { cursor?: boolean } = {}): MarkedText {
  let text = '';
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  let cursor: number | undefined;
  for (const ch of source) {
    if (ch === '«') open.push(text.length);
    else if (ch === '»') ranges.push({ start: open.pop() ?? 0, end: text.length });
    else if (ch === '|' && options.cursor && cursor === undefined) cursor = text.length;
    else text += ch;
  }
  ranges.sort((a, b) => a.start - b.start);
  const result: MarkedText = { text, ranges };
  if (cursor !== undefined) result.cursor = cursor;
  return result;
}
