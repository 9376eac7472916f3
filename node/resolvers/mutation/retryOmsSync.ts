import { AppError } from '../../domain/errors'
import { assertOrderId } from '../../domain/orderId'
import { StorageError } from '../../storage/jsonStore'
import { retryOmsStory } from '../../sync/omsRetry'
import type { Context } from '../../typings/context'
import { readOmsSync } from '../omsSync'

/** The admin's "Send again": what the OMS has not taken for this order, now. */
export async function retryOmsSync(
  _: unknown,
  args: { orderId: string },
  ctx: Context
) {
  const orderId = assertOrderId(args.orderId)

  try {
    await retryOmsStory(ctx, orderId, true)
  } catch (error) {
    if (error instanceof AppError) throw error
    if (error instanceof StorageError) {
      throw new AppError(
        'STORE_UNAVAILABLE',
        'What was sent to the OMS could not be read or saved. Try again in a moment.'
      )
    }

    throw error
  }

  return readOmsSync(ctx, orderId)
}
