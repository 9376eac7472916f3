import { assertOrderId } from '../../domain/orderId'
import type { Context } from '../../typings/context'
import { pickAndPackCredentials } from '../settings'

/** An order's shipments with their details: asked apart from the rest of the order view. */
export async function orderShipments(
  _: unknown,
  args: { orderId: string },
  ctx: Context
) {
  const orderId = assertOrderId(args.orderId)

  return ctx.clients.pickAndPack.getShipments(
    await pickAndPackCredentials(ctx),
    orderId
  )
}
