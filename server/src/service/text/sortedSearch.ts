/**
 * The first index in `[0, length)` for which `isBefore` is false, where `isBefore` holds for a
 * prefix of the indices (a sorted array searched by binary search).
 */
export function lowerBound(length: number, isBefore: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (isBefore(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
