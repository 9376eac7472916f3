import { OrderSummaries } from '../clients/orderSummaries'
import { isRecord, toText } from '../domain/normalize'
import { ORDER_ID_PATTERN } from '../domain/orderId'
import type { EventContext } from '../typings/context'

/**
 * `order-status-updated` from `vtex.orders-broadcast` (at least once, in no set order): writes
 * the OMS side of the order's board summary. A broadcast older than the one stored is ignored.
 */
export async function omsStatusChanged(ctx: EventContext) {
  const body = isRecord(ctx.body) ? ctx.body : {}
  const orderId = toText(body.orderId)
  const state = toText(body.currentState)
  const changedAt = toText(body.currentChangeDate)

  if (!orderId || !ORDER_ID_PATTERN.test(orderId) || !state) return
  const summaries = new OrderSummaries(ctx.clients.masterdata)
  const stored = await summaries.get(orderId)

  if (
    changedAt &&
    stored?.omsChangedAt &&
    Date.parse(stored.omsChangedAt) > Date.parse(changedAt)
  ) {
    return
  }

  await summaries.patch(orderId, {
    omsStatus: state,
    omsChangedAt: changedAt,
  })
}
