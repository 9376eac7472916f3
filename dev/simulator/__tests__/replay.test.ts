// The seeded orders' history replay (`npm start`): each order's path to its seeded status,
// through the real webhook delivery, dated in the past from an anchor, a third or so of the
// orders late by the app's default limits, and one OMS broadcast per seeded order.
import { DEFAULT_STATUS_TIME_LIMITS } from '../../../node/domain/board'
import { startSimulator, type Simulator } from '../index'
import { omsOrder } from '../oms'
import { lateShare, pathTo, replayPlan } from '../replay'
import { SEED_ORDERS } from '../seed'
import { OrderStore } from '../state'
import { FLOW } from '../statuses'
import { json, post, startReceiver, type Receiver } from './helpers'

const ANCHOR = Date.parse('2026-12-03T10:00:00.000Z')

describe('replayPlan', () => {
  const plan = replayPlan(ANCHOR)

  it('walks every seeded order from READY_FOR_HANDLING to its status, one change at a time', () => {
    expect(plan.map((o) => o.orderId)).toEqual(
      SEED_ORDERS.map((s) => s.orderId)
    )
    for (const order of plan.filter((o) => o.inPickAndPack)) {
      const { steps } = order

      expect(steps[0]).toMatchObject({
        oldStatus: null,
        newStatus: 'READY_FOR_HANDLING',
      })
      expect(steps[steps.length - 1].newStatus).toBe(order.status)
      steps.slice(1).forEach((step, i) => {
        expect(step.oldStatus).toBe(steps[i].newStatus)
        expect(Date.parse(step.date)).toBeGreaterThan(Date.parse(steps[i].date))
      })
      expect(Date.parse(steps[steps.length - 1].date)).toBeLessThan(ANCHOR)
      expect(order.since).toBe(steps[steps.length - 1].date)
    }

    expect(
      plan.filter((o) => !o.inPickAndPack).every((o) => o.steps.length === 0)
    ).toBe(true)
  })

  it('follows the flow, and what the seed says the order reached before leaving it', () => {
    const byId = (id: string) =>
      SEED_ORDERS.find((s) => s.orderId === id) as (typeof SEED_ORDERS)[number]

    expect(pathTo(byId('1253881550441-01'))).toEqual(['READY_FOR_HANDLING'])
    expect(pathTo(byId('1253881550552-01'))).toEqual([...FLOW, 'DELIVERED'])
    expect(pathTo(byId('1253881550574-01'))).toEqual([
      ...FLOW,
      'WAITING_FOR_PICKUP',
    ])
    expect(pathTo(byId('1253881550596-01'))).toEqual([
      ...FLOW,
      'DELIVERED',
      'RETURNED',
    ])
    expect(pathTo(byId('1253881550662-01'))).toEqual([...FLOW, 'RETURNED'])
    expect(pathTo(byId('1253881550607-01'))).toEqual([
      'READY_FOR_HANDLING',
      'READY_FOR_PICKING',
      'CANCELED',
    ])
    expect(pathTo(byId('1253881550585-01'))).toEqual([
      'READY_FOR_HANDLING',
      'IDLE',
    ])
  })

  it('makes about a third of the orders that can be late, late by the default limits', () => {
    const share = lateShare(plan)

    expect(share.ofCanBeLate).toBeGreaterThanOrEqual(0.3)
    expect(share.ofCanBeLate).toBeLessThanOrEqual(0.4)
    const active = plan.filter(
      (o) => o.inPickAndPack && DEFAULT_STATUS_TIME_LIMITS[o.status]
    )

    expect(plan.filter((o) => !active.includes(o)).every((o) => !o.late)).toBe(
      true
    )
    // Late ones by a margin, the others well within: true for a while after the anchor.
    const waited = (o: (typeof plan)[number]) =>
      (ANCHOR - Date.parse(o.since)) /
      60_000 /
      DEFAULT_STATUS_TIME_LIMITS[o.status]

    expect(active.filter((o) => o.late).every((o) => waited(o) > 1.4)).toBe(
      true
    )
    expect(active.filter((o) => !o.late).every((o) => waited(o) <= 0.6)).toBe(
      true
    )

    // Final orders changed within hours: inside the board's window.
    for (const order of plan.filter((o) => o.limitMinutes === null)) {
      expect(ANCHOR - Date.parse(order.since)).toBeLessThan(24 * 3600_000)
    }
  })

  it('is the same for the same anchor (restarts send redeliveries), and moves with it', () => {
    expect(replayPlan(ANCHOR)).toEqual(plan)
    expect(replayPlan(ANCHOR + 60_000)[0].since).not.toBe(plan[0].since)
  })

  it('broadcasts the seeded OMS status of each order, with the state before it', () => {
    const store = new OrderStore()

    for (const order of plan) {
      const state = store.get(order.orderId)
      const seeded = (
        omsOrder(state as NonNullable<typeof state>, '') as { status: string }
      ).status

      expect(order.oms).toMatchObject({
        domain: 'Marketplace',
        orderId: order.orderId,
        currentState: seeded,
      })
      expect(order.oms.lastState).not.toBe(seeded)
      expect(Date.parse(order.oms.lastChangeDate)).toBeLessThan(
        Date.parse(order.oms.currentChangeDate)
      )
      expect(Date.parse(order.oms.currentChangeDate)).toBeLessThan(ANCHOR)
    }

    const fresh = plan.find((o) => o.orderId === '1253881550441-01')

    expect(fresh?.oms).toMatchObject({
      currentState: 'ready-for-handling',
      lastState: 'payment-approved',
      currentChangeDate: fresh?.since,
    })
    expect(
      plan.find((o) => o.orderId === '1253881550607-01')?.oms
    ).toMatchObject({
      currentState: 'canceled',
      lastState: 'handling',
    })
  })
})

