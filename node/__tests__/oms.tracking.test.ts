import { statusChangeEntity } from '../clients/statusChanges'
import { eventually } from './support/eventually'
import { deliverStatusChanged, postWebhook, postGraphql } from './support/calls'
import type { TestHost } from './support/host'
import { historyFiles, startTestHost } from './support/host'
import type { UpstreamControl } from './support/upstream'
import { omsFixture, startUpstream, trackingFixture } from './support/upstream'

// Failed OMS writes are retried at once here (the backoff itself: domain.omsStory.test).
process.env.OMS_SYNC_RETRY_MS = '0'

const SECRET = 'oms-tracking-secret'
const ACCOUNT = 'omstracking'
const INVOICE = 'NF 77/1 A'
let upstream: UpstreamControl
let a: TestHost
let b: TestHost
let orders = 0

const newOrder = (status: string) => {
  const orderId = `810000000000${++orders}-01`

  upstream.tracking[orderId] = trackingFixture(orderId, status)
  upstream.oms[orderId] = {
    ...omsFixture(orderId),
    packageAttachment: {
      packages: [{ invoiceNumber: INVOICE, type: 'Output', items: [] }],
    },
  }

  return orderId
}

/** A host of its own account (not a replica of a and b), with these settings besides. */
const hostOf = (account: string, settings: Record<string, string>) =>
  startTestHost(
    upstream.url,
    { apiKey: upstream.apiKey, webhookSecret: SECRET, ...settings },
    { account }
  )

const notify = (host: TestHost, body: Record<string, unknown>) =>
  postWebhook(host, SECRET, body)

const deliver = deliverStatusChanged

