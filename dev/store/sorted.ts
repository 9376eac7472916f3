// Sorted arrays kept in order by binary search: VBase listings and Master Data sort indexes.
// An insertion shifts the array (O(n) memmove), which at 100,000 entries is still far cheaper
// than sorting per query.

export type Compare<T> = (a: T, b: T) => number

/** The first index whose item is not before `item`. */
export function lowerBound<T>(items: T[], item: T, compare: Compare<T>) {
  let low = 0
  let high = items.length

  while (low < high) {
    const mid = (low + high) >>> 1

    if (compare(items[mid], item) < 0) low = mid + 1
    else high = mid
  }

  return low
}

/** The first index whose item is after `item`. */
export function upperBound<T>(items: T[], item: T, compare: Compare<T>) {
  let low = 0
  let high = items.length

  while (low < high) {
    const mid = (low + high) >>> 1

    if (compare(items[mid], item) <= 0) low = mid + 1
    else high = mid
  }

  return low
}

export function insertSorted<T>(items: T[], item: T, compare: Compare<T>) {
  items.splice(lowerBound(items, item, compare), 0, item)
}

/** Removes the item equal to `item` (by `compare`), if there is one. */
export function removeSorted<T>(items: T[], item: T, compare: Compare<T>) {
  const at = lowerBound(items, item, compare)

  if (at < items.length && compare(items[at], item) === 0) items.splice(at, 1)
}

export const compareStrings: Compare<string> = (a, b) =>
  a < b ? -1 : a > b ? 1 : 0
