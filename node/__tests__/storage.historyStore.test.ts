import type { HistoryEntry, OrderHistory } from '../domain/history'
import { toHistoryEntry } from '../domain/history'
import { parseNotification } from '../domain/notification'
import type { HistoryStore } from '../storage/historyStore'
import { StorageError } from '../storage/jsonStore'
import { storeChangeRecords, storeHistories } from './support/histories'
import { historyFiles } from './support/host'
import { useStoreStandIn } from './support/store'
import type { StoreFault } from './support/storeFaults'
import { clearStoreFaults, setStoreFault } from './support/storeFaults'

/*
 * The history store over the store stand-in, through `@vtex/api`'s own VBase client: every
 * call is an HTTP round trip with VBase's semantics (ETag, If-Match, 412), as on VTEX IO.
 * Each "replica" is its own client with nothing shared but the store.
 */

// 20 ms per call, as VBase's round trips take: concurrent writers overlap as on VTEX IO.
const store = useStoreStandIn({ indexDelayMs: 0, latencyMs: 20 })
let accounts = 0
let account: string

/** A replica's histories: its own VBase and Master Data clients, as node/index.ts makes them. */
const replica = (timeout = 3000) =>
  storeHistories(store().url, account, timeout)

let arrival = Date.UTC(2026, 11, 1, 9)

/** A parsed notification of `orderId` moving `[oldStatus, newStatus]`, with more `fields`. */
const change = (
  orderId: string,
  [oldStatus, newStatus]: [string | null, string],
  fields: Record<string, unknown> = {}
): HistoryEntry => {
  const parsed = parseNotification({ orderId, oldStatus, newStatus, ...fields })

  if (!parsed.ok) throw new Error(parsed.message)

  return toHistoryEntry(parsed.notification, new Date((arrival += 1000)))
}

/** Publishes into a list, as the webhook sends IO events. */
const publisher = () => {
  const events: Array<{ id: string; currentStatus: string | null }> = []

  return {
    events,
    publish: async (entry: HistoryEntry, currentStatus: string | null) => {
      events.push({ id: entry.id, currentStatus })
    },
  }
}

/** What the change's event handler does with the history: settles the change, keeps its record. */
const settled = async (replicaHistories: HistoryStore, entry: HistoryEntry) => {
  await replicaHistories.settle(entry.orderId, entry)
  await replicaHistories.keepRecord(entry)
}

const fault = (body: StoreFault) => setStoreFault(store().url, body)

const stats = () =>
  fetch(`${store().url}/_store/stats`).then(
    (response) => response.json() as Promise<{ total: number }>
  )

const resetStats = () =>
  fetch(`${store().url}/_store/stats/reset`, { method: 'POST' })

const filesPrefix = () => historyFiles(account)

/** The order's document as the next webhook reads it, straight from the store. */
const storedDocument = async (orderId: string) =>
  (await (
    await fetch(`${store().url}${filesPrefix()}orders/${orderId}.json`)
  ).json()) as OrderHistory

beforeEach(async () => {
  account = `history${++accounts}`
  await clearStoreFaults(store().url)
})

