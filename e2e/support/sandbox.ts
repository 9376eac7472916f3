// The local sandbox, in process, on free loopback ports: the Pick and Pack simulator (+ OMS
// sandbox) and the local host serving the admin page, GraphQL and the webhook, with the
// simulator's webhook wired to the host. Used by the browser tests and dev/screenshots.ts.
import { randomBytes } from 'crypto'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import { createAdminMiddleware } from '../../dev/admin/middleware'
import type { StartedHost } from '../../dev/host/server'
import { startHost } from '../../dev/host/server'
import type { AdvanceResult, Simulator } from '../../dev/simulator'
import { HOSTNAME, startSimulator } from '../../dev/simulator'

export const ADMIN_PATH = '/admin/app/pick-and-pack'

export interface Sandbox {
  sim: Simulator
  host: StartedHost
  dataDir: string
  /** The admin page URL of `path` under the app (`''` is the home page). */
  adminURL(pathAndQuery?: string): string
  /** Advances an order over the simulator's HTTP control route and waits for the webhook. */
  advance(orderId: string, to?: string): Promise<AdvanceResult>
  /**
   * Sends the host a webhook notification as Pick and Pack would (with the shared secret and
   * the store's hostname unless given): orders the simulator does not have. Answers the status.
   */
  notify(notification: Notification): Promise<number>
  close(): Promise<void>
}

const REQUEST_TIMEOUT_MS = 8000

export interface Notification {
  orderId: string
  oldStatus: string | null
  newStatus: string
  hostname?: string
  date?: string
}

export async function startSandbox(): Promise<Sandbox> {
  const apiKey = `e2e-api-key-${randomBytes(12).toString('hex')}`
  const secret = `e2e-webhook-secret-${randomBytes(12).toString('hex')}`
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pnp-e2e-'))
  let sim: Simulator | undefined
  let host: StartedHost | undefined

  const close = async () => {
    await Promise.all([sim?.close(), host?.close()])
    rmSync(dataDir, { recursive: true, force: true })
  }

  try {
    sim = await startSimulator({
      port: 0,
      apiKey,
      // Wired to the host below, once its port is known.
      retry: { baseDelayMs: 50 },
    })
    host = await startHost({
      port: 0,
      authURL: sim.url,
      apiURL: sim.url,
      omsURL: sim.url,
      settings: {
        apiKey,
        environment: 'prod',
        webhookSecret: secret,
        hostname: HOSTNAME,
      },
      dataDir,
      admin: await createAdminMiddleware(),
    })
    sim.configureWebhook({
      url: `${host.url}/_v/pick-and-pack/webhook`,
      method: 'POST',
      headers: { 'x-webhook-secret': secret },
    })
  } catch (error) {
    await close()
    throw error
  }

  const started = { sim, host }

  return {
    ...started,
    dataDir,
    adminURL: (pathAndQuery = '') =>
      `${started.host.url}${ADMIN_PATH}${pathAndQuery}`,
    async advance(orderId, to) {
      const res = await fetch(
        `${started.sim.url}/_sandbox/orders/${encodeURIComponent(
          orderId
        )}/advance`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(to ? { to } : {}),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        }
      )

      if (res.status !== 200) {
        throw new Error(
          `advancing ${orderId} answered ${res.status}: ${await res.text()}`
        )
      }

      const result = (await res.json()) as AdvanceResult

      await withTimeout(
        started.sim.drainDeliveries(),
        REQUEST_TIMEOUT_MS,
        `the webhook delivery for ${orderId}`
      )

      return result
    },
    async notify(notification) {
      const res = await fetch(`${started.host.url}/_v/pick-and-pack/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-webhook-secret': secret,
        },
        body: JSON.stringify({ hostname: HOSTNAME, ...notification }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })

      await res.arrayBuffer()

      return res.status
    },
    close,
  }
}

export async function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  what: string
): Promise<T> {
  let timer: NodeJS.Timeout | undefined

  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)),
          ms
        )
      }),
    ])
  } finally {
    clearTimeout(timer)
  }
}
