/*
 * The app as VTEX IO runs it: three host processes (replicas) over one store stand-in whose
 * every call takes 20 ms, notifications reaching any replica. Nothing a replica answered 200
 * to may be missing afterwards, read through another replica; each change is published once.
 */
import type { ReplicaSet } from '../processes'
import { startReplicaSet } from '../processes'
import { eventually } from '../../node/__tests__/support/eventually'
import { historyFiles } from '../../node/__tests__/support/host'
import type { StoreFault } from '../../node/__tests__/support/storeFaults'
import {
  clearStoreFaults,
  setStoreFault,
} from '../../node/__tests__/support/storeFaults'

const SECRET = 'replica-test-secret'
const HOSTNAME = 'replicastore'
const STATUS_CHANGED = 'pick-and-pack.status-changed'
const FLOW = [
  'READY_FOR_HANDLING',
  'READY_FOR_PICKING',
  'PICKING',
  'READY_FOR_PACKING',
]

jest.setTimeout(120_000)

let set: ReplicaSet
let orderCount = 0

/** A fresh order id for each test, so tests never share orders. */
const newOrder = () => `${5550000000000 + ++orderCount}-01`

interface Answer {
  status: number
  body: { received?: boolean; duplicate?: boolean; error?: { code: string } }
}

const notify = async (
  hostURL: string,
  body: Record<string, unknown>
): Promise<Answer> => {
  const response = await fetch(`${hostURL}/_v/pick-and-pack/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-webhook-secret': SECRET },
    body: JSON.stringify({ hostname: HOSTNAME, ...body }),
    signal: AbortSignal.timeout(30_000),
  })

  return { status: response.status, body: await response.json() }
}

const change = (orderId: string, step: number) => ({
  orderId,
  oldStatus: step === 0 ? null : FLOW[step - 1],
  newStatus: FLOW[step],
  date: new Date(Date.UTC(2026, 11, 1, 9, step)).toISOString(),
})

/** The order's history as the admin reads it, through GraphQL of the given replica. */
const historyVia = async (hostURL: string, orderId: string) => {
  const response = await fetch(`${hostURL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        'query($id: ID!) { orderFulfillment(orderId: $id) { history { id oldStatus newStatus } } }',
      variables: { id: orderId },
    }),
  })

  const { data } = (await response.json()) as {
    data: {
      orderFulfillment: {
        history: Array<{ id: string; oldStatus: string; newStatus: string }>
      }
    }
  }

  return data.orderFulfillment.history
}

/** Every status-changed event the replicas sent (what VTEX IO would have delivered). */
const eventsSent = async (hostURLs = set.hostURLs) => {
  const lists = await Promise.all(
    hostURLs.map(async (url) =>
      (await fetch(`${url}/_sandbox/events/sent`)).json()
    )
  )

  return (
    lists.flat() as Array<{
      topic: string
      body: { id: string; orderId: string; newStatus: string }
    }>
  ).filter((event) => event.topic === STATUS_CHANGED)
}

const eventsOf = async (orderIds: string[], hostURLs?: string[]) =>
  (await eventsSent(hostURLs)).filter((event) =>
    orderIds.includes(event.body.orderId)
  )

const storeFault = (fault: StoreFault) => setStoreFault(set.storeURL, fault)

/** The VBase path prefix of the app's history files for the hosts' account (`sandbox`). */
const historyPrefix = historyFiles('sandbox')

beforeAll(async () => {
  set = await startReplicaSet({
    hosts: 3,
    storeLatencyMs: 20,
    env: {
      PNP_WEBHOOK_SECRET: SECRET,
      PNP_HOSTNAME: HOSTNAME,
      // The sweep settles a change whose own event did not complete at once, not 10 min on.
      SWEEP_SETTLE_AFTER_MS: '0',
    },
  })
})

afterAll(async () => {
  await set?.stop()
})

afterEach(async () => {
  await clearStoreFaults(set.storeURL)
})

