/**
 * The text inside the round bracket around `[start, end)`, or undefined when no bracket opens
 * within `reachBefore` characters before it (none closing between) and closes within
 * `reachAfter` after it (none opening between). Read within those windows only: a text with few
 * brackets must not send each search to its ends.
 */
export function bracketAround(masked: string, start: number, end: number, reachBefore: number, reachAfter: number): string | undefined {
  const before = masked.slice(Math.max(0, start - reachBefore), start);
  const open = before.lastIndexOf('(');
  if (open < 0 || before.includes(')', open)) return undefined;
  const after = masked.slice(end, end + reachAfter);
  const close = after.indexOf(')');
  if (close < 0 || after.lastIndexOf('(', close) >= 0) return undefined;
  return before.slice(open + 1) + masked.slice(start, end) + after.slice(0, close);
}
