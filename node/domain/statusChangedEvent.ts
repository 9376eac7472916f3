import type { HistoryEntry } from './history'

export const STATUS_CHANGED_EVENT = 'pick-and-pack.status-changed'

/** Where a recorded change came from: a notification, or the app noticing it itself. */
/** `backfill`: recorded from Pick and Pack's live state when the app was installed. */
export type ChangeSource = 'webhook' | 'sweep' | 'view' | 'backfill'

/** The body of the IO event `pick-and-pack.status-changed` (DESIGN.md, "Webhook route"). */
export interface StatusChangedEvent {
  /** The change's own id, the same for every redelivery: consumers deduplicate by it. */
  id: string
  orderId: string
  oldStatus: string | null
  newStatus: string
  hostname: string | null
  currentStatus: string | null
  receivedAt: string
  source: ChangeSource
}

export const statusChangedEvent = (
  entry: HistoryEntry,
  currentStatus: string | null,
  source: ChangeSource
): StatusChangedEvent => ({
  id: entry.id,
  orderId: entry.orderId,
  oldStatus: entry.oldStatus,
  newStatus: entry.newStatus,
  hostname: entry.hostname,
  currentStatus,
  receivedAt: entry.receivedAt,
  source,
})
