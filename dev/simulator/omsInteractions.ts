// The OMS "Add log in orders" call (POST /api/oms/pvt/orders/{orderId}/interactions): the
// order's interactions, as VTEX's own order page lists them. Bodies are checked against VTEX's
// document (oms-orders.openapi.json): `source` and `message`, both strings. Faults of scope
// `oms-write` (and `oms`) apply.
import type { ServerResponse } from 'node:http'

import { applyFaults } from './api'
import type { SimulatorCore } from './core'
import { parseJsonObject, readBody, sendJson } from './http'
import { OMS_NOT_FOUND } from './oms'
import type { OmsCall } from './omsInvoices'

export interface Interaction {
  orderId: string
  source: string
  message: string
  date: string
}

/** Per simulator: what each order's timeline holds, oldest first (bounded). */
const timelines = new WeakMap<SimulatorCore, Map<string, Interaction[]>>()
const KEEP_PER_ORDER = 500

const timeline = (core: SimulatorCore, orderId: string) => {
  let byOrder = timelines.get(core)

  if (!byOrder) {
    byOrder = new Map()
    timelines.set(core, byOrder)
  }

  let list = byOrder.get(orderId)

  if (!list) {
    list = []
    byOrder.set(orderId, list)
  }

  return list
}

export async function addInteraction(
  { core, req, res }: OmsCall,
  orderId: string
): Promise<void> {
  if (!(await applyFaults(core, res, { kind: 'oms-write' }))) return
  if (!core.store.get(orderId)) return sendJson(res, 404, OMS_NOT_FOUND)
  const body = parseJsonObject(await readBody(req))

  if (
    !body ||
    typeof body.source !== 'string' ||
    typeof body.message !== 'string' ||
    Object.keys(body).some((key) => key !== 'source' && key !== 'message')
  ) {
    return sendJson(res, 400, {
      error: {
        code: '1',
        message: 'The body must be {"source": string, "message": string}.',
      },
    })
  }

  const list = timeline(core, orderId)

  list.push({
    orderId,
    source: body.source,
    message: body.message,
    date: new Date().toISOString(),
  })
  if (list.length > KEEP_PER_ORDER) list.shift()
  sendJson(res, 200, {})
}

/** Sandbox only: the order's interactions, so that tests and people can see them. */
export function listInteractions(
  core: SimulatorCore,
  res: ServerResponse,
  orderId: string
): void {
  if (!core.store.get(orderId)) return sendJson(res, 404, OMS_NOT_FOUND)
  sendJson(res, 200, timeline(core, orderId))
}

/** Every order's interactions (persist.ts keeps them across restarts). */
export function exportInteractions(
  core: SimulatorCore
): Record<string, Interaction[]> {
  const byOrder = timelines.get(core)

  return byOrder
    ? Object.fromEntries([...byOrder].filter(([, list]) => list.length > 0))
    : {}
}

/** Puts back what exportInteractions gave, for the orders `isOrder` accepts. */
export function importInteractions(
  core: SimulatorCore,
  saved: Record<string, Interaction[]>,
  isOrder: (orderId: string) => boolean
): void {
  for (const [orderId, list] of Object.entries(saved)) {
    if (!isOrder(orderId) || !Array.isArray(list)) continue
    const kept = list.filter(
      (i) =>
        typeof i?.source === 'string' &&
        typeof i.message === 'string' &&
        typeof i.date === 'string'
    )

    timeline(core, orderId).splice(
      0,
      Infinity,
      ...kept.slice(-KEEP_PER_ORDER).map((i) => ({ ...i, orderId }))
    )
  }
}

/** An order's interactions, oldest first (the sandbox's OMS page shows them). */
export function interactionsOf(
  core: SimulatorCore,
  orderId: string
): readonly Interaction[] {
  return timelines.get(core)?.get(orderId) ?? []
}