describe('three replicas over one remote store', () => {
  it('loses none of 30 new orders whose changes reach different replicas at once, publishing each once', async () => {
    const orders = Array.from({ length: 30 }, newOrder)
    const changes = orders.flatMap((orderId) =>
      FLOW.slice(0, 3).map((_, step) => change(orderId, step))
    )

    const answers = await Promise.all(
      changes.map((body, i) => notify(set.hostURLs[i % 3], body))
    )

    expect(answers.filter((answer) => answer.status !== 200)).toEqual([])

    for (const [i, orderId] of orders.entries()) {
      // Read through a replica that did not take this order's first change. Creations that
      // overwrote each other are mended by each dropped change's own event handler, a moment
      // after the answers: the read waits for it (at most 15 s).
      const reader = set.hostURLs[(i + 1) % 3]
      // eslint-disable-next-line no-await-in-loop
      const history = await eventually(
        () => historyVia(reader, orderId),
        (read) => read.length === 3
      )

      expect(history.map((entry) => entry.newStatus)).toEqual(FLOW.slice(0, 3))
    }

    const events = await eventsOf(orders)

    expect(events).toHaveLength(changes.length)
    expect(new Set(events.map((event) => event.body.id)).size).toBe(
      changes.length
    )
  })

  it('reports a redelivery to another replica as a duplicate and publishes nothing more', async () => {
    const orderId = newOrder()
    const first = await notify(set.hostURLs[0], change(orderId, 0))
    const again = await Promise.all([
      notify(set.hostURLs[1], change(orderId, 0)),
      notify(set.hostURLs[2], change(orderId, 0)),
    ])

    expect(first.body).toEqual({ received: true, duplicate: false })
    expect(again.map((answer) => answer.body)).toEqual([
      { received: true, duplicate: true },
      { received: true, duplicate: true },
    ])
    expect(await historyVia(set.hostURLs[2], orderId)).toHaveLength(1)
    expect(await eventsOf([orderId])).toHaveLength(1)
  })

  it('takes a history write whose answer timed out after it landed as done, publishing once', async () => {
    const orderId = newOrder()

    await notify(set.hostURLs[0], change(orderId, 0))
    await storeFault({
      method: 'PUT',
      pathPrefix: `${historyPrefix}orders/${orderId}.json`,
      answer: 'timeout-after-commit',
      times: 1,
    })

    const answer = await notify(set.hostURLs[1], change(orderId, 1))

    expect(answer).toEqual({
      status: 200,
      body: { received: true, duplicate: false },
    })
    expect(
      (await historyVia(set.hostURLs[2], orderId)).map((e) => e.newStatus)
    ).toEqual(FLOW.slice(0, 2))
    expect(await eventsOf([orderId])).toHaveLength(2)
  })

  it('rides out a storm of 412 answers', async () => {
    const orderId = newOrder()

    await notify(set.hostURLs[0], change(orderId, 0))
    await storeFault({
      method: 'PUT',
      pathPrefix: `${historyPrefix}orders/${orderId}.json`,
      answer: 412,
      times: 5,
    })

    expect((await notify(set.hostURLs[1], change(orderId, 1))).status).toBe(200)
    expect(await historyVia(set.hostURLs[2], orderId)).toHaveLength(2)
  })

  it('answers 503 on store failures with nothing half-written, and takes the resend on another replica', async () => {
    const orderId = newOrder()

    // Every write fails: the change's listing and the order's history.
    await storeFault({
      method: 'PUT',
      pathPrefix: historyPrefix,
      answer: 500,
      times: 1000,
    })

    const failed = await notify(set.hostURLs[0], change(orderId, 0))

    expect(failed.status).toBe(503)
    expect(failed.body.error?.code).toBe('STORAGE_UNAVAILABLE')
    expect(await historyVia(set.hostURLs[1], orderId)).toEqual([])
    await clearStoreFaults(set.storeURL)

    const resent = await notify(set.hostURLs[1], change(orderId, 0))

    expect(resent.body).toEqual({ received: true, duplicate: false })
    expect(await historyVia(set.hostURLs[2], orderId)).toHaveLength(1)
    // Published before the writes failed, and again by the resend: at least once, one id.
    const events = await eventsOf([orderId])

    expect(events.length).toBeGreaterThanOrEqual(1)
    expect(new Set(events.map((event) => event.body.id)).size).toBe(1)
  })

  it('keeps everything a replica acknowledged before it was killed in the middle of a burst', async () => {
    const orders = Array.from({ length: 40 }, newOrder)
    const changes = orders.flatMap((orderId) =>
      FLOW.map((_, step) => change(orderId, step))
    )

    const acknowledged: Array<{ orderId: string; newStatus: string }> = []
    let killed = false
    const sends = changes.map(async (body, i) => {
      const target = i % 3

      try {
        const answer = await notify(set.hostURLs[target], body)

        if (answer.status === 200) acknowledged.push(body)
        if (target === 2 && !killed && acknowledged.length >= 40) {
          killed = true
          await set.kill(2)
        }
      } catch {
        // The killed replica never answered: not acknowledged, so not owed.
      }
    })

    await Promise.all(sends)
    expect(killed).toBe(true)
    expect(acknowledged.length).toBeGreaterThan(40)
    expect(acknowledged.length).toBeLessThan(changes.length)

    const survivors = set.hostURLs.slice(0, 2)

    for (const orderId of orders) {
      const owed = acknowledged
        .filter((body) => body.orderId === orderId)
        .map((body) => body.newStatus)

      // What the killed replica's event handlers had not done, a survivor does once their
      // lease on the shared event queue runs out (5 s): the read waits for it.
      // eslint-disable-next-line no-await-in-loop
      const read = await eventually(
        () => historyVia(survivors[0], orderId),
        (entries) =>
          owed.every((status) =>
            entries.some((entry) => entry.newStatus === status)
          )
      )

      const stored = read.map((entry) => entry.newStatus)

      expect(stored).toEqual(expect.arrayContaining(owed))
    }
  })
})

