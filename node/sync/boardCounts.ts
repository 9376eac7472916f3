import type { MasterData } from '@vtex/api'

import { OrderSummaries } from '../clients/orderSummaries'
import {
  BOARD_STATUSES,
  driftWhere,
  lateBefore,
  lateWhere,
  statusWhere,
} from '../domain/board'
import type { BoardCounts } from '../domain/boardSnapshot'
import type { BoardSnapshots, SnapshotRead } from '../storage/boardSnapshot'
import type { AppDeps } from './deps'

const DAY_MS = 86_400_000

export interface BoardSettings {
  /** The time limits in force (`timeLimits`). */
  limits: Record<string, number>
  windowDays: number
}

/**
 * Counts per status (and late per status), late and drift totals at `now`: one Master Data
 * count each, all at once, so the board costs one round trip of latency (and 32 calls).
 * Throws StorageError when any count fails.
 */
export async function countBoard(
  masterdata: MasterData,
  { limits, windowDays }: BoardSettings,
  now = Date.now()
): Promise<BoardCounts> {
  const summaries = new OrderSummaries(masterdata)
  const windowStart = new Date(now - windowDays * DAY_MS).toISOString()

  const [statuses, late, drift] = await Promise.all([
    Promise.all(
      BOARD_STATUSES.map(async (status) => {
        const hasLimit = lateBefore(status, limits, now) !== null
        const [count, lateCount] = await Promise.all([
          summaries.count(statusWhere(status, windowStart)),
          hasLimit
            ? summaries.count(lateWhere(limits, now, status))
            : Promise.resolve(0),
        ])

        return { status, count, late: lateCount }
      })
    ),
    summaries.count(lateWhere(limits, now)),
    summaries.count(driftWhere()),
  ])

  return {
    updatedAt: new Date(now).toISOString(),
    statuses: statuses.filter((entry) => entry.count > 0),
    late,
    drift,
  }
}

/** What refreshing or saving the snapshot needs: where, and for which settings. */
export interface SnapshotJob {
  deps: AppDeps
  snapshots: BoardSnapshots
  /** `boardKey` of `settings`. */
  key: string
  settings: BoardSettings
}

const reason = (error: unknown) =>
  error instanceof Error ? error.message : 'unknown'

/**
 * Counts again and saves, if this replica wins the claim on the snapshot it read (the others
 * keep serving it). Runs after the answer: it never throws, a failure is only logged and the
 * next poll past FRESH_MS tries again (a dead claim is void after CLAIM_MS).
 */
export async function refreshSnapshot(
  { deps, snapshots, key, settings }: SnapshotJob,
  read: SnapshotRead
): Promise<void> {
  try {
    if (!(await snapshots.claimRefresh(read))) return
    const board = await countBoard(deps.clients.masterdata, settings)

    await snapshots.save({ key, board })
  } catch (error) {
    deps.vtex.logger.warn({
      message: 'The board snapshot could not be refreshed',
      reason: reason(error),
    })
  }
}

/** Saves what was just counted for the next poll; a failure only costs that poll a count. */
export async function saveSnapshot(
  { deps, snapshots, key }: SnapshotJob,
  board: BoardCounts
): Promise<void> {
  await snapshots.save({ key, board }).catch((error) =>
    deps.vtex.logger.warn({
      message: 'The board snapshot could not be saved',
      reason: reason(error),
    })
  )
}
