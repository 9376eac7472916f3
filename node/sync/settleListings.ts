import { StatusChanges } from '../clients/statusChanges'
import { BusyWindow, historyStore } from '../storage/historyStore'
import type { Maintenance } from '../storage/maintenanceStore'
import type { AppDeps } from './deps'
import type { Pace } from './pace'
import { paced } from './pace'
import { publishStatusChange } from './publish'

/** How far the pass has looked: every change listed before `until` has its record. */
export const SETTLED_UNTIL = 'settled-until.json'

/**
 * Windows looked at, coarsest first, each listed under name prefixes about its own length: a
 * window with more changes than one look takes (see BusyWindow) is looked at in narrower ones.
 */
const LOOKS = [
  { windowMs: 30 * 60_000, prefixDigits: 7 },
  { windowMs: 3 * 60_000, prefixDigits: 8 },
  { windowMs: 20_000, prefixDigits: 9 },
]

/**
 * The furthest back the pass looks: a fresh install, or one whose sweep stopped for long,
 * starts there rather than walking weeks of windows.
 */
const LOOK_BACK_MS = 6 * 3_600_000
/** The share of a sweep run the pass may take: the other steps keep theirs while it catches up. */
const BUDGET_SHARE = 1 / 3

/**
 * How long a change's own event has to complete before the sweep does its work: 10 minutes,
 * or `SWEEP_SETTLE_AFTER_MS` (the local sandbox's tests set it).
 */
const settleAfterMs = () => {
  const configured = Number(process.env.SWEEP_SETTLE_AFTER_MS)

  return Number.isInteger(configured) && configured >= 0
    ? configured
    : 10 * 60_000
}

/**
 * The sweep's pass over what the webhook answered 200 to: a change whose Master Data record is
 * missing after a while is one whose own event handler never completed (VTEX IO gave the event
 * up, say), and when two replicas created its order's history at once, that handler was the
 * only thing that would have put the change back. Each such change (its record looked up by
 * id first: a resend may have written it later) is settled into its history from its listing,
 * the history created if it has none, published again (same id: the handler makes the board
 * and the OMS story follow; other consumers drop the repeat) and its record written. Window by
 * window, oldest first, from where the last run stopped; a failure stops the pass there, for
 * the next run. The number of changes put back into their histories.
 */
export async function settleListings(
  deps: AppDeps,
  maintenance: Maintenance,
  pace: Pace
): Promise<number> {
  const histories = historyStore(deps)
  const records = new StatusChanges(deps.clients.masterdata, deps.vtex)

  const publish = publishStatusChange(deps.clients.events)
  const started = Date.now()
  const deadline = Math.min(
    pace.deadline,
    started + (pace.deadline - started) * BUDGET_SHARE
  )

  const end = started - settleAfterMs()
  const stored = await maintenance.read<{ until: string }>(SETTLED_UNTIL)
  const until = Date.parse(stored?.until ?? '')
  // An unreadable watermark starts over from the look-back, never stops the pass.
  let from = Number.isFinite(until)
    ? Math.max(end - LOOK_BACK_MS, until)
    : end - LOOK_BACK_MS

  let settled = 0

  /* eslint-disable no-await-in-loop */
  while (from < end && Date.now() < deadline) {
    let look = 0
    let to = Math.min(end, from + LOOKS[look].windowMs)
    let listed: Array<{ id: string; receivedAt: string }>

    for (;;) {
      try {
        listed = await histories.listedBetween(
          from,
          to,
          LOOKS[look].prefixDigits
        )
        break
      } catch (error) {
        if (!(error instanceof BusyWindow) || look === LOOKS.length - 1) {
          throw error
        }

        look++
        to = Math.min(end, from + LOOKS[look].windowMs)
      }
    }

    const recorded = await records.idsReceivedBetween(from, to)

    const outcome = await settleEach(
      listed.filter(({ id }) => !recorded.has(id)),
      { histories, records, publish, deadline }
    )

    settled += outcome.mended
    // Out of time: this window again next run (what was settled now has its record).
    if (!outcome.finished) return settled

    await maintenance.write(SETTLED_UNTIL, {
      until: new Date(to).toISOString(),
    })
    from = to
  }
  /* eslint-enable no-await-in-loop */

  return settled
}

/**
 * Settles each change not recorded yet, a few at once, until the deadline: how many a
 * history lacked, and whether all were done. A failure is thrown once the others ended.
 */
async function settleEach(
  changes: Array<{ id: string; receivedAt: string }>,
  {
    histories,
    records,
    publish,
    deadline,
  }: {
    histories: ReturnType<typeof historyStore>
    records: StatusChanges
    publish: ReturnType<typeof publishStatusChange>
    deadline: number
  }
): Promise<{ mended: number; finished: boolean }> {
  let mended = 0
  let failure: Error | undefined

  const { started } = await paced(
    changes,
    { concurrency: 5, perSecond: 50, deadline },
    async (change) => {
      try {
        if (await records.has(change.id)) return
        const read = await histories.settleListed(change)

        if (!read) return
        await publish(read.entry, read.history.currentStatus)
        await histories.keepRecord(read.entry)
        // Counted only when the history lacked it: most were only short of their record.
        if (read.mended) mended++
      } catch (error) {
        failure = failure ?? (error as Error)
        throw error
      }
    }
  )

  if (failure) throw failure

  return { mended, finished: started === changes.length }
}
