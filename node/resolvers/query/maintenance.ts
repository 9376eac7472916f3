import { AppError } from '../../domain/errors'
import { Maintenance } from '../../storage/maintenanceStore'
import { backfillProgress } from '../../sync/backfill'
import { ensureSweepSchedule } from '../../sync/ensureSchedule'
import type { SweepReport } from '../../sync/sweep'
import { SWEEP_REPORT } from '../../sync/sweep'
import type { Context } from '../../typings/context'

/** When the sweep and the backfill last ran, and what they healed. */
export async function maintenance(_: unknown, __: unknown, ctx: Context) {
  // The admin home is where an installed app is first opened: the sweep's schedule is made
  // there (and again whenever it is missing). Not fatal: the panel still answers.
  await ensureSweepSchedule(ctx).catch((error) =>
    ctx.vtex.logger.warn({
      message: "The sweep's schedule could not be registered",
      reason: error instanceof Error ? error.message : 'unknown',
    })
  )

  try {
    const [lastSweep, backfill] = await Promise.all([
      new Maintenance(ctx.clients.vbase).read<SweepReport>(SWEEP_REPORT),
      backfillProgress(ctx),
    ])

    // Reports of runs before `settled` existed have none.
    return {
      lastSweep: lastSweep && { ...lastSweep, settled: lastSweep.settled ?? 0 },
      backfill,
    }
  } catch {
    throw new AppError(
      'STORE_UNAVAILABLE',
      'The sweep and backfill state could not be read. Try again in a moment.'
    )
  }
}
