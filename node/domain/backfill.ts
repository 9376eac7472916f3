/** OMS statuses of orders Pick and Pack is (or was) working on. */
export const BACKFILL_OMS_STATUSES = [
  'ready-for-handling',
  'handling',
  'invoiced',
] as const

export type BackfillState = 'IDLE' | 'RUNNING' | 'DONE' | 'FAILED'

/** The backfill's progress, kept in VBase: any replica continues from it. */
export interface BackfillProgress {
  state: BackfillState
  days: number | null
  /** The window of OMS creation dates, fixed when the backfill starts. */
  from: string | null
  to: string | null
  /** The next OMS list page to read (1-based). */
  page: number
  scanned: number
  recorded: number
  total: number | null
  startedAt: string | null
  updatedAt: string | null
  lastError: string | null
  /**
   * The last failure's code, for the admin's words: an app error code (NOT_CONFIGURED,
   * PNP_UNAUTHORIZED, ...), LOOKUPS_FAILED (Pick and Pack did not answer for some orders of a
   * page), or the OMS order list's failure (`http:<status>`, `unreadable`). Absent in progress
   * saved before it was kept.
   */
  lastErrorCode?: string | null
}

export const NO_BACKFILL: BackfillProgress = {
  state: 'IDLE',
  days: null,
  from: null,
  to: null,
  page: 1,
  scanned: 0,
  recorded: 0,
  total: null,
  startedAt: null,
  updatedAt: null,
  lastError: null,
  lastErrorCode: null,
}

/**
 * A backfill of `days`: a failed or running one of the same days resumes where it stopped;
 * otherwise a new one starts over the last `days` days.
 */
export function startBackfill(
  previous: BackfillProgress,
  days: number,
  now: Date
): BackfillProgress {
  if (
    (previous.state === 'FAILED' || previous.state === 'RUNNING') &&
    previous.days === days
  ) {
    return {
      ...previous,
      state: 'RUNNING',
      lastError: null,
      lastErrorCode: null,
      updatedAt: now.toISOString(),
    }
  }

  return {
    ...NO_BACKFILL,
    state: 'RUNNING',
    days,
    from: new Date(now.getTime() - days * 86_400_000).toISOString(),
    to: now.toISOString(),
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  }
}

/** After one OMS list page was looked up in Pick and Pack. */
export function afterPage(
  progress: BackfillProgress,
  page: { orders: number; recorded: number; total: number; pages: number },
  now: Date
): BackfillProgress {
  const done = progress.page >= page.pages || page.orders === 0

  return {
    ...progress,
    state: done ? 'DONE' : 'RUNNING',
    page: progress.page + 1,
    scanned: progress.scanned + page.orders,
    recorded: progress.recorded + page.recorded,
    total: page.total,
    updatedAt: now.toISOString(),
  }
}

/** Whole days from 1 to 90, or the reason it is not. */
export function backfillDaysError(days: unknown): string | null {
  return typeof days === 'number' &&
    Number.isInteger(days) &&
    days >= 1 &&
    days <= 90
    ? null
    : 'days must be a whole number from 1 to 90.'
}
