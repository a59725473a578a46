/**
 * The timeline's one binary search. Everything the timeline looks up by
 * position is sorted (orders, positions on an axis, rows by height, times
 * of instants), so every "where is x" is this search, with a key.
 */

/**
 * Index of the first of `length` items whose `key(i)` is ≥ `v` (or > `v`
 * with `strict`), in items sorted by that key; `length` if none is.
 * @example
 * lowerBound(rows.length, y, (i) => rows[i].y + rows[i].h, true); // first row whose bottom is below y
 */
export function lowerBound(length: number, v: number, key: (i: number) => number, strict = false): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const k = key(mid);
    if (k < v || (strict && k === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of a sorted array > `v` (`arr.length` if none). */
export function upperBound(arr: ArrayLike<number>, v: number): number {
  return lowerBound(arr.length, v, (i) => arr[i], true);
}

/** Index of the last element of a sorted array ≤ `v`, or -1. */
export function lastAtOrBefore(arr: ArrayLike<number>, v: number): number {
  return upperBound(arr, v) - 1;
}
