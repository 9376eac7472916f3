/*
 * Missed webhooks healed (issue 16) over two hosts (replicas) and one store stand-in, against
 * the simulator: a sweep on both replicas at once brings every recorded status to Pick and
 * Pack's, each order asked once, nothing doubled; a backfill on a fresh install records the OMS
 * orders' live state, interrupted and resumed.
 */
import type { TestHost } from '../../node/__tests__/support/host'
import { startTestHost } from '../../node/__tests__/support/host'
import { eventually } from '../../node/__tests__/support/eventually'
import { storeHistories } from '../../node/__tests__/support/histories'
import type { Simulator } from '../simulator'
import { SEEDED_ORDERS, startSimulator } from '../simulator'
import { statusRank } from '../../node/domain/statuses'
import { isFinal } from '../../node/domain/board'
import { postGraphql } from '../../node/__tests__/support/calls'
import manifest from '../../manifest.json'

jest.setTimeout(90_000)

const SECRET = 'healing-secret'
const API_KEY = 'healing-api-key'
const ACCOUNT = 'healing'
let simulator: Simulator
let a: TestHost
let b: TestHost

const post = (url: string, body?: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-webhook-secret': SECRET },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

const histories = (host: TestHost, account: string) =>
  storeHistories(host.storeURL, account)

const SWEEP_SETTINGS = {
  apiKey: API_KEY,
  webhookSecret: SECRET,
  sweepAfterMinutes: '1',
  // No backfill on the first sweep: the backfill has its own test below.
  backfillDays: '0',
  omsInteractions: 'false',
  omsTracking: 'false',
}

/** Orders whose live status is ahead of READY_FOR_HANDLING (the one the test records). */
const ahead = SEEDED_ORDERS.filter(
  (order) =>
    order.inPickAndPack &&
    (statusRank(order.status) ?? 0) > (statusRank('READY_FOR_HANDLING') ?? 0)
)

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, apiKey: API_KEY, v1: false })
  a = await startTestHost(simulator.url, SWEEP_SETTINGS, { account: ACCOUNT })
  b = await startTestHost(simulator.url, SWEEP_SETTINGS, {
    account: ACCOUNT,
    storeURL: a.storeURL,
  })
})

afterAll(async () => {
  await b?.stop()
  await a?.stop()
  await simulator?.close()
})

