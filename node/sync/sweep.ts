import { readAppSettings } from '../clients/appSettings'
import { OrderSummaries } from '../clients/orderSummaries'
import type { OrderSummaryDocument } from '../domain/board'
import { isAppError } from '../domain/errors'
import type { SweepCursor } from '../domain/sweepCursor'
import {
  START,
  advance,
  nextCheckAt,
  staleOrdersWhere,
} from '../domain/sweepCursor'
import { Maintenance, newHolder } from '../storage/maintenanceStore'
import type { AppDeps } from './deps'
import { retryOmsStory } from './omsRetry'
import type { Pace } from './pace'
import { paced } from './pace'
import { recordLiveStatus } from './recordLiveStatus'
import { settleListings } from './settleListings'

/** What one run did; the route answers it and the admin shows the last one. */
export interface SweepReport {
  at: string
  checked: number
  healed: number
  /** Stale orders left for the next run. */
  remaining: number
  omsRetried: number
  /** Acknowledged changes whose own event never completed, put back into their histories. */
  settled: number
  /** Another replica was sweeping: this call did nothing. */
  busy?: boolean
}

export const SWEEP_LEASE = 'sweep-lease.json'
export const SWEEP_REPORT = 'sweep-report.json'
const PAGE = 100
/** Bounds a run's pages whatever the budget (a run asks at most this many × 100 orders). */
const MAX_PAGES_A_RUN = 20
const OMS_BATCH = 50

export interface SweepOptions {
  /** Time the run may take: the route's timeout with room to answer. */
  budgetMs: number
  /** Default: 10 at once, 20 a second (Pick and Pack allows 100 and 500). */
  concurrency?: number
  perSecond?: number
}

/**
 * One sweep, from VTEX's Scheduler (any replica; a lease in VBase makes concurrent calls
 * wait their turn): first the changes whose own event never completed (settleListings), then
 * the orders whose OMS story is behind, then the orders not finished whose last change is
 * older than `sweepAfterMinutes`, oldest first, each asked live once and healed when Pick and
 * Pack is ahead of the record. An order found unchanged is not asked again before its
 * `nextCheckAt`. Stops starting work at its budget and resumes there next time.
 */
export async function runSweep(
  deps: AppDeps,
  options: SweepOptions
): Promise<SweepReport> {
  const started = Date.now()
  const maintenance = new Maintenance(deps.clients.vbase)
  const holder = newHolder()
  const lease = await maintenance.claim<SweepCursor>(SWEEP_LEASE, {
    holder,
    ms: options.budgetMs + 10_000,
    initial: START,
  })

  if (!lease) {
    const last = await maintenance.read<SweepReport>(SWEEP_REPORT)

    return {
      at: new Date().toISOString(),
      checked: 0,
      healed: 0,
      remaining: last?.remaining ?? 0,
      omsRetried: 0,
      settled: 0,
      busy: true,
    }
  }

  const pace: Pace = {
    concurrency: options.concurrency ?? 10,
    perSecond: options.perSecond ?? 20,
    deadline: started + options.budgetMs,
  }

  let cursor = lease.data
  let report: SweepReport

  try {
    // First, as nothing acknowledged may be lost (and it is cheap when nothing is missing);
    // its own failure (the store, say) leaves the other steps their turn.
    const settled = await settleListings(deps, maintenance, pace).catch(
      (error: unknown) => {
        deps.vtex.logger.warn({
          message: 'The sweep could not settle the changes listed lately',
          reason: error instanceof Error ? error.message : 'unknown',
        })

        return 0
      }
    )

    const omsRetried = await retryPendingOms(deps, maintenance, pace)
    const stale = await sweepStaleOrders(deps, cursor, pace)

    cursor = stale.cursor
    report = {
      at: new Date().toISOString(),
      checked: stale.checked,
      healed: stale.healed,
      remaining: stale.remaining,
      omsRetried,
      settled,
    }
    await maintenance.write(SWEEP_REPORT, report)
  } finally {
    await maintenance.release(SWEEP_LEASE, holder, cursor)
  }

  return report
}

