import { StatusChanges } from '../clients/statusChanges'
import { historyStore } from '../storage/historyStore'
import type { Maintenance } from '../storage/maintenanceStore'
import type { AppDeps } from './deps'
import type { Pace } from './pace'
import { publishStatusChange } from './publish'

/** How far the pass has looked: every change listed before `until` has its record. */
export const SETTLED_UNTIL = 'settled-until.json'

/** Looked at in windows of this length, each one listing and one Master Data search or more. */
const WINDOW_MS = 30 * 60_000
/** A fresh install (or the first run of this pass) looks this far back. */
const FIRST_LOOK_BACK_MS = 6 * 3_600_000

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
 * only thing that would have put the change back. Each such change is settled into its
 * history from its listing, published again (same id: the handler makes the board and the OMS
 * story follow; other consumers drop the repeat) and its record written. Window by window,
 * oldest first, from where the last run stopped; a failure stops the pass there, for the next
 * run. The number of changes put back into their histories.
 */
export async function settleListings(
  deps: AppDeps,
  maintenance: Maintenance,
  pace: Pace
): Promise<number> {
  const histories = historyStore(deps)
  const records = new StatusChanges(
    deps.clients.masterdata,
    deps.vtex.workspace
  )

  const publish = publishStatusChange(deps.clients.events)
  const end = Date.now() - settleAfterMs()
  const stored = await maintenance.read<{ until: string }>(SETTLED_UNTIL)
  let from = stored ? Date.parse(stored.until) : end - FIRST_LOOK_BACK_MS
  let settled = 0

  /* eslint-disable no-await-in-loop */
  while (from < end && Date.now() < pace.deadline) {
    const to = Math.min(end, from + WINDOW_MS)
    const [listed, recorded] = await Promise.all([
      histories.listedBetween(from, to),
      records.idsReceivedBetween(from, to),
    ])

    for (const change of listed.filter(({ id }) => !recorded.has(id))) {
      // Out of time: this window again next run (what was settled now has its record).
      if (Date.now() >= pace.deadline) return settled
      const read = await histories.settleListed(change)

      if (read) {
        await publish(read.entry, read.history.currentStatus)
        await histories.keepRecord(read.entry)
        // Counted only when the history lacked it: most were only short of their record.
        if (read.mended) settled++
      }
    }

    await maintenance.write(SETTLED_UNTIL, {
      until: new Date(to).toISOString(),
    })
    from = to
  }
  /* eslint-enable no-await-in-loop */

  return settled
}
