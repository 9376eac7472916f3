// Field values of Master Data documents: reading a (dotted) field, and one total order for
// sorting and range filters.

export type Doc = Record<string, unknown>

/** `doc.a.b` for "a.b"; a field whose own name has a dot wins. */
export function fieldValue(doc: Doc, field: string): unknown {
  if (field in doc || !field.includes('.')) return doc[field]
  let value: unknown = doc

  for (const part of field.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Doc)[part]
  }

  return value
}

/** Absent, null and [] are all "null" to a filter or a sort, as in a search index. */
export const isMissing = (value: unknown) =>
  value === undefined ||
  value === null ||
  (Array.isArray(value) && value.length === 0)

const rank = (value: unknown) =>
  typeof value === 'boolean'
    ? 0
    : typeof value === 'number'
    ? 1
    : typeof value === 'string'
    ? 2
    : 3

/** Booleans, then numbers, then strings, then anything else (by its JSON). */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a)
  const rb = rank(b)

  if (ra !== rb) return ra - rb
  if (ra === 3) {
    const ja = JSON.stringify(a)
    const jb = JSON.stringify(b)

    return ja < jb ? -1 : ja > jb ? 1 : 0
  }

  const va = a as number | string | boolean
  const vb = b as number | string | boolean

  return va < vb ? -1 : va > vb ? 1 : 0
}

/** A sort key: arrays sort by their first item. */
export const sortKey = (value: unknown) =>
  Array.isArray(value) ? value[0] : value