describe('HistoryStore.record', () => {
  it('records a change, publishes it once and reports a redelivery as a duplicate', async () => {
    const history = replica()
    const { events, publish } = publisher()
    const first = change('1000-01', [null, 'READY_FOR_PICKING'])

    await expect(history.record(first, publish)).resolves.toEqual({
      duplicate: false,
      isNew: true,
      currentStatus: 'READY_FOR_PICKING',
    })
    await expect(
      history.record(
        { ...first, receivedAt: new Date().toISOString() },
        publish
      )
    ).resolves.toEqual({
      duplicate: true,
      isNew: false,
      currentStatus: 'READY_FOR_PICKING',
    })

    expect(events).toEqual([
      { id: first.id, currentStatus: 'READY_FOR_PICKING' },
    ])
    expect((await history.history('1000-01')).entries).toEqual([first])
  })

  it('costs 3 store calls for a new order or a known one, 2 for a redelivery', async () => {
    const history = replica()
    const { publish } = publisher()
    const first = change('1000-02', [null, 'READY_FOR_PICKING'])

    await resetStats()
    await history.record(first, publish)
    expect(await stats()).toMatchObject({
      total: 3,
      vbase: { GET: 1, PUT: 2 },
    })

    // The redelivery writes its listing again, as held: the same file.
    await resetStats()
    await history.record(first, publish)
    expect(await stats()).toMatchObject({ total: 2, vbase: { GET: 1, PUT: 1 } })

    await resetStats()
    await history.record(
      change('1000-02', ['READY_FOR_PICKING', 'PICKING']),
      publish
    )
    expect((await stats()).total).toBe(3)
  })

  it('never moves the current status backwards on a late notification', async () => {
    const history = replica()
    const { publish } = publisher()

    await history.record(change('1000-03', ['PICKING', 'PACKING']), publish)
    const late = await history.record(
      change('1000-03', ['READY_FOR_PICKING', 'PICKING']),
      publish
    )

    expect(late.currentStatus).toBe('PACKING')
    expect((await history.history('1000-03')).entries).toHaveLength(2)
  })

  it('loses nothing when three replicas record the first changes of the same orders at once', async () => {
    const replicas = [replica(), replica(), replica()]

    const { events, publish } = publisher()
    const flow = ['READY_FOR_PICKING', 'PICKING', 'READY_FOR_PACKING']
    const orders = Array.from({ length: 10 }, (_, i) => `2000-${i}`)
    const changes = orders.flatMap((orderId) =>
      flow.map((status, step) =>
        change(orderId, [step === 0 ? null : flow[step - 1], status])
      )
    )

    const results = await Promise.all(
      changes.map((entry, i) => replicas[i % 3].record(entry, publish))
    )

    expect(results.every((result) => result.isNew)).toBe(true)
    expect(new Set(events.map((event) => event.id)).size).toBe(changes.length)
    expect(events).toHaveLength(changes.length)

    // Each change's event handler settles it: back into its history if a creation dropped it.
    await Promise.all(
      changes.map((entry, i) => settled(replicas[(i + 1) % 3], entry))
    )

    const byName = (a: string, b: string) => a.localeCompare(b)
    const statuses = (history: OrderHistory) =>
      history.entries.map((entry) => entry.newStatus).sort(byName)

    // Read through another replica, every change is there, and in each order's document.
    const reader = replica()

    for (const orderId of orders) {
      // eslint-disable-next-line no-await-in-loop
      const read = await reader.history(orderId)

      expect(statuses(read)).toEqual([...flow].sort(byName))
      expect(read.currentStatus).toBe('READY_FOR_PACKING')
      // eslint-disable-next-line no-await-in-loop
      expect(statuses(await storedDocument(orderId))).toEqual(
        [...flow].sort(byName)
      )
    }
  })

  it('a read merges back changes a late creation overwrote, also one written in between', async () => {
    const orderId = '1000-09'
    const [a, b, c] = [replica(), replica(), replica()]

    const { publish } = publisher()
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })

    // B reads "absent" and is held before its creation; meanwhile A creates the history and
    // C adds to it with If-Match, and their event handlers settle both. Then B's creation
    // overwrites both.
    const first = change(orderId, [null, 'READY_FOR_PICKING'])
    const late = b.record(first, async (...args) => {
      await held
      await publish(...args)
    })

    await new Promise((resolve) => setTimeout(resolve, 200))
    const between = [
      change(orderId, ['READY_FOR_PICKING', 'PICKING']),
      change(orderId, ['PICKING', 'READY_FOR_PACKING']),
    ]

    await a.record(between[0], publish)
    await c.record(between[1], publish)
    await Promise.all(between.map((entry) => settled(a, entry)))
    release()
    await late
    await settled(b, first)

    // B's creation dropped A's and C's changes from the document; their records remain.
    expect(
      (await storedDocument(orderId)).entries.map((entry) => entry.newStatus)
    ).toEqual(['READY_FOR_PICKING'])

    const read = await c.history(orderId)
    const flow = ['READY_FOR_PICKING', 'PICKING', 'READY_FOR_PACKING']

    expect(read.entries.map((entry) => entry.newStatus)).toEqual(flow)
    expect(read.currentStatus).toBe('READY_FOR_PACKING')
    const repaired = await storedDocument(orderId)

    expect(repaired.entries.map((entry) => entry.newStatus)).toEqual(flow)
    expect(repaired.currentStatus).toBe('READY_FOR_PACKING')
  })

  it('a read writes nothing back for a change record the history cannot take', async () => {
    const orderId = '1000-10'
    const history = replica()
    const { publish } = publisher()
    // A sweep saw PICKING live; the webhook for that step came later, with an older date.
    const seen = {
      ...change(orderId, [null, 'PICKING']),
      source: 'sweep' as const,
    }

    const late = change(orderId, ['READY_FOR_PICKING', 'PICKING'], {
      date: new Date(Date.parse(seen.receivedAt) - 60_000).toISOString(),
    })

    await history.record(seen, publish)
    expect((await history.record(late, publish)).duplicate).toBe(true)
    // Its record exists all the same (a replica that settled it before the sweep's look).
    await storeChangeRecords(store().url, account).save(late)
    await resetStats()

    const read = await history.history(orderId)
    const { vbase } = (await stats()) as unknown as {
      vbase: Record<string, number>
    }

    expect(read.entries.map((entry) => entry.id)).toEqual([seen.id])
    expect(vbase.PUT).toBe(0)
  })

  it('takes a write whose answer timed out after it landed as done, publishing once', async () => {
    const orderId = '1000-04'
    const history = replica(300)
    const { events, publish } = publisher()

    await history.record(change(orderId, [null, 'READY_FOR_PICKING']), publish)
    await fault({
      method: 'PUT',
      pathPrefix: `${filesPrefix()}orders/${orderId}.json`,
      answer: 'timeout-after-commit',
      times: 1,
    })

    const next = change(orderId, ['READY_FOR_PICKING', 'PICKING'])

    await expect(history.record(next, publish)).resolves.toMatchObject({
      duplicate: false,
      isNew: true,
      currentStatus: 'PICKING',
    })
    expect(events.filter((event) => event.id === next.id)).toHaveLength(1)
    expect((await history.history(orderId)).currentStatus).toBe('PICKING')
  })

  it.each([
    [
      'the history',
      '1000-05',
      (orderId: string) => `${filesPrefix()}orders/${orderId}.json`,
    ],
    ["the change's listing", '1000-10', () => `${filesPrefix()}recent/`],
  ])(
    'takes a first write of %s whose answer timed out after it landed as done, publishing once',
    async (_, orderId, pathPrefix) => {
      const history = replica(300)
      const { events, publish } = publisher()

      await fault({
        method: 'PUT',
        pathPrefix: pathPrefix(orderId),
        answer: 'timeout-after-commit',
        times: 1,
      })

      const first = change(orderId, [null, 'READY_FOR_PICKING'])

      await expect(history.record(first, publish)).resolves.toMatchObject({
        duplicate: false,
        isNew: true,
      })
      expect(events).toEqual([
        { id: first.id, currentStatus: 'READY_FOR_PICKING' },
      ])
      expect((await history.history(orderId)).entries).toEqual([first])
    }
  )

  it('fails while the change cannot be listed, and lists it on the resend', async () => {
    const orderId = '1000-11'
    const history = replica()
    const { events, publish } = publisher()
    const first = change(orderId, [null, 'READY_FOR_PICKING'])

    await fault({
      method: 'PUT',
      pathPrefix: `${filesPrefix()}recent/`,
      answer: 500,
      times: 100,
    })
    await expect(history.record(first, publish)).rejects.toBeInstanceOf(
      StorageError
    )
    expect((await history.recent(20, null)).map(({ id }) => id)).toEqual([])
    await clearStoreFaults(store().url)

    // The history took the change with the first attempt; the resend lists it.
    await expect(history.record(first, publish)).resolves.toMatchObject({
      duplicate: true,
    })
    expect(events).toHaveLength(1)
    expect((await history.recent(20, null)).map(({ id }) => id)).toEqual([
      first.id,
    ])
  })

  it('rides out a storm of 412 answers', async () => {
    const orderId = '1000-06'
    const history = replica()
    const { publish } = publisher()

    await history.record(change(orderId, [null, 'READY_FOR_PICKING']), publish)
    await fault({
      method: 'PUT',
      pathPrefix: `${filesPrefix()}orders/${orderId}.json`,
      answer: 412,
      times: 3,
    })
    await history.record(
      change(orderId, ['READY_FOR_PICKING', 'PICKING']),
      publish
    )

    expect((await history.history(orderId)).currentStatus).toBe('PICKING')
  })

  it('fails with a StorageError when the store keeps failing, and takes the resend', async () => {
    const orderId = '1000-07'
    const history = replica()
    const { events, publish } = publisher()
    const first = change(orderId, [null, 'READY_FOR_PICKING'])

    await fault({
      method: 'PUT',
      pathPrefix: `${filesPrefix()}orders/`,
      answer: 500,
      times: 100,
    })

    const failure = await history.record(first, publish).catch((e) => e)

    expect(failure).toBeInstanceOf(StorageError)
    // The store's error (with the app token in its request) never travels further.
    expect(JSON.stringify(failure)).not.toContain('local-store-token')
    expect(failure.message).not.toContain('local-store-token')
    // Its listing, written beside the failed history write, keeps it meanwhile.
    expect((await history.recent(20, null)).map(({ id }) => id)).toContain(
      first.id
    )
    await clearStoreFaults(store().url)

    // The order history lacks it: the resend records it and publishes again (same id).
    await history.record(first, publish)
    expect((await history.history(orderId)).entries).toEqual([first])
    expect(new Set(events.map((event) => event.id))).toEqual(
      new Set([first.id])
    )
  })

  it('fails with a StorageError when the event cannot be sent, storing no history', async () => {
    const orderId = '1000-08'
    const history = replica()
    const first = change(orderId, [null, 'READY_FOR_PICKING'])

    await expect(
      history.record(first, async () => {
        throw new Error('events down')
      })
    ).rejects.toBeInstanceOf(StorageError)

    const { events, publish } = publisher()

    await history.record(first, publish)
    expect(events).toHaveLength(1)
  })
})

