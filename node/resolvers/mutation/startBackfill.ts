import { backfillDaysError } from '../../domain/backfill'
import { AppError } from '../../domain/errors'
import { requireApiKey } from '../../domain/settings'
import { readAppSettings } from '../../clients/appSettings'
import { backfillProgress, beginBackfill } from '../../sync/backfill'
import type { Context } from '../../typings/context'

/** How long the backfill's first batch runs right away, in the background of this replica. */
const FIRST_BATCH_MS = 20_000

/** Starts (or resumes) the backfill; the sweep continues it on any replica. */
export async function startBackfill(
  _: unknown,
  args: { days?: number | null },
  ctx: Context
) {
  const settings = await readAppSettings(ctx.clients.apps, ctx.vtex)
  const days = args.days ?? settings.backfillDays
  const invalid = backfillDaysError(days)

  if (invalid) throw new AppError('BAD_USER_INPUT', invalid)
  requireApiKey(settings)

  try {
    return (
      (await beginBackfill(ctx, days, FIRST_BATCH_MS)) ??
      (await backfillProgress(ctx))
    )
  } catch {
    throw new AppError(
      'STORE_UNAVAILABLE',
      'The backfill could not be started. Try again in a moment.'
    )
  }
}
