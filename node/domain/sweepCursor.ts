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
