// Pick and Pack simulator + OMS sandbox: one loopback HTTP server used by the
// local sandbox, integration tests and benchmarks.
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'

import * as api from './api'
import { addInteraction, listInteractions } from './omsInteractions'
import { listOmsOrders } from './omsList'
import { omsPage } from './omsPage'
import { readStateFile, restore, writeStateFile } from './persist'
import { deleteSchedule, listSchedules, putSchedule } from './scheduler'
import { listInvoices, updateInvoice, updateTracking } from './omsInvoices'
import { randomSecret, SimulatorCore } from './core'
import type { OmsActionResult, ReplayResult, Stats } from './core'
import type { Faults } from './faults'
import { HttpError, sendJson } from './http'
import * as sandbox from './sandbox'
import * as v1 from './v1api'
import {
  parseOmsEventsConfig,
  type OmsBroadcast,
  type OmsEvent,
  type OmsEventRecord,
  type OmsEventsConfig,
} from './omsEvents'
import type { OmsAction } from './omsState'
import { SEED_ORDERS, type SeededOrderSummary } from './seed'
import type { AdvanceResult } from './state'
import {
  parseWebhookConfig,
  type Delivery,
  type RetryOptions,
  type WebhookConfig,
} from './webhook'
import {
  parseWebhookDrops,
  type WebhookDropOptions,
  type WebhookDropState,
} from './webhookDrops'

export type { AdvanceResult, Delivery, Faults, SeededOrderSummary, Stats }
export type { WebhookConfig, RetryOptions }
export type { WebhookDropOptions, WebhookDropState }
export type { OmsAction, OmsActionResult, ReplayResult }
export type { OmsBroadcast, OmsEvent, OmsEventRecord, OmsEventsConfig }
export { OMS_SENDER, OMS_TOPIC } from './omsEvents'
export { replayPlan, lateShare, pathTo } from './replay'
export type { ReplayOrder, ReplayStep } from './replay'
export { SEEDED_ORDERS, HOSTNAME } from './seed'
export { ALL_STATUSES, FLOW } from './statuses'
export { STATUS_VIEWS } from './statusMap'

export interface SimulatorOptions {
  /** 0 = ephemeral; the CLI defaults to 4010. */
  port?: number
  /** Loopback only unless allowRemote. */
  host?: string
  allowRemote?: boolean
  /** The accepted Api-Key (default 'sandbox-api-key'). */
  apiKey?: string
  /** HMAC key for the JWTs (default: random per process). */
  jwtSecret?: string
  tokenTtlSeconds?: number
  /** Where status changes are delivered. */
  webhook?: WebhookConfig
  /**
   * Where the OMS sandbox's `order-status-updated` broadcasts go: the local host's
   * `/_sandbox/events` URL (`{url}`), or several hosts' (`{urls}`, round-robin).
   */
  omsEvents?: OmsEventsConfig
  /** When set, advance a random non-final order every N ms. */
  autoAdvanceMs?: number
  retry?: RetryOptions
  /**
   * Whether the account is on the v1 API (default true); false: "legacy
   * only", every v1 call answers 403 SHR0007B (POST /_sandbox/v1 switches).
   */
  v1?: boolean
  /**
   * Webhooks to lose on purpose from the start, as `POST /_sandbox/webhooks/drop` takes them
   * (a reset restores them).
   */
  webhookDrops?: WebhookDropOptions
  /** Clock in ms for tokens and dates (default Date.now). */
  now?: () => number
  /** Never receives the Api-Key, JWTs or webhook header values. */
  log?: (line: string) => void
  /**
   * A JSON file that keeps the orders' state (statuses, OMS overrides, invoice writes,
   * interactions) across restarts: read at start when it exists, written after every change.
   * `npm start` keeps it in DATA_DIR beside the app's store (persist.ts).
   */
  stateFile?: string
}

