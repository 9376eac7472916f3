import { setTimeout as sleep } from 'timers/promises'

import type { OrderHistory } from '../domain/history'
import { isRecord, toText } from '../domain/normalize'
import { historyStore } from '../storage/historyStore'
import type { EventContext } from '../typings/context'
import { summarizeStatusChange } from './summarizeStatusChange'
import { tellOms } from './tellOms'

/** How long to wait for the change's writes: they land one store round trip after the event. */
const RECORD_WAITS_MS = [50, 100, 200, 400, 800, 1600]

/**
 * The order's history holding the change, once the change is settled (see
 * HistoryStore.settle). The webhook publishes a change just before it writes it, so a quick
 * delivery may arrive first: it waits a little. Null for a change never written (the webhook
 * answered 503): its resend publishes it again.
 */
async function settledHistory(
  ctx: EventContext,
  change: { orderId: string; id: string; receivedAt: string }
): Promise<OrderHistory | null> {
  const histories = historyStore(ctx.clients)

  for (const wait of [0, ...RECORD_WAITS_MS]) {
    // eslint-disable-next-line no-await-in-loop
    if (wait) await sleep(wait)
    // eslint-disable-next-line no-await-in-loop
    const history = await histories.settle(change.orderId, change)

    if (history) return history
  }

  return null
}

/**
 * The app's own `pick-and-pack.status-changed`, delivered at least once to any replica: the
 * board's summary and the OMS interaction, independently (one failing does not hold the other).
 */
export async function statusChanged(ctx: EventContext) {
  const body = isRecord(ctx.body) ? ctx.body : {}
  const id = toText(body.id)
  const orderId = toText(body.orderId)
  const receivedAt = toText(body.receivedAt)

  if (!id || !orderId || !receivedAt) return
  const history = await settledHistory(ctx, { orderId, id, receivedAt })

  if (!history) return
  const results = await Promise.allSettled([
    summarizeStatusChange(ctx, history),
    tellOms(ctx),
  ])

  const failed = results.find(
    (result): result is PromiseRejectedResult => result.status === 'rejected'
  )

  if (failed) throw failed.reason
}
