import { json } from 'co-body'
import type Koa from 'koa'

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

const isLoopback = (address: string | undefined) =>
  !!address &&
  (address === '::1' ||
    address.startsWith('127.') ||
    address.startsWith('::ffff:127.'))

/**
 * The local host's stand-in for VTEX IO's event bus. The app sends through `@vtex/api`'s own
 * Events client, pointed here; what it sent is listed, and delivered to the app's handler for
 * that sender and topic, after the sender's answer, as VTEX IO delivers (at least once, later).
 * `POST /_sandbox/events` runs a handler at once and answers when it finished (2xx) or failed
 * (5xx): the OMS sandbox's broadcasts travel that way. `POST /_sandbox/events/hold`
 * `{"hold": true|false}` holds the app's own events back and lets them go; `GET
 * /_sandbox/events/activity` says how many are held and running.
 */
export function sandboxEvents(
  appSender: string,
  deliver: DeliverEvent,
  logger: LocalLogger
): { middleware: Koa.Middleware; sent: SentEvent[] } {
  const sent: SentEvent[] = []
  /** Events sent while delivery is held (`POST /_sandbox/events/hold`), in order. */
  const held: Array<() => void> = []
  let holding = false
  let running = 0

  const run = (sender: string, topic: string, body: unknown) => {
    running++
    deliver(sender, topic, body)
      .catch((error) =>
        logger.warn({
          message: 'Event handler failed',
          topic,
          reason: error instanceof Error ? error.message : String(error),
        })
      )
      .finally(() => {
        running--
      })
  }

  const runInBackground = (sender: string, topic: string, body: unknown) => {
    if (holding) held.push(() => run(sender, topic, body))
    else setImmediate(() => run(sender, topic, body))
  }

  const middleware: Koa.Middleware = async (ctx, next) => {
    const courier = COURIER_ROUTE.exec(ctx.path)

    if (courier && ctx.method === 'PUT') {
      const topic = decodeURIComponent(courier[1])
      const body = await json(ctx.req, { limit: '1mb' })

      sent.push({
        sender: appSender,
        topic,
        body,
        at: new Date().toISOString(),
      })
      if (sent.length > KEEP) sent.shift()
      runInBackground(appSender, topic, body)
      ctx.status = 204

      return
    }

    if (!ctx.path.startsWith('/_sandbox/events')) {
      await next()

      return
    }

    if (!isLoopback(ctx.request.ip)) {
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
    if (ctx.path === '/_sandbox/events/hold' && ctx.method === 'POST') {
      const { hold } = (await json(ctx.req).catch(() => ({}))) as {
        hold?: unknown
      }

      holding = hold === true
      if (!holding) held.splice(0).forEach((start) => start())
      ctx.body = { holding, held: held.length, running }

      return
    }

    if (ctx.path === '/_sandbox/events/activity' && ctx.method === 'GET') {
      ctx.body = { holding, held: held.length, running }

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

  return { middleware, sent }
}
