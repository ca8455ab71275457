/** A replacement in offsets of one text. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Keeps a set of edits that do not overlap one another, preferring earlier groups: a
 * group (the edits of one fix) is taken whole or not at all.
 */
export function nonOverlapping(groups: readonly (readonly OffsetEdit[])[]): OffsetEdit[] {
  const taken: OffsetEdit[] = [];
  const overlaps = (a: OffsetEdit, b: OffsetEdit) => a.start < b.end && b.start < a.end || (a.start === b.start && a.end === a.start && b.end === b.start);
  for (const group of groups) {
    if (group.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...group);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Applies non-overlapping edits to a text (edits are sorted here). */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) throw new RangeError(`overlapping or out-of-range edit at ${edit.start}`);
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}
