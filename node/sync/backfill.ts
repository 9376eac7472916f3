import { readAppSettings } from '../clients/appSettings'
import type { BackfillProgress } from '../domain/backfill'
import {
  BACKFILL_OMS_STATUSES,
  NO_BACKFILL,
  afterPage,
  startBackfill,
} from '../domain/backfill'
import { isAppError } from '../domain/errors'
import { toNumber, toText } from '../domain/normalize'
import { UNREADABLE, failureCode } from '../domain/omsSync'
import { requireApiKey } from '../domain/settings'
import { describeHttpFailure } from '../domain/upstreamErrors'
import { Maintenance, newHolder } from '../storage/maintenanceStore'
import type { AppDeps } from './deps'
import { paced } from './pace'
import { recordLiveStatus } from './recordLiveStatus'

export const BACKFILL_LEASE = 'backfill-lease.json'

/** The backfill's progress as stored (IDLE when it never ran). */
export async function backfillProgress(
  deps: AppDeps
): Promise<BackfillProgress> {
  const lease = await new Maintenance(deps.clients.vbase).read<{
    data?: BackfillProgress
  }>(BACKFILL_LEASE)

  return lease?.data ?? NO_BACKFILL
}

/**
 * Starts a backfill of the last `days` days (or resumes a failed one), then runs its first
 * batch in the background of this replica; the sweep continues it on any replica until done.
 * Null when another replica holds it right now.
 */
export async function beginBackfill(
  deps: AppDeps,
  days: number,
  budgetMs: number | null
): Promise<BackfillProgress | null> {
  const maintenance = new Maintenance(deps.clients.vbase)
  const holder = newHolder()
  const lease = await maintenance.claim<BackfillProgress>(BACKFILL_LEASE, {
    holder,
    ms: 30_000,
    initial: NO_BACKFILL,
  })

  if (!lease) return null
  const progress = startBackfill(lease.data, days, new Date())

  await maintenance.release(BACKFILL_LEASE, holder, progress)
  // Not awaited: the mutation answers now; a replica that stops here leaves it to the sweep.
  if (budgetMs !== null) {
    continueBackfill(deps, budgetMs).catch(() => undefined)
  }

  return progress
}

/**
 * One batch of a running backfill: OMS list pages until the budget is spent, each order asked
 * live in Pick and Pack (paced) and recorded when the record is behind. Progress is saved after
 * every page; a batch that stops half-way repeats its page, which records nothing twice.
 */
export async function continueBackfill(
  deps: AppDeps,
  budgetMs: number
): Promise<BackfillProgress | null> {
  const deadline = Date.now() + budgetMs
  const maintenance = new Maintenance(deps.clients.vbase)
  const holder = newHolder()
  const lease = await maintenance.claim<BackfillProgress>(BACKFILL_LEASE, {
    holder,
    ms: budgetMs + 10_000,
    initial: NO_BACKFILL,
  })

  if (!lease) return null
  let progress = lease.data

  try {
    while (progress.state === 'RUNNING' && Date.now() < deadline) {
      // eslint-disable-next-line no-await-in-loop
      progress = await backfillPage(deps, progress, deadline)
      // Saved after every page, the lease kept: another replica resumes from here.
      // eslint-disable-next-line no-await-in-loop
      const kept = await maintenance.renew(
        BACKFILL_LEASE,
        { holder, ms: budgetMs + 10_000 },
        progress
      )

      if (!kept) return progress
    }
  } catch (error) {
    progress = {
      ...progress,
      state: 'FAILED',
      updatedAt: new Date().toISOString(),
      ...failureOf(error),
    }
  }

  await maintenance.release(BACKFILL_LEASE, holder, progress)

  return progress
}

async function backfillPage(
  deps: AppDeps,
  progress: BackfillProgress,
  deadline: number
): Promise<BackfillProgress> {
  const settings = await readAppSettings(deps.clients.apps, deps.vtex)
  const credentials = {
    apiKey: requireApiKey(settings),
    environment: settings.environment,
  }

  const listed = await deps.clients.omsOrderList.page({
    from: progress.from ?? new Date(0).toISOString(),
    to: progress.to ?? new Date().toISOString(),
    statuses: BACKFILL_OMS_STATUSES,
    page: progress.page,
  })

  const orderIds = (listed.list ?? []).flatMap((order) => {
    const id = toText(order.orderId)

    return id ? [id] : []
  })

  let recorded = 0
  const { started, failed } = await paced(
    orderIds,
    // A page is finished even past the deadline: a half page would be read again.
    {
      concurrency: 10,
      perSecond: 20,
      deadline: Math.max(deadline, Date.now() + 60_000),
    },
    async (orderId) => {
      try {
        const live = await deps.clients.pickAndPack.getLiveStatus(
          credentials,
          orderId
        )

        if (
          await recordLiveStatus(deps, orderId, { ...live, source: 'backfill' })
        )
          recorded++
      } catch (error) {
        // An order Pick and Pack does not know is not its work: skip it.
        if (isAppError(error) && error.code === 'PNP_ORDER_NOT_FOUND') return
        throw error
      }
    }
  )

  if (failed > 0) {
    throw new BackfillPageFailed(
      `${failed} of ${started} orders could not be looked up in Pick and Pack. Resume the backfill in a moment: it repeats this page.`
    )
  }

  return afterPage(
    progress,
    {
      orders: started,
      recorded,
      total: toNumber(listed.paging?.total) ?? orderIds.length,
      pages: toNumber(listed.paging?.pages) ?? progress.page,
    },
    new Date()
  )
}

class BackfillPageFailed extends Error {}

/** What a failed backfill says: in English, and by code for the admin's own words. */
function failureOf(error: unknown): {
  lastError: string
  lastErrorCode: string
} {
  if (isAppError(error)) {
    return { lastError: error.message, lastErrorCode: error.code }
  }

  if (error instanceof BackfillPageFailed) {
    return { lastError: error.message, lastErrorCode: 'LOOKUPS_FAILED' }
  }

  const { status } = describeHttpFailure(error)

  return status
    ? {
        lastError:
          status === 401 || status === 403
            ? `The OMS order list answered HTTP ${status}. Check the app's List orders permission, then resume.`
            : `The OMS order list answered HTTP ${status}: the OMS is unavailable right now. Resume the backfill in a moment.`,
        lastErrorCode: failureCode(status),
      }
    : {
        lastError:
          'The OMS order list could not be read. Resume the backfill in a moment.',
        lastErrorCode: UNREADABLE,
      }
}