/** Whether two reads of an order's summary describe the same recorded change. */
const sameChange = (a: OrderSummaryDocument, b: OrderSummaryDocument) =>
  a.since === b.since && a.changes === b.changes

/**
 * Sets when the sweep may ask about an order again, unless a change was recorded meanwhile:
 * the page it was found on lags writes, and a change's summary clears the wait (null), which a
 * wait written after it must not undo. Read (strongly) before writing, and again after.
 */
export async function postpone(
  summaries: OrderSummaries,
  found: OrderSummaryDocument,
  sweepAfterMinutes: number
) {
  const before = await summaries.get(found.orderId)

  if (!before || !sameChange(before, found)) return
  await summaries.patch(found.orderId, {
    nextCheckAt: nextCheckAt(before.since, new Date(), sweepAfterMinutes),
  })
  const after = await summaries.get(found.orderId)

  if (after && !sameChange(after, before)) {
    await summaries.patch(found.orderId, { nextCheckAt: null })
  }
}

async function retryPendingOms(
  deps: AppDeps,
  maintenance: Maintenance,
  pace: Pace
): Promise<number> {
  const orders = await maintenance.omsPending(OMS_BATCH)
  let retried = 0

  await paced(
    orders,
    { ...pace, concurrency: Math.min(pace.concurrency, 5) },
    async (orderId) => {
      retried += (await retryOmsStory(deps, orderId)).retried
    }
  )

  return retried
}

async function sweepStaleOrders(
  deps: AppDeps,
  cursor: SweepCursor,
  pace: Pace
): Promise<{
  checked: number
  healed: number
  remaining: number
  cursor: SweepCursor
}> {
  const settings = await readAppSettings(deps.clients.apps, deps.vtex)

  if (!settings.apiKey) {
    return { checked: 0, healed: 0, remaining: 0, cursor }
  }

  const credentials = {
    apiKey: settings.apiKey,
    environment: settings.environment,
  }

  const cutoff = new Date(
    Date.now() - settings.sweepAfterMinutes * 60_000
  ).toISOString()

  const summaries = new OrderSummaries(deps.clients.masterdata, deps.vtex)

  let current = cursor
  const counts = { checked: 0, healed: 0 }
  let remaining = 0

  // Page after page until the budget is spent or nothing due is left.
  /* eslint-disable no-await-in-loop */
  for (let round = 0; round < MAX_PAGES_A_RUN; round++) {
    const page = await summaries.search(
      staleOrdersWhere(current, cutoff, new Date().toISOString()),
      { page: 1, pageSize: PAGE },
      'since ASC'
    )

    const { done } = current
    const candidates = page.documents.filter(
      (summary) => !done.includes(summary.orderId)
    )

    const asked: OrderSummaryDocument[] = []

    await paced(candidates, pace, async (summary) => {
      asked.push(summary)
      const live = await deps.clients.pickAndPack
        .getLiveStatus(credentials, summary.orderId)
        .catch(async (error: unknown) => {
          // Pick and Pack does not know the order: asking every run would not change that.
          if (isAppError(error) && error.code === 'PNP_ORDER_NOT_FOUND') {
            await postpone(summaries, summary, settings.sweepAfterMinutes)
          }

          throw error
        })

      if (
        await recordLiveStatus(deps, summary.orderId, {
          ...live,
          source: 'sweep',
        })
      ) {
        counts.healed++

        return
      }

      // Unchanged: wait before asking again (a healed order's new change starts over).
      await postpone(summaries, summary, settings.sweepAfterMinutes)
    })

    counts.checked += asked.length
    // The cursor's orders found again on this page were not asked (nor counted in `asked`).
    const skipped = page.documents.length - candidates.length

    remaining = Math.max(0, page.total - skipped - asked.length)
    // All asked: start over next time (orders still due come round again).
    current = remaining === 0 ? START : advance(current, asked)
    if (remaining === 0 || asked.length < candidates.length) break
    if (asked.length === 0 || Date.now() >= pace.deadline) break
  }
  /* eslint-enable no-await-in-loop */

  return { ...counts, remaining, cursor: current }
}
