import type { HistoryEntry } from '../domain/history'
import { MAX_ENTRIES_PER_ORDER, toHistoryEntry } from '../domain/history'
import { parseNotification } from '../domain/notification'
import {
  BUCKET,
  HistoryStore,
  recentPath,
  settleIndexing,
} from '../storage/historyStore'
import type { JsonStore } from '../storage/jsonStore'
import { StorageError } from '../storage/jsonStore'

const SECRET_TOKEN = 'vbase-app-token-SECRET-42'
const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

/** VBase-like JSON files with ETags and If-Match (412 on a stale version). */
class MemoryJsonStore implements JsonStore {
  public files = new Map<string, { json: string; version: number }>()
  public saves: string[] = []
  public reads = 0
  /** Decides whether a save fails (before anything is written). */
  public failSave: ((path: string) => boolean) | null = null
  public failRead = false

  public async getRawJSON<T>(bucket: string, path: string) {
    await tick()
    this.reads += 1
    if (this.failRead) throw this.vbaseError(500, path)
    const file = this.files.get(`${bucket}/${path}`)

    return file
      ? {
          data: JSON.parse(file.json) as T,
          headers: { etag: `"${file.version}"` },
        }
      : { data: null, headers: {} }
  }

  public async saveJSON<T>(
    bucket: string,
    path: string,
    data: T,
    _tracing?: undefined,
    ifMatch?: string
  ) {
    await tick()
    const key = `${bucket}/${path}`

    if (this.failSave?.(path)) throw this.vbaseError(500, path)
    const file = this.files.get(key)

    if (ifMatch !== undefined && ifMatch !== `"${file?.version}"`) {
      throw this.vbaseError(412, path)
    }

    this.saves.push(path)
    this.files.set(key, {
      json: JSON.stringify(data),
      version: (file?.version ?? 0) + 1,
    })

    return undefined
  }

  public read<T>(path: string): T | undefined {
    const file = this.files.get(`${BUCKET}/${path}`)

    return file ? (JSON.parse(file.json) as T) : undefined
  }

  /** Shaped like an axios error from @vtex/api: it carries the app token. */
  private vbaseError(status: number, path: string) {
    return Object.assign(
      new Error(
        `Request failed with status ${status} (Authorization: ${SECRET_TOKEN})`
      ),
      {
        response: { status, data: { message: 'failed' } },
        config: {
          url: `/buckets/${path}`,
          headers: {
            Authorization: SECRET_TOKEN,
            VtexIdclientAutCookie: SECRET_TOKEN,
          },
        },
      }
    )
  }
}

let arrival = 0

const entry = (body: Record<string, unknown>): HistoryEntry => {
  const result = parseNotification({ orderId: 'o-1', ...body })

  if (!result.ok) throw new Error(result.message)

  return toHistoryEntry(
    result.notification,
    new Date(Date.UTC(2026, 10, 20, 9) + ++arrival * 1000)
  )
}

async function expectStorageError(promise: Promise<unknown>) {
  let caught: unknown

  try {
    await promise
  } catch (error) {
    caught = error
  }

  expect(caught).toBeInstanceOf(StorageError)
  const error = caught as StorageError

  for (const surface of [
    error.message,
    JSON.stringify(error),
    String(error.stack),
    Object.keys(error).join(','),
    JSON.stringify(
      Object.getOwnPropertyNames(error).map((name) => (error as any)[name])
    ),
  ]) {
    expect(surface).not.toContain(SECRET_TOKEN)
    expect(surface).not.toContain('Authorization')
  }

  expect(Object.keys(error)).toEqual(['name'])

  return error
}

beforeEach(() => {
  arrival = 0
})

