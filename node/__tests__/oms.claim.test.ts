import type { HistoryEntry, OrderHistory } from '../domain/history'
import { appendEntry, emptyHistory } from '../domain/history'
import type { JsonStore } from '../storage/jsonStore'
import type { AppDeps } from '../sync/deps'
import { sendInteraction } from '../sync/omsInteraction'

/*
 * The claim of an OMS interaction is a read-modify-write with If-Match. When another replica
 * claims and sends the same change between this replica's read and its write, the write meets
 * 412 and the claim is tried again on the newer document: it must then step aside, whatever
 * the first try had prepared.
 */

const ORDER = '1300000000001-01'

const change: HistoryEntry = {
  id: 'c0ffee00c0ffee00c0ffee00c0ffee00',
  orderId: ORDER,
  oldStatus: 'READY_FOR_PICKING',
  newStatus: 'PICKING',
  hostname: 'store',
  receivedAt: '2026-12-01T10:00:00.000Z',
  occurredAt: null,
  source: 'webhook',
  extra: {},
}

const conflict = () =>
  Object.assign(new Error('Precondition Failed'), {
    response: { status: 412 },
  })

/** One VBase file with ETags; `beforeWrite` runs once, just before the first conditional write. */
function storeWith(
  history: OrderHistory,
  beforeWrite: (doc: OrderHistory) => OrderHistory
) {
  let doc = history
  let version = 1
  let raced = false

  const store: Partial<JsonStore> = {
    getRawJSON: async <T>() => ({
      data: doc as unknown as T,
      headers: { etag: `"v${version}"` },
    }),
    // eslint-disable-next-line max-params -- the stub keeps VBase's saveJSON signature
    saveJSON: async <T>(
      _bucket: string,
      _path: string,
      data: T,
      _tracing?: undefined,
      ifMatch?: string
    ) => {
      if (!raced) {
        // Another replica claims, sends and marks the change in between.
        raced = true
        doc = beforeWrite(doc)
        version++
      }

      if (ifMatch !== undefined && ifMatch !== `"v${version}"`) throw conflict()
      doc = data as unknown as OrderHistory
      version++

      return undefined
    },
  }

  return { store: store as JsonStore, current: () => doc }
}

test('steps aside when another replica sent the interaction between its read and its write', async () => {
  const failedOnce: OrderHistory = {
    ...appendEntry(emptyHistory(ORDER), change).history,
    omsInteractions: {
      [change.id]: {
        state: 'failed',
        attempts: 1,
        at: '2026-12-01T10:00:01.000Z',
        lastError: 'http:500',
      },
    },
  }

  const { store, current } = storeWith(failedOnce, (doc) => ({
    ...doc,
    omsInteractions: {
      [change.id]: { state: 'sent', attempts: 2, at: new Date().toISOString() },
    },
  }))

  const sent: unknown[] = []
  const deps = {
    clients: {
      vbase: store,
      masterdata: {},
      omsStory: {
        addInteraction: async (orderId: string, body: unknown) => {
          sent.push({ orderId, body })
        },
      },
    },
    vtex: {},
  } as unknown as AppDeps

  await expect(
    sendInteraction(deps, { id: change.id, orderId: ORDER }, { language: 'en' })
  ).resolves.toBe('skipped')
  expect(sent).toEqual([])
  expect(current().omsInteractions?.[change.id]).toMatchObject({
    state: 'sent',
    attempts: 2,
  })
})
