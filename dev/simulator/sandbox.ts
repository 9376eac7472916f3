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

type Body = Record<string, unknown>

/**
 * A control route taking a JSON object. What `answer` returns is sent with 200; a string it
 * returns is the caller's mistake (400), and so is an order error it throws (its own status).
 */
const jsonControl =
  (answer: (body: Body, params: string[]) => unknown) =>
  async (req: IncomingMessage, res: ServerResponse, params: string[]) => {
    const body = parseJsonObject(await readBody(req))

    if (!body)
      return sendJson(res, 400, { message: 'Body must be a JSON object' })
    try {
      const reply = answer(body, params)

      if (typeof reply === 'string') sendJson(res, 400, { message: reply })
      else sendJson(res, 200, reply)
    } catch (err) {
      if (!(err instanceof AdvanceError || err instanceof OmsActionError)) {
        throw err
      }

      sendJson(res, err.httpStatus, { message: err.message })
    }
  }

/** A control whose body is parsed first: a string from `parse` is the refusal, sent as 400. */
const parsedControl = <T>(
  parse: (body: Body) => T | string,
  apply: (value: T) => unknown
) =>
  jsonControl((body) => {
    const value = parse(body)

    return typeof value === 'string' ? value : apply(value)
  })

/** The sandbox's JSON controls; each route's params are its pattern's groups. */
export const sandboxControls = (core: SimulatorCore) => ({
  /** `{"to"?: status}`: moves the order to its next flow status, or straight to `to`. */
  advance: jsonControl((body, [orderId]) => core.advance(orderId, body.to)),

  /** `{"action": "cancel" | "invoice"}`: the OMS alone cancels or invoices the order. */
  omsAction: jsonControl((body, [orderId]) =>
    isOmsAction(body.action)
      ? core.omsAction(orderId, body.action)
      : `action must be one of ${OMS_ACTIONS.join(', ')}`
  ),

  setWebhook: parsedControl(parseWebhookConfig, (config) => {
    core.configureWebhook(config)

    return { webhook: core.webhooks.describe() }
  }),

  /** `{"url"}` or `{"urls": [...]}`: where OMS broadcasts go (`{}` turns them off). */
  setOmsEvents: parsedControl(parseOmsEventsConfig, (urls) => {
    core.configureOmsEvents(urls)

    return { omsEvents: core.omsEvents.describe() }
  }),

  /** `{"anchor"?: ISO date}` (default now): replays the seeded orders' history (replay.ts). */
  replay: jsonControl((body) => {
    const anchor =
      body.anchor === undefined ? core.now() : Date.parse(String(body.anchor))

    return typeof body.anchor === 'number' || !Number.isFinite(anchor)
      ? 'anchor must be an ISO date'
      : core.replay(anchor)
  }),

  setFaults: parsedControl(parseFaults, (faults) => {
    core.setFaults(faults)

    return { faults: core.faults.current() }
  }),

  /** `{next?, orderIds?, rate?, seed?}`: webhooks to lose on purpose, beside those set. */
  dropWebhooks: parsedControl(
    (body) => parseWebhookDrops(body, (id) => !!core.store.get(id)),
    (options) => {
      core.webhooks.drops.apply(options)

      return core.webhooks.drops.describe()
    }
  ),

  /** `{"enabled": false}` makes the account "legacy only" (v1: 403 SHR0007B). */
  setV1: jsonControl((body) => {
    if (typeof body.enabled !== 'boolean') return 'enabled must be a boolean'
    core.setV1(body.enabled)

    return { v1: { enabled: core.v1Enabled } }
  }),
})

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
