/** Small coercions for loosely typed upstream JSON. */

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Strings stay strings, numbers and booleans become strings, anything else is null. */
export function toText(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return String(value)

  return null
}

/** An empty (or missing) text is no text: null. */
export const nonEmpty = (text: string | null | undefined): string | null =>
  text === undefined || text === '' ? null : text

/** Numbers, and numeric strings such as "10.50" or "10,50", become numbers; the rest null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string') return null

  const trimmed = value.trim().replace(',', '.')

  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return null

  const parsed = Number(trimmed)

  return Number.isFinite(parsed) ? parsed : null
}

/** Arrays stay arrays (of records only); missing or malformed becomes []. */
export const toRecords = (value: unknown): Array<Record<string, unknown>> =>
  Array.isArray(value) ? value.filter(isRecord) : []
