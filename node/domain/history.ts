import type { StatusNotification } from './notification'
import { notificationId } from './notification'
import { statusRank } from './statuses'

/** One accepted status change, as stored. */
export interface HistoryEntry {
  id: string
  orderId: string
  oldStatus: string | null
  newStatus: string
  hostname: string | null
  receivedAt: string
  occurredAt: string | null
  extra: Record<string, unknown>
}

/** The per-order document. `currentStatus` only moves forward (see `supersedes`). */
export interface OrderHistory {
  orderId: string
  currentStatus: string | null
  currentEntryId: string | null
  entries: HistoryEntry[]
}

/** Bounded, newest-first list of changes across orders. */
export interface RecentChanges {
  entries: HistoryEntry[]
}

/** ISO-8601 timestamps in UTC sort as plain strings (localeCompare is many times slower). */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export const MAX_ENTRIES_PER_ORDER = 500
/**
 * Recent changes are kept in shards by order: every webhook writes one shard, so replicas
 * contend less for one document. Few shards, because each write of a shard rewrites it whole:
 * measured with the webhook benchmark, 2 beat 1, 4 and 8. Each shard keeps its newest changes;
 * the newest `first` (at most 100) overall are always among the shards' newest 100.
 */
export const RECENT_SHARDS = 2
export const MAX_RECENT_ENTRIES = 100

/** The shard of an order (FNV-1a over its id). */
export function recentShard(orderId: string, shards = RECENT_SHARDS): number {
  let hash = 0x811c9dc5

  for (let i = 0; i < orderId.length; i++) {
    hash ^= orderId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }

  return (hash >>> 0) % shards
}

/** Newest arrival first: the order of the recent list. */
const newestFirst = (a: HistoryEntry, b: HistoryEntry) =>
  compareText(b.receivedAt, a.receivedAt)

/** One newest-first list out of the shards. */
export const mergeRecent = (shards: RecentChanges[]): RecentChanges => ({
  entries: shards.flatMap((shard) => shard.entries).sort(newestFirst),
})

export const toHistoryEntry = (
  notification: StatusNotification,
  receivedAt: Date
): HistoryEntry => ({
  id: notificationId(notification),
  orderId: notification.orderId,
  oldStatus: notification.oldStatus,
  newStatus: notification.newStatus,
  hostname: notification.hostname,
  receivedAt: receivedAt.toISOString(),
  occurredAt: notification.occurredAt,
  extra: notification.extra,
})

export const emptyHistory = (orderId: string): OrderHistory => ({
  orderId,
  currentStatus: null,
  currentEntryId: null,
  entries: [],
})

/**
 * Orders two timestamps. Stored ones come from `toISOString`: 24 characters ending in "Z" for
 * years 0-9999, which sort as text without parsing (every webhook call compares a few).
 * Anything else is parsed; an unparseable one gives NaN, as `Date.parse` does.
 */
function compareTimes(a: string, b: string): number {
  if (a.length === 24 && b.length === 24 && a[23] === 'Z' && b[23] === 'Z') {
    return compareText(a, b)
  }

  return Date.parse(a) - Date.parse(b)
}

const eventTime = (entry: HistoryEntry) => entry.occurredAt ?? entry.receivedAt

/**
 * Whether `incoming` should become the order's current status instead of `current`. A change
 * that starts where the order stands is taken; otherwise the payload dates decide when both
 * carry one, then the position in the flow. Late, stale notifications therefore never move
 * the status backwards, while a genuine step back (e.g. re-picking, which starts from the
 * current status) still does.
 */
export function supersedes(
  current: HistoryEntry | undefined,
  incoming: HistoryEntry
): boolean {
  if (!current) return true
  if (incoming.oldStatus !== null && incoming.oldStatus === current.newStatus) {
    return true
  }

  if (current.occurredAt && incoming.occurredAt) {
    return compareTimes(incoming.occurredAt, current.occurredAt) >= 0
  }

  const currentRank = statusRank(current.newStatus)
  const incomingRank = statusRank(incoming.newStatus)

  if (currentRank !== null && incomingRank !== null) {
    return incomingRank > currentRank
  }

  // An unknown status on either side: the latest to arrive wins.
  return true
}

const byEventTime = (a: HistoryEntry, b: HistoryEntry) =>
  compareTimes(eventTime(a), eventTime(b)) ||
  compareText(a.receivedAt, b.receivedAt)

