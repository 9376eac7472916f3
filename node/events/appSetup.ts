import { isRecord, toText } from '../domain/normalize'
import {
  appName,
  ensureSweepSchedule,
  removeSweepSchedule,
} from '../sync/ensureSchedule'
import type { EventContext } from '../typings/context'

/**
 * `setup` from `apps`, which VTEX IO sends for every app installed, updated or removed in the
 * workspace (`{to: {id}}` for an install or update, only `from` for a removal). On this app's
 * install or update, registers the sweep with VTEX's Scheduler at once, so that missed
 * webhooks are healed and the backfill starts even before anyone opens the app's page (which
 * also registers it); on its removal, removes that schedule. A failure throws: VTEX IO
 * delivers the event again.
 */
export async function appSetup(ctx: EventContext) {
  const body = isRecord(ctx.body) ? ctx.body : {}
  const idOf = (side: unknown) => (isRecord(side) ? toText(side.id) : null)
  const isThisApp = (id: string | null) => id?.split('@')[0] === appName()
  const installed = idOf(body.to)

  if (installed) {
    if (isThisApp(installed)) await ensureSweepSchedule(ctx)
  } else if (isThisApp(idOf(body.from))) {
    await removeSweepSchedule(ctx)
  }
}