const sweep = (host: TestHost, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/_v/pick-and-pack/sweep`, { method: 'POST', headers })

const OMS_SYNC = `query($id: ID!) { orderFulfillment(orderId: $id) {
  omsSync { interactions trackingSent pending lastError tracking interactionsOn } } }`

const omsSync = async (host: TestHost, orderId: string) =>
  (await postGraphql(host, OMS_SYNC, { id: orderId })).data.orderFulfillment
    .omsSync

const interactionsOf = (orderId: string) =>
  upstream.interactions.filter((interaction) => interaction.orderId === orderId)

const writesOf = (list: UpstreamControl['invoices'], orderId: string) =>
  list.filter((write) => write.orderId === orderId)

const eventsOf = (host: TestHost, orderId: string) =>
  host.sentEvents
    .map((event) => event.body as { orderId: string })
    .filter((body) => body.orderId === orderId)

beforeAll(async () => {
  upstream = await startUpstream()
  upstream.v1Enabled = false
  const settings = {
    apiKey: upstream.apiKey,
    webhookSecret: SECRET,
    omsLanguage: 'en',
    // The first sweep would start a backfill: not what these tests are about.
    backfillDays: '0',
  }

  a = await startTestHost(upstream.url, settings, { account: ACCOUNT })
  b = await startTestHost(upstream.url, settings, {
    account: ACCOUNT,
    storeURL: a.storeURL,
  })
})

afterAll(async () => {
  await b?.stop()
  await a?.stop()
  await upstream?.close()
})

describe('tracking and delivery on the OMS invoice', () => {
  it('writes the tracking, then the delivery, once, across redeliveries to another replica', async () => {
    const orderId = newOrder('DELIVERED')

    await notify(a, {
      orderId,
      oldStatus: 'WAITING_FOR_DELIVERY_COMPANY',
      newStatus: 'ON_ROUTE',
      date: '2026-12-03T09:00:00.000Z',
    })
    await eventually(
      async () => writesOf(upstream.trackings, orderId).length,
      (count) => count >= 1
    )
    await notify(b, {
      orderId,
      oldStatus: 'ON_ROUTE',
      newStatus: 'DELIVERED',
      date: '2026-12-03T09:40:30.000Z',
    })
    const trackings = await eventually(
      async () => writesOf(upstream.trackings, orderId),
      (list) => list.some((write) => write.body.isDelivered === true)
    )

    expect(writesOf(upstream.invoices, orderId)[0]).toEqual({
      orderId,
      invoiceNumber: INVOICE,
      body: {
        trackingNumber: 'TRK-88',
        trackingUrl: 'http://track/TRK-88',
        courier: 'FastCourier',
        dispatchedDate: '2026-12-03T09:00:00.000Z',
      },
    })
    expect(trackings[trackings.length - 1].body).toEqual({
      isDelivered: true,
      deliveredDate: '2026-12-03 09:40',
      events: [
        {
          city: '',
          state: '',
          description: 'Pick and Pack: On route',
          date: '2026-12-03T09:00:00.000Z',
        },
        {
          city: '',
          state: '',
          description: 'Pick and Pack: Delivered',
          date: '2026-12-03T09:40:30.000Z',
        },
      ],
    })

    const sent = writesOf(upstream.trackings, orderId).length

    for (const event of eventsOf(a, orderId).concat(eventsOf(b, orderId))) {
      // eslint-disable-next-line no-await-in-loop
      expect(await deliver(b, event)).toBe(200)
    }

    expect(writesOf(upstream.trackings, orderId)).toHaveLength(sent)
    expect(await omsSync(a, orderId)).toMatchObject({
      interactions: 2,
      trackingSent: true,
      tracking: 'SENT',
      pending: 0,
    })
  })

  it('sends nothing with both settings off', async () => {
    const quiet = await hostOf('omstrackingquiet', {
      omsInteractions: 'false',
      omsTracking: 'false',
    })

    try {
      const orderId = newOrder('DELIVERED')

      await notify(quiet, {
        orderId,
        oldStatus: 'ON_ROUTE',
        newStatus: 'DELIVERED',
      })
      await eventually(
        async () => eventsOf(quiet, orderId).length,
        (count) => count > 0
      )
      expect(await deliver(quiet, eventsOf(quiet, orderId)[0])).toBe(200)
      expect(interactionsOf(orderId)).toEqual([])
      expect(writesOf(upstream.invoices, orderId)).toEqual([])
      expect(await omsSync(quiet, orderId)).toMatchObject({
        tracking: 'OFF',
        interactionsOn: false,
      })
    } finally {
      await quiet.stop()
    }
  })
})

describe('what the OMS did not take', () => {
  it('is sent by the sweep once, with two replicas sweeping at once', async () => {
    const orderId = newOrder('PICKING')

    upstream.failOmsWrites(1, 500)
    await notify(a, {
      orderId,
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
    })
    const failed = await eventually(
      () => omsSync(a, orderId),
      (sync) => sync.pending === 1
    )

    expect(failed.lastError).toMatch(/HTTP 500/)
    expect(interactionsOf(orderId)).toHaveLength(0)

    const answers = await Promise.all([sweep(a), sweep(b)])

    expect(answers.map((answer) => answer.status)).toEqual([200, 200])
    const synced = await eventually(
      () => omsSync(b, orderId),
      (sync) => sync.pending === 0
    )

    expect(synced).toMatchObject({ interactions: 1, lastError: null })
    expect(interactionsOf(orderId)).toHaveLength(1)
    await sweep(a)
    expect(interactionsOf(orderId)).toHaveLength(1)
  })

  it('sends a call that timed out after landing once more, and no more', async () => {
    const orderId = newOrder('PICKING')

    upstream.dropOmsWrites(1)
    await notify(a, {
      orderId,
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
    })
    await eventually(
      () => omsSync(a, orderId),
      (sync) => sync.pending === 1
    )
    expect(interactionsOf(orderId)).toHaveLength(1)

    await sweep(b)
    await sweep(a)
    const lines = interactionsOf(orderId)

    expect(lines).toHaveLength(2)
    // The change's id is in the line, so a person can tell the repeat.
    expect(lines[0].message).toBe(lines[1].message)
  })

  it('is sent again from the admin, after the automatic attempts are spent', async () => {
    const orderId = newOrder('PICKING')

    upstream.failOmsWrites(6, 503)
    await notify(a, {
      orderId,
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
    })
    await eventually(
      () => omsSync(a, orderId),
      (sync) => sync.pending === 1
    )
    for (let run = 0; run < 5; run++) {
      // eslint-disable-next-line no-await-in-loop
      await sweep(run % 2 ? a : b)
    }

    expect(interactionsOf(orderId)).toHaveLength(0)
    upstream.failOmsWrites(0, 503)
    const retried = await postGraphql(
      b,
      'mutation($id: ID!) { retryOmsSync(orderId: $id) { interactions pending lastError } }',
      { id: orderId }
    )

    expect(retried.data.retryOmsSync).toEqual({
      interactions: 1,
      pending: 0,
      lastError: null,
    })
    expect(interactionsOf(orderId)).toHaveLength(1)
  })

  it('leaves the order to the sweep when the line landed but its record could not be written', async () => {
    const orderId = newOrder('PICKING')

    // The OMS took the line; the order's document then refuses the "sent" mark.
    upstream.beforeInteractionAnswer = () =>
      a.storeFault({
        method: 'PUT',
        path: `orders/${orderId}.json`,
        answer: 500,
        times: 3,
      })
    await notify(a, {
      orderId,
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
    })
    const mark = `${a.storeURL}${historyFiles(ACCOUNT).replace(
      'pick-and-pack-history',
      'pick-and-pack-maintenance'
    )}oms-pending/${orderId}.json`

    try {
      const marked = await eventually(
        async () => (await fetch(mark)).status,
        (status) => status === 200
      )

      expect(marked).toBe(200)
      expect(interactionsOf(orderId)).toHaveLength(1)
      // Left "sending": a redelivery within the claim's minute skips it, the sweep after it
      // sends it again.
      expect(
        Object.values(
          (await a.storedHistory(orderId))?.omsInteractions ?? {}
        ).map(({ state }) => state)
      ).toEqual(['sending'])
    } finally {
      await a.clearStoreFaults()
    }
  })

  it("is written while the change's Master Data record cannot be", async () => {
    const orderId = newOrder('PICKING')

    await a.storeFault({
      method: 'PUT',
      path: `/api/dataentities/${statusChangeEntity()}/documents`,
      answer: 500,
      times: 1000,
    })

    try {
      await notify(a, {
        orderId,
        oldStatus: 'READY_FOR_PICKING',
        newStatus: 'PICKING',
      })
      const lines = await eventually(
        async () => interactionsOf(orderId),
        (list) => list.length > 0
      )

      expect(lines).toHaveLength(1)
    } finally {
      await a.clearStoreFaults()
    }
  })

  it('stops retrying a failed invoice tracking after five attempts, until Send again', async () => {
    const trackingOnly = await hostOf('omstrackingonly', {
      omsInteractions: 'false',
      backfillDays: '0',
    })

    try {
      const orderId = newOrder('ON_ROUTE')

      upstream.failOmsWrites(50, 500)
      await notify(trackingOnly, {
        orderId,
        oldStatus: 'WAITING_FOR_DELIVERY_COMPANY',
        newStatus: 'ON_ROUTE',
      })
      await eventually(
        () => omsSync(trackingOnly, orderId),
        (sync) => sync.tracking === 'FAILED'
      )

      const retried: number[] = []

      for (let run = 0; run < 6; run++) {
        // eslint-disable-next-line no-await-in-loop
        const report = await (await sweep(trackingOnly)).json()

        retried.push(report.omsRetried)
      }

      // The event's try and four from the sweep; then the order is no longer swept for it.
      expect(retried).toEqual([1, 1, 1, 1, 0, 0])
      expect(writesOf(upstream.invoices, orderId)).toEqual([])
      expect(await omsSync(trackingOnly, orderId)).toMatchObject({
        tracking: 'FAILED',
        pending: 1,
      })

      upstream.failOmsWrites(0, 500)
      const again = await postGraphql(
        trackingOnly,
        'mutation($id: ID!) { retryOmsSync(orderId: $id) { trackingSent pending } }',
        { id: orderId }
      )

      expect(again.data.retryOmsSync).toEqual({
        trackingSent: true,
        pending: 0,
      })
    } finally {
      await trackingOnly.stop()
    }
  })

  it('refuses a sweep call without the app token', async () => {
    const remote = await fetch(`${a.url}/_v/pick-and-pack/sweep`, {
      method: 'POST',
      headers: { 'x-pick-and-pack-sweep-token': 'guess' },
    })

    expect(remote.status).toBe(401)
    expect(JSON.stringify(await remote.json())).not.toMatch(/[0-9a-f]{64}/)
  })
})
