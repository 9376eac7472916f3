// The OMS "List orders" call (GET /api/oms/pvt/orders), as much of it as the app's backfill
// uses: f_creationDate "creationDate:[from TO to]", f_status (comma-separated), orderBy
// creationDate, page (1-based) and per_page (at most 100, as the OMS allows).
import type { IncomingMessage, ServerResponse } from 'node:http'

import { applyFaults } from './api'
import type { SimulatorCore } from './core'
import { sendJson } from './http'
import { omsOrder } from './oms'

const MAX_PER_PAGE = 100

const badRequest = (res: ServerResponse, message: string) =>
  sendJson(res, 400, { error: { code: '1', message } })

export async function listOmsOrders(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  core.stats.omsRequests += 1
  if (!(await applyFaults(core, res, { kind: 'oms' }))) return
  const query = new URL(req.url ?? '/', 'http://sandbox').searchParams
  const page = Number(query.get('page') ?? '1')
  const perPage = Number(query.get('per_page') ?? '15')

  if (!Number.isInteger(page) || page < 1) {
    return badRequest(res, 'page must be a whole number from 1.')
  }

  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    return badRequest(
      res,
      `per_page must be a whole number from 1 to ${MAX_PER_PAGE}.`
    )
  }

  const dates = /^creationDate:\[(.+) TO (.+)\]$/.exec(
    query.get('f_creationDate') ?? 'creationDate:[* TO *]'
  )

  if (!dates) {
    return badRequest(res, 'f_creationDate must be creationDate:[from TO to].')
  }

  const from = dates[1] === '*' ? -Infinity : Date.parse(dates[1])
  const to = dates[2] === '*' ? Infinity : Date.parse(dates[2])

  if (Number.isNaN(from) || Number.isNaN(to)) {
    return badRequest(res, 'f_creationDate dates must be ISO dates.')
  }

  const statuses = query.get('f_status')?.split(',').filter(Boolean) ?? []
  const orders = core.store
    .all()
    .map((order) => omsOrder(order, core.baseUrl) as Record<string, unknown>)
    .filter((order) => {
      const created = Date.parse(String(order.creationDate))

      return (
        created >= from &&
        created <= to &&
        (statuses.length === 0 || statuses.includes(String(order.status)))
      )
    })
    .sort((a, b) =>
      String(a.creationDate).localeCompare(String(b.creationDate))
    )

  const pages = Math.max(1, Math.ceil(orders.length / perPage))

  sendJson(res, 200, {
    list: orders.slice((page - 1) * perPage, page * perPage).map((order) => ({
      orderId: order.orderId,
      creationDate: order.creationDate,
      status: order.status,
      statusDescription: order.statusDescription,
      totalValue: order.value,
    })),
    paging: { total: orders.length, pages, currentPage: page, perPage },
  })
}
