// OMS sandbox events: the `order-status-updated` broadcasts sent to the host's event bus
// stand-in on cancel / invoice controls and when Pick and Pack moves the OMS along, retried on
// 5xx, and the invoice the OMS order then carries (still valid against VTEX's schema).
/* eslint-disable no-await-in-loop */ // sequential HTTP calls on purpose
import { readFileSync } from 'node:fs'
import path from 'node:path'

import Ajv from 'ajv'

import { startSimulator, type Simulator } from '../index'
import { OmsEventDispatcher } from '../omsEvents'
import { json, post, startReceiver, type Receiver } from './helpers'

const SCHEMA = JSON.parse(
  readFileSync(
    path.join(__dirname, '../../schemas/vtex/oms-get-order.schema.json'),
    'utf8'
  )
)

const validate = new Ajv({
  strict: false,
  allErrors: true,
  logger: false,
}).compile(SCHEMA)

const FRESH = '1253881550441-01' // READY_FOR_HANDLING (OMS ready-for-handling)
const PACKING = '1253881550485-01' // PACKING (OMS handling)
const DELIVERED = '1253881550552-01' // OMS invoiced
const OMS_ONLY = '1253881559901-01' // IDLE, OMS handling
const NOW = Date.parse('2026-12-03T10:00:00.000Z')

let sim: Simulator
let receiver: Receiver | undefined

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    now: () => NOW,
    retry: { attempts: 4, baseDelayMs: 20, maxDelayMs: 50 },
  })
})
afterAll(() => sim.close())
beforeEach(() => sim.reset())
afterEach(async () => {
  sim.configureOmsEvents(undefined)
  await receiver?.close()
  receiver = undefined
})

async function listen(plan: number[] = []): Promise<Receiver> {
  receiver = await startReceiver(plan)
  const url = receiver.url.replace(
    '/_v/pick-and-pack/webhook',
    '/_sandbox/events'
  )

  const answer = await post(`${sim.url}/_sandbox/oms-events`, { url }).then(
    json
  )

  expect(answer).toEqual({
    status: 200,
    body: { omsEvents: { urls: [url] } },
  })

  return receiver
}

const oms = (orderId: string, action: unknown) =>
  post(`${sim.url}/_sandbox/orders/${orderId}/oms`, { action }).then(json)

const omsOrder = (orderId: string) =>
  fetch(`${sim.url}/api/oms/pvt/orders/${orderId}`).then(json)

