import type { PickAndPackOrder } from '../domain/pickAndPackTypes'
import type { Context } from '../typings/context'
import { pickAndPackCredentials } from './settings'

/** Field resolvers of `PickAndPackOrder`: v1 shipments cost calls of their own. */
export const PickAndPackOrderResolvers = {
  shipments: async (order: PickAndPackOrder, _: unknown, ctx: Context) =>
    order.shipments ??
    ctx.clients.pickAndPack.getShipments(
      await pickAndPackCredentials(ctx),
      order.orderId
    ),
}
