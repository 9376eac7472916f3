// The simulator's state and the operations shared by its HTTP routes and
// its programmatic API (advance, faults, reset, stats).
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto'

import { FaultState, type Faults } from './faults'
import { invoiceNumber } from './oms'
import { signToken, tokenGeneration, verifySignature } from './jwt'
import {
  omsEvent,
  OmsEventDispatcher,
  type OmsBroadcast,
  type OmsEvent,
  type OmsEventQueueing,
} from './omsEvents'
import {
  applyOmsAction,
  omsChangedAt,
  omsStatusOf,
  OmsActionError,
  type OmsAction,
} from './omsState'
import { lateShare, replayPlan } from './replay'
import { HOSTNAME } from './seed'
import { OrderStore, type AdvanceResult } from './state'
import {
  WebhookDispatcher,
  type RetryOptions,
  type WebhookConfig,
} from './webhook'
import type { WebhookDropOptions } from './webhookDrops'

/** What an OMS control did: the order's new OMS status and the broadcast it sent. */
export interface OmsActionResult {
  orderId: string
  action: OmsAction
  oms: { status: string; lastStatus: string; invoiceNumber?: string }
  event: OmsEvent
  /** `queued`: on its way to the configured host; else why it was not sent. */
  delivery: OmsEventQueueing
}

/** What a replay queued. */
export interface ReplayResult {
  anchor: string
  orders: number
  notifications: number
  omsEvents: number
  /** Late at the anchor by the app's default limits (see replay.ts). */
  late: ReturnType<typeof lateShare>
  webhook: 'queued' | 'not configured'
  omsDelivery: OmsEventQueueing
}

export interface Stats {
  tokenRequests: number
  tokensIssued: number
  trackingRequests: number
  /** Calls to the v1 API (every /{env}/v1/... route). */
  v1Requests: number
  omsRequests: number
  unauthorized: number
}

export interface CoreOptions {
  apiKey: string
  jwtSecret: string
  tokenTtlSeconds: number
  retry: RetryOptions
  now: () => number
  log: (line: string) => void
  /** Whether the account is on the v1 API (after a reset too). */
  v1: boolean
  /** Webhooks to lose on purpose from the start (after a reset too). */
  webhookDrops?: WebhookDropOptions
}

/** A token's standing: live, expired (or revoked), or not one of ours. */
export type TokenCheck = 'ok' | 'expired' | 'invalid'

const zeroStats = (): Stats => ({
  tokenRequests: 0,
  tokensIssued: 0,
  trackingRequests: 0,
  v1Requests: 0,
  omsRequests: 0,
  unauthorized: 0,
})

const digest = (s: string): Buffer => createHash('sha256').update(s).digest()

export class SimulatorCore {
  public readonly store = new OrderStore()
  public readonly faults = new FaultState()
  public readonly webhooks: WebhookDispatcher
  public readonly omsEvents: OmsEventDispatcher
  public stats: Stats = zeroStats()
  /** Bumped by the expireTokens fault: older tokens stop being accepted. */
  private tokenGen = 0
  private readonly apiKeyDigest: Buffer
  /** Set once listening: images and tracking URLs point back at us. */
  public baseUrl = ''
  /** false: a "legacy only" account, every v1 call answers 403 SHR0007B. */
  public v1Enabled: boolean

  constructor(private readonly opts: CoreOptions) {
    this.apiKeyDigest = digest(opts.apiKey)
    this.webhooks = new WebhookDispatcher(opts.retry, opts.now, opts.log)
    this.webhooks.drops.startWith(opts.webhookDrops ?? {})
    this.omsEvents = new OmsEventDispatcher({
      retry: opts.retry,
      now: opts.now,
      log: opts.log,
    })
    this.v1Enabled = opts.v1
  }

  public get now(): () => number {
    return this.opts.now
  }

  public get log(): (line: string) => void {
    return this.opts.log
  }

  /** Constant-time comparison (hashing first evens out the lengths). */
  public isApiKey(candidate: string): boolean {
    return timingSafeEqual(digest(candidate), this.apiKeyDigest)
  }

  public issueToken(env: string): string {
    const iat = Math.floor(this.opts.now() / 1000)

    this.stats.tokensIssued += 1

    return signToken(
      { hostname: HOSTNAME, env, iat, exp: iat + this.opts.tokenTtlSeconds },
      this.tokenGen,
      this.opts.jwtSecret
    )
  }

  /** Whether an Authorization header value is a live token for `env`. */
  public isAuthorized(header: unknown, env: string): boolean {
    return this.checkToken(header, env) === 'ok'
  }

  /**
   * A token signed by us for `env` is 'expired' past its `exp` or once the
   * expireTokens fault revoked it; anything else that is not live is
   * 'invalid'.
   */
  public checkToken(token: unknown, env: string): TokenCheck {
    if (typeof token !== 'string' || token.length > 4096) return 'invalid'
    const claims = verifySignature(token, this.opts.jwtSecret)

    if (!claims || claims.env !== env) return 'invalid'
    if (
      claims.exp * 1000 <= this.opts.now() ||
      tokenGeneration(claims) !== this.tokenGen
    ) {
      return 'expired'
    }

    return 'ok'
  }

