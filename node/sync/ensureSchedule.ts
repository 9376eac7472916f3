import { sha256Hex } from '../domain/sha256'
import { SWEEP_SCHEDULE_ID, sweepSchedule } from '../domain/sweepSchedule'
import { SWEEP_TOKEN_HEADER } from '../middlewares/sweepRoute'
import { Maintenance } from '../storage/maintenanceStore'
import type { AppDeps } from './deps'

const REGISTERED = 'sweep-schedule.json'

/**
 * How long a registration is taken on trust. The app cannot see a schedule go missing (a
 * workspace reset, someone removing it): past this, the next call registers it again (a PUT by
 * id replaces, so a registration that was still there is unchanged).
 */
export const REGISTRATION_TRUSTED_MS = 60 * 60_000

// A fingerprint, not the token: the file says which token was registered.
const fingerprintOf = (token: string) => sha256Hex(token).slice(0, 16)

/** `vendor.name` of this app, as VTEX IO names it to the Scheduler. */
export const appName = () => (process.env.VTEX_APP_ID ?? '').split('@')[0]

/**
 * Makes sure VTEX's Scheduler calls the sweep: registers the schedule (with the route's token)
 * unless it was registered with the same token within REGISTRATION_TRUSTED_MS. Two VBase reads
 * when it was.
 */
export async function ensureSweepSchedule(
  deps: AppDeps,
  now = Date.now()
): Promise<boolean> {
  const maintenance = new Maintenance(deps.clients.vbase)
  const token = await maintenance.sweepToken()
  const registered = await maintenance.read<{
    fingerprint: string
    at: string
  }>(REGISTERED)

  if (
    registered?.fingerprint === fingerprintOf(token) &&
    now - Date.parse(registered.at) < REGISTRATION_TRUSTED_MS
  ) {
    return false
  }

  await register(deps, { maintenance, token, now })

  return true
}

/**
 * Registers the sweep whatever the record says: on the app's install or update, when a
 * removal handled just before (or redelivered after) may have taken the schedule away.
 */
export async function registerSweepSchedule(deps: AppDeps, now = Date.now()) {
  const maintenance = new Maintenance(deps.clients.vbase)

  await register(deps, {
    maintenance,
    token: await maintenance.sweepToken(),
    now,
  })
}

async function register(
  deps: AppDeps,
  {
    maintenance,
    token,
    now,
  }: { maintenance: Maintenance; token: string; now: number }
) {
  await deps.clients.scheduler.upsert(
    appName(),
    sweepSchedule({
      account: deps.vtex.account,
      workspace: deps.vtex.workspace,
      token,
      tokenHeader: SWEEP_TOKEN_HEADER,
    })
  )
  await maintenance.write(REGISTERED, {
    fingerprint: fingerprintOf(token),
    at: new Date(now).toISOString(),
  })
}

/**
 * Undoes ensureSweepSchedule when the app is removed: the Scheduler stops calling a route that
 * is gone, and a later install registers the sweep again (its record is deleted too).
 */
export async function removeSweepSchedule(deps: AppDeps): Promise<void> {
  await deps.clients.scheduler.remove(appName(), SWEEP_SCHEDULE_ID)
  await new Maintenance(deps.clients.vbase).remove(REGISTERED)
}
