import { OrderSummaries } from '../clients/orderSummaries'
import { outdatesOmsSide } from '../domain/board'
import { isRecord, toText } from '../domain/normalize'
import { ORDER_ID_PATTERN } from '../domain/orderId'
import type { EventContext } from '../typings/context'

/** A write and its checks: enough for the replicas that handle one order's broadcasts at once. */
const ATTEMPTS = 3

/**
 * `order-status-updated` from `vtex.orders-broadcast` (at least once, in no set order): writes
 * the OMS side of the order's board summary, unless a later broadcast is stored. Two replicas
 * may write one order at once and the older may land last: each reads the summary again after
 * writing and writes again while it is still the later one (see outdatesOmsSide).
 */
export async function omsStatusChanged(ctx: EventContext) {
  const body = isRecord(ctx.body) ? ctx.body : {}
  const orderId = toText(body.orderId)
  const state = toText(body.currentState)
  const changedAt = toText(body.currentChangeDate)

  if (!orderId || !ORDER_ID_PATTERN.test(orderId) || !state) return
  const summaries = new OrderSummaries(ctx.clients.masterdata, ctx.vtex)

  const broadcast = { state, changedAt }

  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    // eslint-disable-next-line no-await-in-loop
    if (!outdatesOmsSide(await summaries.get(orderId), broadcast)) return
    // eslint-disable-next-line no-await-in-loop
    await summaries.patch(orderId, {
      omsStatus: state,
      omsChangedAt: changedAt,
    })
  }
}