describe('OMS controls', () => {
  it('cancel: the OMS order is canceled, Pick and Pack is not, and the broadcast says so', async () => {
    const r = await listen()
    const { status, body } = await oms(FRESH, 'cancel')
    const event = {
      sender: 'vtex.orders-broadcast',
      topic: 'order-status-updated',
      body: {
        domain: 'Marketplace',
        orderId: FRESH,
        currentState: 'canceled',
        lastState: 'ready-for-handling',
        currentChangeDate: new Date(NOW).toISOString(),
        lastChangeDate: '2026-11-24T12:30:00.000Z', // the seed's timeline: created + 1 h
      },
    }

    expect(status).toBe(200)
    expect(body).toEqual({
      orderId: FRESH,
      action: 'cancel',
      oms: { status: 'canceled', lastStatus: 'ready-for-handling' },
      event,
      delivery: 'queued',
    })

    const [received] = await r.waitFor(1)

    expect(received.method).toBe('POST')
    expect(received.url).toBe('/_sandbox/events')
    expect(received.body).toEqual(event)

    const order = (await omsOrder(FRESH)).body

    expect(validate(order)).toBe(true)
    expect(order).toMatchObject({
      status: 'canceled',
      statusDescription: 'Cancelado',
      allowCancellation: false,
      cancellationData: { CancellationDate: new Date(NOW).toISOString() },
      lastChange: new Date(NOW).toISOString(),
    })
    const summary = sim.orders().find((o) => o.orderId === FRESH)

    expect(summary).toMatchObject({
      status: 'READY_FOR_HANDLING',
      omsStatus: 'canceled',
    })
  })

  it('invoice: an invoice in packageAttachment.packages[], schema-valid, and the broadcast', async () => {
    const r = await listen()
    const { status, body } = await oms(PACKING, 'invoice')

    expect(status).toBe(200)
    expect(body.oms).toEqual({
      status: 'invoiced',
      lastStatus: 'handling',
      invoiceNumber: expect.stringMatching(/^NF-/),
    })
    expect(body.event.body).toMatchObject({
      orderId: PACKING,
      currentState: 'invoiced',
      lastState: 'handling',
    })

    const [received] = await r.waitFor(1)

    expect(received.body).toEqual(body.event)

    const order = (await omsOrder(PACKING)).body
    const errors = validate(order) ? null : validate.errors

    expect(errors).toBeNull()
    expect(order.status).toBe('invoiced')
    expect(order.invoicedDate).toBe(new Date(NOW).toISOString())
    expect(order.packageAttachment.packages).toHaveLength(1)
    expect(order.packageAttachment.packages[0]).toMatchObject({
      invoiceNumber: body.oms.invoiceNumber,
      invoiceValue: order.value,
      issuanceDate: new Date(NOW).toISOString(),
    })
    // Pick and Pack still packs: the drift the board flags (invoiced too early).
    expect(sim.orders().find((o) => o.orderId === PACKING)?.status).toBe(
      'PACKING'
    )
  })

  it('refuses what the OMS refuses, unknown orders and bad actions', async () => {
    await listen()
    expect((await oms(DELIVERED, 'cancel')).status).toBe(409)
    expect((await oms(DELIVERED, 'invoice')).status).toBe(409)
    expect((await oms(FRESH, 'cancel')).status).toBe(200)
    expect((await oms(FRESH, 'cancel')).status).toBe(409)
    expect((await oms(FRESH, 'invoice')).status).toBe(409)
    expect((await oms('0000000000000-01', 'cancel')).status).toBe(404)
    expect((await oms(FRESH, 'refund')).status).toBe(400)
    expect((await oms(OMS_ONLY, 'invoice')).status).toBe(200) // OMS-only orders too
    await sim.drainOmsEvents()
    expect(sim.omsEvents().map((e) => [e.orderId, e.currentState])).toEqual([
      [FRESH, 'canceled'],
      [OMS_ONLY, 'invoiced'],
    ])
  })

  it('answers what it would have sent when no event target is configured', async () => {
    const { body } = await oms(FRESH, 'invoice')

    expect(body.delivery).toBe('not configured')
    expect(body.event.body.currentState).toBe('invoiced')
    expect(sim.omsEvents()).toEqual([])
  })

  it('reset brings the OMS status back to the seed', async () => {
    await oms(FRESH, 'cancel')
    sim.reset()
    expect((await omsOrder(FRESH)).body.status).toBe('ready-for-handling')
  })
})

describe('OMS moves with Pick and Pack', () => {
  it('broadcasts each OMS change an advance causes, in order, and no other', async () => {
    const r = await listen()

    // READY_FOR_HANDLING → … → INVOICED: ready-for-handling → handling → invoice → invoiced.
    for (let i = 0; i < 7; i++) await sim.advance(FRESH)
    await sim.drainOmsEvents()
    const received = await r.waitFor(3)

    expect(received.map((e) => [e.body.body])).toEqual([
      [
        expect.objectContaining({
          lastState: 'ready-for-handling',
          currentState: 'handling',
        }),
      ],
      [
        expect.objectContaining({
          lastState: 'handling',
          currentState: 'invoice',
        }),
      ],
      [
        expect.objectContaining({
          lastState: 'invoice',
          currentState: 'invoiced',
        }),
      ],
    ])
    // Each change's date is the next one's last date.
    const bodies = received.map((e) => e.body.body as Record<string, string>)

    expect(bodies[1].lastChangeDate).toBe(bodies[0].currentChangeDate)
    expect(r.received).toHaveLength(3)
  })

  it('an OMS cancellation holds whatever Pick and Pack does next', async () => {
    const r = await listen()

    await oms(FRESH, 'cancel')
    await sim.advance(FRESH)
    await sim.advance(FRESH)
    await sim.drainOmsEvents()
    expect(r.received).toHaveLength(1)
    expect((await omsOrder(FRESH)).body.status).toBe('canceled')
  })
})

