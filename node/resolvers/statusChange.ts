import type { HistoryEntry } from '../domain/history'

/** The GraphQL `StatusChange`: the stored entry without its internal fields. */
export const toStatusChange = (entry: HistoryEntry) => ({
  orderId: entry.orderId,
  oldStatus: entry.oldStatus,
  newStatus: entry.newStatus,
  hostname: entry.hostname,
  receivedAt: entry.receivedAt,
})
