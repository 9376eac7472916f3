import crypto from 'crypto'

import { startHost } from '../../dev/host/server'
import type { Simulator } from '../../dev/simulator'
import { startSimulator } from '../../dev/simulator'
import { secretsMatch } from '../domain/secrets'
import { postWebhook } from './support/calls'
import { startTestHost } from './support/host'

/**
 * Upstream and storage faults through the real service: each ends in its mapped error within
 * the time budget, nothing half-written, and the service keeps serving.
 */

const API_KEY = 'faults-api-key-91c2'
const SECRET = 'faults-webhook-secret-5d1e'
const ORDER = '1253881550433-01'
const QUERY = `query($id: ID!) { orderFulfillment(orderId: $id) {
  pickAndPack { fulfillmentStatus } oms { status } history { newStatus } items { state }
} }`

type Host = Awaited<ReturnType<typeof startTestHost>>

let simulator: Simulator
let host: Host
const seen: string[] = []

async function graphql(query: string, variables?: object) {
  const response = await fetch(`${host.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  })

  const text = await response.text()

  seen.push(text)

  return JSON.parse(text) as {
    data: { orderFulfillment: Record<string, unknown> } & Record<
      string,
      unknown
    >
    errors?: Array<{ path?: string[]; extensions: { code: string } }>
  }
}

const codeAt = (result: Awaited<ReturnType<typeof graphql>>, field: string) =>
  result.errors?.find(
    (error) => error.path?.join('.') === `orderFulfillment.${field}`
  )?.extensions.code

beforeAll(async () => {
  const simulatorLog: string[] = []

  // A store on the legacy API: these faults are the tracking endpoint's (v1 ones below).
  simulator = await startSimulator({
    port: 0,
    apiKey: API_KEY,
    v1: false,
    log: (line) => simulatorLog.push(line),
  })
  host = await startTestHost(simulator.url, {
    apiKey: API_KEY,
    webhookSecret: SECRET,
  })
  seen.push(...simulatorLog)
})

afterEach(() => {
  simulator.setFaults({})
})

afterAll(async () => {
  await host.stop()
  await simulator.close()
})

describe('upstream faults', () => {
  it('answers a Pick and Pack timeout with PNP_UNAVAILABLE within the budget, and keeps serving meanwhile', async () => {
    await graphql(QUERY, { id: ORDER }) // warm token
    simulator.setFaults({ latencyMs: 3500, scope: 'tracking' })
    const started = Date.now()
    const slow = graphql(QUERY, { id: ORDER })
    // While the slow view waits on Pick and Pack, other requests are served at once.
    const quickStarted = Date.now()
    const quick = await graphql('{ recentStatusChanges { orderId } }')

    expect(quick.errors).toBeUndefined()
    expect(Date.now() - quickStarted).toBeLessThan(1000)

    const result = await slow
    const elapsed = Date.now() - started

    expect(codeAt(result, 'pickAndPack')).toBe('PNP_UNAVAILABLE')
    expect(result.data.orderFulfillment.oms).toEqual({
      status: expect.any(String),
    })
    // 3 attempts of 3 s plus backoff: the budget the client promises.
    expect(elapsed).toBeLessThan(11_000)
  }, 20_000)

  it('answers a run of 500s with PNP_UNAVAILABLE after exactly three attempts', async () => {
    simulator.setFaults({
      failureRate: 1,
      failureStatus: 500,
      scope: 'tracking',
    })
    const before = simulator.stats().trackingRequests
    const result = await graphql(QUERY, { id: ORDER })

    expect(codeAt(result, 'pickAndPack')).toBe('PNP_UNAVAILABLE')
    expect(simulator.stats().trackingRequests - before).toBe(3)
  })

  it('survives a storm of 401s: one refresh per view, PNP_UNAUTHORIZED, then recovers', async () => {
    simulator.setFaults({
      failureRate: 1,
      failureStatus: 401,
      scope: 'tracking',
    })
    const before = simulator.stats()
    const results = await Promise.all(
      Array.from({ length: 10 }, () => graphql(QUERY, { id: ORDER }))
    )

    const after = simulator.stats()

    expect(results.map((result) => codeAt(result, 'pickAndPack'))).toEqual(
      Array(10).fill('PNP_UNAUTHORIZED')
    )
    // Never more than one refresh and one retry per view.
    expect(
      after.trackingRequests - before.trackingRequests
    ).toBeLessThanOrEqual(20)
    expect(after.tokenRequests - before.tokenRequests).toBeLessThanOrEqual(10)

    simulator.setFaults({})
    const healed = await graphql(QUERY, { id: ORDER })

    expect(healed.errors).toBeUndefined()
  })

  it('answers malformed Pick and Pack JSON with PNP_BAD_ANSWER, not as a timeout', async () => {
    simulator.setFaults({ malformed: true, scope: 'tracking' })
    const result = await graphql(QUERY, { id: ORDER })

    expect(codeAt(result, 'pickAndPack')).toBe('PNP_BAD_ANSWER')
    expect(result.data.orderFulfillment.oms).not.toBeNull()
  })

  it('answers an OMS failure with OMS_UNAVAILABLE and keeps Pick and Pack', async () => {
    simulator.setFaults({ failureRate: 1, failureStatus: 500, scope: 'oms' })
    const result = await graphql(QUERY, { id: ORDER })

    expect(codeAt(result, 'oms')).toBe('OMS_UNAVAILABLE')
    expect(result.data.orderFulfillment.pickAndPack).toEqual({
      fulfillmentStatus: expect.any(String),
    })
  })
})

describe('upstream faults on the v1 API', () => {
  it('answers v1 failures with PNP_UNAVAILABLE, at most three attempts per call, and malformed v1 JSON too', async () => {
    const v1 = await startSimulator({ port: 0, apiKey: API_KEY })
    const v1Host = await startTestHost(v1.url, {
      apiKey: API_KEY,
      webhookSecret: SECRET,
      // The invoice tracking a view's record sets off would call v1 beside the view.
      omsTracking: false,
    })

    const view = async () =>
      (
        await fetch(`${v1Host.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: QUERY, variables: { id: ORDER } }),
        })
      ).json()

    try {
      expect((await view()).errors).toBeUndefined()
      v1.setFaults({ failureRate: 1, failureStatus: 500, scope: 'v1' })
      const before = v1.stats().v1Requests
      const failed = await view()

      expect(codeAt(failed, 'pickAndPack')).toBe('PNP_UNAVAILABLE')
      // The order, its shipments and its worksheets, each tried at most three times.
      expect(v1.stats().v1Requests - before).toBeLessThanOrEqual(9)

      // A malformed answer is not a timeout: the page says which.
      v1.setFaults({ malformed: true, scope: 'v1' })
      expect(codeAt(await view(), 'pickAndPack')).toBe('PNP_BAD_ANSWER')
      v1.setFaults({})
      expect((await view()).errors).toBeUndefined()
    } finally {
      await v1Host.stop()
      await v1.close()
    }
  })
})

