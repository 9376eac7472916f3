import { AppError, isAppError } from '../domain/errors'
import { isRecord, toText } from '../domain/normalize'
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
    const raw = await oms.order(id)

    // Anything else would show as an empty order (or another one) and every line as extra.
    if (!isRecord(raw) || toText(raw.orderId) !== id) {
      throw new AppError(
        'OMS_UNAVAILABLE',
        'The OMS answered with something other than this order. Try again in a moment.'
      )
    }

    return toOmsOrder(raw, id)
  } catch (error) {
    if (isAppError(error)) throw error
    throw omsError(describeHttpFailure(error))
  }
}
