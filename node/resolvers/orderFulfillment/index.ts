import { driftOf } from '../../domain/board'
import { AppError } from '../../domain/errors'
import { chronological } from '../../domain/history'
import { reconcile } from '../../domain/reconciliation'
import { refineWithRecord } from '../../domain/v1Order'
import { recordLiveStatus } from '../../sync/recordLiveStatus'
import type { Context } from '../../typings/context'
import { readOmsSync } from '../omsSync'
import type { FulfillmentParent } from '../query/orderFulfillment'
import { toStatusChange } from '../statusChange'

/** Field resolvers of `OrderFulfillment`: each failure stays at its own path. */
export const OrderFulfillment = {
  /** v1 is coarser than the flow in places: the recorded status says which step. */
  pickAndPack: async (parent: FulfillmentParent, _: unknown, ctx: Context) => {
    const [order, history] = await Promise.all([
      parent.pickAndPackOrder(),
      parent.history().catch(() => null),
    ])

    if (history?.entries.length) {
      // A webhook was missed when Pick and Pack is ahead: record what the view saw. In the
      // background: the view does not wait on the store for it. An order the app never heard
      // of is the backfill's to record, not a view's.
      recordLiveStatus(ctx, parent.orderId, {
        status: order.fulfillmentStatus,
        hostname: order.hostname,
        source: 'view',
      }).catch((error) =>
        ctx.vtex.logger.warn({
          message: 'Live status seen in a view could not be recorded',
          orderId: parent.orderId,
          reason: error instanceof Error ? error.message : 'unknown',
        })
      )
    }

    return refineWithRecord(order, history?.currentStatus ?? null)
  },

  omsSync: (parent: FulfillmentParent, _: unknown, ctx: Context) =>
    readOmsSync(ctx, parent.orderId),

  oms: (parent: FulfillmentParent) => parent.omsOrder(),

  history: async (parent: FulfillmentParent, _: unknown, ctx: Context) => {
    try {
      const history = await parent.history()

      return chronological(history.entries).map(toStatusChange)
    } catch (error) {
      ctx.vtex.logger.warn({
        message: 'Status history could not be read',
        orderId: parent.orderId,
        reason: error instanceof Error ? error.message : 'unknown',
      })
      // Not an empty history, which would read as "nothing received yet". The admin asks for
      // the history in a query of its own, so the error stays in its panel.
      throw new AppError(
        'STORE_UNAVAILABLE',
        "The order's status history could not be read. Try again in a moment."
      )
    }
  },

  /**
   * Where the recorded status and the OMS disagree, as the board flags it (driftOf). Needs both
   * sides; when either failed its own field already carries the error.
   */
  drift: async (parent: FulfillmentParent) => {
    const [history, oms] = await Promise.allSettled([
      parent.history(),
      parent.omsOrder(),
    ])

    if (history.status !== 'fulfilled' || oms.status !== 'fulfilled') return []

    return driftOf({
      orderId: parent.orderId,
      status: history.value.currentStatus,
      omsStatus: oms.value.status,
    })
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
