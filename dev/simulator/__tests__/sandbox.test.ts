// Status progression, webhook delivery, faults and stats.
/* eslint-disable no-await-in-loop */ // sequential HTTP calls on purpose
import { startSimulator, type Simulator } from '../index'
import { FLOW } from '../statuses'
import { json, post, startReceiver, type Receiver } from './helpers'

const KEY = 'sandbox-api-key'
const SECRET = 'shh-webhook-secret'
const FRESH = '1253881550441-01' // READY_FOR_HANDLING
const PICKUP = '1253881550452-01' // READY_FOR_PICKING, pickup
const OMS_ONLY = '1253881559901-01'

let sim: Simulator
let receiver: Receiver | undefined

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    retry: { attempts: 4, baseDelayMs: 20, maxDelayMs: 50 },
  })
})
afterAll(() => sim.close())
beforeEach(() => sim.reset())
afterEach(async () => {
  sim.configureWebhook(undefined)
  await receiver?.close()
  receiver = undefined
})

const advance = (orderId: string, body?: unknown) =>
  post(`${sim.url}/_sandbox/orders/${orderId}/advance`, body).then(json)

async function token(): Promise<string> {
  return (await json(await post(`${sim.url}/prod/token`, { apiKey: KEY }))).body
    .data
}

describe('status progression', () => {
  it('moves along the whole flow to DELIVERED, then refuses with 409', async () => {
    const seen: string[] = []

    for (let i = 0; i < FLOW.length; i++) {
      const { status, body } = await advance(FRESH)

      expect(status).toBe(200)
      expect(body.orderId).toBe(FRESH)
      seen.push(body.newStatus)
    }

    expect(seen).toEqual([...FLOW.slice(1), 'DELIVERED'])
    const final = await advance(FRESH)

    expect(final.status).toBe(409)
    expect(final.body.message).toMatch(/DELIVERED/)
  })

  it('ends a pickup order at WAITING_FOR_PICKUP', async () => {
    let last = ''

    for (let i = 0; i < 20 && last !== 'WAITING_FOR_PICKUP'; i++) {
      last = (await advance(PICKUP)).body.newStatus
    }

    expect(last).toBe('WAITING_FOR_PICKUP')
  })

  it('fills picked items from PICKING and shipping from PREPARING_SHIPPING', async () => {
    const jwt = await token()
    const data = async () =>
      (
        await json(
          await fetch(`${sim.url}/prod/picking-tracking/${FRESH}`, {
            headers: { authorization: jwt },
          })
        )
      ).body.data

    await advance(FRESH)
    expect((await data()).pickedItems).toEqual([])
    await advance(FRESH) // PICKING
    expect((await data()).pickedItems.length).toBeGreaterThan(0)
    expect((await data()).shipping).toBeUndefined()
    await advance(FRESH, { to: 'PREPARING_SHIPPING' })
    expect((await data()).shipping.trackingId).toBe('TRK-441')
  })

  it('jumps with {"to"} and validates it', async () => {
    expect((await advance(FRESH, { to: 'CANCELED' })).body).toEqual({
      orderId: FRESH,
      oldStatus: 'READY_FOR_HANDLING',
      newStatus: 'CANCELED',
    })
    expect((await advance(FRESH)).status).toBe(409)
    expect((await advance(FRESH, { to: 'NOPE' })).status).toBe(400)
    expect((await advance('0000000000000-01')).status).toBe(404)
    expect((await advance(OMS_ONLY)).status).toBe(409)
    const bad = await fetch(`${sim.url}/_sandbox/orders/${FRESH}/advance`, {
      method: 'POST',
      body: '[not json',
    })

    expect(bad.status).toBe(400)
    const list = (await json(await fetch(`${sim.url}/_sandbox/orders`))).body

    expect(
      list.find((o: { orderId: string }) => o.orderId === FRESH).status
    ).toBe('CANCELED')
  })
})