export interface Simulator {
  url: string
  port: number
  close(): Promise<void>
  advance(orderId: string, to?: string): Promise<AdvanceResult>
  stats(): Stats
  deliveries(): Delivery[]
  setFaults(f: Faults): void
  /** false makes the account "legacy only" (v1 answers 403 SHR0007B). */
  setV1(enabled: boolean): void
  configureWebhook(w: SimulatorOptions['webhook']): void
  /** Adds webhooks to lose on purpose (throws on bad options, as the route answers 400). */
  dropWebhooks(options: WebhookDropOptions): WebhookDropState
  /** What is set to drop and what was dropped. */
  webhookDrops(): WebhookDropState
  /** No more drops; counts back to zero. */
  clearWebhookDrops(): void
  /** Where OMS broadcasts go (undefined or `{}` turns them off). */
  configureOmsEvents(c: SimulatorOptions['omsEvents']): void
  /** Cancels or invoices an order in the OMS only, and broadcasts it. */
  omsAction(orderId: string, action: OmsAction): OmsActionResult
  /** Every OMS broadcast attempt (oldest first, the last 1000). */
  omsEvents(): OmsEventRecord[]
  /** Replays the seeded orders' history (webhook and OMS events) dated before `anchorMs`. */
  replay(anchorMs?: number): ReplayResult
  orders(): SeededOrderSummary[]
  /** Resolves once every queued webhook delivery finished or gave up. */
  drainDeliveries(): Promise<void>
  /** Resolves once every queued OMS broadcast was delivered or given up. */
  drainOmsEvents(): Promise<void>
  /** Restores the seed (orders, faults, stats, deliveries). */
  reset(): void
  /** Orders whose state was read back from `stateFile` at start (0: started from the seed). */
  restoredOrders: number
}

const MIN_AUTO_ADVANCE_MS = 50

function isLoopback(host: string): boolean {
  return (
    host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
  )
}

type Params = string[]
type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  p: Params
) => Promise<void> | void

interface Route {
  method: string
  pattern: RegExp
  handler: Handler
}

