/**
 * Case of single UTF-16 code units, for the matchers that compare text unit by unit (the
 * term trie, the detector's chemical prefixes). A unit whose case mapping is longer than
 * one unit (`İ`) is left as it is; ASCII is answered at once, other units are remembered.
 */

const lowerCaseCache = new Map<number, number>();
const upperCaseCache = new Map<number, number>();

/** Lower case of one UTF-16 unit, as `toLowerCase` gives it when that is one unit (the Kelvin sign is `k`). */
export function lowerCaseUnit(unit: number): number {
  if (unit < 128) return unit >= 65 && unit <= 90 ? unit + 32 : unit;
  let lower = lowerCaseCache.get(unit);
  if (lower === undefined) {
    const mapped = String.fromCharCode(unit).toLowerCase();
    lower = mapped.length === 1 ? mapped.charCodeAt(0) : unit;
    lowerCaseCache.set(unit, lower);
  }
  return lower;
}

/** Upper case of one UTF-16 unit, as `toUpperCase` gives it when that is one unit. */
export function upperCaseUnit(unit: number): number {
  if (unit < 128) return unit >= 97 && unit <= 122 ? unit - 32 : unit;
  let upper = upperCaseCache.get(unit);
  if (upper === undefined) {
    const mapped = String.fromCharCode(unit).toUpperCase();
    upper = mapped.length === 1 ? mapped.charCodeAt(0) : unit;
    upperCaseCache.set(unit, upper);
  }
  return upper;
}