describe('storage faults', () => {
  it('keeps the order view up when history cannot be read, and says so in its panel', async () => {
    await host.storeFault({
      method: 'GET',
      path: 'orders/',
      answer: 500,
      times: 5,
    })

    try {
      // As the admin asks: a query per panel, so that one failing leaves the others.
      const [history, panel] = await Promise.all([
        graphql(
          'query($id: ID!) { orderFulfillment(orderId: $id) { history { newStatus } } }',
          { id: ORDER }
        ),
        graphql(
          'query($id: ID!) { orderFulfillment(orderId: $id) { pickAndPack { fulfillmentStatus } oms { status } } }',
          { id: ORDER }
        ),
      ])

      expect(history.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE')
      expect(panel.errors).toBeUndefined()
      expect(panel.data.orderFulfillment.pickAndPack).not.toBeNull()
    } finally {
      await host.clearStoreFaults()
    }
  })

  it('answers 503 and writes nothing when every write fails, then takes the retry', async () => {
    const notify = () =>
      fetch(`${host.url}/_v/pick-and-pack/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-webhook-secret': SECRET,
        },
        body: JSON.stringify({
          orderId: '1253881550496-01',
          oldStatus: 'PACKING',
          newStatus: 'READY_FOR_INVOICING',
        }),
      })

    await host.storeFault({ method: 'PUT', path: '', answer: 500, times: 100 })
    const failed = await Promise.all([notify(), notify(), notify()])

    expect(failed.map((response) => response.status)).toEqual([503, 503, 503])
    const none = await graphql(QUERY, { id: '1253881550496-01' })

    expect(none.data.orderFulfillment.history).toEqual([])
    await host.clearStoreFaults()
    expect((await notify()).status).toBe(200)
    const one = await graphql(QUERY, { id: '1253881550496-01' })

    expect(one.data.orderFulfillment.history).toEqual([
      { newStatus: 'READY_FOR_INVOICING' },
    ])
  })
})

describe('large notifications', () => {
  it('takes every change of an order whose notifications carry near the body limit each', async () => {
    const pad = 'x'.repeat(32_000)
    const flow = ['PICKING', 'READY_FOR_PACKING']
    const started = Date.now() - 60 * 60_000
    const statuses: number[] = []

    // Over a megabyte of extra fields for one order, more than a store takes in one file.
    for (let step = 0; step < 40; step++) {
      statuses.push(
        // eslint-disable-next-line no-await-in-loop
        await postWebhook(host, SECRET, {
          orderId: 'BIG-01',
          oldStatus: flow[(step + 1) % 2],
          newStatus: flow[step % 2],
          date: new Date(started + step * 60_000).toISOString(),
          pad,
        })
      )
    }

    expect(statuses).toEqual(Array(40).fill(200))
    const { data } = await graphql(QUERY, { id: 'BIG-01' })

    expect(data.orderFulfillment.history).toHaveLength(40)
    // Forty sequential round trips, each rewriting a history of hundreds of KiB: seconds on a
    // busy machine.
  }, 30_000)
})

describe('secrets', () => {
  it('compares the webhook secret in constant time, whatever the presented length', () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual')

    try {
      expect(secretsMatch('short', 'a-much-longer-configured-secret')).toBe(
        false
      )
      expect(
        secretsMatch(
          'a-much-longer-configured-secret',
          'a-much-longer-configured-secret'
        )
      ).toBe(true)
      const long = 'x'.repeat(300)

      expect(secretsMatch(long, long)).toBe(true)
      expect(secretsMatch(`${long}y`, long)).toBe(false)
      // Both sides are digests of one size: the comparison never short-circuits on the
      // presented length.
      const sizes = spy.mock.calls.map(([a, b]) => [
        (a as Buffer).length,
        (b as Buffer).length,
      ])

      expect(sizes).toEqual([
        [32, 32],
        [32, 32],
        [32, 32],
        [32, 32],
      ])
    } finally {
      spy.mockRestore()
    }
  })

  it('never shows the Api-Key, a JWT or the webhook secret in any answer or log line of this suite', async () => {
    const token = (await (
      await fetch(`${simulator.url}/prod/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ apiKey: API_KEY }),
      })
    ).json()) as { data: string }

    const everything = [...seen, host.logger.text()].join('\n')

    for (const secret of [
      API_KEY,
      SECRET,
      token.data.split('.').slice(0, 2).join('.'),
    ]) {
      expect(everything).not.toContain(secret)
    }

    // Nothing shaped like a JWT either (three base64url parts starting with a JSON header).
    expect(everything).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/)
  })
})

describe('binding', () => {
  it('refuses to bind the local host to anything but loopback unless told explicitly', async () => {
    await expect(
      startHost({
        port: 0,
        bindHost: '0.0.0.0',
        authURL: simulator.url,
        apiURL: simulator.url,
        omsURL: simulator.url,
        settings: {},
        storeURL: host.storeURL,
      })
    ).rejects.toThrow(/loopback only/)
  })

  it('refuses to bind the simulator to anything but loopback unless told explicitly', async () => {
    await expect(startSimulator({ port: 0, host: '0.0.0.0' })).rejects.toThrow()
  })
})