describe('HistoryStore', () => {
  it('records a change, then flags its redelivery as a duplicate', async () => {
    const store = new MemoryJsonStore()
    const history = new HistoryStore(store)
    const change = entry({
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
      hostname: 'mystore',
      picker: 'Ana',
    })

    await expect(history.record(change)).resolves.toEqual({
      duplicate: false,
      isNew: true,
      currentStatus: 'PICKING',
    })
    await expect(
      history.record({ ...change, receivedAt: new Date().toISOString() })
    ).resolves.toEqual({
      duplicate: true,
      isNew: false,
      currentStatus: 'PICKING',
    })

    const stored = await history.history('o-1')

    expect(stored.currentStatus).toBe('PICKING')
    expect(stored.entries).toEqual([change])

    // The recent index lists the change without the payload's extra fields.
    const recent = await history.recent()

    expect(recent.entries).toEqual([{ ...change, extra: {} }])
    expect(store.read('orders/o-1.json')).toEqual(stored)
  })

  it('neither keeps nor lists nor calls new a change older than all of a full history', async () => {
    const store = new MemoryJsonStore()
    const history = new HistoryStore(store)
    const at = (minute: number) =>
      new Date(Date.UTC(2026, 10, 20, 9) + minute * 60_000).toISOString()

    for (let i = 0; i < MAX_ENTRIES_PER_ORDER; i++) {
      // eslint-disable-next-line no-await-in-loop
      await history.record(
        entry({ oldStatus: null, newStatus: 'PICKING', date: at(100 + i) })
      )
    }

    await settleIndexing()
    const before = store.files.get(`${BUCKET}/orders/o-1.json`)?.json
    const late = entry({
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PACKING',
      date: at(1),
    })

    await expect(history.record(late)).resolves.toEqual({
      duplicate: false,
      isNew: false,
      currentStatus: 'PICKING',
    })
    await settleIndexing()
    expect(store.files.get(`${BUCKET}/orders/o-1.json`)?.json).toBe(before)
    expect((await history.recent()).entries.map((e) => e.id)).not.toContain(
      late.id
    )
  })

  it('keeps the current status from moving backwards on a late change', async () => {
    const history = new HistoryStore(new MemoryJsonStore())
    const late = entry({ oldStatus: 'READY_FOR_PICKING', newStatus: 'PICKING' })
    const early = entry({ oldStatus: 'PICKING', newStatus: 'PACKING' })

    expect((await history.record(early)).currentStatus).toBe('PACKING')
    expect(await history.record(late)).toEqual({
      duplicate: false,
      isNew: true,
      currentStatus: 'PACKING',
    })
    expect((await history.history('o-1')).entries).toHaveLength(2)
  })

  it('keeps orders apart and lists recent changes newest first', async () => {
    const history = new HistoryStore(new MemoryJsonStore())

    await history.record(entry({ orderId: 'o-1', newStatus: 'PICKING' }))
    await history.record(entry({ orderId: 'o-2', newStatus: 'PACKING' }))

    expect(
      (await history.history('o-1')).entries.map((e) => e.newStatus)
    ).toEqual(['PICKING'])
    expect((await history.history('o-2')).currentStatus).toBe('PACKING')
    expect((await history.recent()).entries.map((e) => e.orderId)).toEqual([
      'o-2',
      'o-1',
    ])
  })

  it('answers an empty history and index when nothing was recorded', async () => {
    const history = new HistoryStore(new MemoryJsonStore())

    await expect(history.history('o-9')).resolves.toEqual({
      orderId: 'o-9',
      currentStatus: null,
      currentEntryId: null,
      entries: [],
    })
    await expect(history.recent()).resolves.toEqual({ entries: [] })
  })

  it('stores 50 simultaneous copies of one notification once', async () => {
    const store = new MemoryJsonStore()
    const history = new HistoryStore(store)
    const change = entry({ oldStatus: 'PICKING', newStatus: 'PACKING' })

    const results = await Promise.all(
      Array.from({ length: 50 }, () => history.record({ ...change }))
    )

    expect((await history.history('o-1')).entries).toHaveLength(1)
    expect((await history.recent()).entries).toHaveLength(1)
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1)
    // Exactly one of them is published.
    expect(results.filter((result) => result.isNew)).toHaveLength(1)
    expect(results.every((result) => result.currentStatus === 'PACKING')).toBe(
      true
    )
  })

  it('stores 100 simultaneous distinct notifications of one order, none lost', async () => {
    const store = new MemoryJsonStore()
    const history = new HistoryStore(store)
    const changes = Array.from({ length: 100 }, (_, i) =>
      entry({ oldStatus: 'PICKING', newStatus: 'PACKING', eventId: i })
    )

    const results = await Promise.all(
      changes.map((change) => history.record(change))
    )

    const stored = await history.history('o-1')

    expect(stored.entries).toHaveLength(100)
    expect(new Set(stored.entries.map((e) => e.id))).toEqual(
      new Set(changes.map((c) => c.id))
    )
    expect((await history.recent()).entries).toHaveLength(100)
    expect(results.every((result) => !result.duplicate && result.isNew)).toBe(
      true
    )
    // Batched: far fewer writes than notifications.
    expect(
      store.saves.filter((path) => path.startsWith('orders/')).length
    ).toBeLessThanOrEqual(5)
  })

  it("records another replica's concurrent write too (ETag conflict, re-read)", async () => {
    const store = new MemoryJsonStore()
    const history = new HistoryStore(store)
    const other = entry({
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
      eventId: 'other',
    })

    const mine = entry({
      oldStatus: 'PICKING',
      newStatus: 'PACKING',
      eventId: 'mine',
    })

    await history.record(entry({ newStatus: 'READY_FOR_PICKING' }))
    const original = store.saveJSON.bind(store)
    let injected = false

    store.saveJSON = async (bucket, path, data, tracing, ifMatch) => {
      if (!injected && path === 'orders/o-1.json') {
        injected = true
        // Another process appends its change between our read and our write.
        const current = store.read<any>(path)

        await original(
          bucket,
          path,
          { ...current, entries: [...current.entries, other] },
          undefined,
          undefined
        )
      }

      return original(bucket, path, data, tracing, ifMatch)
    }

    await expect(history.record(mine)).resolves.toMatchObject({
      duplicate: false,
      isNew: true,
    })
    const ids = (await history.history('o-1')).entries.map((e) => e.id)

    expect(ids).toEqual(expect.arrayContaining([other.id, mine.id]))
    expect(ids).toHaveLength(3)
  })

  it("never writes one store's change into another store recording at the same time", async () => {
    // Two workspaces (two VBase stores) receiving a change of the same order at once.
    const first = new MemoryJsonStore()
    const second = new MemoryJsonStore()

    await Promise.all([
      new HistoryStore(first).record(entry({ newStatus: 'PICKING' })),
      new HistoryStore(second).record(entry({ newStatus: 'PACKING' })),
    ])

    expect(
      first
        .read<any>('orders/o-1.json')
        .entries.map((e: HistoryEntry) => e.newStatus)
    ).toEqual(['PICKING'])
    expect(
      second
        .read<any>('orders/o-1.json')
        .entries.map((e: HistoryEntry) => e.newStatus)
    ).toEqual(['PACKING'])
    await settleIndexing()
    expect(first.read<any>(recentPath('o-1')).entries).toHaveLength(1)
    expect(second.read<any>(recentPath('o-1')).entries).toHaveLength(1)
  })

  it('separates VBase clients by account and workspace, and batches per workspace', async () => {
    const shared = new MemoryJsonStore()
    const other = new MemoryJsonStore()
    // VBase clients are built per request: different objects over the same workspace.
    const vbase = (backing: MemoryJsonStore) => Object.create(backing)

    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        new HistoryStore(vbase(shared), 'io:acme/master').record(
          entry({ newStatus: 'PICKING', eventId: i })
        )
      ),
      new HistoryStore(vbase(other), 'io:acme/staging').record(
        entry({ newStatus: 'PACKING' })
      ),
    ])

    expect(results.every((result) => result.isNew)).toBe(true)
    expect(shared.read<any>('orders/o-1.json').entries).toHaveLength(20)
    expect(other.read<any>('orders/o-1.json').entries).toHaveLength(1)
    expect(
      shared.saves.filter((path) => path.startsWith('orders/')).length
    ).toBeLessThanOrEqual(3)
  })

  it('fails with a StorageError that carries no token, and writes nothing half-way', async () => {
    const store = new MemoryJsonStore()
    const history = new HistoryStore(store)

    store.failSave = () => true
    await expectStorageError(history.record(entry({ newStatus: 'PICKING' })))
    expect(store.read('orders/o-1.json')).toBeUndefined()
    expect(store.read(recentPath('o-1'))).toBeUndefined()

    store.failSave = null
    store.failRead = true
    await expectStorageError(history.record(entry({ newStatus: 'PACKING' })))
    await expectStorageError(history.history('o-1'))
    await expectStorageError(history.recent())
  })

  it('leaves an existing history untouched when a write fails', async () => {
    const store = new MemoryJsonStore()
    const history = new HistoryStore(store)

    await history.record(
      entry({ oldStatus: 'READY_FOR_PICKING', newStatus: 'PICKING' })
    )
    const before = store.read('orders/o-1.json')

    store.failSave = () => true
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        expectStorageError(
          history.record(
            entry({ oldStatus: 'PICKING', newStatus: 'PACKING', eventId: i })
          )
        )
      )
    )
    expect(store.read('orders/o-1.json')).toEqual(before)
  })

  it('answers once the history is written; the recent index follows and is read back', async () => {
    const store = new MemoryJsonStore()
    const history = new HistoryStore(store)
    const change = entry({ oldStatus: 'PICKING', newStatus: 'PACKING' })

    await history.record(change)
    // recent() waits for this process's index writes: a change it answered is listed.
    expect((await history.recent()).entries.map((e) => e.id)).toEqual([
      change.id,
    ])
  })

  it('retries a failed recent-index write in the background', async () => {
    const store = new MemoryJsonStore()
    let failures = 2

    store.failSave = (path) => path === recentPath('o-1') && failures-- > 0
    const reported: unknown[] = []
    const history = new HistoryStore(store, undefined, (error) =>
      reported.push(error)
    )

    const change = entry({ oldStatus: 'PICKING', newStatus: 'PACKING' })

    await expect(history.record(change)).resolves.toEqual({
      duplicate: false,
      isNew: true,
      currentStatus: 'PACKING',
    })
    expect((await history.recent()).entries.map((e) => e.id)).toEqual([
      change.id,
    ])
    expect(reported).toEqual([])
  })

  it('survives a failure report that throws', async () => {
    const store = new MemoryJsonStore()
    const history = new HistoryStore(store, undefined, () => {
      throw new Error('logger down')
    })

    store.failSave = (path) => path === recentPath('o-1')
    await history.record(entry({ newStatus: 'PICKING' }))
    await expect(settleIndexing()).resolves.toBeUndefined()
    expect((await history.history('o-1')).entries).toHaveLength(1)
  })

  it("reports an index that stays down, and the sender's redelivery completes it", async () => {
    const store = new MemoryJsonStore()
    const reported: unknown[] = []
    const history = new HistoryStore(store, undefined, (error) =>
      reported.push(error)
    )

    const change = entry({ oldStatus: 'PICKING', newStatus: 'PACKING' })

    store.failSave = (path) => path === recentPath('o-1')
    await history.record(change)
    await settleIndexing()
    // The order history is the record: it was written; the index was not, and that was told
    // without the store's own error (which may carry request headers).
    expect((await history.history('o-1')).entries.map((e) => e.id)).toEqual([
      change.id,
    ])
    expect((await history.recent()).entries).toEqual([])
    expect(reported).toHaveLength(1)
    expect(reported[0]).toBeInstanceOf(StorageError)
    expect(String(reported[0])).not.toMatch(/token|authorization/i)

    store.failSave = null
    await expect(history.record({ ...change })).resolves.toEqual({
      duplicate: true,
      isNew: false,
      currentStatus: 'PACKING',
    })
    expect((await history.recent()).entries.map((e) => e.id)).toEqual([
      change.id,
    ])
  })
})
