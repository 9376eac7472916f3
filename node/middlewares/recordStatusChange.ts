import { toHistoryEntry } from '../domain/history'
import { historyStore } from '../storage/historyStore'
import { publishStatusChange } from '../sync/publish'
import type { Context } from '../typings/context'

/**
 * Records the change in the order's history and publishes its IO event (before the history
 * write, so that a stored change was always published). Any failure becomes a 503: nothing is
 * half-done that a resend would not finish.
 */
export async function recordStatusChange(
  ctx: Context,
  next: () => Promise<void>
) {
  const { notification } = ctx.state

  if (!notification) throw new Error('recordStatusChange needs a notification')

  const entry = toHistoryEntry(notification, new Date())

  ctx.state.entry = entry
  ctx.state.recorded = await historyStore(ctx).record(
    entry,
    publishStatusChange(ctx.clients.events)
  )
  await next()
}
