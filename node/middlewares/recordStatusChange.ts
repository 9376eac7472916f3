import { toHistoryEntry } from '../domain/history'
import { HistoryStore, requestScope } from '../storage/historyStore'
import type { Context } from '../typings/context'

/** Appends the change to the order's history; a storage failure becomes a 503 upstream. */
export async function recordStatusChange(
  ctx: Context,
  next: () => Promise<void>
) {
  const { notification } = ctx.state

  if (!notification) throw new Error('recordStatusChange needs a notification')

  const entry = toHistoryEntry(notification, new Date())
  const { logger } = ctx.vtex

  ctx.state.entry = entry
  ctx.state.recorded = await new HistoryStore(
    ctx.clients.vbase,
    requestScope(ctx.vtex),
    // The change is stored; only the recent list misses it until a redelivery.
    (error) =>
      logger.warn({
        message: 'Status change stored but not listed in recent changes',
        orderId: entry.orderId,
        reason: error instanceof Error ? error.message : 'unknown',
      })
  ).record(entry)
  await next()
}
