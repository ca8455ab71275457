import { lowerBound } from './sortedSearch';

/** A replacement in offsets of one text. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * Keeps a set of edits that do not overlap one another, preferring earlier groups: a
 * group (the edits of one fix) is taken whole or not at all. Taken edits are kept sorted,
 * so each check is a binary search.
 */
export function nonOverlapping(groups: readonly (readonly OffsetEdit[])[]): OffsetEdit[] {
  const taken: OffsetEdit[] = [];
  const clashes = (edit: OffsetEdit): boolean => {
    // The first taken edit whose start is >= the edit's.
    const at = lowerBound(taken.length, (k) => taken[k]!.start < edit.start);
    const before = taken[at - 1];
    if (before && (before.end > edit.start || (before.start === edit.start && before.end === edit.start))) return true;
    const after = taken[at];
    // Two insertions at one offset, or an edit reaching into the next one, clash.
    return after !== undefined && (after.start < edit.end || after.start === edit.start);
  };
  for (const group of groups) {
    if (group.some(clashes)) continue;
    // Edits within one group must not clash with each other either.
    const sorted = [...group].sort((a, b) => a.start - b.start);
    if (sorted.some((edit, i) => i > 0 && sorted[i - 1]!.end > edit.start)) continue;
    for (const edit of sorted) taken.splice(lowerBound(taken.length, (k) => taken[k]!.start < edit.start), 0, edit);
  }
  return taken;
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
