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

  /** Back to the seed: orders, faults, stats, deliveries and the v1 switch. */
  public reset(): void {
    this.webhooks.cancelAll()
    this.webhooks.clearRecords()
    this.store.reset()
    this.faults.clear()
    this.stats = zeroStats()
    this.v1Enabled = this.opts.v1
  }
}

export const randomSecret = (): string => randomBytes(32).toString('hex')
