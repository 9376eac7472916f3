import { readAppSettings } from '../clients/appSettings'
import { AppError } from '../domain/errors'
import { omsSyncOf } from '../domain/omsSync'
import { historyStore } from '../storage/historyStore'
import type { Context } from '../typings/context'

/** The "In the OMS" line of an order, from its document and the settings. */
export async function readOmsSync(ctx: Context, orderId: string) {
  const settings = await readAppSettings(ctx.clients.apps, ctx.vtex)

  try {
    const history = await historyStore(ctx).history(orderId)

    return omsSyncOf(history, settings)
  } catch {
    throw new AppError(
      'STORE_UNAVAILABLE',
      'What was sent to the OMS could not be read. Try again in a moment.'
    )
  }
}
