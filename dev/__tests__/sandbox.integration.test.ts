// Sandbox integration: the Pick and Pack simulator (+ OMS sandbox) and the local host (the
// service's real webhook route and GraphQL resolvers), driven over HTTP on 127.0.0.1 only.
/* eslint-disable no-await-in-loop */ // polling and sequential advances on purpose
/* eslint-disable @typescript-eslint/no-explicit-any */ // GraphQL and JSON answers, checked by the assertions
import { randomBytes } from 'crypto'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import { historyFiles } from '../../node/__tests__/support/host'
import { setStoreFault } from '../../node/__tests__/support/storeFaults'
import { forgetLegacyAccounts } from '../../node/clients/pickAndPack'
import type { StartedHost } from '../host/server'
import { startHost } from '../host/server'
import type { Simulator } from '../simulator'
import { FLOW, HOSTNAME, SEEDED_ORDERS, startSimulator } from '../simulator'

jest.setTimeout(15_000)

const API_KEY = `sbx-api-key-${randomBytes(12).toString('hex')}`
const WRONG_API_KEY = `sbx-wrong-key-${randomBytes(12).toString('hex')}`
const WEBHOOK_SECRET = `sbx-webhook-secret-${randomBytes(12).toString('hex')}`
const WEBHOOK_PATH = '/_v/pick-and-pack/webhook'
const STATUS_CHANGED_EVENT = 'pick-and-pack.status-changed'

const FULL_FLOW_ORDER = '1253881550441-01' // READY_FOR_HANDLING, not a pickup
const SHORT_PICK_ORDER = '1253881550433-01' // ON_ROUTE, Banana 3→2, Bread missing
const RETRIED_ORDER = '1253881550452-01' // READY_FOR_PICKING

/** Every status change of the full flow, from READY_FOR_HANDLING to DELIVERED. */
const FULL_FLOW: Array<[string, string]> = [...FLOW, 'DELIVERED']
  .slice(1)
  .map((to, i) => [FLOW[i], to])

// ---------------------------------------------------------------- helpers

