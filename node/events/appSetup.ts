import { isRecord, toText } from '../domain/normalize'
import { appName, ensureSweepSchedule } from '../sync/ensureSchedule'
import type { EventContext } from '../typings/context'

/**
 * `setup` from `apps`, which VTEX IO sends for every app installed, updated or removed in the
 * workspace (`{to: {id}}` for an install or update, only `from` for a removal): when it is
 * this app's install or update, registers the sweep with VTEX's Scheduler at once, so that
 * missed webhooks are healed and the backfill starts even before anyone opens the app's page
 * (which also registers it). A failure throws: VTEX IO delivers the event again.
 */
export async function appSetup(ctx: EventContext) {
  const body = isRecord(ctx.body) ? ctx.body : {}
  const installed = isRecord(body.to) ? toText(body.to.id) : null

  if (!installed || installed.split('@')[0] !== appName()) return
  await ensureSweepSchedule(ctx)
}
