import { json } from 'co-body'
import type Koa from 'koa'

import { isLoopbackAddress } from '../loopback'
import type { LocalLogger } from './logger'

/** An IO event as this host sent it (`GET /_sandbox/events/sent`). */
export interface SentEvent {
  sender: string
  topic: string
  body: unknown
  at: string
}

/** Runs the app's handler for an event; resolves false when the app has none for it. */
export type DeliverEvent = (
  sender: string,
  topic: string,
  body: unknown
) => Promise<boolean>

const KEEP = 10_000

/** Where the `@vtex/api` Events client of this host sends (its base URL, then `/events/…`). */
export const COURIER_PATH = '/_sandbox/courier'
const COURIER_ROUTE = new RegExp(`^${COURIER_PATH}/[^/]+/[^/]+/events/([^/]+)$`)

/** How the host reaches the event queue its store keeps (`dev/store/events.ts`). */
export interface EventQueueAccess {
  storeURL: string
  account: string
}

interface Leased {
  id: string
  sender: string
  topic: string
  body: unknown
  attempts: number
}

/** Deliveries of one event before it is given up (VTEX IO, too, stops retrying). */
const MAX_ATTEMPTS = 5
/** A handler not done by then is taken for dead: another replica gets the event. */
const LEASE_MS = 5_000
const RETRY_BASE_MS = 500
/** Handlers run at once on this host, at most. */
const CONCURRENT = 16

const postJson = async (url: string, body: unknown, signal?: AbortSignal) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  })

  if (!response.ok) throw new Error(`${url}: ${response.status}`)

  return response.status === 204 ? null : response.json()
}

/**
 * The local host's stand-in for VTEX IO's event bus. The app sends through `@vtex/api`'s own
 * Events client, pointed here: the event is kept in the queue the store stand-in holds for
 * every host over it (answered once kept, as VTEX IO answers once it took the event), and
 * listed. Each host takes events from that queue and runs the app's handler: a replica may
 * handle what another sent; an event whose handler failed, or whose replica died while
 * handling it, is delivered again (at least once; given up after 5 deliveries).
 * `POST /_sandbox/events` runs a handler at once and answers when it finished (2xx) or failed
 * (5xx): the OMS sandbox's broadcasts travel that way. `POST /_sandbox/events/hold`
 * `{"hold": true|false}` stops and resumes this host's taking of events; `GET
 * /_sandbox/events/activity` says how many wait in the queue and run here.
 */
