import { fetchOmsOrder } from '../../clients/omsOrders'
import { assertOrderId } from '../../domain/orderId'
import type { OrderHistory } from '../../domain/history'
import type { OmsOrder } from '../../domain/omsTypes'
import type { PickAndPackOrder } from '../../domain/pickAndPackTypes'
import { historyStore } from '../../storage/historyStore'
import type { Context } from '../../typings/context'
import { pickAndPackCredentials } from '../settings'

/** Parent of the `OrderFulfillment` fields: each side is fetched once, when first asked. */
export interface FulfillmentParent {
  orderId: string
  pickAndPackOrder(): Promise<PickAndPackOrder>
  omsOrder(): Promise<OmsOrder>
  history(): Promise<OrderHistory>
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined

  return () => {
    result = result ?? load()

    return result
  }
}

export function orderFulfillment(
  _: unknown,
  args: { orderId: string },
  ctx: Context
): FulfillmentParent {
  const orderId = assertOrderId(args.orderId)

  // graphql-js resolves sibling fields concurrently: pickAndPack and oms run in parallel.
  return {
    orderId,
    pickAndPackOrder: once(async () =>
      ctx.clients.pickAndPack.getOrderAnyApi(
        await pickAndPackCredentials(ctx),
        orderId
      )
    ),
    omsOrder: once(() => fetchOmsOrder(ctx.clients.oms, orderId)),
    history: once(() => historyStore(ctx).history(orderId)),
  }
}
