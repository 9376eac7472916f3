import type { Context } from '../typings/context'

export const STATUS_CHANGED_EVENT = 'pick-and-pack.status-changed'

/**
 * Emits the IO event for a new change and answers the sender. The history is the record: an
 * event that cannot be sent is logged, not turned into an error that would make Pick and Pack
 * resend a change that is already stored.
 */
export async function publishStatusChange(
  ctx: Context,
  next: () => Promise<void>
) {
  const { entry, recorded } = ctx.state

  if (!entry || !recorded) throw new Error('publishStatusChange needs a record')

  if (recorded.isNew) {
    try {
      await ctx.clients.events.sendEvent('', STATUS_CHANGED_EVENT, {
        orderId: entry.orderId,
        oldStatus: entry.oldStatus,
        newStatus: entry.newStatus,
        hostname: entry.hostname,
        currentStatus: recorded.currentStatus,
        receivedAt: entry.receivedAt,
      })
    } catch (error) {
      ctx.vtex.logger.warn({
        message: 'Status change stored but its event was not sent',
        orderId: entry.orderId,
        reason: error instanceof Error ? error.message : 'unknown',
      })
    }
  }

  ctx.vtex.logger.info({
    message: 'Pick and Pack notification received',
    orderId: entry.orderId,
    oldStatus: entry.oldStatus,
    newStatus: entry.newStatus,
    duplicate: recorded.duplicate,
    // False only for a change older than all its order's full history keeps.
    kept: recorded.isNew || recorded.duplicate,
  })

  ctx.status = 200
  ctx.set('Cache-Control', 'no-store')
  ctx.body = { received: true, duplicate: recorded.duplicate }
  await next()
}