describe('the sweep', () => {
  it('heals missed webhooks on two replicas at once: one call per order, nothing doubled', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString()

    // Only the first step reached the app; every later webhook was missed.
    for (const order of ahead) {
      // eslint-disable-next-line no-await-in-loop
      const answer = await post(`${a.url}/_v/pick-and-pack/webhook`, {
        orderId: order.orderId,
        newStatus: 'READY_FOR_HANDLING',
        hostname: 'sandboxstore',
        date: twoHoursAgo,
      })

      expect(answer.status).toBe(200)
    }

    // The board's summaries are what the sweep searches: Master Data lags writes by ~1 s.
    await eventually(
      () =>
        postGraphql(
          a,
          '{ fulfillmentOrders(status: "READY_FOR_HANDLING", first: 100) { total } }'
        ),
      (page) => page.data?.fulfillmentOrders.total >= ahead.length
    )

    const before = simulator.stats().trackingRequests
    const [first, second] = await Promise.all(
      [a, b].map(async (host) =>
        (await post(`${host.url}/_v/pick-and-pack/sweep`)).json()
      )
    )

    // One replica swept, the other found it busy and did nothing.
    expect([first.busy, second.busy].filter(Boolean)).toHaveLength(1)
    const report = first.busy ? second : first

    expect(report).toMatchObject({
      checked: ahead.length,
      healed: ahead.length,
      remaining: 0,
    })
    expect(simulator.stats().trackingRequests - before).toBe(ahead.length)

    const store = histories(a, ACCOUNT)

    for (const order of ahead) {
      // eslint-disable-next-line no-await-in-loop
      const history = await store.history(order.orderId)

      expect({ id: order.orderId, status: history.currentStatus }).toEqual({
        id: order.orderId,
        status: order.status,
      })
      expect(history.entries.map((entry) => entry.source)).toEqual([
        'webhook',
        'sweep',
      ])
    }

    // The missed webhook, arriving late, is a redelivery: nothing doubled.
    const [late] = ahead
    const redelivered = await post(`${b.url}/_v/pick-and-pack/webhook`, {
      orderId: late.orderId,
      oldStatus: 'READY_FOR_HANDLING',
      newStatus: late.status,
      hostname: 'sandboxstore',
      date: new Date(Date.now() - 3_600_000).toISOString(),
    })

    expect(await redelivered.json()).toEqual({
      received: true,
      duplicate: true,
    })
    expect((await store.history(late.orderId)).entries).toHaveLength(2)

    const shown = await postGraphql(
      b,
      '{ maintenance { lastSweep { checked healed remaining } } }'
    )

    // Opening the admin home registered the sweep with VTEX's Scheduler, once.
    const schedules = await (
      await fetch(`${simulator.url}/_sandbox/scheduler`)
    ).json()

    expect(schedules).toEqual([
      expect.objectContaining({
        workspace: 'master',
        app: 'pnplabs.pick-and-pack-tracking',
        id: 'pick-and-pack-sweep',
        uri: `https://${ACCOUNT}.myvtex.com/_v/pick-and-pack/sweep`,
        method: 'POST',
        headers: ['x-pick-and-pack-sweep-token'],
      }),
    ])
    await postGraphql(a, '{ maintenance { lastSweep { checked } } }')
    expect(
      await (await fetch(`${simulator.url}/_sandbox/scheduler`)).json()
    ).toEqual(schedules)

    expect(shown.data.maintenance.lastSweep).toEqual({
      checked: ahead.length,
      healed: ahead.length,
      remaining: 0,
    })
  })
})

describe('orders stuck in Pick and Pack', () => {
  it('are asked again only after a wait, so they do not hold back an order that just went quiet', async () => {
    const host = await startTestHost(simulator.url, SWEEP_SETTINGS, {
      account: 'stuck',
    })

    const sweep = async () =>
      (await post(`${host.url}/_v/pick-and-pack/sweep`)).json()

    // Recorded as Pick and Pack has them, two days idle: each ask finds nothing new.
    const [quiet, ...stuck] = SEEDED_ORDERS.filter(
      (order) => order.inPickAndPack && !isFinal(order.status)
    )

    const record = (orders: typeof stuck) =>
      Promise.all(
        orders.map(async (order) => {
          const answer = await post(`${host.url}/_v/pick-and-pack/webhook`, {
            orderId: order.orderId,
            newStatus: order.status,
            hostname: 'sandboxstore',
            date: new Date(Date.now() - 2 * 86_400_000).toISOString(),
          })

          expect(answer.status).toBe(200)
        })
      )

    const indexed = (total: number) =>
      eventually(
        () => postGraphql(host, '{ fulfillmentOrders(first: 100) { total } }'),
        (page) => page.data?.fulfillmentOrders.total === total
      )

    try {
      await record(stuck)
      await indexed(stuck.length)
      const before = simulator.stats().trackingRequests

      expect(await sweep()).toMatchObject({
        checked: stuck.length,
        healed: 0,
        remaining: 0,
      })
      expect(simulator.stats().trackingRequests - before).toBe(stuck.length)

      // Another order goes quiet; the stuck ones are not due again for hours.
      await record([quiet])
      await indexed(stuck.length + 1)
      // Master Data search lags writes: the asks' waits must be searchable too.
      await new Promise((resolve) => setTimeout(resolve, 1500))
      const next = simulator.stats().trackingRequests

      expect(await sweep()).toMatchObject({
        checked: 1,
        healed: 0,
        remaining: 0,
      })
      expect(simulator.stats().trackingRequests - next).toBe(1)
    } finally {
      await host.stop()
    }
  })
})