export function sandboxEvents(
  /** The app: the sender of its own events, and how its handlers are run. */
  { sender: appSender, deliver }: { sender: string; deliver: DeliverEvent },
  logger: LocalLogger,
  queue: EventQueueAccess
): { middleware: Koa.Middleware; sent: SentEvent[]; stop: () => void } {
  const sent: SentEvent[] = []
  const events = `${queue.storeURL}/_store/events`
  let holding = false
  let running = 0
  let stopped = false
  const abort = new AbortController()

  const handle = async (event: Leased) => {
    running++
    try {
      await deliver(event.sender, event.topic, event.body)
      await postJson(`${events}/ack`, { id: event.id })
    } catch (error) {
      const last = event.attempts >= MAX_ATTEMPTS

      logger.warn({
        message: last
          ? 'Event handler failed; the event is given up'
          : 'Event handler failed; the event will be delivered again',
        topic: event.topic,
        attempts: event.attempts,
        reason: error instanceof Error ? error.message : String(error),
      })
      await (last
        ? postJson(`${events}/ack`, { id: event.id })
        : postJson(`${events}/retry`, {
            id: event.id,
            delayMs: RETRY_BASE_MS * 2 ** (event.attempts - 1),
          })
      ).catch(() => undefined) // the lease runs out: delivered again anyway
    } finally {
      running--
    }
  }

  const poll = async () => {
    while (!stopped) {
      if (holding || running >= CONCURRENT) {
        // eslint-disable-next-line no-await-in-loop
        await new Promise((resolve) => setTimeout(resolve, 20))
        continue
      }

      try {
        // eslint-disable-next-line no-await-in-loop
        const leased = (await postJson(
          `${events}/lease`,
          {
            account: queue.account,
            max: CONCURRENT - running,
            leaseMs: LEASE_MS,
            waitMs: 1000,
          },
          abort.signal
        )) as Leased[]

        // Each runs on its own; `handle` never rejects.
        if (holding) {
          // Held while the lease was asked for: given back for another taker, or for later.
          // eslint-disable-next-line no-await-in-loop
          await Promise.all(
            leased.map((event) =>
              postJson(`${events}/release`, { id: event.id }).catch(
                () => undefined
              )
            )
          )
          continue
        }

        for (const event of leased) handle(event).catch(() => undefined)
      } catch {
        // The store is away (or closing): ask again in a moment.
        // eslint-disable-next-line no-await-in-loop
        if (!stopped) await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }
  }

  poll().catch(() => undefined)

  const middleware: Koa.Middleware = async (ctx, next) => {
    const courier = COURIER_ROUTE.exec(ctx.path)

    if (courier && ctx.method === 'PUT') {
      const topic = decodeURIComponent(courier[1])
      const body = await json(ctx.req, { limit: '1mb' })

      // Answered once kept: a queue that cannot keep it fails the app's send.
      await postJson(events, {
        account: queue.account,
        sender: appSender,
        topic,
        body,
      })
      sent.push({
        sender: appSender,
        topic,
        body,
        at: new Date().toISOString(),
      })
      if (sent.length > KEEP) sent.shift()
      ctx.status = 204

      return
    }

    if (!ctx.path.startsWith('/_sandbox/events')) {
      await next()

      return
    }

    if (!isLoopbackAddress(ctx.request.ip)) {
      ctx.status = 403
      ctx.body = { error: { code: 'FORBIDDEN', message: 'Loopback only' } }

      return
    }

    if (ctx.path === '/_sandbox/events/sent' && ctx.method === 'GET') {
      ctx.body = sent

      return
    }

    // What the app's own events are doing: a benchmark holds them to count the webhook's
    // answer path alone, then lets them run and waits until they are done.
    const activity = async () => {
      const { pending } = (await (
        await fetch(
          `${events}/pending?account=${encodeURIComponent(queue.account)}`
        )
      ).json()) as { pending: number }

      return { holding, held: pending, running }
    }

    if (ctx.path === '/_sandbox/events/hold' && ctx.method === 'POST') {
      const { hold } = (await json(ctx.req).catch(() => ({}))) as {
        hold?: unknown
      }

      holding = hold === true
      ctx.body = await activity()

      return
    }

    if (ctx.path === '/_sandbox/events/activity' && ctx.method === 'GET') {
      ctx.body = await activity()

      return
    }

    if (ctx.path === '/_sandbox/events' && ctx.method === 'POST') {
      const event = (await json(ctx.req, { limit: '1mb' }).catch(
        () => null
      )) as { sender?: unknown; topic?: unknown; body?: unknown } | null

      if (
        !event ||
        typeof event.sender !== 'string' ||
        typeof event.topic !== 'string'
      ) {
        ctx.status = 400
        ctx.body = {
          error: {
            code: 'BAD_EVENT',
            message: 'Send {"sender", "topic", "body"} as JSON.',
          },
        }

        return
      }

      try {
        const handled = await deliver(event.sender, event.topic, event.body)

        ctx.status = handled ? 200 : 404
        ctx.body = handled
          ? { handled: true }
          : {
              error: {
                code: 'NO_HANDLER',
                message: `The app has no handler for ${event.sender} ${event.topic}.`,
              },
            }
      } catch (error) {
        ctx.status = 500
        ctx.body = {
          error: {
            code: 'HANDLER_FAILED',
            message: error instanceof Error ? error.message : 'Handler failed',
          },
        }
      }

      return
    }

    ctx.status = 404
    ctx.body = { error: { code: 'NOT_FOUND', message: 'Unknown sandbox call' } }
  }

  return {
    middleware,
    sent,
    stop: () => {
      stopped = true
      abort.abort()
    },
  }
}
