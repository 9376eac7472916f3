import type { Schedule } from '../clients/scheduler'
import type { AppDeps } from '../sync/deps'
import {
  REGISTRATION_TRUSTED_MS,
  ensureSweepSchedule,
  registerSweepSchedule,
  removeSweepSchedule,
} from '../sync/ensureSchedule'
import { replicaVBase, useStoreStandIn } from './support/store'

/*
 * The sweep's registration with VTEX's Scheduler, over the store stand-in (where the app keeps
 * its token and the record of what it registered). The Scheduler is a recorder: what matters
 * is what the app asks of it, and when.
 */

const store = useStoreStandIn()
let accounts = 0

function app() {
  const account = `schedule${++accounts}`
  const calls: Array<{ put?: Schedule; removed?: string }> = []
  const deps = {
    clients: {
      vbase: replicaVBase(store().url, account),
      scheduler: {
        upsert: async (_app: string, schedule: Schedule) => {
          calls.push({ put: schedule })
        },
        remove: async (_app: string, id: string) => {
          calls.push({ removed: id })
        },
      },
    },
    vtex: { account, workspace: 'master' },
  } as unknown as AppDeps

  return { deps, calls }
}

describe('the sweep schedule', () => {
  it('is registered once, then again only after an hour, in case it went missing on the Scheduler', async () => {
    const { deps, calls } = app()
    const start = Date.parse('2026-12-03T12:00:00.000Z')

    expect(await ensureSweepSchedule(deps, start)).toBe(true)
    expect(calls).toEqual([
      {
        put: expect.objectContaining({
          id: 'pick-and-pack-sweep',
          request: expect.objectContaining({
            uri: `https://${deps.vtex.account}.myvtex.com/_v/pick-and-pack/sweep`,
          }),
        }),
      },
    ])

    // Every visit of the admin home asks: within the hour, nothing is sent.
    expect(
      await ensureSweepSchedule(deps, start + REGISTRATION_TRUSTED_MS - 1)
    ).toBe(false)
    expect(calls).toHaveLength(1)

    expect(
      await ensureSweepSchedule(deps, start + REGISTRATION_TRUSTED_MS)
    ).toBe(true)
    expect(calls).toHaveLength(2)
    // The same token each time: the route keeps accepting the calls already scheduled.
    expect(calls[1].put?.request.headers).toEqual(calls[0].put?.request.headers)
  })

  it('is removed with the app, and registered anew when the app is installed again', async () => {
    const { deps, calls } = app()
    const now = Date.now()

    await ensureSweepSchedule(deps, now)
    await removeSweepSchedule(deps)
    expect(calls.slice(1)).toEqual([{ removed: 'pick-and-pack-sweep' }])

    // Installed again a minute later: the record went with the schedule.
    expect(await ensureSweepSchedule(deps, now + 60_000)).toBe(true)
    expect(calls).toHaveLength(3)
  })

  it('is registered on every install, even when a removal took it away within the hour', async () => {
    const { deps, calls } = app()
    const now = Date.now()

    await ensureSweepSchedule(deps, now)
    // Removed and installed again, the removal's record handled after the install's.
    await registerSweepSchedule(deps, now + 1000)
    await removeSweepSchedule(deps)
    await registerSweepSchedule(deps, now + 2000)

    expect(calls.map((call) => (call.put ? 'put' : 'removed'))).toEqual([
      'put',
      'put',
      'removed',
      'put',
    ])
  })
})
