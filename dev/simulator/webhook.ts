// Webhook delivery of status changes: one queue per order (a change waits
// for the previous one of the same order), bounded exponential retries, and
// a record of every attempt without any header value.
import type { RetryOptions } from './delivery'
import { DeliveryQueues, backoff, clamp } from './delivery'
import type { FulfillmentStatus } from './statuses'
import { WebhookDrops } from './webhookDrops'

export type { RetryOptions }

export interface WebhookConfig {
  url: string
  method?: 'POST' | 'PUT'
  headers?: Record<string, string>
  query?: Record<string, string>
}

export interface StatusChange {
  orderId: string
  /** null: the order's first notification (it entered Pick and Pack). */
  oldStatus: FulfillmentStatus | null
  newStatus: FulfillmentStatus
  hostname: string
  /** When it happened (ISO); default: when it was queued. A replay sends past dates. */
  date?: string
}

export interface Delivery {
  /** Identifies the notification: every attempt of one change shares it. */
  id: string
  orderId: string
  oldStatus: string | null
  newStatus: string
  attempt: number
  /** HTTP status answered, 0 on a network error or timeout. */
  status: number
  error?: string
  at: string
  delivered: boolean
}

const MAX_ATTEMPTS = 20
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/

/** Validates a webhook config; null clears it; a string says what is wrong. */
export function parseWebhookConfig(
  value: unknown
): WebhookConfig | null | string {
  if (value === null || value === undefined) return null
  if (typeof value !== 'object' || Array.isArray(value)) {
    return 'webhook must be an object {url, method?, headers?, query?}'
  }

  const v = value as Record<string, unknown>

  if (v.url === undefined || v.url === null || v.url === '') return null
  if (typeof v.url !== 'string') return 'url must be a string'
  let url: URL

  try {
    url = new URL(v.url)
  } catch {
    return 'url must be an absolute http(s) URL'
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return 'url must be an absolute http(s) URL'
  }

  if (v.method !== undefined && v.method !== 'POST' && v.method !== 'PUT') {
    return 'method must be POST or PUT'
  }

  const headers = stringMap(v.headers)

  if (headers === undefined) return 'headers must map names to strings'
  if (Object.keys(headers).some((h) => !HEADER_NAME.test(h))) {
    return 'headers contain an invalid header name'
  }

  const query = stringMap(v.query)

  if (query === undefined) return 'query must map names to strings'

  return { url: v.url, method: v.method ?? 'POST', headers, query }
}

function stringMap(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) return undefined
  const entries = Object.entries(value as Record<string, unknown>)

  if (entries.length > 50) return undefined
  if (entries.some(([, v]) => typeof v !== 'string')) return undefined

  return Object.fromEntries(entries) as Record<string, string>
}

export class WebhookDispatcher {
  private config: WebhookConfig | null = null
  private readonly lanes = new DeliveryQueues<Delivery>()
  private nextId = 1
  private readonly attempts: number
  private readonly baseDelayMs: number
  private readonly maxDelayMs: number
  /** Webhooks lost on purpose (POST /_sandbox/webhooks/drop). */
  public readonly drops = new WebhookDrops()

  constructor(
    retry: RetryOptions,
    private readonly now: () => number,
    private readonly log: (line: string) => void
  ) {
    this.attempts = clamp(retry.attempts ?? 6, 1, MAX_ATTEMPTS)
    this.baseDelayMs = clamp(retry.baseDelayMs ?? 200, 0, 60_000)
    this.maxDelayMs = clamp(retry.maxDelayMs ?? 5000, 0, 300_000)
  }

  public configure(config: WebhookConfig | null): void {
    this.config = config
  }

  /**
   * The config without any value that may hold a secret: header values and
   * query values (Pick and Pack may send the secret as `?secret=`).
   */
  public describe(): {
    url: string
    method: string
    headers: string[]
    query: string[]
  } | null {
    if (!this.config) return null
    const url = new URL(this.config.url)

    return {
      url: `${url.origin}${url.pathname}`,
      method: this.config.method ?? 'POST',
      headers: Object.keys(this.config.headers ?? {}),
      query: [
        ...new Set([
          ...url.searchParams.keys(),
          ...Object.keys(this.config.query ?? {}),
        ]),
      ],
    }
  }

  public deliveries(): Delivery[] {
    return this.lanes.recorded()
  }

  /** Queues a change behind the previous ones of the same order, unless it is dropped. */
  public enqueue(change: StatusChange): void {
    const { config } = this

    if (!config) return
    // Never sent, never recorded as an attempt: only the drop counts show it.
    if (this.drops.take(change.orderId)) {
      this.log(
        `webhook dropped on purpose: ${change.orderId} ${change.oldStatus}→${change.newStatus}`
      )

      return
    }

    const id = `dlv-${this.nextId++}`
    const date = new Date(this.now()).toISOString()
    const gen = this.lanes.generation

    this.lanes.enqueue(change.orderId, () =>
      this.deliver(id, change, date, config, gen)
    )
  }

  /** Resolves when every queued delivery finished or gave up. */
  public drain(): Promise<void> {
    return this.lanes.drain()
  }

  /** Drops queued deliveries, stops retries and aborts requests in flight. */
  public cancelAll(): void {
    this.lanes.cancelAll()
  }

  public clearRecords(): void {
    this.lanes.clearRecords()
  }

  // eslint-disable-next-line max-params -- one delivery lane's state, read on every attempt
  private async deliver(
    id: string,
    change: StatusChange,
    date: string,
    config: WebhookConfig,
    gen: number
  ): Promise<void> {
    const url = new URL(config.url)

    for (const [k, v] of Object.entries(config.query ?? {})) {
      url.searchParams.set(k, v)
    }

    const body = JSON.stringify({ ...change, date: change.date ?? date })

    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (gen !== this.lanes.generation) return
      // Attempts are sequential by design (retry after the previous failed).
      // eslint-disable-next-line no-await-in-loop
      const { status, error } = await this.lanes.send(url, {
        method: config.method ?? 'POST',
        headers: { ...config.headers, 'content-type': 'application/json' },
        body,
      })

      if (gen !== this.lanes.generation) return
      const delivered = status >= 200 && status < 300

      this.lanes.record({
        id,
        orderId: change.orderId,
        oldStatus: change.oldStatus,
        newStatus: change.newStatus,
        attempt,
        status,
        ...(error !== undefined && { error }),
        at: new Date(this.now()).toISOString(),
        delivered,
      })
      this.log(
        `webhook ${id} ${change.orderId} ${change.oldStatus}→${change.newStatus}` +
          ` attempt ${attempt}: ${status || error}`
      )
      if (delivered) return
      if (attempt < this.attempts) {
        // eslint-disable-next-line no-await-in-loop
        await this.lanes.wait(
          backoff(attempt, this.baseDelayMs, this.maxDelayMs)
        )
      }
    }
  }
}
