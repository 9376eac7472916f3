// Webhook delivery of status changes: one queue per order (a change waits
// for the previous one of the same order), bounded exponential retries, and
// a record of every attempt without any header value.
import type { FulfillmentStatus } from './statuses'

export interface WebhookConfig {
  url: string
  method?: 'POST' | 'PUT'
  headers?: Record<string, string>
  query?: Record<string, string>
}

export interface RetryOptions {
  attempts?: number
  baseDelayMs?: number
  maxDelayMs?: number
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

const MAX_RECORDS = 1000
const MAX_ATTEMPTS = 20
const ATTEMPT_TIMEOUT_MS = 5000
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

interface Pending {
  timer: NodeJS.Timeout
  resolve: () => void
}

export class WebhookDispatcher {
  private config: WebhookConfig | null = null
  private readonly queues = new Map<string, Promise<void>>()
  private readonly timers = new Set<Pending>()
  private readonly inFlight = new Set<AbortController>()
  private records: Delivery[] = []
  private generation = 0
  private nextId = 1
  private readonly attempts: number
  private readonly baseDelayMs: number
  private readonly maxDelayMs: number

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
    return this.records.map((d) => ({ ...d }))
  }

  /** Queues a change behind the previous ones of the same order. */
  public enqueue(change: StatusChange): void {
    const { config } = this

    if (!config) return
    const id = `dlv-${this.nextId++}`
    const date = new Date(this.now()).toISOString()
    const gen = this.generation
    const previous = this.queues.get(change.orderId) ?? Promise.resolve()
    const current = previous
      .then(() => this.deliver(id, change, date, config, gen))
      .catch(() => undefined) // deliver records its own failures

    this.queues.set(change.orderId, current)
    current.then(() => {
      if (this.queues.get(change.orderId) === current) {
        this.queues.delete(change.orderId)
      }
    })
  }

  /** Resolves when every queued delivery finished or gave up. */
  public async drain(): Promise<void> {
    while (this.queues.size > 0) {
      // New changes may queue while we wait: loop until none is left.
      // eslint-disable-next-line no-await-in-loop
      await Promise.all([...this.queues.values()])
    }
  }

  /** Drops queued deliveries, stops retries and aborts requests in flight. */
  public cancelAll(): void {
    this.generation += 1
    for (const p of this.timers) {
      clearTimeout(p.timer)
      p.resolve()
    }

    this.timers.clear()
    for (const c of this.inFlight) c.abort()
    this.inFlight.clear()
  }

  public clearRecords(): void {
    this.records = []
  }

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
      if (gen !== this.generation) return
      // Attempts are sequential by design (retry after the previous failed).
      // eslint-disable-next-line no-await-in-loop
      const { status, error } = await this.attempt(url, config, body)

      if (gen !== this.generation) return
      const delivered = status >= 200 && status < 300

      this.record({
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
      // eslint-disable-next-line no-await-in-loop
      if (attempt < this.attempts) await this.wait(this.backoff(attempt))
    }
  }

  private backoff(attempt: number): number {
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1))
  }

  private async attempt(
    url: URL,
    config: WebhookConfig,
    body: string
  ): Promise<{ status: number; error?: string }> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS)

    timer.unref()
    this.inFlight.add(controller)
    try {
      const res = await fetch(url, {
        method: config.method ?? 'POST',
        headers: { ...config.headers, 'content-type': 'application/json' },
        body,
        signal: controller.signal,
        redirect: 'manual',
      })

      await res.arrayBuffer().catch(() => undefined) // free the connection

      return res.status >= 200 && res.status < 300
        ? { status: res.status }
        : { status: res.status, error: `HTTP ${res.status}` }
    } catch (err) {
      return { status: 0, error: networkError(err) }
    } finally {
      clearTimeout(timer)
      this.inFlight.delete(controller)
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const pending: Pending = {
        timer: setTimeout(() => {
          this.timers.delete(pending)
          resolve()
        }, ms),
        resolve,
      }

      pending.timer.unref()
      this.timers.add(pending)
    })
  }

  private record(d: Delivery): void {
    this.records.push(d)
    if (this.records.length > MAX_RECORDS) {
      this.records.splice(0, this.records.length - MAX_RECORDS)
    }
  }
}

export function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min
}

/** A short cause, never the request (its headers may hold the secret). */
export function networkError(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'AbortError') return 'timeout or canceled'
    const { cause } = err as Error & {
      cause?: { code?: unknown; message?: unknown }
    }

    if (cause && typeof cause.code === 'string') return cause.code
    if (cause && typeof cause.message === 'string') {
      return cause.message.slice(0, 100)
    }

    return err.name
  }

  return 'network error'
}