describe('changes whose own event never completed', () => {
  const hold = (hostURL: string, on: boolean) =>
    fetch(`${hostURL}/_sandbox/events/hold`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hold: on }),
    })

  const storedHistory = async (orderId: string) => {
    const response = await fetch(
      `${set.storeURL}${historyPrefix}orders/${orderId}.json`
    )

    return response.ok
      ? ((await response.json()) as { entries: Array<{ newStatus: string }> })
      : null
  }

  it('are put back into their histories by the sweep, with no event ever handled', async () => {
    const replicas = set.hostURLs.slice(0, 2)
    const orders = Array.from({ length: 10 }, newOrder)

    // The event bus delivers nothing: each change's own handler, the usual mender of a
    // creation that dropped it, never runs (VTEX IO gave its event up, say).
    await Promise.all(replicas.map((url) => hold(url, true)))

    try {
      // Each order's first two changes reach two replicas at once: both create its history.
      const answers = await Promise.all(
        orders.flatMap((orderId) => [
          notify(replicas[0], change(orderId, 0)),
          notify(replicas[1], change(orderId, 1)),
        ])
      )

      expect(answers.map((answer) => answer.status)).toEqual(
        Array(20).fill(200)
      )
      const before = await Promise.all(orders.map(storedHistory))
      const dropped = before.filter(
        (history) => (history?.entries.length ?? 0) < 2
      ).length

      // The race this guards against happened (20 ms a store call makes it all but certain).
      expect(dropped).toBeGreaterThan(0)

      // A run gives the pass a third of its time: a few runs, as the Scheduler would make.
      let settled = 0

      for (let run = 0; run < 5 && settled < dropped; run++) {
        // eslint-disable-next-line no-await-in-loop
        const sweep = await fetch(
          `${replicas[run % 2]}/_v/pick-and-pack/sweep`,
          {
            method: 'POST',
          }
        )

        expect(sweep.status).toBe(200)
        // eslint-disable-next-line no-await-in-loop
        settled += ((await sweep.json()) as { settled: number }).settled
      }

      // Each change got its event again, but only those the histories lacked count as put back.
      expect(settled).toBe(dropped)

      for (const orderId of orders) {
        // eslint-disable-next-line no-await-in-loop
        const history = await storedHistory(orderId)

        expect(history?.entries.map((entry) => entry.newStatus)).toEqual(
          FLOW.slice(0, 2)
        )
      }

      // Done once: the next run finds every change recorded.
      const again = (await (
        await fetch(`${replicas[1]}/_v/pick-and-pack/sweep`, { method: 'POST' })
      ).json()) as { settled: number }

      expect(again.settled).toBe(0)
    } finally {
      await Promise.all(replicas.map((url) => hold(url, false)))
    }
  })
})
