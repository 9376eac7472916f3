// The Pick and Pack v1 API (`/{env}/v1/...`, VTEX's OpenAPI document), with
// `Authorization: Bearer <JWT>` (the token endpoint's JWT) and errors as
// `{type, code, message, date, requestId}`. Bodies: v1.ts. Every call goes
// through the faults of scope 'v1' first, then the token, then the account's
// v1 switch (POST /_sandbox/v1).
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { applyFaults } from './api'
import type { SimulatorCore } from './core'
import { send, sendJson } from './http'
import type { OrderState } from './state'
import {
  FACILITY,
  FACILITY_ID,
  hasShipment,
  hasWorksheet,
  shipmentIdOf,
  v1Order,
  v1Shipment,
  v1ShipmentList,
  v1Worksheet,
  v1WorksheetList,
  worksheetIdOf,
} from './v1'

const ENVS = new Set(['prod', 'dev'])
const FILTER_METHODS = new Set(['BY_INTERNAL_ID', 'BY_EXTERNAL_ID'])

/** One v1 request: what every handler works with. */
export interface V1Call {
  core: SimulatorCore
  req: IncomingMessage
  res: ServerResponse
  env: string
}

interface V1ErrorFields {
  type: 'business' | 'exception'
  code: string
  message: string
}

/** The document's error body. */
export function v1Error(core: SimulatorCore, error: V1ErrorFields) {
  return {
    ...error,
    date: new Date(core.now()).toISOString(),
    requestId: randomUUID(),
  }
}

function fail({ core, res }: V1Call, status: number, error: V1ErrorFields) {
  sendJson(res, status, v1Error(core, error))
}

/** The document's 403 ExpiredToken example (a gateway deny: no type, date). */
const expiredToken = () => ({
  message:
    'User is not authorized to access this resource with an explicit deny',
  code: 'EXPIRED_TOKEN',
  reason: 'Expired token',
  requestId: randomUUID(),
})

const shown = (id: string) => id.slice(0, 100)

/** What a refused call was about, for SHR0007B's message. */
interface Target {
  resource: 'order' | 'shipment' | 'worksheet' | 'facility'
  id: string
}

/**
 * What every v1 call goes through: env, stats, faults, token, v1 switch.
 * Null when the answer was already sent.
 */
async function gate(
  call: V1Call,
  target: Target
): Promise<{ malformed: boolean } | null> {
  const { core, req, res, env } = call

  if (!ENVS.has(env)) {
    req.resume()
    fail(call, 404, {
      type: 'business',
      code: 'NOT_FOUND',
      message: `Unknown environment ${shown(env)}`,
    })

    return null
  }

  core.stats.v1Requests += 1
  const faults = await applyFaults(core, res, {
    kind: 'v1',
    body: (status) =>
      v1Error(core, {
        type: status >= 500 ? 'exception' : 'business',
        code: 'SIMULATED_FAILURE',
        message: `Simulated failure (${status})`,
      }),
  })

  if (!faults) return null
  const header = req.headers.authorization
  const bearer =
    typeof header === 'string' ? /^Bearer ([^\s]+)$/.exec(header) : null

  const check = bearer ? core.checkToken(bearer[1], env) : 'invalid'

  if (check !== 'ok') {
    core.stats.unauthorized += 1
    if (check === 'expired') sendJson(res, 403, expiredToken())
    else {
      fail(call, 401, {
        type: 'business',
        code: 'UNAUTHORIZED',
        message: bearer
          ? 'Invalid token'
          : 'Authorization: Bearer <JWT> is required (POST /{env}/token)',
      })
    }

    return null
  }

  if (!core.v1Enabled) {
    // What a store that is not on the v1 API gets (the document's example).
    fail(call, 403, {
      type: 'business',
      code: 'SHR0007B',
      message: `You do not have access to this ${target.resource} [${shown(
        target.id
      )}]`,
    })

    return null
  }

  return faults
}

/** 200 with `body`, cut in half when the malformed fault is on. */
function answer(
  { res }: V1Call,
  faults: { malformed: boolean },
  body: unknown
): void {
  const text = JSON.stringify(body)

  send(
    res,
    200,
    'application/json; charset=utf-8',
    faults.malformed ? text.slice(0, Math.floor(text.length / 2)) : text
  )
}

const queryOrderId = (req: IncomingMessage): string | null => {
  const value = new URL(req.url ?? '/', 'http://simulator').searchParams.get(
    'orderId'
  )

  return value === null || value === '' ? null : value
}

/** A Pick and Pack order (OMS-only orders are not). */
function knownOrder(
  core: SimulatorCore,
  orderId: string
): OrderState | undefined {
  const found = core.store.get(orderId)

  return found && !found.seed.omsOnly ? found : undefined
}