describe('orders Pick and Pack does not know', () => {
  it('are not asked again on every run', async () => {
    const host = await startTestHost(simulator.url, SWEEP_SETTINGS, {
      account: 'unknown',
    })

    try {
      const answer = await post(`${host.url}/_v/pick-and-pack/webhook`, {
        orderId: '9999999999999-01',
        newStatus: 'PICKING',
        hostname: 'sandboxstore',
        date: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      })

      expect(answer.status).toBe(200)
      await eventually(
        () => postGraphql(host, '{ fulfillmentOrders(first: 1) { total } }'),
        (page) => page.data?.fulfillmentOrders.total === 1
      )

      const before = simulator.stats().trackingRequests

      expect(
        await (await post(`${host.url}/_v/pick-and-pack/sweep`)).json()
      ).toMatchObject({ checked: 1, healed: 0 })
      expect(simulator.stats().trackingRequests - before).toBe(1)
      // Master Data search lags writes: the ask's wait must be searchable.
      await new Promise((resolve) => setTimeout(resolve, 1500))

      expect(
        await (await post(`${host.url}/_v/pick-and-pack/sweep`)).json()
      ).toMatchObject({ checked: 0 })
      expect(simulator.stats().trackingRequests - before).toBe(1)
    } finally {
      await host.stop()
    }
  })
})

describe('the backfill', () => {
  it('records the OMS orders in flight on a fresh install, interrupted and resumed', async () => {
    const settings = {
      apiKey: API_KEY,
      webhookSecret: SECRET,
      omsInteractions: 'false',
      omsTracking: 'false',
    }

    // Two replicas of a fresh install: the backfill starts on one and resumes on the other.
    const fresh = await startTestHost(simulator.url, settings, {
      account: 'backfill',
    })

    const other = await startTestHost(simulator.url, settings, {
      account: 'backfill',
      storeURL: fresh.storeURL,
    })

    try {
      // The seeded orders are from November 2026: the window reaches them.
      const days = Math.min(
        90,
        Math.ceil(
          (Date.now() - Date.parse('2026-11-01T00:00:00Z')) / 86_400_000
        )
      )

      simulator.setFaults({
        failureRate: 1,
        failureStatus: 503,
        scope: 'tracking',
      })
      const started = await postGraphql(
        fresh,
        'mutation($days: Int) { startBackfill(days: $days) { state days } }',
        { days }
      )

      expect(started.data.startBackfill).toEqual({ state: 'RUNNING', days })
      const failed = await eventually(
        () =>
          postGraphql(
            fresh,
            '{ maintenance { backfill { state lastError lastErrorCode recorded } } }'
          ),
        (answer) => answer.data?.maintenance.backfill.state === 'FAILED'
      )

      expect(failed.data.maintenance.backfill.lastError).toMatch(/Resume/)
      // Pick and Pack did not answer for the page's orders: the admin words it by this code.
      expect(failed.data.maintenance.backfill.lastErrorCode).toBe(
        'LOOKUPS_FAILED'
      )
      simulator.setFaults({})
      await postGraphql(
        other,
        'mutation($days: Int) { startBackfill(days: $days) { state } }',
        { days }
      )
      const done = await eventually(
        () =>
          postGraphql(
            fresh,
            '{ maintenance { backfill { state scanned recorded total } } }'
          ),
        (answer) => answer.data?.maintenance.backfill.state === 'DONE'
      )

      const { backfill } = done.data.maintenance

      expect(backfill.recorded).toBeGreaterThan(0)
      expect(backfill.scanned).toBe(backfill.total)
      const store = histories(fresh, 'backfill')
      const recorded = await Promise.all(
        SEEDED_ORDERS.filter((order) => order.inPickAndPack).map(
          async (order) => ({
            order,
            history: await store.history(order.orderId),
          })
        )
      )

      const backfilled = recorded.filter(
        ({ history }) => history.entries.length > 0
      )

      expect(backfilled).toHaveLength(backfill.recorded)
      for (const { order, history } of backfilled) {
        expect(history.currentStatus).toBe(order.status)
        expect(history.entries.map((entry) => entry.source)).toEqual([
          'backfill',
        ])
      }
    } finally {
      await other.stop()
      await fresh.stop()
    }
  })
})

