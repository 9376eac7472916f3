// The OMS sandbox's `order-status-updated` broadcasts (sender `vtex.orders-broadcast`), sent to
// the local host's stand-in for VTEX IO's event bus: `POST {host}/_sandbox/events` with
// `{"sender", "topic", "body"}`. One queue per order (an order's events keep their order), a
// few requests at once over all orders, a bounded backlog, retries with backoff on 5xx and
// network errors (a 4xx is final: the host will not change its mind), and a record of every
// attempt. Enqueueing never waits: the simulator's answers do not depend on the host.
import type { RetryOptions } from './delivery'
import { DeliveryQueues, backoff, clamp } from './delivery'

export const OMS_SENDER = 'vtex.orders-broadcast'
export const OMS_TOPIC = 'order-status-updated'

/** The broadcast's body, as VTEX IO delivers it to the app's handler. */
export interface OmsBroadcast {
  domain: string
  orderId: string
  currentState: string
  lastState: string
  currentChangeDate: string
  lastChangeDate: string
}

export interface OmsEvent {
  sender: typeof OMS_SENDER
  topic: typeof OMS_TOPIC
  body: OmsBroadcast
}

/**
 * Where the events go: the host's `/_sandbox/events` URL, or several (replicas of one app: each
 * event goes to one of them, round-robin, and a retry to the next).
 */
export interface OmsEventsConfig {
  url?: string
  urls?: string[]
}

export interface OmsEventRecord {
  /** Identifies the event: every attempt of one event shares it. */
  id: string
  orderId: string
  currentState: string
  lastState: string
  attempt: number
  /** The endpoint tried (origin and path). */
  url: string
  /** HTTP status answered, 0 on a network error, a timeout or a full queue. */
  status: number
  error?: string
  at: string
  delivered: boolean
}

/** What became of an event handed to the dispatcher. */
export type OmsEventQueueing = 'queued' | 'not configured' | 'queue full'

const MAX_ATTEMPTS = 20
const DEFAULT_MAX_PENDING = 1000
const DEFAULT_CONCURRENCY = 8

export function omsEvent(body: OmsBroadcast): OmsEvent {
  return { sender: OMS_SENDER, topic: OMS_TOPIC, body }
}

/** Validates a config; null turns events off; a string says what is wrong. */
export function parseOmsEventsConfig(value: unknown): string[] | null | string {
  if (value === null || value === undefined) return null
  if (typeof value !== 'object' || Array.isArray(value)) {
    return 'omsEvents must be an object {url} or {urls: [...]}'
  }

  const v = value as Record<string, unknown>
  const raw: unknown[] = []

  if (v.url !== undefined && v.url !== null && v.url !== '') raw.push(v.url)
  if (v.urls !== undefined && v.urls !== null) {
    if (!Array.isArray(v.urls) || v.urls.length > 20) {
      return 'urls must be a list of at most 20 URLs'
    }

    raw.push(...v.urls)
  }

  if (raw.length === 0) return null
  for (const url of raw) {
    if (typeof url !== 'string') return 'every url must be a string'
    try {
      const parsed = new URL(url)

      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        return 'every url must be an absolute http(s) URL'
      }
    } catch {
      return 'every url must be an absolute http(s) URL'
    }
  }

  return [...new Set(raw as string[])]
}

export interface OmsEventsOptions {
  retry?: RetryOptions
  /** Events waiting or in flight at most; beyond, new ones are dropped (and recorded). */
  maxPending?: number
  /** Requests in flight at most, over all orders. */
  concurrency?: number
  now?: () => number
  log?: (line: string) => void
}

export class OmsEventDispatcher {
  private urls: string[] = []
  private nextUrl = 0
  private readonly lanes = new DeliveryQueues<OmsEventRecord>()
  private nextId = 1
  private pending = 0
  private active = 0
  private readonly slots: Array<() => void> = []
  private readonly attempts: number
  private readonly baseDelayMs: number
  private readonly maxDelayMs: number
  private readonly maxPending: number
  private readonly concurrency: number
  private readonly now: () => number
  private readonly log: (line: string) => void