/** Polls `predicate` every 20 ms; fails after `timeoutMs` with `what` in the message. */
async function waitFor(
  what: string,
  predicate: () => boolean | Promise<boolean>,
  timeoutMs = 5000
): Promise<void> {
  const deadline = Date.now() + Math.min(timeoutMs, 10_000)

  for (;;) {
    if (await predicate()) return
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    }

    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** fetch with a hard deadline, so that no call can hang the suite. */
const request = (url: string, init: RequestInit = {}) =>
  fetch(url, { ...init, signal: AbortSignal.timeout(8000) })

interface GqlError {
  message: string
  path?: Array<string | number>
  extensions?: { code?: string }
}

interface GqlAnswer {
  data?: any
  errors?: GqlError[]
}

async function gql(
  host: StartedHost,
  query: string,
  variables?: Record<string, unknown>
): Promise<GqlAnswer> {
  const res = await request(`${host.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  })

  expect(res.status).toBe(200)

  return (await res.json()) as GqlAnswer
}

const FULFILLMENT = `
  query Fulfillment($orderId: ID!) {
    orderFulfillment(orderId: $orderId) {
      orderId
      pickAndPack { orderId hostname fulfillmentStatus pickedItems { refId quantity } }
      oms { orderId status items { refId quantity } }
      history { orderId oldStatus newStatus hostname receivedAt }
      items { matchedBy refId orderedQuantity pickedQuantity state }
    }
  }
`

const CONNECTION = `{ pickAndPackConnection { ok code message } }`

const fulfillment = (host: StartedHost, orderId: string) =>
  gql(host, FULFILLMENT, { orderId })

/** POST /_sandbox/orders/{id}/advance; the answer's status and body. */
async function advance(sim: Simulator, orderId: string) {
  const res = await request(
    `${sim.url}/_sandbox/orders/${encodeURIComponent(orderId)}/advance`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }
  )

  return { status: res.status, body: (await res.json()) as any }
}

const getJson = async (url: string) => (await request(url)).json() as any

/** The account each host serves: its VBase files are under it. */
const accounts = new Map<StartedHost, string>()

/** The stored per-order document, read from the host's store (as VBase would answer). */
async function storedHistory(host: StartedHost, orderId: string) {
  const response = await request(
    `${host.storeURL}${historyFiles(
      accounts.get(host) as string
    )}orders/${orderId}.json`
  )

  if (response.status === 404) return null

  return (await response.json()) as {
    currentStatus: string | null
    entries: Array<{ oldStatus: string | null; newStatus: string }>
  }
}

const transitions = (
  entries: Array<{ oldStatus: string | null; newStatus: string }>
) => entries.map((e) => [e.oldStatus, e.newStatus])

// ---------------------------------------------------------------- fixture

const dataDirs: string[] = []
const sims: Simulator[] = []
/** Every host started in this file, closed or not: their logs are checked at the end. */
const hosts: StartedHost[] = []
const simulatorLog: string[] = []
let accountCount = 0

function newDataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'pnp-sandbox-it-'))

  dataDirs.push(dir)

  return dir
}

async function newSimulator() {
  const sim = await startSimulator({
    port: 0,
    apiKey: API_KEY,
    retry: { attempts: 4, baseDelayMs: 50, maxDelayMs: 200 },
    log: (line) => simulatorLog.push(line),
  })

  sims.push(sim)

  return sim
}

async function newHost(opts: {
  pnpURL: string
  omsURL: string
  dataDir: string
  apiKey?: string
  /** The same account as an earlier host: its data in the store. */
  account?: string
}) {
  const account = opts.account ?? `sbxit${process.pid}n${++accountCount}`
  const host = await startHost({
    port: 0,
    authURL: opts.pnpURL,
    apiURL: opts.pnpURL,
    omsURL: opts.omsURL,
    settings: {
      apiKey: opts.apiKey ?? API_KEY,
      environment: 'prod',
      webhookSecret: WEBHOOK_SECRET,
      hostname: HOSTNAME,
      // The invoice tracking that a recorded change sets off reads Pick and Pack too: off
      // here, so that the upstream faults and call counts these tests set are their own.
      omsTracking: 'false',
    },
    dataDir: opts.dataDir,
    // Settings are cached per account: every host gets its own.
    account,
  })

  hosts.push(host)
  accounts.set(host, account)

  return host
}

const pointWebhookAt = (sim: Simulator, host: StartedHost) =>
  sim.configureWebhook({
    url: `${host.url}${WEBHOOK_PATH}`,
    method: 'POST',
    headers: { 'x-webhook-secret': WEBHOOK_SECRET },
  })

/** The simulator and host most tests share; `host` is replaced by the restart test. */
let sim: Simulator
let host: StartedHost
let mainDataDir: string

beforeAll(async () => {
  sim = await newSimulator()
  mainDataDir = newDataDir()
  host = await newHost({
    pnpURL: sim.url,
    omsURL: sim.url,
    dataDir: mainDataDir,
  })
  pointWebhookAt(sim, host)
})

afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()))
  await Promise.all(hosts.map((h) => h.close()))
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true })
})

// ---------------------------------------------------------------- tests

describe('sandbox: simulator → webhook → local host → GraphQL', () => {
  it('stores every change of a full flow once and in order, and orderFulfillment answers it all', async () => {
    const seeded = SEEDED_ORDERS.find((o) => o.orderId === FULL_FLOW_ORDER)

    expect(seeded?.status).toBe('READY_FOR_HANDLING')

    const eventsBefore = host.sentEvents.length

    // Advance through the whole flow over HTTP, without waiting between steps: the simulator
    // queues the deliveries of one order, the host must store them in order.
    for (const [from, to] of FULL_FLOW) {
      const { status, body } = await advance(sim, FULL_FLOW_ORDER)

      expect(status).toBe(200)
      expect(body).toMatchObject({ oldStatus: from, newStatus: to })
    }

    // DELIVERED is final.
    expect((await advance(sim, FULL_FLOW_ORDER)).status).toBe(409)

    const deliveredOf = () =>
      sim.deliveries().filter((d) => d.orderId === FULL_FLOW_ORDER)

    await waitFor(
      `${FULL_FLOW.length} deliveries`,
      () => deliveredOf().filter((d) => d.delivered).length === FULL_FLOW.length
    )
    await sim.drainDeliveries()

    // Each change delivered at the first attempt with 200 (the secret was accepted).
    const deliveries = deliveredOf()

    expect(deliveries.map((d) => [d.oldStatus, d.newStatus])).toEqual(FULL_FLOW)
    expect(deliveries.every((d) => d.status === 200 && d.attempt === 1)).toBe(
      true
    )

    // The record: every change once, in order, current status DELIVERED.
    const stored = await storedHistory(host, FULL_FLOW_ORDER)

    expect(stored?.currentStatus).toBe('DELIVERED')
    expect(transitions(stored?.entries ?? [])).toEqual(FULL_FLOW)

    // One IO event per change, the last one carrying the current status.
    const events = host.sentEvents.slice(eventsBefore)

    expect(events).toHaveLength(FULL_FLOW.length)
    expect(events.every((e) => e.topic === STATUS_CHANGED_EVENT)).toBe(true)
    expect(
      events.map((e) => {
        const m = e.body as { oldStatus: string; newStatus: string }

        return [m.oldStatus, m.newStatus]
      })
    ).toEqual(FULL_FLOW)
    expect(events[events.length - 1].body).toMatchObject({
      orderId: FULL_FLOW_ORDER,
      currentStatus: 'DELIVERED',
    })

    // GraphQL: every field answers, no error.
    const { data, errors } = await fulfillment(host, FULL_FLOW_ORDER)

    expect(errors).toBeUndefined()
    const order = data.orderFulfillment

    expect(order.orderId).toBe(FULL_FLOW_ORDER)
    expect(order.pickAndPack).toMatchObject({
      orderId: FULL_FLOW_ORDER,
      hostname: HOSTNAME,
      fulfillmentStatus: 'DELIVERED',
    })
    expect(order.oms).toMatchObject({
      orderId: FULL_FLOW_ORDER,
      status: 'invoiced',
    })
    expect(order.oms.items.length).toBeGreaterThan(0)
    expect(transitions(order.history)).toEqual(FULL_FLOW)
    expect(
      order.history.every(
        (h: { orderId: string; hostname: string }) =>
          h.orderId === FULL_FLOW_ORDER && h.hostname === HOSTNAME
      )
    ).toBe(true)
    // Picked as ordered: every OMS item is COMPLETE.
    expect(order.items).toHaveLength(order.oms.items.length)
    for (const item of order.items) {
      expect(item.state).toBe('COMPLETE')
      expect(item.pickedQuantity).toBe(item.orderedQuantity)
    }
  })

  it('reconciles a short pick: SHORT and MISSING items beside the OMS order', async () => {
    const { data, errors } = await fulfillment(host, SHORT_PICK_ORDER)

    expect(errors).toBeUndefined()
    const { pickAndPack, items } = data.orderFulfillment

    expect(pickAndPack.fulfillmentStatus).toBe('ON_ROUTE')
    const byRef = Object.fromEntries(
      items.map((i: { refId: string }) => [i.refId, i])
    )

    expect(byRef['BAN-1']).toMatchObject({
      orderedQuantity: 3,
      pickedQuantity: 2,
      state: 'SHORT',
    })
    expect(byRef['MLK-1']).toMatchObject({ state: 'COMPLETE' })
    expect(byRef['BRD-1']).toMatchObject({
      orderedQuantity: 1,
      pickedQuantity: 0,
      state: 'MISSING',
    })
  })

  /** A store not on the v1 API: the legacy tracking endpoint alone answers. */
  const legacyOnly = async (run: () => Promise<void>) => {
    sim.setV1(false)
    try {
      await run()
    } finally {
      sim.setV1(true)
      forgetLegacyAccounts()
    }
  }

  it('serves a v1 order: substitution, rejection with its reason, a weighed line, proof of delivery', async () => {
    const query = `query($orderId: ID!) {
      orderFulfillment(orderId: $orderId) {
        pickAndPack { source pickingStatus fulfillmentStatus hostname }
        items { refId state reasons substitutes weighable unitOfMeasure orderedQuantity pickedQuantity }
      }
    }`

    const view = async (orderId: string) => {
      const answer = await gql(host, query, { orderId })

      expect(answer.errors).toBeUndefined()

      return answer.data.orderFulfillment
    }

    const substituted = await view('1253881550629-01')

    expect(substituted.pickAndPack).toMatchObject({
      source: 'V1',
      hostname: HOSTNAME,
    })
    expect(substituted.items).toContainEqual(
      expect.objectContaining({
        state: 'SUBSTITUTED',
        substitutes: [expect.stringMatching(/margarin/i)],
      })
    )

    const rejected = await view('1253881550618-01')

    expect(rejected.items).toContainEqual(
      expect.objectContaining({
        state: 'MISSING',
        reasons: [expect.stringMatching(/^OUT_OF_STOCK/)],
      })
    )

    const weighed = await view('1253881550640-01')

    expect(weighed.items).toContainEqual(
      expect.objectContaining({
        state: 'COMPLETE',
        weighable: true,
        orderedQuantity: 1.2,
        pickedQuantity: 1.25,
      })
    )

    const delivered = '1253881550651-01'

    expect((await view(delivered)).pickAndPack.fulfillmentStatus).toBe(
      'DELIVERED'
    )
    const shipments = await gql(
      host,
      `query($orderId: ID!) { orderShipments(orderId: $orderId) { status deliveredDate evidences { type url } } }`,
      { orderId: delivered }
    )

    expect(shipments.errors).toBeUndefined()
    const [shipment] = shipments.data.orderShipments

    expect(shipment.status).toBe('DELIVERED')
    expect(shipment.deliveredDate).toEqual(expect.any(String))
    expect(shipment.evidences.map((e: { type: string }) => e.type)).toEqual([
      'IMAGE',
      'SIGNATURE',
    ])
    // The proof of delivery is served by the simulator, as the page shows it.
    const image = await request(shipment.evidences[0].url)

    expect(image.status).toBe(200)
  })

  it("writes each change into the OMS order's interactions once, in Portuguese by default", async () => {
    const orderId = '1253881550463-01'
    const { status, body } = await advance(sim, orderId)

    expect(status).toBe(200)
    const interactionsOf = async () =>
      (await getJson(
        `${sim.url}/_sandbox/orders/${orderId}/interactions`
      )) as Array<{ source: string; message: string }>

    let interactions = await interactionsOf()

    for (let i = 0; i < 40 && interactions.length === 0; i++) {
      // eslint-disable-next-line no-await-in-loop
      await new Promise((resolve) => setTimeout(resolve, 100))
      // eslint-disable-next-line no-await-in-loop
      interactions = await interactionsOf()
    }

    expect(interactions).toEqual([
      {
        source: 'Pick and Pack Tracking',
        message: expect.stringMatching(
          new RegExp(
            `^Pick and Pack: .+ → .+ \\(alteração [0-9a-f]{8}\\)\\. Detalhes: /admin/pick-and-pack/orders/${orderId}$`
          )
        ),
        orderId,
        date: expect.any(String),
      },
    ])
    expect(body.newStatus).toEqual(expect.any(String))
  })

  it('serves a legacy-only store from the tracking API, one upstream call per later view', async () => {
    await legacyOnly(async () => {
      expect(
        (await fulfillment(host, FULL_FLOW_ORDER)).data.orderFulfillment
          .pickAndPack
      ).toMatchObject({ fulfillmentStatus: 'DELIVERED' })
      const before = sim.stats()
      const { data } = await gql(
        host,
        `query($orderId: ID!) { orderFulfillment(orderId: $orderId) { pickAndPack { source } } }`,
        { orderId: FULL_FLOW_ORDER }
      )

      expect(data.orderFulfillment.pickAndPack.source).toBe('LEGACY')
      const after = sim.stats()

      expect(after.v1Requests - before.v1Requests).toBe(0)
      expect(after.trackingRequests - before.trackingRequests).toBe(1)
    })
  })

  it('refreshes the token when Pick and Pack revoked it mid-run', async () => {
    await legacyOnly(async () => {
      // Warm the token cache, so that the next call starts with the token about to be revoked.
      expect((await fulfillment(host, FULL_FLOW_ORDER)).errors).toBeUndefined()
      const before = sim.stats()

      sim.setFaults({ expireTokens: true })

      const { data, errors } = await fulfillment(host, FULL_FLOW_ORDER)

      expect(errors).toBeUndefined()
      expect(data.orderFulfillment.pickAndPack.fulfillmentStatus).toBe(
        'DELIVERED'
      )

      const after = (await getJson(
        `${sim.url}/_sandbox/stats`
      )) as typeof before

      expect(after.tokenRequests).toBe(before.tokenRequests + 1)
      expect(after.tokensIssued).toBe(before.tokensIssued + 1)
      // The revoked token was refused once, then the fresh one was accepted.
      expect(after.unauthorized).toBe(before.unauthorized + 1)
      expect(after.trackingRequests).toBe(before.trackingRequests + 2)
    })
  })

  it('retries a burst of 5xx from tracking (at most 2 retries) and still answers', async () => {
    await legacyOnly(async () => {
      // A warm token: the only calls are tracking calls.
      expect((await fulfillment(host, FULL_FLOW_ORDER)).errors).toBeUndefined()
      const before = sim.stats()

      sim.setFaults({ failureCount: 2, failureStatus: 500, scope: 'tracking' })
      try {
        const { data, errors } = await fulfillment(host, FULL_FLOW_ORDER)

        expect(errors).toBeUndefined()
        expect(data.orderFulfillment.pickAndPack.fulfillmentStatus).toBe(
          'DELIVERED'
        )
        expect(data.orderFulfillment.items.length).toBeGreaterThan(0)

        const after = sim.stats()

        // First attempt + 2 retries, the last one answered.
        expect(after.trackingRequests - before.trackingRequests).toBe(3)
        expect(after.tokenRequests).toBe(before.tokenRequests)
        const faults = await getJson(`${sim.url}/_sandbox/faults`)

        expect(faults.faults.failureCount).toBe(0)

        // Three failures in a row outlast the 2 retries: the user gets PNP_UNAVAILABLE, and
        // Pick and Pack saw exactly 3 calls (no 4th).
        const beforeOutage = sim.stats()

        sim.setFaults({
          failureCount: 3,
          failureStatus: 503,
          scope: 'tracking',
        })
        const outage = await fulfillment(host, FULL_FLOW_ORDER)

        expect(outage.errors?.map((e) => [e.path, e.extensions?.code])).toEqual(
          [[['orderFulfillment', 'pickAndPack'], 'PNP_UNAVAILABLE']]
        )
        expect(outage.data.orderFulfillment.oms.orderId).toBe(FULL_FLOW_ORDER)
        expect(
          sim.stats().trackingRequests - beforeOutage.trackingRequests
        ).toBe(3)
      } finally {
        sim.setFaults({})
      }
    })
  })

  it('answers PNP_UNAVAILABLE at the pickAndPack path while the OMS still answers, when Pick and Pack is down', async () => {
    const pnp = await newSimulator()
    const oms = await newSimulator()
    const split = await newHost({
      pnpURL: pnp.url,
      omsURL: oms.url,
      dataDir: newDataDir(),
    })

    try {
      // Both up: no error (and a token is cached).
      expect((await fulfillment(split, FULL_FLOW_ORDER)).errors).toBeUndefined()
      const omsBefore = oms.stats().omsRequests

      await pnp.close()

      const { data, errors } = await fulfillment(split, FULL_FLOW_ORDER)

      expect(errors).toHaveLength(1)
      expect(errors?.[0].path).toEqual(['orderFulfillment', 'pickAndPack'])
      expect(errors?.[0].extensions?.code).toBe('PNP_UNAVAILABLE')
      const order = data.orderFulfillment

      expect(order.pickAndPack).toBeNull()
      expect(order.oms).toMatchObject({
        orderId: FULL_FLOW_ORDER,
        status: 'ready-for-handling', // the second simulator's own, untouched seed
      })
      expect(order.history).toEqual([])
      expect(order.items).toEqual([]) // needs both sides
      expect(oms.stats().omsRequests).toBe(omsBefore + 1)
    } finally {
      await split.close()
    }
  })

  it('answers PNP_UNAUTHORIZED with a wrong Api-Key, and pickAndPackConnection says so', async () => {
    const wrong = await newHost({
      pnpURL: sim.url,
      omsURL: sim.url,
      dataDir: newDataDir(),
      apiKey: WRONG_API_KEY,
    })

    try {
      const before = sim.stats()
      const { data, errors } = await fulfillment(wrong, FULL_FLOW_ORDER)

      expect(errors).toHaveLength(1)
      expect(errors?.[0].path).toEqual(['orderFulfillment', 'pickAndPack'])
      expect(errors?.[0].extensions?.code).toBe('PNP_UNAUTHORIZED')
      expect(data.orderFulfillment.pickAndPack).toBeNull()
      expect(data.orderFulfillment.oms.orderId).toBe(FULL_FLOW_ORDER)
      // A 401 is not retried.
      expect(sim.stats().tokenRequests).toBe(before.tokenRequests + 1)

      const connection = await gql(wrong, CONNECTION)

      expect(connection.errors).toBeUndefined()
      expect(connection.data.pickAndPackConnection).toMatchObject({
        ok: false,
        code: 'PNP_UNAUTHORIZED',
      })

      // The right key, on the shared host: ok.
      const good = await gql(host, CONNECTION)

      expect(good.data.pickAndPackConnection).toEqual({
        ok: true,
        code: null,
        message: null,
      })
    } finally {
      await wrong.close()
    }
  })

  it('keeps the history across a host restart on the same data dir', async () => {
    const account = accounts.get(host)

    await host.close()
    host = await newHost({
      pnpURL: sim.url,
      omsURL: sim.url,
      dataDir: mainDataDir,
      account,
    })
    pointWebhookAt(sim, host)

    const { data, errors } = await fulfillment(host, FULL_FLOW_ORDER)

    expect(errors).toBeUndefined()
    expect(transitions(data.orderFulfillment.history)).toEqual(FULL_FLOW)
    expect((await storedHistory(host, FULL_FLOW_ORDER))?.currentStatus).toBe(
      'DELIVERED'
    )

    const recent = await gql(
      host,
      `{ recentStatusChanges(first: 100) { orderId newStatus } }`
    )

    expect(recent.errors).toBeUndefined()
    expect(
      recent.data.recentStatusChanges.filter(
        (c: { orderId: string }) => c.orderId === FULL_FLOW_ORDER
      )
    ).toHaveLength(FULL_FLOW.length)
  })

  it('answers 503 when storage fails; the simulator retries and the change is stored exactly once', async () => {
    const eventsBefore = host.sentEvents.length

    // Every attempt of the first delivery fails (the webhook tries its sequence 3 times on
    // store failures): its change's listing cannot be written.
    await setStoreFault(host.storeURL, {
      method: 'PUT',
      pathPrefix: `${historyFiles(accounts.get(host) as string)}recent/`,
      answer: 500,
      times: 3,
    })
    const { status, body } = await advance(sim, RETRIED_ORDER)

    expect(status).toBe(200)
    expect(body).toMatchObject({
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
    })

    const attemptsOf = () =>
      sim.deliveries().filter((d) => d.orderId === RETRIED_ORDER)

    await waitFor('the retried delivery', () =>
      attemptsOf().some((d) => d.delivered)
    )
    await sim.drainDeliveries()

    const attempts = (
      (await getJson(`${sim.url}/_sandbox/deliveries`)) as Array<{
        id: string
        orderId: string
        attempt: number
        status: number
        delivered: boolean
      }>
    ).filter((d) => d.orderId === RETRIED_ORDER)

    expect(attempts.map((d) => [d.attempt, d.status, d.delivered])).toEqual([
      [1, 503, false],
      [2, 200, true],
    ])
    expect(new Set(attempts.map((d) => d.id)).size).toBe(1) // one change, two attempts

    const stored = await storedHistory(host, RETRIED_ORDER)

    expect(stored?.currentStatus).toBe('PICKING')
    expect(transitions(stored?.entries ?? [])).toEqual([
      ['READY_FOR_PICKING', 'PICKING'],
    ])
    expect(host.sentEvents.slice(eventsBefore)).toHaveLength(1)

    const { data, errors } = await fulfillment(host, RETRIED_ORDER)

    expect(errors).toBeUndefined()
    expect(transitions(data.orderFulfillment.history)).toEqual([
      ['READY_FOR_PICKING', 'PICKING'],
    ])
    expect(data.orderFulfillment.pickAndPack.fulfillmentStatus).toBe('PICKING')
  })

  // Runs last: covers the logs of every host (and simulator) of this file.
  it('never logs the Api-Key, a JWT or the webhook secret', async () => {
    // A real token of this run, to look for verbatim besides the JWT shape.
    const tokenAnswer = await request(`${sim.url}/prod/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: API_KEY }),
    })

    const token = ((await tokenAnswer.json()) as { data: string }).data

    expect(token).toMatch(/^eyJ/)

    const jwtShape = /eyJ[\w-]+\.[\w-]+\.[\w-]+/
    const secrets = [API_KEY, WRONG_API_KEY, WEBHOOK_SECRET, token]

    const hostLogs = hosts.map((h) => h.logger.text()).join('\n')
    const simLogs = simulatorLog.join('\n')

    // The logs saw the failure paths, where a leak would be likeliest.
    expect(hostLogs).toContain('Pick and Pack notification received')
    expect(hostLogs).toContain('Pick and Pack notification not stored')
    expect(simLogs).toContain('attempt 1: 503')

    for (const text of [hostLogs, simLogs]) {
      expect(text).not.toMatch(jwtShape)
      for (const secret of secrets) expect(text).not.toContain(secret)
    }
  })
})
