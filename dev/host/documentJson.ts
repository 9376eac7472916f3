/**
 * The JSON of a document whose parts are shared with its earlier versions. An order's history
 * or the recent list gains one entry per write and keeps the others as they were, so the text
 * of each entry is remembered: a write serializes only what is new. The text is what
 * `JSON.stringify` gives for the same value.
 *
 * Remembered values (those below the document's lists: the entries) are deep-frozen, so that
 * their text can never go stale. The document and its lists are not: V8 runs array operations
 * (slice, spread, some) on frozen arrays many times slower, and the domain never changes a
 * document it was given anyway (it builds a new one).
 *
 * The text is kept on the entry itself, not in a WeakMap: with tens of thousands of entries a
 * WeakMap lookup cost more than serializing the entry again. The property is a non-enumerable
 * symbol, so spreads, keys and JSON leave it out.
 */
const TEXT = Symbol('documentJson.text')

type Remembered = { [TEXT]?: string }

/** The document is depth 0, its lists 1, their items 2. */
const REMEMBERED_DEPTH = 2

const isSkipped = (value: unknown) =>
  value === undefined ||
  typeof value === 'function' ||
  typeof value === 'symbol'

/** Freezes all of it, even parts frozen before: one frozen on the outside only could change. */
function deepFreeze(value: object) {
  Object.freeze(value)
  for (const key in value) {
    const child: unknown = (value as Record<string, unknown>)[key]

    if (typeof child === 'object' && child !== null) deepFreeze(child)
  }
}

/**
 * The text of `value`. Pieces are joined with `+`: V8 keeps the result as a rope until it is
 * written out, which measured cheaper than collecting them in an array for one join.
 */
function serialize(value: unknown, depth: number): string {
  if (typeof value !== 'object' || value === null) {
    return JSON.stringify(value) ?? 'null'
  }

  // A value with toJSON (a Date) can change behind a freeze: serialized every time.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.stringify(value) ?? 'null'
  }

  if (depth >= REMEMBERED_DEPTH) {
    const known = (value as Remembered)[TEXT]

    if (known !== undefined) return known

    const text = JSON.stringify(value)

    // Frozen, so that the text can never go stale; a frozen value (frozen elsewhere, or
    // before) can take no property, and is simply serialized again next time.
    if (!Object.isFrozen(value)) {
      Object.defineProperty(value, TEXT, { value: text })
      deepFreeze(value)
    }

    return text
  }

  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    let text = '['

    // A loop, not map: holes must become null as they do in JSON.stringify.
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]

      if (i > 0) text += ','
      text += isSkipped(item) ? 'null' : serialize(item, depth + 1)
    }

    return `${text}]`
  }

  let text = ''
  const object = value as Record<string, unknown>

  for (const key of Object.keys(object)) {
    const item = object[key]

    if (!isSkipped(item)) {
      text += `${text ? ',' : '{'}${JSON.stringify(key)}:${serialize(
        item,
        depth + 1
      )}`
    }
  }

  return text ? `${text}}` : '{}'
}

export const documentJson = (value: unknown): string => serialize(value, 0)
