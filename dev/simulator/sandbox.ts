// Sandbox control routes (/_sandbox/...): drive orders, faults, webhook
// config and stats over HTTP, plus the generated images and tracking pages.
import type { IncomingMessage, ServerResponse } from 'node:http'

import { imageSvg, trackingPage } from './assets'
import type { SimulatorCore } from './core'
import { parseFaults } from './faults'
import { parseJsonObject, readBody, send, sendJson } from './http'
import { parseOmsEventsConfig } from './omsEvents'
import { isOmsAction, OMS_ACTIONS, OmsActionError } from './omsState'
import { SEED_ORDERS } from './seed'
import { AdvanceError } from './state'
import { parseWebhookConfig } from './webhook'
import { parseWebhookDrops } from './webhookDrops'

async function jsonBody(
  req: IncomingMessage,
  res: ServerResponse
): Promise<Record<string, unknown> | null> {
  const body = parseJsonObject(await readBody(req))

  if (!body) sendJson(res, 400, { message: 'Body must be a JSON object' })

  return body
}

export async function advance(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  orderId: string
): Promise<void> {
  const body = await jsonBody(req, res)

  if (!body) return
  try {
    sendJson(res, 200, core.advance(orderId, body.to))
  } catch (err) {
    if (!(err instanceof AdvanceError)) throw err
    sendJson(res, err.httpStatus, { message: err.message })
  }
}

export async function setWebhook(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const body = await jsonBody(req, res)

  if (!body) return
  const config = parseWebhookConfig(body)

  if (typeof config === 'string') return sendJson(res, 400, { message: config })
  core.configureWebhook(config)
  sendJson(res, 200, { webhook: core.webhooks.describe() })
}

/** `{"action": "cancel" | "invoice"}`: the OMS alone cancels or invoices the order. */
export async function omsAction(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  orderId: string
): Promise<void> {
  const body = await jsonBody(req, res)

  if (!body) return
  if (!isOmsAction(body.action)) {
    return sendJson(res, 400, {
      message: `action must be one of ${OMS_ACTIONS.join(', ')}`,
    })
  }

  try {
    sendJson(res, 200, core.omsAction(orderId, body.action))
  } catch (err) {
    if (!(err instanceof OmsActionError)) throw err
    sendJson(res, err.httpStatus, { message: err.message })
  }
}

/** `{"url"}` or `{"urls": [...]}`: where OMS broadcasts go (`{}` turns them off). */
export async function setOmsEvents(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const body = await jsonBody(req, res)

  if (!body) return
  const urls = parseOmsEventsConfig(body)

  if (typeof urls === 'string') return sendJson(res, 400, { message: urls })
  core.configureOmsEvents(urls)
  sendJson(res, 200, { omsEvents: core.omsEvents.describe() })
}

/** `{"anchor"?: ISO date}` (default now): replays the seeded orders' history (replay.ts). */
export async function replay(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const body = await jsonBody(req, res)

  if (!body) return
  const anchor =
    body.anchor === undefined ? core.now() : Date.parse(String(body.anchor))

  if (typeof body.anchor === 'number' || !Number.isFinite(anchor)) {
    return sendJson(res, 400, { message: 'anchor must be an ISO date' })
  }

  sendJson(res, 200, core.replay(anchor))
}

export async function setFaults(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const body = await jsonBody(req, res)

  if (!body) return
  const faults = parseFaults(body)

  if (typeof faults === 'string') return sendJson(res, 400, { message: faults })
  core.setFaults(faults)
  sendJson(res, 200, { faults: core.faults.current() })
}

/** `{next?, orderIds?, rate?, seed?}`: webhooks to lose on purpose (added to the current ones). */
export async function dropWebhooks(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const body = await jsonBody(req, res)

  if (!body) return
  const options = parseWebhookDrops(body, (id) => !!core.store.get(id))

  if (typeof options === 'string') {
    return sendJson(res, 400, { message: options })
  }

  core.webhooks.drops.apply(options)
  sendJson(res, 200, core.webhooks.drops.describe())
}

/** `{"enabled": false}` makes the account "legacy only" (v1: 403 SHR0007B). */
export async function setV1(
  core: SimulatorCore,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const body = await jsonBody(req, res)

  if (!body) return
  if (typeof body.enabled !== 'boolean') {
    return sendJson(res, 400, { message: 'enabled must be a boolean' })
  }

  core.setV1(body.enabled)
  sendJson(res, 200, { v1: { enabled: core.v1Enabled } })
}

export function image(res: ServerResponse, file: string): void {
  const match = /^(.+)\.svg$/.exec(file)
  const svg = match && imageSvg(match[1])

  if (!svg) return sendJson(res, 404, { message: 'Image not found' })
  send(res, 200, 'image/svg+xml', svg)
}

export function trackPage(
  core: SimulatorCore,
  res: ServerResponse,
  trackingId: string
): void {
  const seed = SEED_ORDERS.find((o) => o.shipping?.trackingId === trackingId)
  const state = seed ? core.store.get(seed.orderId) : undefined
  const html = trackingPage(trackingId, state?.status ?? null)

  if (!html) return sendJson(res, 404, { message: 'Tracking id not found' })
  send(res, 200, 'text/html; charset=utf-8', html)
}