function routes(core: SimulatorCore): Route[] {
  const r = (method: string, pattern: RegExp, handler: Handler): Route => ({
    method,
    pattern,
    handler,
  })

  const ok = (res: ServerResponse, body: unknown) => sendJson(res, 200, body)
  const controls = sandbox.sandboxControls(core)

  return [
    r('POST', /^\/([^/]+)\/token$/, (q, s, p) =>
      api.token({ core, req: q, res: s, env: p[0] })
    ),
    r('GET', /^\/([^/]+)\/picking-tracking\/([^/]+)$/, (q, s, p) =>
      api.tracking({ core, req: q, res: s, env: p[0] }, p[1])
    ),
    r('GET', /^\/([^/]+)\/v1\/orders\/([^/]+)$/, (q, s, p) =>
      v1.order({ core, req: q, res: s, env: p[0] }, p[1])
    ),
    r('GET', /^\/([^/]+)\/v1\/shipments$/, (q, s, p) =>
      v1.shipments({ core, req: q, res: s, env: p[0] })
    ),
    r('GET', /^\/([^/]+)\/v1\/shipments\/([^/]+)$/, (q, s, p) =>
      v1.shipment({ core, req: q, res: s, env: p[0] }, p[1])
    ),
    r('GET', /^\/([^/]+)\/v1\/worksheets$/, (q, s, p) =>
      v1.worksheets({ core, req: q, res: s, env: p[0] })
    ),
    r('GET', /^\/([^/]+)\/v1\/worksheets\/([^/]+)$/, (q, s, p) =>
      v1.worksheet({ core, req: q, res: s, env: p[0] }, p[1])
    ),
    r('GET', /^\/([^/]+)\/v1\/facilities\/([^/]+)$/, (q, s, p) =>
      v1.facility({ core, req: q, res: s, env: p[0] }, p[1])
    ),
    r('GET', /^\/api\/oms\/pvt\/orders$/, (q, s) => listOmsOrders(core, q, s)),
    r('PUT', /^\/api\/scheduler\/([^/]+)\/([^/]+)$/, (q, s, p) =>
      putSchedule(core, { req: q, res: s }, { workspace: p[0], app: p[1] })
    ),
    r('DELETE', /^\/api\/scheduler\/([^/]+)\/([^/]+)\/([^/]+)$/, (_q, s, p) =>
      deleteSchedule(core, s, { workspace: p[0], app: p[1], id: p[2] })
    ),
    r('GET', /^\/_sandbox\/scheduler$/, (_q, s) => listSchedules(core, s)),
    r('GET', /^\/api\/oms\/pvt\/orders\/([^/]+)$/, (_q, s, p) =>
      api.oms(core, s, p[0])
    ),
    r('POST', /^\/api\/oms\/pvt\/orders\/([^/]+)\/interactions$/, (q, s, p) =>
      addInteraction({ core, req: q, res: s }, p[0])
    ),
    r('GET', /^\/_sandbox\/orders\/([^/]+)\/interactions$/, (_q, s, p) =>
      listInteractions(core, s, p[0])
    ),
    // The invoice number is one encoded segment ("NF 651/1" is NF%20651%2F1): matched encoded,
    // decoded by dispatch.
    r(
      'PATCH',
      /^\/api\/oms\/pvt\/orders\/([^/]+)\/invoice\/([^/]+)$/,
      (q, s, p) =>
        updateInvoice(
          { core, req: q, res: s },
          { orderId: p[0], invoiceNumber: p[1] }
        )
    ),
    r(
      'PUT',
      /^\/api\/oms\/pvt\/orders\/([^/]+)\/invoice\/([^/]+)\/tracking$/,
      (q, s, p) =>
        updateTracking(
          { core, req: q, res: s },
          { orderId: p[0], invoiceNumber: p[1] }
        )
    ),
    r('GET', /^\/_sandbox\/orders\/([^/]+)\/invoices$/, (_q, s, p) =>
      listInvoices(core, s, p[0])
    ),
    r('GET', /^\/_sandbox\/health$/, (_q, s) => ok(s, { ok: true })),
    r('GET', /^\/_sandbox\/orders$/, (_q, s) => ok(s, core.store.summaries())),
    r('POST', /^\/_sandbox\/orders\/([^/]+)\/advance$/, controls.advance),
    r('POST', /^\/_sandbox\/orders\/([^/]+)\/oms$/, controls.omsAction),
    r('POST', /^\/_sandbox\/replay$/, controls.replay),
    r('GET', /^\/_sandbox\/oms-events$/, (_q, s) =>
      ok(s, { omsEvents: core.omsEvents.describe() })
    ),
    r('POST', /^\/_sandbox\/oms-events$/, controls.setOmsEvents),
    r('GET', /^\/_sandbox\/oms-events\/sent$/, (_q, s) =>
      ok(s, core.omsEvents.sent())
    ),
    r('GET', /^\/_sandbox\/deliveries$/, (_q, s) =>
      ok(s, core.webhooks.deliveries())
    ),
    r('GET', /^\/_sandbox\/webhook$/, (_q, s) =>
      ok(s, { webhook: core.webhooks.describe() })
    ),
    r('POST', /^\/_sandbox\/webhook$/, controls.setWebhook),
    r('GET', /^\/_sandbox\/webhooks\/drop$/, (_q, s) =>
      ok(s, core.webhooks.drops.describe())
    ),
    r('POST', /^\/_sandbox\/webhooks\/drop$/, controls.dropWebhooks),
    r('DELETE', /^\/_sandbox\/webhooks\/drop$/, (_q, s) => {
      core.webhooks.drops.clear()
      ok(s, core.webhooks.drops.describe())
    }),
    r('POST', /^\/_sandbox\/reset$/, (_q, s) => {
      core.reset()
      ok(s, { reset: true })
    }),
    r('GET', /^\/_sandbox\/faults$/, (_q, s) =>
      ok(s, { faults: core.faults.current() })
    ),
    r('POST', /^\/_sandbox\/faults$/, controls.setFaults),
    r('DELETE', /^\/_sandbox\/faults$/, (_q, s) => {
      core.faults.clear()
      ok(s, { faults: core.faults.current() })
    }),
    r('GET', /^\/_sandbox\/v1$/, (_q, s) =>
      ok(s, { v1: { enabled: core.v1Enabled } })
    ),
    r('POST', /^\/_sandbox\/v1$/, controls.setV1),
    r('GET', /^\/_sandbox\/stats$/, (_q, s) => ok(s, core.stats)),
    r('POST', /^\/_sandbox\/stats\/reset$/, (_q, s) => {
      core.resetStats()
      ok(s, core.stats)
    }),
    r('GET', /^\/_sandbox\/images\/([^/]+)$/, (_q, s, p) =>
      sandbox.image(s, p[0])
    ),
    r('GET', /^\/_sandbox\/track\/([^/]+)$/, (_q, s, p) =>
      sandbox.trackPage(core, s, p[0])
    ),
    // VTEX admin's order page, where the app's "Open in OMS" goes (the local admin redirects).
    r('GET', /^\/admin\/orders\/([^/]+)$/, (_q, s, p) =>
      omsPage(core, s, p[0])
    ),
  ]
}

