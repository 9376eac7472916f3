/*
 * Missed webhooks healed by the sweep (issue 16): orders move through their flow in Pick and
 * Pack while a share of their webhooks is lost; then the sweep route is called (as VTEX's
 * Scheduler would) until it has nothing left, and every order's record is compared with Pick
 * and Pack's live status. Measured: orders that end equal, duplicate entries, upstream calls
 * per stale order, route calls and time.
 */
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import {
  startUpstream,
  trackingFixture,
} from '../node/__tests__/support/upstream'
import { FLOW_STATUSES, statusRank } from '../node/domain/statuses'
import { storeHistories } from '../node/__tests__/support/histories'
import { startHost } from '../dev/host/server'
import { seededRandom } from '../dev/seededRandom'

const SECRET = 'sweep-bench-secret'
const FLOW = [...FLOW_STATUSES, 'DELIVERED']

export interface SweepHealingResult {
  orders: number
  webhooksSent: number
  webhooksDropped: number
  /** Orders whose record was behind Pick and Pack before the sweep. */
  behind: number
  /** Orders whose record equals Pick and Pack's after the sweep. */
  equal: number
  duplicates: number
  /** Orders not final in the record before the sweep (what it asks). */
  staleOrders: number
  upstreamCalls: number
  routeCalls: number
  sweepMs: number
}

export async function benchSweepHealing(options: {
  orders: number
  dropRate: number
}): Promise<SweepHealingResult> {
  const upstream = await startUpstream('sweep-bench-key')

  upstream.v1Enabled = false
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pnp-sweep-bench-'))
  const account = `sweepbench${process.pid}`
  const host = await startHost({
    port: 0,
    authURL: upstream.url,
    apiURL: upstream.url,
    omsURL: upstream.url,
    settings: {
      apiKey: upstream.apiKey,
      webhookSecret: SECRET,
      sweepAfterMinutes: 1,
      omsInteractions: false,
      omsTracking: false,
    },
    dataDir,
    account,
  })

  const draw = seededRandom(16)
  const started = Date.now() - 3 * 3_600_000
  const sent = { webhooks: 0, dropped: 0 }
  const live = new Map<string, string>()

  try {
    const orders = Array.from({ length: options.orders }, (_, index) => {
      const orderId = `${String(1_400_000_000_000 + index)}-01`
      // Each order somewhere in its flow, from its first step to delivered.
      const steps = 1 + Math.floor(draw() * FLOW.length)

      return { orderId, steps }
    })

    for (let from = 0; from < orders.length; from += 10) {
      // eslint-disable-next-line no-await-in-loop
      await Promise.all(
        orders.slice(from, from + 10).map(async ({ orderId, steps }) => {
          for (let step = 0; step < steps; step++) {
            // The order's first webhook always arrives: an order the app never heard of is
            // the backfill's work, not the sweep's.
            if (step > 0 && draw() < options.dropRate) {
              sent.dropped++
              continue
            }

            sent.webhooks++
            // eslint-disable-next-line no-await-in-loop
            const answer = await fetch(`${host.url}/_v/pick-and-pack/webhook`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'x-webhook-secret': SECRET,
              },
              body: JSON.stringify({
                orderId,
                oldStatus: step > 0 ? FLOW[step - 1] : null,
                newStatus: FLOW[step],
                date: new Date(started + step * 60_000).toISOString(),
              }),
            })

            if (answer.status !== 200) {
              throw new Error(`webhook answered ${answer.status}`)
            }
          }

          const status = FLOW[steps - 1]

          live.set(orderId, status)
          upstream.tracking[orderId] = trackingFixture(orderId, status)
        })
      )
    }

    // A new client for each read: @vtex/api's VBase client memoizes what it read.
    const reader = () => storeHistories(host.storeURL, account)

    const store = reader()

    const recordedBefore = await Promise.all(
      orders.map(
        async ({ orderId }) => (await store.history(orderId)).currentStatus
      )
    )

    const behind = orders.filter(
      ({ orderId }, index) => recordedBefore[index] !== live.get(orderId)
    ).length

    const staleOrders = recordedBefore.filter(
      (status) => status !== 'DELIVERED'
    ).length

    // Master Data search, which the sweep reads, lags writes by about a second.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const callsBefore = upstream.counts.tracking
    const sweepStarted = Date.now()
    let routeCalls = 0

    /* eslint-disable no-await-in-loop */
    for (; routeCalls < 20; ) {
      routeCalls++
      const report = (await (
        await fetch(`${host.url}/_v/pick-and-pack/sweep`, { method: 'POST' })
      ).json()) as { remaining?: number; busy?: boolean }

      if (!report.busy && report.remaining === 0) break
    }
    /* eslint-enable no-await-in-loop */

    const sweepMs = Date.now() - sweepStarted

    const upstreamCalls = upstream.counts.tracking - callsBefore
    const afterStore = reader()
    const after = await Promise.all(
      orders.map(async ({ orderId }) => afterStore.history(orderId))
    )

    let equal = 0

    let duplicates = 0

    after.forEach((history, index) => {
      if (history.currentStatus === live.get(orders[index].orderId)) equal++
      const steps = history.entries.map((entry) => entry.newStatus)

      duplicates += steps.length - new Set(steps).size
      const ranks = steps.map((status) => statusRank(status) ?? 0)

      if (ranks.some((rank, i) => i > 0 && rank <= ranks[i - 1])) duplicates++
    })

    return {
      orders: orders.length,
      webhooksSent: sent.webhooks,
      webhooksDropped: sent.dropped,
      behind,
      equal,
      duplicates,
      staleOrders,
      upstreamCalls,
      routeCalls,
      sweepMs,
    }
  } finally {
    await host.close()
    await upstream.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
