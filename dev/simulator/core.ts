// The simulator's state and the operations shared by its HTTP routes and
// its programmatic API (advance, faults, reset, stats).
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto'

import { FaultState, type Faults } from './faults'
import { signToken, tokenGeneration, verifySignature } from './jwt'
import { HOSTNAME } from './seed'
import { OrderStore, type AdvanceResult } from './state'
import {
  WebhookDispatcher,
  type RetryOptions,
  type WebhookConfig,
} from './webhook'

export interface Stats {
  tokenRequests: number
  tokensIssued: number
  trackingRequests: number
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
}

const zeroStats = (): Stats => ({
  tokenRequests: 0,
  tokensIssued: 0,
  trackingRequests: 0,
  omsRequests: 0,
  unauthorized: 0,
})

const digest = (s: string): Buffer => createHash('sha256').update(s).digest()

export class SimulatorCore {
  public readonly store = new OrderStore()
  public readonly faults = new FaultState()
  public readonly webhooks: WebhookDispatcher
  public stats: Stats = zeroStats()
  /** Bumped by the expireTokens fault: older tokens stop being accepted. */
  private tokenGen = 0
  private readonly apiKeyDigest: Buffer
  /** Set once listening: images and tracking URLs point back at us. */
  public baseUrl = ''

  constructor(private readonly opts: CoreOptions) {
    this.apiKeyDigest = digest(opts.apiKey)
    this.webhooks = new WebhookDispatcher(opts.retry, opts.now, opts.log)
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
    if (typeof header !== 'string' || header.length > 4096) return false
    const claims = verifySignature(header, this.opts.jwtSecret)

    if (!claims) return false

    return (
      claims.env === env &&
      claims.exp * 1000 > this.opts.now() &&
      tokenGeneration(claims) === this.tokenGen
    )
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

  /** Moves an order (see OrderStore.advance) and notifies the webhook. */
  public advance(orderId: string, to?: unknown): AdvanceResult {
    const result = this.store.advance(orderId, to)

    this.opts.log(`${orderId}: ${result.oldStatus} → ${result.newStatus}`)
    this.webhooks.enqueue({ ...result, hostname: HOSTNAME })

    return result
  }

  public resetStats(): void {
    this.stats = zeroStats()
  }

  /** Back to the seed: orders, faults, stats and deliveries. */
  public reset(): void {
    this.webhooks.cancelAll()
    this.webhooks.clearRecords()
    this.store.reset()
    this.faults.clear()
    this.stats = zeroStats()
  }
}

export const randomSecret = (): string => randomBytes(32).toString('hex')
