import { chronological } from '../../domain/history'
import { reconcile } from '../../domain/reconciliation'
import { refineWithRecord } from '../../domain/v1Order'
import type { Context } from '../../typings/context'
import type { FulfillmentParent } from '../query/orderFulfillment'
import { toStatusChange } from '../statusChange'

/** Field resolvers of `OrderFulfillment`: each failure stays at its own path. */
export const OrderFulfillment = {
  /** v1 is coarser than the flow in places: the recorded status says which step. */
  pickAndPack: async (parent: FulfillmentParent) => {
    const [order, history] = await Promise.all([
      parent.pickAndPackOrder(),
      parent.history().catch(() => null),
    ])

    return refineWithRecord(order, history?.currentStatus ?? null)
  },

  oms: (parent: FulfillmentParent) => parent.omsOrder(),

  history: async (parent: FulfillmentParent, _: unknown, ctx: Context) => {
    try {
      const history = await parent.history()

      return chronological(history.entries).map(toStatusChange)
    } catch (error) {
      // history is non-null: an error here would blank the whole order view.
      ctx.vtex.logger.warn({
        message: 'Status history could not be read',
        orderId: parent.orderId,
        reason: error instanceof Error ? error.message : 'unknown',
      })

      return []
    }
  },

  /** Needs both sides; when either failed its own field already carries the error. */
  items: async (parent: FulfillmentParent) => {
    const [pickAndPack, oms] = await Promise.allSettled([
      parent.pickAndPackOrder(),
      parent.omsOrder(),
    ])

    if (pickAndPack.status !== 'fulfilled' || oms.status !== 'fulfilled') {
      return []
    }

    return reconcile(oms.value.items, pickAndPack.value)
  },
}
