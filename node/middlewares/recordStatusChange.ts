import { toHistoryEntry } from '../domain/history'
import {
  STATUS_CHANGED_EVENT,
  statusChangedEvent,
} from '../domain/statusChangedEvent'
import { HistoryStore } from '../storage/historyStore'
import { StorageError } from '../storage/jsonStore'
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
  const { events } = ctx.clients

  ctx.state.entry = entry
  ctx.state.recorded = await new HistoryStore(ctx.clients.vbase).record(
    entry,
    async (change, currentStatus) => {
      try {
        await events.sendEvent(
          '',
          STATUS_CHANGED_EVENT,
          statusChangedEvent(change, currentStatus, 'webhook')
        )
      } catch {
        // The events client's error carries request headers (the app token).
        throw new StorageError('The status change event could not be sent')
      }
    }
  )
  await next()
}
