import { setTimeout as sleep } from 'timers/promises'

import { isRecord, toText } from '../domain/normalize'
import type { Settled } from '../storage/historyStore'
import { historyStore } from '../storage/historyStore'
import type { EventContext } from '../typings/context'
import { summarizeStatusChange } from './summarizeStatusChange'
import { tellOms } from './tellOms'

/** How long to wait for the change's writes: they land one store round trip after the event. */
const RECORD_WAITS_MS = [50, 100, 200, 400, 800]

/**
 * The order's history holding the change, once the change is settled (see
 * HistoryStore.settle). The webhook publishes a change just before it writes it, so a quick
 * delivery may arrive first: it waits a little for the webhook's own write, and only then
 * mends the history from the change's listing (a concurrent creation dropped it, or the write
 * failed). Null for a change never written (the webhook answered 503): its resend publishes
 * it again.
 */
async function settledHistory(
  histories: ReturnType<typeof historyStore>,
  change: { orderId: string; id: string; receivedAt: string }
): Promise<Settled | null> {
  for (const wait of [0, ...RECORD_WAITS_MS]) {
    // eslint-disable-next-line no-await-in-loop
    if (wait) await sleep(wait)
    // eslint-disable-next-line no-await-in-loop
    const read = await histories.settle(change.orderId, change, { mend: false })

    if (read) return read
  }

  return histories.settle(change.orderId, change)
}

/**
 * The app's own `pick-and-pack.status-changed`, delivered at least once to any replica: the
 * change's record, the board's summary and the OMS interaction, independently (one failing
 * does not hold the others; the handler fails after all three, for a redelivery).
 */
export async function statusChanged(ctx: EventContext) {
  const body = isRecord(ctx.body) ? ctx.body : {}
  const id = toText(body.id)
  const orderId = toText(body.orderId)
  const receivedAt = toText(body.receivedAt)

  if (!id || !orderId || !receivedAt) return
  const histories = historyStore(ctx)
  const read = await settledHistory(histories, { orderId, id, receivedAt })

  if (!read) return
  const results = await Promise.allSettled([
    histories.keepRecord(read.entry),
    summarizeStatusChange(ctx, read.history),
    // The history as just read: the OMS claim tries its ETag first.
    tellOms(ctx, read),
  ])

  const failed = results.find(
    (result): result is PromiseRejectedResult => result.status === 'rejected'
  )

  if (failed) throw failed.reason
}
