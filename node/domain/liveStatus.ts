import type { HistoryEntry, OrderHistory } from './history'
import { isAhead } from './history'
import { sha256Hex } from './sha256'
import type { ChangeSource } from './statusChangedEvent'

/** What asking Pick and Pack showed of an order, and which asking it was. */
export interface LiveLook {
  status: string
  hostname: string | null
  source: Exclude<ChangeSource, 'webhook'>
}

/**
 * A change the app saw by asking Pick and Pack (a sweep, an order view, a backfill) instead of
 * being told by a webhook, or null when there is nothing to record: the live status is the
 * recorded one, or behind it (a coarser or slower API never moves an order backwards).
 *
 * Its id depends only on where the record stood and what was seen, so two replicas (or a sweep
 * and a view) that see the same thing at once record it once.
 */
export function liveChange(
  history: OrderHistory,
  live: LiveLook,
  observedAt: Date
): HistoryEntry | null {
  const recorded = history.currentStatus

  if (!live.status || !isAhead(live.status, recorded)) return null

  return {
    id: sha256Hex(
      JSON.stringify([
        history.orderId,
        history.currentEntryId ?? '',
        live.status,
        'live',
      ])
    ).slice(0, 32),
    orderId: history.orderId,
    oldStatus: recorded,
    newStatus: live.status,
    hostname: live.hostname,
    receivedAt: observedAt.toISOString(),
    occurredAt: null,
    source: live.source,
    extra: {},
  }
}
