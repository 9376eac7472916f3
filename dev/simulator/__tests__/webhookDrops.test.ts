// Webhooks dropped on purpose (POST /_sandbox/webhooks/drop): never sent, while the order still
// moves; the next N, every one of some orders, or a seeded share.
/* eslint-disable no-await-in-loop */ // sequential HTTP calls on purpose
import { startSimulator, type Simulator } from '../index'
import { WebhookDrops } from '../webhookDrops'
import { json, post, startReceiver, type Receiver } from './helpers'

const FRESH = '1253881550441-01' // READY_FOR_HANDLING
const PICKUP = '1253881550452-01' // READY_FOR_PICKING
const PACKING = '1253881550485-01'

let sim: Simulator
let receiver: Receiver

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
  })
})
afterAll(() => sim.close())
beforeEach(async () => {
  sim.reset()
  receiver = await startReceiver()
  sim.configureWebhook({ url: receiver.url })
})
afterEach(async () => {
  sim.configureWebhook(undefined)
  await receiver.close()
})

const dropUrl = () => `${sim.url}/_sandbox/webhooks/drop`
const drop = (body: unknown) => post(dropUrl(), body).then(json)
const advance = (orderId: string) =>
  post(`${sim.url}/_sandbox/orders/${orderId}/advance`).then(json)

const statusOf = (orderId: string) =>
  sim.orders().find((o) => o.orderId === orderId)?.status

/** What reached the receiver once every queued delivery is over. */
async function sent(): Promise<Array<{ orderId: string; newStatus: string }>> {
  await sim.drainDeliveries()

  return receiver.received.map((r) => ({
    orderId: r.body.orderId as string,
    newStatus: r.body.newStatus as string,
  }))
}

describe('POST /_sandbox/webhooks/drop', () => {
  it('next: drops the next N webhooks, while the orders still move', async () => {
    const set = await drop({ next: 2 })

    expect(set).toEqual({
      status: 200,
      body: {
        next: 2,
        orderIds: [],
        rate: 0,
        seed: 0,
        dropped: 0,
        droppedByOrder: {},
      },
    })
    await advance(FRESH) // dropped
    await advance(PICKUP) // dropped
    const third = await advance(FRESH)

    expect(await sent()).toEqual([
      { orderId: FRESH, newStatus: third.body.newStatus },
    ])
    expect(statusOf(FRESH)).toBe('PICKING')
    expect(statusOf(PICKUP)).toBe('PICKING')
    // Not an attempt: the deliveries list only what was sent.
    expect(sim.deliveries()).toHaveLength(1)
    expect((await fetch(dropUrl()).then(json)).body).toEqual({
      next: 0,
      orderIds: [],
      rate: 0,
      seed: 0,
      dropped: 2,
      droppedByOrder: { [FRESH]: 1, [PICKUP]: 1 },
    })
  })

  it('orderIds: drops every webhook of those orders until DELETE clears', async () => {
    await drop({ orderIds: [FRESH] })
    await advance(FRESH)
    await advance(FRESH)
    await advance(PICKUP)
    expect(await sent()).toEqual([{ orderId: PICKUP, newStatus: 'PICKING' }])
    expect(sim.webhookDrops()).toMatchObject({
      orderIds: [FRESH],
      dropped: 2,
      droppedByOrder: { [FRESH]: 2 },
    })

    const cleared = await fetch(dropUrl(), { method: 'DELETE' }).then(json)

    expect(cleared.body).toMatchObject({ orderIds: [], dropped: 0 })
    await advance(FRESH)
    expect((await sent()).map((s) => s.orderId)).toEqual([PICKUP, FRESH])
    expect(statusOf(FRESH)).toBe('READY_FOR_PACKING')
  })

  it('combines: an order of orderIds does not spend the count', async () => {
    await drop({ orderIds: [FRESH], next: 1 })
    await advance(FRESH) // dropped by orderIds
    await advance(PICKUP) // dropped by next
    await advance(PACKING) // sent
    expect((await sent()).map((s) => s.orderId)).toEqual([PACKING])
    expect(sim.webhookDrops()).toMatchObject({ next: 0, dropped: 2 })
  })

  it('rate: the same seed drops the same webhooks', async () => {
    const run = async () => {
      sim.reset()
      receiver.received.length = 0
      sim.configureWebhook({ url: receiver.url })
      await drop({ rate: 0.5, seed: 42 })
      for (let i = 0; i < 6; i++) await advance(FRESH)

      return (await sent()).map((s) => s.newStatus)
    }

    const first = await run()

    expect(first.length).toBeGreaterThan(0)
    expect(first.length).toBeLessThan(6)
    expect(await run()).toEqual(first)
    expect(sim.webhookDrops()).toMatchObject({
      rate: 0.5,
      seed: 42,
      dropped: 6 - first.length,
    })
  })

  it('spends nothing while no webhook is configured', async () => {
    sim.configureWebhook(undefined)
    await drop({ next: 1 })
    await advance(FRESH)
    expect(sim.webhookDrops()).toMatchObject({ next: 1, dropped: 0 })
  })

  it.each([
    [{}, /give next, orderIds or rate/],
    [{ next: -1 }, /next must be a whole number/],
    [{ next: 1.5 }, /next must be a whole number/],
    [{ orderIds: FRESH }, /orderIds must be a list/],
    [{ orderIds: ['1-01'] }, /does not have: 1-01/],
    [{ rate: 2 }, /rate must be a number from 0 to 1/],
    [{ next: 1, seed: 1 }, /seed goes with rate/],
    [{ rate: 0.1, seed: -1 }, /seed must be a whole number/],
    [{ nxt: 1 }, /unknown field nxt/],
    ['[1]', /JSON object/],
  ])('answers 400 to %j', async (body, message) => {
    const res = await fetch(dropUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }).then(json)

    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(message)
    expect(sim.webhookDrops()).toMatchObject({ next: 0, orderIds: [] })
  })
})

describe('drops from the start', () => {
  it('restores them on reset, counts at zero; refuses bad ones', async () => {
    const own = await startSimulator({
      port: 0,
      webhook: { url: receiver.url },
      webhookDrops: { next: 1 },
    })

    try {
      await own.advance(FRESH)
      await own.drainDeliveries()
      expect(own.webhookDrops()).toMatchObject({ next: 0, dropped: 1 })
      own.reset()
      expect(own.webhookDrops()).toMatchObject({ next: 1, dropped: 0 })
      expect(() => own.dropWebhooks({ orderIds: ['nope'] })).toThrow(
        /Invalid webhookDrops/
      )
    } finally {
      await own.close()
    }

    await expect(
      startSimulator({ port: 0, webhookDrops: { rate: 3 } })
    ).rejects.toThrow(/rate must be a number/)
  })
})

describe('WebhookDrops', () => {
  it('drops about the share asked, the same ones for the same seed', () => {
    const decisions = (seed: number) => {
      const drops = new WebhookDrops()

      drops.apply({ rate: 0.2, seed })

      return Array.from({ length: 1000 }, () => drops.take('o'))
    }

    const a = decisions(7)
    const share = a.filter(Boolean).length / a.length

    expect(share).toBeGreaterThan(0.15)
    expect(share).toBeLessThan(0.25)
    expect(decisions(7)).toEqual(a)
    expect(decisions(8)).not.toEqual(a)
  })
})