describe('webhook delivery', () => {
  it('delivers each change with the configured method, headers and query', async () => {
    receiver = await startReceiver()
    const set = await post(`${sim.url}/_sandbox/webhook`, {
      url: receiver.url,
      method: 'PUT',
      headers: { 'x-webhook-secret': SECRET },
      query: { an: 'sandboxstore' },
    }).then(json)

    expect(set.status).toBe(200)
    expect(JSON.stringify(set.body)).not.toContain(SECRET)
    await advance(FRESH)
    await advance(FRESH)
    const [first, second] = await receiver.waitFor(2)

    expect(first.method).toBe('PUT')
    expect(first.url).toBe('/_v/pick-and-pack/webhook?an=sandboxstore')
    expect(first.headers['x-webhook-secret']).toBe(SECRET)
    expect(first.body).toMatchObject({
      orderId: FRESH,
      oldStatus: 'READY_FOR_HANDLING',
      newStatus: 'READY_FOR_PICKING',
      hostname: 'sandboxstore',
    })
    expect(Number.isNaN(Date.parse(first.body.date as string))).toBe(false)
    // Per-order queue: changes arrive in the order they happened.
    expect(second.body).toMatchObject({
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
    })
  })

  it('retries 503 twice then delivers on the 3rd attempt, recording every attempt', async () => {
    receiver = await startReceiver([503, 503])
    sim.configureWebhook({
      url: receiver.url,
      headers: { 'x-webhook-secret': SECRET },
    })
    await sim.advance(FRESH)
    await advance(FRESH) // queued behind the first one
    await receiver.waitFor(4)
    await sim.drainDeliveries()
    expect(receiver.received.map((r) => r.body.newStatus)).toEqual([
      'READY_FOR_PICKING',
      'READY_FOR_PICKING',
      'READY_FOR_PICKING',
      'PICKING',
    ])
    const res = await fetch(`${sim.url}/_sandbox/deliveries`)
    const text = await res.text()

    expect(text).not.toContain(SECRET)
    const records = JSON.parse(text)

    expect(
      records.map(
        (d: { attempt: number; status: number; delivered: boolean }) => [
          d.attempt,
          d.status,
          d.delivered,
        ]
      )
    ).toEqual([
      [1, 503, false],
      [2, 503, false],
      [3, 200, true],
      [1, 200, true],
    ])
    expect(records[0].id).toBe(records[2].id)
    expect(records[0].error).toBe('HTTP 503')
  })

  it('gives up after the configured attempts on network errors', async () => {
    receiver = await startReceiver()
    const { url } = receiver

    await receiver.close()
    receiver = undefined
    sim.configureWebhook({ url })
    await sim.advance(FRESH)
    await sim.drainDeliveries()
    const records = sim.deliveries()

    expect(records).toHaveLength(4)
    expect(
      records.every((d) => d.status === 0 && !d.delivered && d.error)
    ).toBe(true)
  })

  it('refuses an invalid webhook config', async () => {
    const bad = await post(`${sim.url}/_sandbox/webhook`, { url: 'ftp://x' })

    expect(bad.status).toBe(400)
    await bad.text()
  })
})

describe('faults', () => {
  it('adds latency to upstream calls', async () => {
    await post(`${sim.url}/_sandbox/faults`, { latencyMs: 150 }).then(json)
    const started = Date.now()
    const res = await fetch(`${sim.url}/api/oms/pvt/orders/${FRESH}`)

    await res.text()
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect(res.status).toBe(200)
  })

  it('fails exactly the next N calls with failureCount', async () => {
    sim.setFaults({ failureCount: 2, failureStatus: 503, scope: 'oms' })
    const statuses: number[] = []

    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${sim.url}/api/oms/pvt/orders/${FRESH}`)

      await res.text()
      statuses.push(res.status)
    }

    expect(statuses).toEqual([503, 503, 200, 200])
    // Scope 'oms' leaves the token call alone.
    expect(await token()).toMatch(/^ey/)
  })

  it('expireTokens invalidates the tokens issued before it only', async () => {
    const old = await token()
    const tracking = (jwt: string) =>
      fetch(`${sim.url}/prod/picking-tracking/${FRESH}`, {
        headers: { authorization: jwt },
      }).then((r) => r.text().then(() => r.status))

    expect(await tracking(old)).toBe(200)
    await post(`${sim.url}/_sandbox/faults`, { expireTokens: true }).then(json)
    expect(await tracking(old)).toBe(401)
    expect(await tracking(await token())).toBe(200)
  })

  it('answers a truncated body when malformed, and clears with DELETE', async () => {
    sim.setFaults({ malformed: true, scope: 'tracking' })
    const jwt = await token()
    const url = `${sim.url}/prod/picking-tracking/${FRESH}`
    const res = await fetch(url, { headers: { authorization: jwt } })

    expect(res.status).toBe(200)
    const text = await res.text()

    expect(text.startsWith('{"message":"OK"')).toBe(true)
    expect(() => JSON.parse(text)).toThrow()
    await fetch(`${sim.url}/_sandbox/faults`, { method: 'DELETE' }).then(json)
    const ok = await fetch(url, { headers: { authorization: jwt } }).then(json)

    expect(ok.status).toBe(200)
  })

  it('refuses invalid faults', async () => {
    const res = await post(`${sim.url}/_sandbox/faults`, { failureRate: 2 })

    expect(res.status).toBe(400)
    await res.text()
  })
})

describe('stats', () => {
  it('counts token, tracking, OMS and unauthorized calls, and resets', async () => {
    const jwt = await token()

    await post(`${sim.url}/prod/token`, { apiKey: 'wrong' }).then(json)
    await fetch(`${sim.url}/prod/picking-tracking/${FRESH}`, {
      headers: { authorization: jwt },
    }).then(json)
    await fetch(`${sim.url}/prod/picking-tracking/${FRESH}`).then(json)
    await fetch(`${sim.url}/api/oms/pvt/orders/${FRESH}`).then(json)
    const stats = (await json(await fetch(`${sim.url}/_sandbox/stats`))).body

    expect(stats).toEqual({
      tokenRequests: 2,
      tokensIssued: 1,
      trackingRequests: 2,
      v1Requests: 0,
      omsRequests: 1,
      unauthorized: 2,
    })
    expect(sim.stats()).toEqual(stats)
    await post(`${sim.url}/_sandbox/stats/reset`).then(json)
    expect(sim.stats().tokenRequests).toBe(0)
  })

  it('answers 404 JSON to unknown paths and 405 to wrong methods', async () => {
    expect((await fetch(`${sim.url}/nope`).then(json)).status).toBe(404)
    expect((await fetch(`${sim.url}/prod/token`).then(json)).status).toBe(405)
  })
})

describe('startSimulator', () => {
  it('refuses a non-loopback host', async () => {
    await expect(startSimulator({ host: '0.0.0.0' })).rejects.toThrow(
      /loopback/
    )
  })
})
