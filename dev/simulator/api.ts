// The upstream APIs the app calls: Pick and Pack auth and tracking, and the
// OMS "Get order". Each call goes through the configured faults first.
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { SimulatorCore } from './core'
import type { ApiKind } from './faults'
import {
  loseAnswer,
  parseJsonObject,
  readBody,
  send,
  sendJson,
  sleep,
} from './http'
import { OMS_NOT_FOUND, omsOrder } from './oms'
import { trackingPayload } from './tracking'

const ENVS = new Set(['prod', 'dev'])

const NOT_FOUND = { message: 'Resource not found', code: 1001 }
const UNAUTHORIZED = { message: 'Internal server', code: 1000 }
const API_KEY_REQUIRED = { message: 'apiKey is required', code: 1002 }

/** Error body for an injected failure, in the shape each API uses. */
function failureBody(kind: ApiKind, status: number): unknown {
  if (kind === 'oms' || kind === 'oms-write') {
    return { error: { code: String(status), message: 'Simulated failure' } }
  }

  if (status === 401) return UNAUTHORIZED
  if (status === 404) return NOT_FOUND
  if (status === 400) return { message: 'Bad request', code: 1002 }

  return { message: 'Internal error', code: 1003 }
}

/**
 * Applies latency and failures; null when the failure was already sent (its
 * body from `body`, by default the shape of the legacy API or the OMS). A
 * `dropAfterLanding` failure lets the call go on and loses its answer instead.
 */
export async function applyFaults(
  core: SimulatorCore,
  res: ServerResponse,
  {
    kind,
    body = (status) => failureBody(kind, status),
  }: { kind: ApiKind; body?: (status: number) => unknown }
): Promise<{ malformed: boolean } | null> {
  const latency = core.faults.latencyFor(kind)

  if (latency > 0) await sleep(latency)
  const decision = core.faults.decide(kind)

  if (decision.kind === 'fail') {
    sendJson(res, decision.status, body(decision.status))

    return null
  }

  if (decision.kind === 'drop') {
    loseAnswer(res)

    return { malformed: false }
  }

  return { malformed: decision.malformed }
}

/** One call to the legacy API: the simulator, the request being answered, its environment. */
export interface ApiCall {
  core: SimulatorCore
  req: IncomingMessage
  res: ServerResponse
  env: string
}

export async function token({ core, req, res, env }: ApiCall): Promise<void> {
  if (!ENVS.has(env)) return sendJson(res, 404, NOT_FOUND)
  core.stats.tokenRequests += 1
  const text = await readBody(req)

  if (!(await applyFaults(core, res, { kind: 'token' }))) return
  const body = parseJsonObject(text)
  const apiKey = body?.apiKey

  if (typeof apiKey !== 'string' || apiKey === '') {
    return sendJson(res, 400, API_KEY_REQUIRED)
  }

  if (!core.isApiKey(apiKey)) {
    core.stats.unauthorized += 1

    return sendJson(res, 401, UNAUTHORIZED)
  }

  sendJson(res, 200, { message: 'success', data: core.issueToken(env) })
}

export async function tracking(
  { core, req, res, env }: ApiCall,
  orderId: string
): Promise<void> {
  if (!ENVS.has(env)) return sendJson(res, 404, NOT_FOUND)
  core.stats.trackingRequests += 1
  const faults = await applyFaults(core, res, { kind: 'tracking' })

  if (!faults) return
  // The real API takes the bare JWT: "Bearer <jwt>" is refused like any
  // other invalid token.
  if (!core.isAuthorized(req.headers.authorization, env)) {
    core.stats.unauthorized += 1

    return sendJson(res, 401, UNAUTHORIZED)
  }

  const order = core.store.get(orderId)

  if (!order) {
    return sendJson(res, 400, {
      message: `Order not found by ${orderId.slice(0, 100)}`,
      code: 1002,
    })
  }

  // An order from another context (here: OMS only) is "not found" upstream.
  if (order.seed.omsOnly) return sendJson(res, 404, NOT_FOUND)
  const body = JSON.stringify({
    message: 'OK',
    data: trackingPayload(order, core.baseUrl),
  })

  if (faults.malformed) {
    return send(
      res,
      200,
      'application/json; charset=utf-8',
      body.slice(0, Math.floor(body.length / 2))
    )
  }

  send(res, 200, 'application/json; charset=utf-8', body)
}

export async function oms(
  core: SimulatorCore,
  res: ServerResponse,
  orderId: string
): Promise<void> {
  core.stats.omsRequests += 1
  if (!(await applyFaults(core, res, { kind: 'oms' }))) return
  const order = core.store.get(orderId)

  if (!order) return sendJson(res, 404, OMS_NOT_FOUND)
  sendJson(res, 200, omsOrder(order, core.baseUrl))
}
