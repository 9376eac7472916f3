import type { Context } from '../typings/context'

/** Answers the sender once the change is recorded and published, and logs it (no secrets). */
export async function acknowledgeNotification(
  ctx: Context,
  next: () => Promise<void>
) {
  const { entry, recorded } = ctx.state

  if (!entry || !recorded) {
    throw new Error('acknowledgeNotification needs a record')
  }

  ctx.vtex.logger.info({
    message: 'Pick and Pack notification received',
    orderId: entry.orderId,
    changeId: entry.id,
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
