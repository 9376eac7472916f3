import { timingSafeEqual } from 'crypto'

import { sha256 } from '../domain/sha256'
import { Maintenance } from '../storage/maintenanceStore'
import { StorageError } from '../storage/jsonStore'
import { readAppSettings } from '../clients/appSettings'
import {
  backfillProgress,
  beginBackfill,
  continueBackfill,
} from '../sync/backfill'
import { runSweep } from '../sync/sweep'
import type { Context } from '../typings/context'

/** The header VTEX's Scheduler sends (the app registers it with the schedule). */
export const SWEEP_TOKEN_HEADER = 'x-pick-and-pack-sweep-token'
/**
 * The route's timeout is 15 s (service.json): work stops starting 3 s before, enough for what
 * runs to finish (at most 10 calls at once, each bounded by its client's timeout).
 */
const BUDGET_MS = 12_000

const sameToken = (given: string, expected: string) =>
  timingSafeEqual(sha256(given), sha256(expected))

const answer = (ctx: Context, status: number, body: unknown) => {
  ctx.status = status
  ctx.set('Cache-Control', 'no-store')
  ctx.body = body
}

/**
 * `POST /_v/pick-and-pack/sweep`, for VTEX's Scheduler: heals what was missed (OMS story behind,
 * webhooks lost) and continues a running backfill. Authenticated by the token the app keeps in
 * VBase; answers `{checked, healed, remaining}` with what else it did.
 */
export async function sweepRoute(ctx: Context) {
  if (ctx.method !== 'POST') {
    answer(ctx, 405, {
      error: { code: 'METHOD_NOT_ALLOWED', message: 'Use POST.' },
    })

    return
  }

  try {
    const given = ctx.get(SWEEP_TOKEN_HEADER)
    const expected = await new Maintenance(ctx.clients.vbase).sweepToken()

    if (!given || !sameToken(given, expected)) {
      answer(ctx, 401, {
        error: {
          code: 'UNAUTHORIZED',
          message: `The sweep is called by VTEX's Scheduler with the app's token in ${SWEEP_TOKEN_HEADER}.`,
        },
      })

      return
    }

    // A running backfill shares the run; otherwise the sweep has all of it. The first run
    // after the app is installed starts the backfill (setting backfillDays; 0: none).
    const settings = await readAppSettings(ctx.clients.apps, ctx.vtex)
    const { state } = await backfillProgress(ctx)
    let backfilling = state === 'RUNNING'

    if (state === 'IDLE' && settings.apiKey && settings.backfillDays > 0) {
      backfilling = !!(await beginBackfill(ctx, settings.backfillDays, null))
    }

    const report = await runSweep(ctx, {
      budgetMs: backfilling ? BUDGET_MS / 2 : BUDGET_MS,
    })

    const backfill =
      report.busy || !backfilling
        ? null
        : await continueBackfill(ctx, BUDGET_MS / 2)

    answer(ctx, 200, {
      ...report,
      backfill: backfill && {
        state: backfill.state,
        scanned: backfill.scanned,
        recorded: backfill.recorded,
      },
    })
  } catch (error) {
    const unavailable = error instanceof StorageError

    ctx.vtex.logger.error({
      message: 'Sweep failed',
      reason: error instanceof Error ? error.message : 'unknown',
    })
    answer(ctx, unavailable ? 503 : 500, {
      error: {
        code: unavailable ? 'STORE_UNAVAILABLE' : 'SWEEP_FAILED',
        message: 'The sweep did not finish; the next run resumes it.',
      },
    })
  }
}
