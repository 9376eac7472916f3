import type { HistoryEntry } from '../domain/history'

/** The GraphQL `StatusChange`: the stored entry without its payload's extra fields. */
export const toStatusChange = (entry: HistoryEntry) => ({
  id: entry.id,
  orderId: entry.orderId,
  oldStatus: entry.oldStatus,
  newStatus: entry.newStatus,
  hostname: entry.hostname,
  receivedAt: entry.receivedAt,
  occurredAt: entry.occurredAt,
  // Entries stored before sources existed all came from the webhook.
  source: entry.source ?? 'webhook',
})
