import type { OrderSummaries } from '../clients/orderSummaries'
import type { OrderSummaryDocument } from '../domain/board'
import { postpone } from '../sync/sweep'

const DAY_MS = 86_400_000

/** One order's summary as Master Data holds it, with the writes the sweep made. */
function summaryStore(initial: OrderSummaryDocument) {
  let stored: OrderSummaryDocument = { ...initial }
  const patches: Array<Partial<OrderSummaryDocument>> = []
  let afterFirstRead: (() => void) | null = null

  const summaries = {
    get: async () => {
      const read = { ...stored }
      const hook = afterFirstRead

      afterFirstRead = null
      hook?.()

      return read
    },
    patch: async (_: string, fields: Partial<OrderSummaryDocument>) => {
      patches.push(fields)
      stored = { ...stored, ...fields }
    },
  }

  return {
    summaries: summaries as unknown as OrderSummaries,
    patches,
    stored: () => stored,
    /** A change recorded between the sweep's read and its write (another replica). */
    changeAfterFirstRead(change: Partial<OrderSummaryDocument>) {
      afterFirstRead = () => {
        stored = { ...stored, ...change, nextCheckAt: null }
      }
    },
    change(fields: Partial<OrderSummaryDocument>) {
      stored = { ...stored, ...fields, nextCheckAt: null }
    },
  }
}

const threeDaysIdle = (): OrderSummaryDocument => ({
  orderId: '1-01',
  status: 'READY_FOR_PICKING',
  since: new Date(Date.now() - 3 * DAY_MS).toISOString(),
  changes: 1,
  final: false,
})

describe('the sweep postponing an order it found unchanged', () => {
  it('waits by how long the order has been idle', async () => {
    const found = threeDaysIdle()
    const store = summaryStore(found)

    await postpone(store.summaries, found, 30)
    const wait = Date.parse(store.stored().nextCheckAt as string) - Date.now()

    // A quarter of three days: 18 hours.
    expect(wait).toBeGreaterThan(17.9 * 3_600_000)
    expect(wait).toBeLessThanOrEqual(18 * 3_600_000)
  })

  it('leaves alone an order whose change was recorded after the page it was found on', async () => {
    const found = threeDaysIdle()
    const store = summaryStore(found)

    // Another replica recorded PICKING; the search page still showed the old summary.
    store.change({
      status: 'PICKING',
      since: new Date().toISOString(),
      changes: 2,
    })
    await postpone(store.summaries, found, 30)

    expect(store.patches).toEqual([])
    expect(store.stored().nextCheckAt).toBeNull()
  })

  it('takes its wait back when a change lands between its read and its write', async () => {
    const found = threeDaysIdle()
    const store = summaryStore(found)

    store.changeAfterFirstRead({
      status: 'PICKING',
      since: new Date().toISOString(),
      changes: 2,
    })
    await postpone(store.summaries, found, 30)

    expect(store.stored()).toMatchObject({
      status: 'PICKING',
      nextCheckAt: null,
    })
  })
})