  constructor(options: OmsEventsOptions = {}) {
    const retry = options.retry ?? {}

    this.attempts = clamp(retry.attempts ?? 5, 1, MAX_ATTEMPTS)
    this.baseDelayMs = clamp(retry.baseDelayMs ?? 200, 0, 60_000)
    this.maxDelayMs = clamp(retry.maxDelayMs ?? 5000, 0, 300_000)
    this.maxPending = clamp(
      options.maxPending ?? DEFAULT_MAX_PENDING,
      1,
      100_000
    )
    this.concurrency = clamp(options.concurrency ?? DEFAULT_CONCURRENCY, 1, 100)
    this.now = options.now ?? Date.now
    this.log = options.log ?? (() => undefined)
  }

  public configure(urls: string[] | null): void {
    this.urls = urls ?? []
    this.nextUrl = 0
  }

  /** The endpoints without query strings (nothing secret is expected there, but none is needed). */
  public describe(): { urls: string[] } | null {
    if (this.urls.length === 0) return null

    return {
      urls: this.urls.map((u) => {
        const url = new URL(u)

        return `${url.origin}${url.pathname}`
      }),
    }
  }

  public sent(): OmsEventRecord[] {
    return this.lanes.recorded()
  }

  public get backlog(): number {
    return this.pending
  }

  /** Queues an event behind the previous ones of the same order; never waits. */
  public enqueue(body: OmsBroadcast): OmsEventQueueing {
    if (this.urls.length === 0) return 'not configured'
    const id = `oms-${this.nextId++}`

    if (this.pending >= this.maxPending) {
      this.lanes.record({
        id,
        orderId: body.orderId,
        currentState: body.currentState,
        lastState: body.lastState,
        attempt: 0,
        url: '',
        status: 0,
        error: `queue full (${this.maxPending} events waiting)`,
        at: new Date(this.now()).toISOString(),
        delivered: false,
      })
      this.log(`OMS event ${id} ${body.orderId} dropped: queue full`)

      return 'queue full'
    }

    this.pending += 1
    const gen = this.lanes.generation
    const payload = JSON.stringify(omsEvent(body))

    this.lanes.enqueue(
      body.orderId,
      () => this.deliver(id, body, payload, gen),
      () => {
        this.pending -= 1
      }
    )

    return 'queued'
  }

  /** Resolves when every queued event was delivered or given up. */
  public drain(): Promise<void> {
    return this.lanes.drain()
  }

  /** Drops queued events, stops retries and aborts requests in flight. */
  public cancelAll(): void {
    this.lanes.cancelAll()
  }

  public clearRecords(): void {
    this.lanes.clearRecords()
  }

  // eslint-disable-next-line max-params -- one delivery lane's state, read on every attempt
  private async deliver(
    id: string,
    body: OmsBroadcast,
    payload: string,
    gen: number
  ): Promise<void> {
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (gen !== this.lanes.generation || this.urls.length === 0) return
      const url = this.urls[this.nextUrl++ % this.urls.length]
      // Attempts are sequential by design (retry after the previous failed).
      // eslint-disable-next-line no-await-in-loop
      const { status, error } = await this.attempt(url, payload, gen)

      if (gen !== this.lanes.generation) return
      const delivered = status >= 200 && status < 300
      const target = new URL(url)

      this.lanes.record({
        id,
        orderId: body.orderId,
        currentState: body.currentState,
        lastState: body.lastState,
        attempt,
        url: `${target.origin}${target.pathname}`,
        status,
        ...(error !== undefined && { error }),
        at: new Date(this.now()).toISOString(),
        delivered,
      })
      this.log(
        `OMS event ${id} ${body.orderId} ${body.lastState}→${body.currentState}` +
          ` attempt ${attempt}: ${status || error}`
      )
      // Delivered, or refused for good (4xx): another attempt would get the same answer.
      if (delivered || (status >= 400 && status < 500)) return
      if (attempt < this.attempts) {
        // eslint-disable-next-line no-await-in-loop
        await this.lanes.wait(
          backoff(attempt, this.baseDelayMs, this.maxDelayMs)
        )
      }
    }
  }

  private async attempt(
    url: string,
    payload: string,
    gen: number
  ): Promise<{ status: number; error?: string }> {
    await this.slot()
    try {
      if (gen !== this.lanes.generation) return { status: 0, error: 'canceled' }

      return await this.lanes.send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
      })
    } finally {
      this.release()
    }
  }

  /** Waits for one of the `concurrency` request slots. */
  private slot(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active += 1

      return Promise.resolve()
    }

    return new Promise((resolve) => {
      this.slots.push(() => {
        this.active += 1
        resolve()
      })
    })
  }

  private release(): void {
    this.active -= 1
    this.slots.shift()?.()
  }
}
