import type { StatusNotification } from './notification'
import type { ChangeSource } from './statusChangedEvent'
import { notificationId } from './notification'
import type { OmsTrackingState } from './omsTracking'
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
  /** How the app learned of the change; absent in entries stored before it was kept. */
  source?: ChangeSource
  extra: Record<string, unknown>
  /** Its extra fields were dropped to keep the order's history small (the listing has them). */
  extraTrimmed?: true
}

/** What the app told the OMS of one change: claimed by a replica, sent, or failed. */
export interface OmsInteractionState {
  state: 'sending' | 'sent' | 'failed'
  attempts: number
  /** When the state was set (a claim older than a minute is taken over). */
  at: string
  lastError?: string
}

/** The per-order document. `currentStatus` only moves forward (see `supersedes`). */
export interface OrderHistory {
  orderId: string
  currentStatus: string | null
  currentEntryId: string | null
  entries: HistoryEntry[]
  /**
   * The OMS interactions of its changes, by change id. Kept here because this document exists
   * for every recorded change, so a claim is always a conditional write (VBase cannot create
   * a file conditionally).
   */
  omsInteractions?: Record<string, OmsInteractionState>
  /** What was written to the OMS invoice (tracking and delivery). */
  omsTracking?: OmsTrackingState
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export const MAX_ENTRIES_PER_ORDER = 500

/**
 * The notifications' extra fields an order's history keeps, in characters of JSON: 500
 * entries of up to 32 KiB each would make a document of 16 MiB, which no store takes, and
 * every later change of the order would fail to save. Older entries' extras go first (each
 * change's own record keeps its extras whole); statuses and dates always stay.
 */
export const MAX_EXTRA_CHARS_PER_ORDER = 256 * 1024

/** How far a payload's date may run ahead of its arrival (clocks differ) and still be kept. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000

/**
 * The payload's date, unless it is later than the arrival by more than clocks differ: a date
 * that has not happened yet would put the order "in its status since" the future, never late.
 */
const happenedAt = (occurredAt: string | null, receivedAt: Date) =>
  occurredAt !== null &&
  Date.parse(occurredAt) - receivedAt.getTime() > MAX_CLOCK_AHEAD_MS
    ? null
    : occurredAt

export const toHistoryEntry = (
  notification: StatusNotification,
  receivedAt: Date,
  source: ChangeSource = 'webhook'
): HistoryEntry => ({
  id: notificationId(notification),
  orderId: notification.orderId,
  oldStatus: notification.oldStatus,
  newStatus: notification.newStatus,
  hostname: notification.hostname,
  receivedAt: receivedAt.toISOString(),
  occurredAt: happenedAt(notification.occurredAt, receivedAt),
  source,
  extra: notification.extra,
})

export const emptyHistory = (orderId: string): OrderHistory => ({
  orderId,
  currentStatus: null,
  currentEntryId: null,
  entries: [],
})

/** Orders two timestamps; an unparseable one gives NaN, as `Date.parse` does. */
const compareTimes = (a: string, b: string) => Date.parse(a) - Date.parse(b)

const eventTime = (entry: HistoryEntry) => entry.occurredAt ?? entry.receivedAt

/**
 * Whether `incoming` should become the order's current status instead of `current`. The
 * payload dates decide when both carry one; otherwise a change that starts where the order
 * stands is taken, then the position in the flow decides. Late, stale notifications therefore
 * never move the status backwards (not even one that starts where the order stands after a
 * re-pick), while a genuine step back (e.g. re-picking, later and starting from the current
 * status) still does.
 */
export function supersedes(
  current: HistoryEntry | undefined,
  incoming: HistoryEntry
): boolean {
  if (!current) return true
  if (current.occurredAt && incoming.occurredAt) {
    return compareTimes(incoming.occurredAt, current.occurredAt) >= 0
  }

  if (incoming.oldStatus !== null && incoming.oldStatus === current.newStatus) {
    return true
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

export interface AppendResult {
  history: OrderHistory
  /** The change is now in the history. */
  added: boolean
  /** The change was in the history already. */
  redelivery: boolean
}

const isLive = (entry: HistoryEntry) =>
  entry.source === 'sweep' ||
  entry.source === 'view' ||
  entry.source === 'backfill'

/**
 * Whether a status seen live is ahead of the recorded one (never backwards, never the same).
 * A recorded status the app does not know has no place in the flow: what Pick and Pack's API
 * shows then may be a step before it (its cache, or an API that does not show it yet), so
 * only the next notification moves the order on.
 */
export function isAhead(live: string, recorded: string | null): boolean {
  if (live === recorded) return false
  if (recorded === null) return true
  const recordedRank = statusRank(recorded)
  const liveRank = statusRank(live)

  if (recordedRank === null) return false

  return liveRank === null || liveRank > recordedRank
}

/**
 * Whether a notification tells a change the app already saw live (a sweep or a view asked Pick
 * and Pack after the webhook was missed, then the webhook came late): same resulting status,
 * and it happened before that look (without a date: the look is still the order's latest).
 * Recording it again would double the change.
 */
function isAbsorbed(history: OrderHistory, entry: HistoryEntry): boolean {
  // A look that the record caught up with meanwhile (a webhook came first) heals nothing.
  if (isLive(entry)) return !isAhead(entry.newStatus, history.currentStatus)

  return history.entries.some(
    (seen) =>
      isLive(seen) &&
      seen.newStatus === entry.newStatus &&
      (entry.occurredAt
        ? Date.parse(entry.occurredAt) <= Date.parse(seen.receivedAt)
        : seen.id === history.currentEntryId)
  )
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
  if (
    history.entries.some((existing) => existing.id === entry.id) ||
    isAbsorbed(history, entry)
  ) {
    return { history, added: false, redelivery: true }
  }

  const current = history.entries.find(
    (existing) => existing.id === history.currentEntryId
  )

  const takesOver = supersedes(current, entry)
  // Oldest entries go first when an order exceeds the bound, never the current one.
  const entries = chronological([...history.entries, entry])
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

  const trimmed = withinExtraBudget(kept, entry.id)

  return {
    added: true,
    redelivery: false,
    history: {
      // Other sections of the document (what was told to the OMS) stay as they are.
      ...history,
      orderId: history.orderId,
      currentStatus: takesOver ? entry.newStatus : history.currentStatus,
      currentEntryId,
      entries: trimmed,
    },
  }
}

const extraChars = (entry: HistoryEntry) =>
  Object.keys(entry.extra).length === 0 ? 0 : JSON.stringify(entry.extra).length

/** `entries` (oldest first) with the oldest extras emptied until they fit the budget. */
function withinExtraBudget(
  entries: HistoryEntry[],
  newestId: string
): HistoryEntry[] {
  let excess =
    entries.reduce((total, entry) => total + extraChars(entry), 0) -
    MAX_EXTRA_CHARS_PER_ORDER

  if (excess <= 0) return entries

  return entries.map((entry) => {
    const chars = extraChars(entry)

    if (excess <= 0 || chars === 0 || entry.id === newestId) return entry
    excess -= chars

    return { ...entry, extra: {}, extraTrimmed: true as const }
  })
}

export const hasEntry = (history: OrderHistory, id: string) =>
  history.entries.some((entry) => entry.id === id)

/** Larger than any millisecond timestamp until the year 2286: names sort newest first. */
const TIME_CEILING = 9_999_999_999_999

/**
 * The name under which a change is listed among recent changes: the time it arrived,
 * inverted, so that a listing by name (VBase lists in name order) starts with the newest.
 * The same change and arrival always get the same name.
 */
export function recentFileName(
  entry: Pick<HistoryEntry, 'id' | 'receivedAt'>
): string {
  const arrived = Date.parse(entry.receivedAt)
  const inverted = TIME_CEILING - (Number.isFinite(arrived) ? arrived : 0)

  return `${String(inverted).padStart(13, '0')}-${entry.id}.json`
}

/** The change a name of recentFileName's stands for, or null for any other name. */
export function listedChangeOf(
  name: string
): { id: string; receivedAt: string } | null {
  const match = /^(\d{13})-(.+)\.json$/.exec(name)

  if (!match) return null

  return {
    id: match[2],
    receivedAt: new Date(TIME_CEILING - Number(match[1])).toISOString(),
  }
}

/**
 * Name prefixes under which every change that arrived in [fromMs, toMs) is listed (with some
 * around them: filter by listedChangeOf), newest first: VBase lists by prefix only. A prefix
 * of `digits` digits (of 13) holds 10^(13 - digits) ms of changes: 7 is about 17 minutes, 8
 * about 2, 9 ten seconds.
 */
export function recentNamePrefixes(
  fromMs: number,
  toMs: number,
  digits = 7
): string[] {
  if (!(fromMs < toMs)) return []
  const span = 10 ** (13 - digits)
  const newest = Math.floor((TIME_CEILING - (toMs - 1)) / span)
  const oldest = Math.floor((TIME_CEILING - fromMs) / span)
  const prefixes: string[] = []

  for (let bucket = newest; bucket <= oldest; bucket++) {
    prefixes.push(String(bucket).padStart(digits, '0'))
  }

  return prefixes
}