const orderNotFound = (call: V1Call, orderId: string) =>
  fail(call, 404, {
    type: 'exception',
    code: 'WORK0001B',
    message: `Order not found [${shown(orderId)}]`,
  })

const orderIdRequired = (call: V1Call, code: string) =>
  fail(call, 400, {
    type: 'business',
    code,
    message: 'Query string parameter {orderId} is required',
  })

/** `GET /{env}/v1/orders/{orderId}`; an order v1 does not know: 404 WORK0001B. */
export async function order(call: V1Call, orderId: string): Promise<void> {
  const faults = await gate(call, { resource: 'order', id: orderId })

  if (!faults) return
  const found = knownOrder(call.core, orderId)

  if (!found) return orderNotFound(call, orderId)
  answer(call, faults, v1Order(found, call.core.baseUrl))
}

/** `GET /{env}/v1/shipments?orderId=`: [] when the order has none (yet). */
export async function shipments(call: V1Call): Promise<void> {
  const orderId = queryOrderId(call.req)
  const faults = await gate(call, { resource: 'order', id: orderId ?? '' })

  if (!faults) return
  if (orderId === null) return orderIdRequired(call, 'ORD0001B')
  const found = knownOrder(call.core, orderId)

  answer(call, faults, found ? v1ShipmentList(found) : [])
}

/**
 * `GET /{env}/v1/shipments/{shipmentId}`, header `X-PNP-FilterMethod`:
 * BY_INTERNAL_ID takes the shipment's `id`, BY_EXTERNAL_ID the carrier's
 * tracking number (its `serviceId`, the legacy `trackingId`).
 */
export async function shipment(
  call: V1Call,
  shipmentId: string
): Promise<void> {
  const faults = await gate(call, { resource: 'shipment', id: shipmentId })

  if (!faults) return
  const method = call.req.headers['x-pnp-filtermethod']

  if (typeof method !== 'string' || !FILTER_METHODS.has(method)) {
    return fail(call, 400, {
      type: 'business',
      code: 'GEN0001B',
      message:
        'Header X-PNP-FilterMethod must be BY_INTERNAL_ID or BY_EXTERNAL_ID',
    })
  }

  const found = call.core.store
    .all()
    .find(
      (o) =>
        !o.seed.omsOnly &&
        hasShipment(o) &&
        (method === 'BY_INTERNAL_ID'
          ? shipmentIdOf(o.seed.orderId) === shipmentId
          : o.seed.shipping?.trackingId === shipmentId)
    )

  const body = found && v1Shipment(found, call.core.baseUrl)

  if (!body) {
    return fail(call, 404, {
      type: 'exception',
      code: 'TRP0005E',
      message: `Shipment not found [${shown(shipmentId)}]`,
    })
  }

  answer(call, faults, body)
}

/** `GET /{env}/v1/worksheets?orderId=`: [] before READY_FOR_PICKING. */
export async function worksheets(call: V1Call): Promise<void> {
  const orderId = queryOrderId(call.req)
  const faults = await gate(call, { resource: 'order', id: orderId ?? '' })

  if (!faults) return
  if (orderId === null) return orderIdRequired(call, 'GEN0001B')
  const found = knownOrder(call.core, orderId)

  if (!found) return orderNotFound(call, orderId)
  answer(call, faults, v1WorksheetList(found))
}

/** `GET /{env}/v1/worksheets/{worksheetId}` (the `worksheetId`, not the id). */
export async function worksheet(
  call: V1Call,
  worksheetId: string
): Promise<void> {
  const faults = await gate(call, { resource: 'worksheet', id: worksheetId })

  if (!faults) return
  const found = call.core.store
    .all()
    .find(
      (o) =>
        !o.seed.omsOnly &&
        hasWorksheet(o) &&
        worksheetIdOf(o.seed.orderId) === worksheetId
    )

  const body = found && v1Worksheet(found, call.core.baseUrl)

  if (!body) {
    return fail(call, 404, {
      type: 'exception',
      code: 'WORK0001B',
      message: `Worksheet not found [${shown(worksheetId)}]`,
    })
  }

  answer(call, faults, body)
}

/** `GET /{env}/v1/facilities/{facilityId}`: the one store of the sandbox. */
export async function facility(
  call: V1Call,
  facilityId: string
): Promise<void> {
  const faults = await gate(call, { resource: 'facility', id: facilityId })

  if (!faults) return
  if (facilityId !== FACILITY_ID) {
    return fail(call, 404, {
      type: 'exception',
      code: 'FAC0001B',
      message: `Facility not found [${shown(facilityId)}]`,
    })
  }

  answer(call, faults, FACILITY)
}
