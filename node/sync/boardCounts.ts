import { OrderSummaries } from '../clients/orderSummaries'
import {
  BOARD_STATUSES,
  driftWhere,
  lateBefore,
  lateWhere,
  otherStatusWhere,
  statusWhere,
} from '../domain/board'
import type { BoardCounts } from '../domain/boardSnapshot'
import type { BoardSnapshots, SnapshotRead } from '../storage/boardSnapshot'
import type { AppDeps } from './deps'

const DAY_MS = 86_400_000
/** Bounds the search for statuses the board does not know: more would not fit a board anyway. */
const MAX_OTHER_STATUSES = 10

export interface BoardSettings {
  /** The time limits in force (`timeLimits`). */
  limits: Record<string, number>
  windowDays: number
}

/**
 * Counts per status (and late per status), late and drift totals at `now`: one Master Data
 * count each, all at once, so the board costs one round trip of latency and 33 calls (a
 * round trip and a call more per status found that it does not know). Throws StorageError
 * when any count fails.
 */
export async function countBoard(
  deps: AppDeps,
  { limits, windowDays }: BoardSettings,
  now = Date.now()
): Promise<BoardCounts> {
  const summaries = new OrderSummaries(deps.clients.masterdata, deps.vtex)

  const windowStart = new Date(now - windowDays * DAY_MS).toISOString()
  // Built before any count starts: a clause that cannot be built fails the board alone, with
  // no count left running unanswered.
  const allLate = lateWhere(limits, now)
  const anyDrift = driftWhere()

  const [statuses, others, late, drift] = await Promise.all([
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
    otherStatusCounts(summaries),
    summaries.count(allLate),
    summaries.count(anyDrift),
  ])

  return {
    updatedAt: new Date(now).toISOString(),
    statuses: [...statuses.filter((entry) => entry.count > 0), ...others],
    late,
    drift,
  }
}

/**
 * Orders in statuses the board does not know (Pick and Pack added one), each with its count:
 * a search of one document finds a status and how many are in any such status, the next one
 * leaves it out, and the difference is its count. One search when there is none (the usual
 * case), one more per status found. Never late: no limit names them.
 */
async function otherStatusCounts(summaries: OrderSummaries) {
  const counts: Array<{ status: string; count: number; late: number }> = []
  const excluded = [...BOARD_STATUSES]
  let found: { status: string; total: number } | null = null

  for (let round = 0; round <= MAX_OTHER_STATUSES; round++) {
    // eslint-disable-next-line no-await-in-loop
    const { documents, total } = await summaries.search(
      otherStatusWhere(excluded),
      { page: 1, pageSize: 1 }
    )

    if (found) {
      counts.push({ status: found.status, count: found.total - total, late: 0 })
    }

    const status = documents[0]?.status

    found = status && total > 0 ? { status, total } : null
    if (!found || round === MAX_OTHER_STATUSES) break
    excluded.push(found.status)
  }

  return counts.filter((entry) => entry.count > 0)
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
    const board = await countBoard(deps, settings)

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
