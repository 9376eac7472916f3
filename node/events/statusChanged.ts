import { setTimeout as sleep } from 'timers/promises'

import { hasEntry } from '../domain/history'
import { isRecord, toText } from '../domain/normalize'
import { historyStore } from '../storage/historyStore'
import type { EventContext } from '../typings/context'
import { summarizeStatusChange } from './summarizeStatusChange'
import { tellOms } from './tellOms'

/** How long to wait for the history write: it lands one store round trip after the event. */
const RECORD_WAITS_MS = [50, 100, 200, 400, 800, 1600]

/**
 * Whether the change is in its order's history. The webhook publishes a change just before it
 * writes the history, so a quick delivery may arrive first: it waits a little. Then the
 * change's record decides (a concurrent creation may have dropped it from the history, which
 * reading the history with its records repairs). A change whose record was never written (the
 * webhook answered 503) is not recorded; its resend publishes it again.
 */
async function isRecorded(ctx: EventContext, orderId: string, id: string) {
  const histories = historyStore(ctx.clients)

  for (const wait of [0, ...RECORD_WAITS_MS]) {
    // eslint-disable-next-line no-await-in-loop
    if (wait) await sleep(wait)
    // eslint-disable-next-line no-await-in-loop
    if (await histories.holds(orderId, id)) return true
  }

  return hasEntry(await histories.history(orderId), id)
}

/**
 * The app's own `pick-and-pack.status-changed`, delivered at least once to any replica: the
 * board's summary and the OMS interaction, independently (one failing does not hold the other).
 */
export async function statusChanged(ctx: EventContext) {
  const body = isRecord(ctx.body) ? ctx.body : {}
  const id = toText(body.id)
  const orderId = toText(body.orderId)

  if (!id || !orderId || !(await isRecorded(ctx, orderId, id))) return
  const results = await Promise.allSettled([
    summarizeStatusChange(ctx),
    tellOms(ctx),
  ])

  const failed = results.find(
    (result): result is PromiseRejectedResult => result.status === 'rejected'
  )

  if (failed) throw failed.reason
}
