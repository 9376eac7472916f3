/** Where the last sweep stopped: the next starts after it, so every stale order gets its turn. */
export interface SweepCursor {
  since: string | null
  /** Orders already asked that share `since` (a date alone is not a position). */
  done: string[]
}

export const START: SweepCursor = { since: null, done: [] }

/** The cursor after `asked` (started in `since` order). */
export function advance(
  cursor: SweepCursor,
  asked: Array<{ orderId: string; since?: string | null }>
): SweepCursor {
  const last = asked[asked.length - 1]?.since

  if (!last) return cursor
  const atLast = asked
    .filter((summary) => summary.since === last)
    .map((summary) => summary.orderId)

  return {
    since: last,
    done: last === cursor.since ? [...cursor.done, ...atLast] : atLast,
  }
}

/** The longest an unchanged order waits between two asks, however long it has been idle. */
export const MAX_RECHECK_MS = 24 * 3_600_000

/**
 * When the sweep may ask again about an order it asked at `now` and found unchanged: after a
 * quarter of the time the order has been idle, at least `sweepAfterMinutes`, at most a day.
 * Orders stuck for days then cost a few asks a day instead of one every cycle, and cannot hold
 * back the orders that just went quiet.
 */
export function nextCheckAt(
  since: string | null | undefined,
  now: Date,
  sweepAfterMinutes: number
): string {
  const idleMs = Math.max(0, now.getTime() - Date.parse(since ?? '')) || 0
  const waitMs = Math.min(
    MAX_RECHECK_MS,
    Math.max(sweepAfterMinutes * 60_000, idleMs / 4)
  )

  return new Date(now.getTime() + waitMs).toISOString()
}

/**
 * Master Data's `_where` for the orders the sweep should ask about, from the cursor on: not
 * finished, idle since before `cutoff`, and never asked or due again at `now`. Master Data has
 * no >=: from the cursor (inclusive) up to the cutoff.
 */
export function staleOrdersWhere(
  cursor: SweepCursor,
  cutoff: string,
  now: string
): string {
  const idle = cursor.since
    ? `since between ${cursor.since} AND ${cutoff}`
    : `since<${cutoff}`

  return `final=false AND ${idle} AND (nextCheckAt is null OR nextCheckAt<${now})`
}
