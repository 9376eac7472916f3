import { readAppSettings } from '../../clients/appSettings'
import { OrderSummaries } from '../../clients/orderSummaries'
import {
  BOARD_STATUSES,
  driftWhere,
  lateBefore,
  lateWhere,
  statusWhere,
  timeLimits,
} from '../../domain/board'
import { AppError } from '../../domain/errors'
import type { Context } from '../../typings/context'

const DAY_MS = 86_400_000

export const storeUnavailable = () =>
  new AppError(
    'STORE_UNAVAILABLE',
    'The order summaries could not be read. Try again in a moment.'
  )

/**
 * Counts per status (and late per status), late and drift totals: one count query each, all
 * at once, so the board costs one Master Data round trip of latency.
 */
export async function fulfillmentBoard(_: unknown, __: unknown, ctx: Context) {
  const settings = await readAppSettings(ctx.clients.apps, ctx.vtex)
  const summaries = new OrderSummaries(ctx.clients.masterdata)
  const now = Date.now()
  const limits = timeLimits(settings.statusTimeLimits)
  const windowStart = new Date(
    now - settings.boardWindowDays * DAY_MS
  ).toISOString()

  try {
    const [statuses, late, drift] = await Promise.all([
      Promise.all(
        BOARD_STATUSES.map(async (status) => {
          const hasLimit = lateBefore(status, limits, now) !== null
          const [count, lateCount] = await Promise.all([
            summaries.count(statusWhere(status, windowStart)),
            hasLimit
              ? summaries.count(lateWhere(limits, now, status))
              : Promise.resolve(0),
          ])

          return { status, count, late: lateCount }
        })
      ),
      summaries.count(lateWhere(limits, now)),
      summaries.count(driftWhere()),
    ])

    return {
      updatedAt: new Date(now).toISOString(),
      statuses: statuses.filter((entry) => entry.count > 0),
      late,
      drift,
    }
  } catch {
    throw storeUnavailable()
  }
}