const NOT_FOUND = { message: 'Resource not found', code: 1001 }

async function dispatch(
  table: Route[],
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const [path] = (req.url ?? '/').split('?')
  let pathMatched = false

  for (const route of table) {
    const m = route.pattern.exec(path)

    if (!m) continue
    pathMatched = true
    if (route.method !== req.method) continue
    let params: string[]

    try {
      params = m.slice(1).map((p) => decodeURIComponent(p))
    } catch {
      return sendJson(res, 400, {
        message: 'Malformed URL encoding',
        code: 1002,
      })
    }

    return route.handler(req, res, params)
  }

  req.resume()
  if (pathMatched) {
    return sendJson(res, 405, { message: `Method ${req.method} not allowed` })
  }

  sendJson(res, 404, NOT_FOUND)
}

export async function startSimulator(
  opts: SimulatorOptions = {}
): Promise<Simulator> {
  const host = opts.host ?? '127.0.0.1'

  if (!isLoopback(host) && !opts.allowRemote) {
    throw new Error(
      `Refusing to bind the simulator to ${host}: use a loopback address ` +
        'or pass allowRemote: true'
    )
  }

  const log = opts.log ?? (() => undefined)
  const core = new SimulatorCore({
    apiKey: opts.apiKey ?? 'sandbox-api-key',
    jwtSecret: opts.jwtSecret ?? randomSecret(),
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 900,
    retry: opts.retry ?? {},
    now: opts.now ?? Date.now,
    log,
    v1: opts.v1 ?? true,
    webhookDrops: opts.webhookDrops
      ? checkedDrops(opts.webhookDrops, (id) =>
          SEED_ORDERS.some((o) => o.orderId === id)
        )
      : undefined,
  })

  if (opts.webhook) core.configureWebhook(checkedWebhook(opts.webhook))
  if (opts.omsEvents) core.configureOmsEvents(checkedOmsEvents(opts.omsEvents))

  const { stateFile } = opts
  const restoredOrders = stateFile ? restore(core, readStateFile(stateFile)) : 0
  /** Writes the orders' state after a change (when a state file is set). */
  const persist = () => {
    if (!stateFile) return
    try {
      writeStateFile(stateFile, core)
    } catch (err) {
      log(`state not saved: ${err instanceof Error ? err.message : 'unknown'}`)
    }
  }

  const table = routes(core)
  const server: Server = createServer((req, res) => {
    const changes = req.method !== 'GET' && req.method !== 'HEAD'

    dispatch(table, req, res)
      .finally(() => {
        if (changes) persist()
      })
      .catch((err: unknown) => {
        if (err instanceof HttpError) {
          res.setHeader('connection', 'close')

          return sendJson(res, err.status, err.body)
        }

        log(`internal error: ${err instanceof Error ? err.message : 'unknown'}`)
        sendJson(res, 500, { message: 'Internal error', code: 1003 })
      })
  })

  server.keepAliveTimeout = 5000
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  core.baseUrl = url
  log(`Pick and Pack simulator listening on ${url}`)

  let autoTimer: NodeJS.Timeout | undefined

  if (opts.autoAdvanceMs !== undefined && opts.autoAdvanceMs > 0) {
    autoTimer = setInterval(() => {
      const ids = core.store.advanceable()

      if (ids.length === 0) return
      core.advance(ids[Math.floor(Math.random() * ids.length)])
      persist()
    }, Math.max(MIN_AUTO_ADVANCE_MS, opts.autoAdvanceMs))
    autoTimer.unref()
  }

  let closing: Promise<void> | undefined

  return {
    url,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (autoTimer) clearInterval(autoTimer)
        core.webhooks.cancelAll()
        core.omsEvents.cancelAll()
        server.close(() => resolve())
        server.closeAllConnections()
      })

      return closing
    },
    async advance(orderId, to) {
      try {
        return core.advance(orderId, to)
      } finally {
        persist()
      }
    },
    stats: () => ({ ...core.stats }),
    deliveries: () => core.webhooks.deliveries(),
    setFaults: (f) => core.setFaults(f),
    setV1: (enabled) => core.setV1(enabled),
    configureWebhook: (w) => core.configureWebhook(checkedWebhook(w)),
    dropWebhooks(options) {
      core.webhooks.drops.apply(
        checkedDrops(options, (id) => !!core.store.get(id))
      )

      return core.webhooks.drops.describe()
    },
    webhookDrops: () => core.webhooks.drops.describe(),
    clearWebhookDrops: () => core.webhooks.drops.clear(),
    configureOmsEvents: (c) => core.configureOmsEvents(checkedOmsEvents(c)),
    omsAction(orderId, action) {
      try {
        return core.omsAction(orderId, action)
      } finally {
        persist()
      }
    },
    omsEvents: () => core.omsEvents.sent(),
    replay(anchorMs) {
      const result = core.replay(anchorMs ?? core.now())

      persist()

      return result
    },
    orders: () => core.store.summaries(),
    drainDeliveries: () => core.webhooks.drain(),
    drainOmsEvents: () => core.omsEvents.drain(),
    reset() {
      core.reset()
      persist()
    },
    restoredOrders,
  }
}

/** Same validation as POST /_sandbox/webhook; throws on a bad config. */
function checkedWebhook(w: WebhookConfig | undefined): WebhookConfig | null {
  const parsed = parseWebhookConfig(w)

  if (typeof parsed === 'string') throw new Error(`Invalid webhook: ${parsed}`)

  return parsed
}

/** Same validation as POST /_sandbox/webhooks/drop; throws on bad options. */
function checkedDrops(
  options: WebhookDropOptions,
  isOrder: (orderId: string) => boolean
): WebhookDropOptions {
  const parsed = parseWebhookDrops({ ...options }, isOrder)

  if (typeof parsed === 'string') {
    throw new Error(`Invalid webhookDrops: ${parsed}`)
  }

  return parsed
}

/** Same validation as POST /_sandbox/oms-events; throws on a bad config. */
function checkedOmsEvents(c: OmsEventsConfig | undefined): string[] | null {
  const parsed = parseOmsEventsConfig(c)

  if (typeof parsed === 'string') {
    throw new Error(`Invalid omsEvents: ${parsed}`)
  }

  return parsed
}
