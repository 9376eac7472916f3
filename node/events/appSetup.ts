import { ensureSweepSchedule } from '../sync/ensureSchedule'
import type { EventContext } from '../typings/context'

/**
 * `setup` from `apps` (VTEX IO sends it when the app is installed or linked in a workspace):
 * registers the sweep with VTEX's Scheduler at once, so that missed webhooks are healed and
 * the backfill starts even before anyone opens the app's page (which also registers it). A
 * failure throws: VTEX IO delivers the event again.
 */
export async function appSetup(ctx: EventContext) {
  await ensureSweepSchedule(ctx)
}
