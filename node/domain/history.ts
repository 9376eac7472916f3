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

/** One newest-first list out of the shards. */
export const mergeRecent = (shards: RecentChanges[]): RecentChanges => ({
  entries: shards
    .flatMap((shard) => shard.entries)
    .sort((a, b) => compareText(b.receivedAt, a.receivedAt)),
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
  added: boolean
}

/** Adds an entry unless it is a redelivery. Pure: returns a new document. */
export function appendEntry(
  history: OrderHistory,
  entry: HistoryEntry,
  maxEntries = MAX_ENTRIES_PER_ORDER
): AppendResult {
  if (history.entries.some((existing) => existing.id === entry.id)) {
    return { history, added: false }
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

  return {
    added: true,
    history: {
      orderId: history.orderId,
      currentStatus: takesOver ? entry.newStatus : history.currentStatus,
      currentEntryId,
      entries: kept,
    },
  }
}

const newestFirst = (a: HistoryEntry, b: HistoryEntry) =>
  compareText(b.receivedAt, a.receivedAt)

/**
 * Puts a change into the recent list, newest arrival first, bounded; false when it is older
 * than all the list keeps. The list is kept sorted, so the change is inserted where it belongs
 * (usually first). Does not look for the change by id: see `addRecent`.
 */
function insertRecent(
  recent: RecentChanges,
  entry: HistoryEntry,
  max = MAX_RECENT_ENTRIES
): { recent: RecentChanges; added: boolean } {
  const { entries } = recent
  const index = entries.findIndex((known) => newestFirst(known, entry) >= 0)
  const at = index < 0 ? entries.length : index

  if (at >= max) return { recent, added: false }

  return {
    recent: {
      entries: [...entries.slice(0, at), entry, ...entries.slice(at, max - 1)],
    },
    added: true,
  }
}

/**
 * Adds entries to the recent list unless it lists them already (by id): idempotent, as the
 * group commit needs (it may apply a change again to a newer version of the list).
 */
export function addRecent(
  recent: RecentChanges,
  incoming: HistoryEntry[],
  max = MAX_RECENT_ENTRIES
): { recent: RecentChanges; added: string[] } {
  let current = recent
  const added: string[] = []

  // Newest last, so that each insertion lands before the ones already placed (ties included).
  for (const entry of [...incoming].sort(newestFirst).reverse()) {
    if (current.entries.some((known) => known.id === entry.id)) continue
    const change = insertRecent(current, entry, max)

    if (change.added) {
      current = change.recent
      added.push(entry.id)
    }
  }

  return { recent: current, added: added.reverse() }
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
