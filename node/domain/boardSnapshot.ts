/**
 * The board as last counted, shared by every replica and every admin (kept in VBase): a poll
 * reads it instead of asking Master Data its 33 counts, and at most one replica at a time
 * counts again once it ages.
 */

/** Served as it is: an admin polling every 30 s sees counts at most this old without a note. */
export const FRESH_MS = 10_000
/** Served while one replica counts again; older than this, the caller counts itself. */
export const STALE_MS = 120_000
/** A replica that claimed the refresh and did not save within this has died or hung. */
export const CLAIM_MS = 30_000

export interface BoardStatusCount {
  status: string
  count: number
  late: number
}

/** The counts the board shows, as of `updatedAt` (when they were computed). */
export interface BoardCounts {
  updatedAt: string
  statuses: BoardStatusCount[]
  late: number
  drift: number
}

export interface RefreshClaim {
  id: string
  at: string
}

export interface BoardSnapshot {
  /** The settings the counts were made with (`boardKey`). */
  key: string
  board: BoardCounts
  /** A replica counting again since `at`. */
  refreshClaim?: RefreshClaim
}

export type SnapshotUse = 'serve' | 'serve-and-refresh' | 'compute'

/** Bumped when the board's rules change, so that a deploy does not serve the old counts. */
const RULES_VERSION = 1

/**
 * The settings that shape the board (time limits in force, final-status window) as a stable
 * string: after a settings change the stored snapshot no longer matches and is not served.
 */
export function boardKey(
  limits: Readonly<Record<string, number>>,
  windowDays: number
): string {
  const sorted = Object.keys(limits)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((status) => [status, limits[status]])

  return JSON.stringify([RULES_VERSION, windowDays, sorted])
}

/** Milliseconds since `at`; null when `at` is unreadable or well ahead of this clock. */
function ageOf(at: string, now: number): number | null {
  const age = now - Date.parse(at)

  // Replicas' clocks differ a little; a time far in the future would be served for as long.
  if (Number.isNaN(age) || age < -FRESH_MS) return null

  return Math.max(0, age)
}

/**
 * What to do with the stored snapshot for a caller with the settings `key`; `fresh`: the
 * caller asks for a new count.
 */
export function snapshotUse(
  snapshot: BoardSnapshot | null,
  { key, fresh }: { key: string; fresh: boolean },
  now: number
): SnapshotUse {
  if (fresh || !snapshot || snapshot.key !== key) return 'compute'
  const age = ageOf(snapshot.board.updatedAt, now)

  if (age === null || age > STALE_MS) return 'compute'

  return age <= FRESH_MS ? 'serve' : 'serve-and-refresh'
}

/** Whether another replica is counting now (a claim older than CLAIM_MS is void). */
export function refreshClaimed(
  snapshot: BoardSnapshot | null,
  now: number
): boolean {
  const claim = snapshot?.refreshClaim

  if (!claim) return false
  const age = ageOf(claim.at, now)

  return age !== null && age <= CLAIM_MS
}
