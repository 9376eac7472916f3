import { isRecord, toText } from '../domain/normalize'
import {
  appName,
  registerSweepSchedule,
  removeSweepSchedule,
} from '../sync/ensureSchedule'
import type { EventContext } from '../typings/context'

/**
 * `setup` from `apps`, which VTEX IO sends for every app installed, updated or removed in the
 * workspace (`{to: {id}}` for an install or update, only `from` for a removal). On this app's
 * install or update, registers the sweep with VTEX's Scheduler at once, so that missed
 * webhooks are healed and the backfill starts before anyone opens the app's page, whatever
 * the app's record says (a removal handled just before may have taken the schedule away); on
 * its removal, removes it. A failure throws: VTEX IO delivers the event again.
 */
export async function appSetup(ctx: EventContext) {
  const body = isRecord(ctx.body) ? ctx.body : {}
  const idOf = (side: unknown) => (isRecord(side) ? toText(side.id) : null)
  const isThisApp = (id: string | null) => id?.split('@')[0] === appName()
  const installed = idOf(body.to)

  if (installed) {
    if (isThisApp(installed)) await registerSweepSchedule(ctx)
  } else if (isThisApp(idOf(body.from))) {
    await removeSweepSchedule(ctx)
  }
}