  public setV1(enabled: boolean): void {
    this.v1Enabled = enabled
    this.opts.log(`v1 API ${enabled ? 'enabled' : 'disabled (legacy only)'}`)
  }

  public setFaults(faults: Faults): void {
    if (faults.expireTokens) this.tokenGen += 1
    this.faults.set(faults)
    this.opts.log(`faults set: ${JSON.stringify(this.faults.current())}`)
  }

  public configureWebhook(config: WebhookConfig | null): void {
    this.webhooks.configure(config)
    const d = this.webhooks.describe()

    this.opts.log(d ? `webhook → ${d.method} ${d.url}` : 'webhook disabled')
  }

  public configureOmsEvents(urls: string[] | null): void {
    this.omsEvents.configure(urls)
    const d = this.omsEvents.describe()

    this.opts.log(
      d ? `OMS events → POST ${d.urls.join(', ')}` : 'OMS events disabled'
    )
  }

  /**
   * Moves an order (see OrderStore.advance) and notifies the webhook; when its OMS status
   * follows (ready-for-handling → handling → invoice → invoiced, or canceled), the OMS
   * broadcasts the change.
   */
  public advance(orderId: string, to?: unknown): AdvanceResult {
    const before = this.store.get(orderId)
    const omsBefore = before ? omsStatusOf(before) : undefined
    const result = this.store.advance(orderId, to)

    this.opts.log(`${orderId}: ${result.oldStatus} → ${result.newStatus}`)
    this.webhooks.enqueue({ ...result, hostname: HOSTNAME })
    const order = this.store.get(orderId)

    if (order && omsBefore !== undefined && omsStatusOf(order) !== omsBefore) {
      const at = new Date(this.opts.now()).toISOString()

      this.broadcast({
        domain: 'Marketplace',
        orderId,
        currentState: omsStatusOf(order),
        lastState: omsBefore,
        currentChangeDate: at,
        lastChangeDate: omsChangedAt(order),
      })
      order.omsChangedAt = at
    }

    return result
  }

  /** Cancels or invoices an order in the OMS only, and broadcasts it (Pick and Pack unchanged). */
  public omsAction(orderId: string, action: OmsAction): OmsActionResult {
    const order = this.store.get(orderId)

    if (!order) {
      throw new OmsActionError(
        404,
        `Order ${orderId} is not in the OMS sandbox`
      )
    }

    const at = new Date(this.opts.now()).toISOString()
    const { lastState, lastChangeDate } = applyOmsAction(order, action, at)
    const body: OmsBroadcast = {
      domain: 'Marketplace',
      orderId,
      currentState: omsStatusOf(order),
      lastState,
      currentChangeDate: at,
      lastChangeDate,
    }

    this.opts.log(`${orderId}: OMS ${lastState} → ${body.currentState}`)

    return {
      orderId,
      action,
      oms: {
        status: body.currentState,
        lastStatus: lastState,
        ...(action === 'invoice' && {
          invoiceNumber: invoiceNumber(order.seed),
        }),
      },
      event: omsEvent(body),
      delivery: this.broadcast(body),
    }
  }

  /**
   * Sends every seeded order's history (webhook notifications dated before `anchorMs`) and the
   * broadcast of its seeded OMS status; see replay.ts. Queued, never awaited: drain the
   * dispatchers to wait.
   */
  public replay(anchorMs: number): ReplayResult {
    const plan = replayPlan(anchorMs)
    let omsDelivery: OmsEventQueueing = 'queued'

    for (const order of plan) {
      for (const step of order.steps) {
        this.webhooks.enqueue({
          orderId: order.orderId,
          ...step,
          hostname: HOSTNAME,
        })
      }

      const state = this.store.get(order.orderId)

      // An order still as seeded: its OMS status changed when the replay says.
      if (state && state.status === state.seed.status && !state.oms) {
        state.omsChangedAt = order.oms.currentChangeDate
      }

      const queued = this.broadcast(order.oms)

      if (queued !== 'queued') omsDelivery = queued
    }

    const notifications = plan.reduce((n, o) => n + o.steps.length, 0)

    this.opts.log(
      `replay: ${notifications} notifications of ${plan.length} orders, ` +
        `${plan.length} OMS events, anchor ${new Date(anchorMs).toISOString()}`
    )

    return {
      anchor: new Date(anchorMs).toISOString(),
      orders: plan.length,
      notifications,
      omsEvents: plan.length,
      late: lateShare(plan),
      webhook: this.webhooks.describe() ? 'queued' : 'not configured',
      omsDelivery,
    }
  }

  private broadcast(body: OmsBroadcast): OmsEventQueueing {
    return this.omsEvents.enqueue(body)
  }

  public resetStats(): void {
    this.stats = zeroStats()
  }

  /**
   * Back to the seed: orders (their OMS status, invoices), faults, stats, deliveries, OMS
   * events, and the v1 switch and webhook drops as started.
   */
  public reset(): void {
    this.webhooks.cancelAll()
    this.webhooks.clearRecords()
    this.webhooks.drops.reset()
    this.omsEvents.cancelAll()
    this.omsEvents.clearRecords()
    this.store.reset()
    this.faults.clear()
    this.stats = zeroStats()
    this.v1Enabled = this.opts.v1
  }
}

export const randomSecret = (): string => randomBytes(32).toString('hex')
