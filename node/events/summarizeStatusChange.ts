import { summaryOfHistory } from '../domain/board'
import type { OrderHistory } from '../domain/history'
import { OrderSummaries } from '../clients/orderSummaries'
import { historyStore } from '../storage/historyStore'
import type { EventContext } from '../typings/context'

const ATTEMPTS = 3

/**
 * `pick-and-pack.status-changed` (the app's own event, at least once, any replica): writes the
 * Pick and Pack side of the order's board summary from the recorded history, the truth. Two
 * replicas may write one order at once; each reads the history again after writing and writes
 * again if it moved, so that the summary ends on the newest history, never an older one.
 */
export async function summarizeStatusChange(
  ctx: EventContext,
  recorded: OrderHistory
) {
  const histories = historyStore(ctx)
  const summaries = new OrderSummaries(ctx.clients.masterdata, ctx.vtex)

  let history: OrderHistory | null = recorded

  for (let attempt = 1; history && attempt <= ATTEMPTS; attempt++) {
    const summary = summaryOfHistory(history)

    if (!summary) return
    // eslint-disable-next-line no-await-in-loop
    await summaries.patch(history.orderId, summary)
    // eslint-disable-next-line no-await-in-loop
    history = await histories.stored(history.orderId)
    // Only a history that grew since is newer (a merged one may hold more than the document).
    if (!history || history.entries.length <= (summary.changes ?? 0)) return
  }
}