describe('delivery', () => {
  it('retries 5xx with backoff, then delivers, recording every attempt', async () => {
    const r = await listen([503, 500])

    await oms(FRESH, 'cancel')
    await sim.drainOmsEvents()
    expect(r.received).toHaveLength(3)
    expect(r.received.map((x) => x.body)).toEqual(
      Array(3).fill(r.received[0].body)
    )
    const sent = sim.omsEvents()

    expect(sent.map((e) => [e.attempt, e.status, e.delivered])).toEqual([
      [1, 503, false],
      [2, 500, false],
      [3, 200, true],
    ])
    expect(new Set(sent.map((e) => e.id)).size).toBe(1)
    const listed = await fetch(`${sim.url}/_sandbox/oms-events/sent`).then(json)

    expect(listed.body).toEqual(sent)
  })

  it('does not retry a 4xx (the host has no handler: 404)', async () => {
    const r = await listen([404])

    await oms(FRESH, 'cancel')
    await sim.drainOmsEvents()
    expect(r.received).toHaveLength(1)
    expect(sim.omsEvents()).toMatchObject([{ status: 404, delivered: false }])
  })

  it('gives up after the configured attempts on network errors', async () => {
    sim.configureOmsEvents({ url: 'http://127.0.0.1:9/_sandbox/events' })
    await oms(FRESH, 'cancel')
    await sim.drainOmsEvents()
    expect(sim.omsEvents().map((e) => [e.attempt, e.status])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
    ])
  })

  it('spreads events over several endpoints and moves a retry to the next', async () => {
    const a = await startReceiver([503])
    const b = await startReceiver()

    try {
      sim.configureOmsEvents({ urls: [a.url, b.url] })
      await oms(FRESH, 'cancel')
      await sim.drainOmsEvents()
      expect(a.received).toHaveLength(1)
      expect(b.received).toHaveLength(1)
      expect(sim.omsEvents().map((e) => e.delivered)).toEqual([false, true])
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('refuses an invalid target', async () => {
    const bad = await post(`${sim.url}/_sandbox/oms-events`, {
      url: 'ftp://x',
    }).then(json)

    expect(bad.status).toBe(400)
    expect(() => sim.configureOmsEvents({ url: 'nope' })).toThrow(/omsEvents/)
    const off = await post(`${sim.url}/_sandbox/oms-events`, {}).then(json)

    expect(off.body).toEqual({ omsEvents: null })
  })

  it('keeps a bounded backlog: beyond it, events are dropped and recorded, never waited for', async () => {
    const slow = await startReceiver()
    const dispatcher = new OmsEventDispatcher({ maxPending: 3 })

    try {
      dispatcher.configure([slow.url])
      const outcomes = Array.from({ length: 5 }, (_, i) =>
        dispatcher.enqueue({
          domain: 'Marketplace',
          orderId: `100000000000${i}-01`,
          currentState: 'canceled',
          lastState: 'handling',
          currentChangeDate: '2026-12-03T10:00:00.000Z',
          lastChangeDate: '2026-12-03T09:00:00.000Z',
        })
      )

      expect(outcomes).toEqual([
        'queued',
        'queued',
        'queued',
        'queue full',
        'queue full',
      ])
      await dispatcher.drain()
      expect(slow.received).toHaveLength(3)
      expect(
        dispatcher.sent().filter((e) => e.error?.startsWith('queue full'))
      ).toHaveLength(2)
      expect(dispatcher.backlog).toBe(0)
    } finally {
      dispatcher.cancelAll()
      await slow.close()
    }
  })
})
