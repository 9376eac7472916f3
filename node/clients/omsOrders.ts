import { isAppError } from '../domain/errors'
import { assertOrderId } from '../domain/orderId'
import { toOmsOrder } from '../domain/omsOrder'
import type { OmsOrder } from '../domain/omsTypes'
import { describeHttpFailure, omsError } from '../domain/upstreamErrors'

/** What the app needs of an OMS client: `@vtex/clients`' OMS on VTEX IO, a local one in the sandbox. */
export interface OmsReader {
  order(orderId: string): Promise<unknown>
}

/** Fetches an OMS order; upstream errors become OMS_* AppErrors (they carry the app token). */
export async function fetchOmsOrder(
  oms: OmsReader,
  orderId: string
): Promise<OmsOrder> {
  const id = assertOrderId(orderId)

  try {
    return toOmsOrder(await oms.order(id), id)
  } catch (error) {
    if (isAppError(error)) throw error
    throw omsError(describeHttpFailure(error))
  }
}