describe('HistoryStore.keepRecord', () => {
  it("keeps a change's extras whole in its record, even once the order's history dropped them", async () => {
    const orderId = '1000-20'
    const history = replica()
    const { publish } = publisher()
    const pad = 'x'.repeat(30_000)
    const flow = ['PICKING', 'READY_FOR_PACKING']
    const first = change(orderId, [null, 'READY_FOR_PICKING'], { pad })

    await history.record(first, publish)
    // Enough large changes after it that the history keeps no extras of the first.
    for (let step = 0; step < 12; step++) {
      // eslint-disable-next-line no-await-in-loop
      await history.record(
        change(orderId, [flow[(step + 1) % 2], flow[step % 2]], {
          pad,
          id: `n${step}`,
        }),
        publish
      )
    }

    const kept = (await storedDocument(orderId)).entries.find(
      (entry) => entry.id === first.id
    ) as HistoryEntry

    expect(kept.extra).toEqual({})
    // Its event, delivered late, keeps the record from the history's copy.
    await history.keepRecord(kept)
    const [record] = await storeChangeRecords(store().url, account).ofOrder(
      orderId
    )

    expect(record.id).toBe(first.id)
    expect(record.extra.pad === pad).toBe(true)
  })
})

describe('HistoryStore.recent', () => {
  it('lists changes newest first across orders, by status, without duplicates', async () => {
    const history = replica()
    const { publish } = publisher()
    const changes = [
      change('3000-1', [null, 'READY_FOR_PICKING']),
      change('3000-2', [null, 'READY_FOR_PICKING']),
      change('3000-1', ['READY_FOR_PICKING', 'PICKING']),
    ]

    for (const entry of changes) {
      // eslint-disable-next-line no-await-in-loop
      await history.record(entry, publish)
    }

    const recent = await history.recent(20, null)

    expect(recent.map((entry) => entry.id)).toEqual(
      [...changes].reverse().map((entry) => entry.id)
    )
    expect(
      (await history.recent(20, 'PICKING')).map((entry) => entry.id)
    ).toEqual([changes[2].id])
    expect(await history.recent(1, null)).toHaveLength(1)
  })
})
