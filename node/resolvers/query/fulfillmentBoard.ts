import { readAppSettings } from '../../clients/appSettings'
import { timeLimits } from '../../domain/board'
import {
  boardKey,
  refreshClaimed,
  snapshotUse,
} from '../../domain/boardSnapshot'
import { AppError } from '../../domain/errors'
import type { SnapshotRead } from '../../storage/boardSnapshot'
import { BoardSnapshots } from '../../storage/boardSnapshot'
import type { SnapshotJob } from '../../sync/boardCounts'
import {
  countBoard,
  refreshSnapshot,
  saveSnapshot,
} from '../../sync/boardCounts'
import type { Context } from '../../typings/context'

export const storeUnavailable = () =>
  new AppError(
    'STORE_UNAVAILABLE',
    'The order summaries could not be read. Try again in a moment.'
  )

/**
 * The board from the snapshot every replica shares (one VBase read a poll), counted again in
 * Master Data only when it is missing, made with other settings, too old, or `fresh` is asked.
 * `refreshing`: the counts served are being made again; ask again in a moment.
 */
export async function fulfillmentBoard(
  _: unknown,
  args: { fresh?: boolean | null },
  ctx: Context
) {
  const settings = await readAppSettings(ctx.clients.apps, ctx.vtex)
  const limits = timeLimits(settings.statusTimeLimits)
  const job: SnapshotJob = {
    deps: ctx,
    snapshots: new BoardSnapshots(ctx.clients.vbase),
    key: boardKey(limits, settings.boardWindowDays),
    settings: { limits, windowDays: settings.boardWindowDays },
  }

  // Unreadable: counted here, as before there was a snapshot (the board must still answer).
  const read: SnapshotRead | null = await job.snapshots
    .read()
    .catch((error) => {
      ctx.vtex.logger.warn({
        message: 'The board snapshot could not be read',
        reason: error instanceof Error ? error.message : 'unknown',
      })

      return null
    })

  const snapshot = read?.snapshot ?? null
  const now = Date.now()
  const use = snapshotUse(snapshot, { key: job.key, fresh: !!args.fresh }, now)

  if (read && snapshot && use !== 'compute') {
    if (use === 'serve-and-refresh' && !refreshClaimed(snapshot, now)) {
      // Not awaited: the answer does not wait for the count (it never throws); only the
      // replica that wins the claim counts.
      refreshSnapshot(job, read)
    }

    return { ...snapshot.board, refreshing: use === 'serve-and-refresh' }
  }

  const counts = await countBoard(ctx, job.settings, now).catch(() => {
    throw storeUnavailable()
  })

  // Awaited, so that the next poll on any replica finds it; a failure is only logged.
  if (read) await saveSnapshot(job, counts)

  return { ...counts, refreshing: false }
}