describe('replay through the simulator', () => {
  let sim: Simulator
  let webhook: Receiver
  let events: Receiver

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 })
  })
  afterAll(() => sim.close())
  beforeEach(async () => {
    sim.reset()
    webhook = await startReceiver()
    events = await startReceiver()
    sim.configureWebhook({
      url: webhook.url,
      headers: { 'x-webhook-secret': 's' },
    })
    sim.configureOmsEvents({ url: events.url })
  })
  afterEach(async () => {
    sim.configureWebhook(undefined)
    sim.configureOmsEvents(undefined)
    await webhook.close()
    await events.close()
  })

  it("sends each seeded order's history in order, with the planned dates, and its OMS event", async () => {
    const plan = replayPlan(ANCHOR)
    const result = sim.replay(ANCHOR)
    const notifications = plan.reduce((n, o) => n + o.steps.length, 0)

    expect(result).toMatchObject({
      anchor: new Date(ANCHOR).toISOString(),
      orders: SEED_ORDERS.length,
      notifications,
      omsEvents: SEED_ORDERS.length,
      webhook: 'queued',
      omsDelivery: 'queued',
    })
    await Promise.all([sim.drainDeliveries(), sim.drainOmsEvents()])
    expect(webhook.received).toHaveLength(notifications)
    expect(
      webhook.received.every((r) => r.headers['x-webhook-secret'] === 's')
    ).toBe(true)

    for (const order of plan) {
      const received = webhook.received
        .map((r) => r.body)
        .filter((body) => body.orderId === order.orderId)

      expect(received).toEqual(
        order.steps.map((step) => ({
          orderId: order.orderId,
          hostname: 'sandboxstore',
          ...step,
        }))
      )
    }

    expect(events.received.map((r) => r.body)).toEqual(
      expect.arrayContaining(
        plan.map((o) => ({
          sender: 'vtex.orders-broadcast',
          topic: 'order-status-updated',
          body: o.oms,
        }))
      )
    )
    expect(events.received).toHaveLength(plan.length)

    // Later OMS changes follow on from the replayed dates.
    const fresh = plan.find((o) => o.orderId === '1253881550441-01')
    const cancel = sim.omsAction('1253881550441-01', 'cancel')

    expect(cancel.event.body.lastChangeDate).toBe(fresh?.oms.currentChangeDate)
  })

  it('is a control too: POST /_sandbox/replay {"anchor"}', async () => {
    const { status, body } = await post(`${sim.url}/_sandbox/replay`, {
      anchor: new Date(ANCHOR).toISOString(),
    }).then(json)

    expect(status).toBe(200)
    expect(body.late).toEqual(lateShare(replayPlan(ANCHOR)))
    await sim.drainDeliveries()
    expect(webhook.received[0].body.date).toBe(
      replayPlan(ANCHOR)[0].steps[0].date
    )
    expect(
      (await post(`${sim.url}/_sandbox/replay`, { anchor: 'soon' })).status
    ).toBe(400)
  })
})