/** Entries in the order they happened (payload date, else arrival). */
export const chronological = (entries: HistoryEntry[]): HistoryEntry[] =>
  [...entries].sort(byEventTime)

/**
 * A copy of sorted `entries` with `entry` in its place, after any equal ones (as a stable sort
 * would put it). Changes mostly arrive in order, so the walk from the end stops at once: every
 * webhook call pays one comparison instead of sorting the whole history.
 */
function insertSorted<T>(
  entries: readonly T[],
  entry: T,
  compare: (a: T, b: T) => number
): T[] {
  let index = entries.length

  while (index > 0 && compare(entries[index - 1], entry) > 0) index--

  return [...entries.slice(0, index), entry, ...entries.slice(index)]
}

export interface AppendResult {
  history: OrderHistory
  /** The change is now in the history. */
  added: boolean
  /** The change was in the history already. */
  redelivery: boolean
}

/**
 * Adds an entry unless it is a redelivery, or older than all an order at its bound keeps (then
 * it would be the first to go: the history stays as it was). Pure: returns a new document.
 */
export function appendEntry(
  history: OrderHistory,
  entry: HistoryEntry,
  maxEntries = MAX_ENTRIES_PER_ORDER
): AppendResult {
  if (history.entries.some((existing) => existing.id === entry.id)) {
    return { history, added: false, redelivery: true }
  }

  const current = history.entries.find(
    (existing) => existing.id === history.currentEntryId
  )

  const takesOver = supersedes(current, entry)
  // Stored histories are kept in order, so the new entry is inserted, not the whole sorted.
  // Oldest entries go first when an order exceeds the bound, never the current one.
  const entries = insertSorted(history.entries, entry, byEventTime)
  const overflow = entries.length - maxEntries
  const currentEntryId = takesOver ? entry.id : history.currentEntryId
  // When the current entry is among the oldest, it takes the place of one more old entry.
  const currentIndex = entries.findIndex(
    (candidate) => candidate.id === currentEntryId
  )

  const cut =
    currentIndex >= 0 && currentIndex < overflow ? overflow + 1 : overflow

  const kept =
    overflow > 0
      ? entries.filter(
          (candidate, index) => index >= cut || candidate.id === currentEntryId
        )
      : entries

  if (overflow > 0 && !kept.includes(entry)) {
    return { history, added: false, redelivery: false }
  }

  return {
    added: true,
    redelivery: false,
    history: {
      orderId: history.orderId,
      currentStatus: takesOver ? entry.newStatus : history.currentStatus,
      currentEntryId,
      entries: kept,
    },
  }
}

/**
 * Adds entries to the recent list (newest arrival first, bounded) unless it lists them already
 * (by id): idempotent, as the group commit needs (it may apply a change again to a newer
 * version of the list). The list is kept sorted, so the new entries are merged in, in one pass
 * for a whole batch. `added` names those now listed (an entry older than all the list keeps is
 * not).
 */
export function addRecent(
  recent: RecentChanges,
  incoming: HistoryEntry[],
  max = MAX_RECENT_ENTRIES
): { recent: RecentChanges; added: string[] } {
  const listed = new Set<string>()

  for (const entry of recent.entries) listed.add(entry.id)
  const fresh = incoming
    .filter((entry) => {
      if (listed.has(entry.id)) return false
      listed.add(entry.id)

      return true
    })
    .sort(newestFirst)

  if (fresh.length === 0) return { recent, added: [] }

  // Merge two newest-first lists; on a tie the new entry goes first.
  const entries: HistoryEntry[] = []
  const added: string[] = []
  const old = recent.entries
  let f = 0
  let o = 0

  while (entries.length < max && (f < fresh.length || o < old.length)) {
    if (
      o >= old.length ||
      (f < fresh.length && newestFirst(fresh[f], old[o]) <= 0)
    ) {
      added.push(fresh[f].id)
      entries.push(fresh[f++])
    } else {
      entries.push(old[o++])
    }
  }

  return added.length === 0 ? { recent, added } : { recent: { entries }, added }
}

/** Recent changes, optionally of one status, at most `first` (1…100). */
export function selectRecent(
  recent: RecentChanges,
  first: number,
  status?: string | null
): HistoryEntry[] {
  const limit = Math.min(Math.max(Math.trunc(first), 0), 100)

  return recent.entries
    .filter((entry) => !status || entry.newStatus === status)
    .slice(0, limit)
}
