import { readAppSettings } from '../../clients/appSettings'
import { OrderSummaries } from '../../clients/orderSummaries'
import type { OrderSummaryDocument } from '../../domain/board'
import {
  MAX_REACHABLE,
  decodeCursor,
  driftOf,
  driftWhere,
  encodeCursor,
  isLate,
  lateWhere,
  timeLimits,
} from '../../domain/board'
import { AppError } from '../../domain/errors'
import { STATUS_PATTERN } from '../../domain/notification'
import { normalizeStatus } from '../../domain/statuses'
import { quoted } from '../../domain/whereValue'
import type { Context } from '../../typings/context'
import { storeUnavailable } from './fulfillmentBoard'

interface Args {
  status?: string | null
  attention?: 'LATE' | 'DRIFT' | null
  search?: string | null
  first?: number | null
  after?: string | null
}

const badInput = (message: string) => new AppError('BAD_USER_INPUT', message)

/** The `_where` for the arguments, checked: BAD_USER_INPUT says what is wrong. */
function filterOf(args: Args, limits: Record<string, number>, now: number) {
  const clauses: string[] = []
  const status = args.status?.trim()
  const search = args.search?.trim()

  if (status) {
    // Any status the webhook stores (an unknown one has its own tile), nothing else.
    if (!STATUS_PATTERN.test(status)) {
      throw badInput('"status" must be a Pick and Pack status such as PICKING.')
    }

    // Stored in one spelling (see parseNotification): asked in any.
    clauses.push(`status=${quoted(normalizeStatus(status))}`)
  }

  if (search) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(search)) {
      throw badInput(
        '"search" must be the start of an order id: letters, digits, "-" or "_".'
      )
    }

    clauses.push(`orderId=${search}*`)
  }

  if (args.attention === 'LATE') clauses.push(`(${lateWhere(limits, now)})`)
  if (args.attention === 'DRIFT') clauses.push(`(${driftWhere()})`)
  // The OMS broadcast also writes summaries of orders Pick and Pack never told of: those have
  // no status, and a status or attention filter leaves them out already.
  if (!status && !args.attention) clauses.push('status is not null')

  return clauses.join(' AND ')
}

/** A page of order summaries, oldest in their status first, with a cursor to the next. */
export async function fulfillmentOrders(_: unknown, args: Args, ctx: Context) {
  const size = args.first ?? 50

  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw badInput('"first" must be a whole number from 1 to 100.')
  }

  let page = 1

  if (args.after) {
    try {
      page = decodeCursor(args.after).page
    } catch {
      throw badInput(
        '"after" is not a cursor of this list: start from the first page.'
      )
    }
  }

  if (page * size > MAX_REACHABLE) {
    throw badInput(
      `Only the first ${MAX_REACHABLE.toLocaleString(
        'en-US'
      )} orders of a list can be paged: narrow it with a status or a search.`
    )
  }

  const settings = await readAppSettings(ctx.clients.apps, ctx.vtex)
  const now = Date.now()
  const limits = timeLimits(settings.statusTimeLimits)
  const where = filterOf(args, limits, now)
  let result: { documents: OrderSummaryDocument[]; total: number }

  try {
    result = await new OrderSummaries(ctx.clients.masterdata, ctx.vtex).search(
      where,
      { page, pageSize: size }
    )
  } catch {
    throw storeUnavailable()
  }

  const reachable = Math.min(result.total, MAX_REACHABLE)

  return {
    total: result.total,
    after: page * size < reachable ? encodeCursor(page + 1, size) : null,
    orders: result.documents.map((summary) => ({
      orderId: summary.orderId,
      status: summary.status,
      since: summary.since ?? summary.lastChangeAt,
      late: isLate(summary, limits, now),
      drift: driftOf(summary),
      omsStatus: summary.omsStatus ?? null,
      lastChangeAt: summary.lastChangeAt ?? summary.since,
    })),
  }
}