describe('the backfill with the OMS down', () => {
  it('says the OMS is unavailable, not that a permission is missing', async () => {
    const host = await startTestHost(simulator.url, SWEEP_SETTINGS, {
      account: 'omsdown',
    })

    try {
      simulator.setFaults({ failureRate: 1, failureStatus: 503, scope: 'oms' })
      await postGraphql(
        host,
        'mutation($days: Int) { startBackfill(days: $days) { state } }',
        { days: 30 }
      )
      const failed = await eventually(
        () =>
          postGraphql(
            host,
            '{ maintenance { backfill { state lastError lastErrorCode } } }'
          ),
        (answer) => answer.data?.maintenance.backfill.state === 'FAILED'
      )

      const { lastError, lastErrorCode } = failed.data.maintenance.backfill

      expect(lastErrorCode).toBe('http:503')
      expect(lastError).toMatch(/unavailable/)
      expect(lastError).not.toMatch(/permission/)
    } finally {
      simulator.setFaults({})
      await host.stop()
    }
  })
})

describe('on install', () => {
  it("registers the sweep with VTEX's Scheduler when VTEX IO sends the app its setup event", async () => {
    const installed = await startTestHost(simulator.url, SWEEP_SETTINGS, {
      account: 'setup',
    })

    const ofAccount = async () =>
      (
        (await (
          await fetch(`${simulator.url}/_sandbox/scheduler`)
        ).json()) as Array<{ uri: string }>
      ).filter((schedule) => schedule.uri.includes('//setup.myvtex.com/'))

    try {
      const setup = (body: unknown) =>
        fetch(`${installed.url}/_sandbox/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sender: 'apps', topic: 'setup', body }),
        })

      expect(await ofAccount()).toEqual([])
      // Sent for every app of the workspace: another app's install, or this app's removal,
      // registers nothing.
      expect((await setup({ to: { id: 'vtex.other-app@1.0.0' } })).ok).toBe(
        true
      )
      expect(
        (
          await setup({
            from: { id: `${manifest.vendor}.${manifest.name}@0.1.0` },
          })
        ).ok
      ).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(await ofAccount()).toEqual([])
      const delivered = await setup({
        to: { id: `${manifest.vendor}.${manifest.name}@${manifest.version}` },
      })

      expect(delivered.ok).toBe(true)
      // Nobody opened the app's page: the event alone registered the sweep, once.
      const registered = await eventually(
        ofAccount,
        (found) => found.length > 0
      )

      expect(registered).toEqual([
        expect.objectContaining({
          id: 'pick-and-pack-sweep',
          uri: 'https://setup.myvtex.com/_v/pick-and-pack/sweep',
        }),
      ])
      await postGraphql(installed, '{ maintenance { lastSweep { checked } } }')
      expect(await ofAccount()).toEqual(registered)

      // Removed, the app takes its schedule with it; installed again, it registers anew.
      const removal = {
        from: { id: `${manifest.vendor}.${manifest.name}@${manifest.version}` },
      }

      expect((await setup(removal)).ok).toBe(true)
      expect(await ofAccount()).toEqual([])
      // A removal delivered twice finds nothing to remove, and still succeeds.
      expect((await setup(removal)).ok).toBe(true)
      expect(
        (
          await setup({
            to: {
              id: `${manifest.vendor}.${manifest.name}@${manifest.version}`,
            },
          })
        ).ok
      ).toBe(true)
      expect(await ofAccount()).toEqual([
        expect.objectContaining({ id: 'pick-and-pack-sweep' }),
      ])
    } finally {
      await installed.stop()
    }
  })

  it('starts the backfill from the first sweep, over backfillDays', async () => {
    const installed = await startTestHost(
      simulator.url,
      {
        apiKey: API_KEY,
        webhookSecret: SECRET,
        backfillDays: '45',
        omsInteractions: 'false',
        omsTracking: 'false',
      },
      { account: 'install' }
    )

    try {
      const before = await postGraphql(
        installed,
        '{ maintenance { backfill { state } } }'
      )

      expect(before.data.maintenance.backfill.state).toBe('IDLE')
      const swept = await (
        await post(`${installed.url}/_v/pick-and-pack/sweep`)
      ).json()

      expect(swept.backfill).toMatchObject({ state: 'DONE' })
      const after = await postGraphql(
        installed,
        '{ maintenance { backfill { state days recorded } } }'
      )

      expect(after.data.maintenance.backfill).toMatchObject({
        state: 'DONE',
        days: 45,
      })
      expect(after.data.maintenance.backfill.recorded).toBeGreaterThan(0)
    } finally {
      await installed.stop()
    }
  })
})

describe('webhooks lost on purpose (the simulator drops them)', () => {
  it("one sweep on two replicas, with its backfill, brings every order to Pick and Pack's status", async () => {
    // A simulator of its own: its webhooks go to these replicas, 30 % of them lost.
    const lossy = await startSimulator({ port: 0, apiKey: API_KEY, v1: false })
    const settings = {
      apiKey: API_KEY,
      webhookSecret: SECRET,
      sweepAfterMinutes: '1',
      // The orders whose every webhook was lost are the backfill's: it covers the seed.
      backfillDays: '45',
      omsInteractions: 'false',
      omsTracking: 'false',
    }

    const one = await startTestHost(lossy.url, settings, { account: 'lossy' })
    const two = await startTestHost(lossy.url, settings, {
      account: 'lossy',
      storeURL: one.storeURL,
    })

    try {
      lossy.configureWebhook({
        url: `${one.url}/_v/pick-and-pack/webhook`,
        method: 'POST',
        headers: { 'x-webhook-secret': SECRET },
      })
      lossy.dropWebhooks({ rate: 0.3, seed: 7 })
      // The seeded orders' history, dated in the past, as `npm start` replays it.
      expect((await post(`${lossy.url}/_sandbox/replay`, {})).status).toBe(200)
      await lossy.drainDeliveries()
      expect(lossy.webhookDrops().dropped).toBeGreaterThan(0)

      const live = (await (
        await fetch(`${lossy.url}/_sandbox/orders`)
      ).json()) as Array<{
        orderId: string
        status: string
        inPickAndPack?: boolean
      }>

      const orders = live.filter((order) => order.inPickAndPack !== false)
      // A new VBase client for each look: @vtex/api's memoizes what it read.
      const recorded = async () => {
        const store = histories(one, 'lossy')

        return Promise.all(
          orders.map(async (order) => ({
            order,
            status: (await store.history(order.orderId)).currentStatus,
          }))
        )
      }

      const behind = (await recorded()).filter(
        ({ order, status }) => status !== order.status
      )

      expect(behind.length).toBeGreaterThan(0)
      // Master Data search (what the sweep reads) lags its writes by about a second.
      await new Promise((resolve) => setTimeout(resolve, 1500))
      const answers = await Promise.all(
        [one, two].map(async (host) =>
          (await post(`${host.url}/_v/pick-and-pack/sweep`)).json()
        )
      )

      expect(answers.filter((answer) => answer.busy)).toHaveLength(1)
      const after = await eventually(recorded, (list) =>
        list.every(({ order, status }) => status === order.status)
      )

      expect(
        after.filter(({ order, status }) => status !== order.status)
      ).toEqual([])
      const store = histories(one, 'lossy')

      for (const { order } of after) {
        // eslint-disable-next-line no-await-in-loop
        const ids = (await store.history(order.orderId)).entries.map(
          (entry) => `${entry.oldStatus}>${entry.newStatus}`
        )

        expect(new Set(ids).size).toBe(ids.length)
      }
    } finally {
      await two.stop()
      await one.stop()
      await lossy.close()
    }
  })
})
