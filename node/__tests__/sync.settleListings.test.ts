import { localContext, storeMasterData } from '../../dev/store/clients'
import { StatusChanges } from '../clients/statusChanges'
import type { HistoryEntry, OrderHistory } from '../domain/history'
import { recentFileName } from '../domain/history'
import { BUCKET } from '../storage/historyStore'
import { Maintenance } from '../storage/maintenanceStore'
import type { AppDeps } from '../sync/deps'
import { settleListings } from '../sync/settleListings'
import { replicaVBase, useStoreStandIn } from './support/store'

/*
 * The sweep's pass over acknowledged changes whose own event never completed, over the store
 * stand-in: each change is what the webhook leaves before answering (its listing), with or
 * without its history and its Master Data record. The event bus is a recorder.
 */

const store = useStoreStandIn({ indexDelayMs: 0 })
let accounts = 0

beforeAll(() => {
  process.env.SWEEP_SETTLE_AFTER_MS = '0'
})

afterAll(() => {
  delete process.env.SWEEP_SETTLE_AFTER_MS
})

function app() {
  const account = `settle${++accounts}`
  const published: string[] = []
  const vbase = replicaVBase(store().url, account, 5000)
  const masterdata = new (storeMasterData(store().url))(localContext(account), {
    timeout: 5000,
  } as never)

  const deps = {
    clients: {
      vbase,
      masterdata,
      events: {
        sendEvent: async (_: string, __: string, body: { id: string }) => {
          published.push(body.id)
        },
      },
    },
    vtex: { account, workspace: 'master', production: false },
  } as unknown as AppDeps

  const records = new StatusChanges(masterdata as never, {
    workspace: 'master',
    production: false,
  })

  const listing = (entry: HistoryEntry) =>
    vbase.saveJSON(BUCKET, `recent/${recentFileName(entry)}`, entry)

  const history = async (orderId: string) =>
    vbase.getJSON<OrderHistory | null>(BUCKET, `orders/${orderId}.json`, true)

  const run = () =>
    settleListings(deps, new Maintenance(vbase), {
      concurrency: 10,
      perSecond: 20,
      deadline: Date.now() + 60_000,
    })

  return { run, listing, records, history, published }
}

const change = (
  n: number,
  receivedAt: number,
  orderId = `9${String(n).padStart(12, '0')}-01`
): HistoryEntry => ({
  id: `change-${n}`,
  orderId,
  oldStatus: null,
  newStatus: 'READY_FOR_HANDLING',
  hostname: 'h',
  receivedAt: new Date(receivedAt).toISOString(),
  occurredAt: null,
  source: 'webhook',
  extra: {},
})

/** In batches: the store takes them one call each. */
async function inBatches<T>(items: T[], each: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += 50) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.all(items.slice(i, i + 50).map(each))
  }
}

describe("the sweep's pass over acknowledged changes", () => {
  it('creates the history of an order whose first change never got one', async () => {
    const { run, listing, history, published } = app()
    const lost = change(1, Date.now() - 60 * 60_000)

    await listing(lost)

    expect(await run()).toBe(1)
    expect((await history(lost.orderId))?.entries.map((e) => e.id)).toEqual([
      lost.id,
    ])
    expect(published).toEqual([lost.id])
  })

  it('does not send again a change whose record a later resend wrote', async () => {
    const { run, listing, records, published } = app()
    const first = change(2, Date.now() - 2 * 3_600_000)

    await listing(first)
    // Answered 503 the first time; the resend, 45 minutes on, was recorded as arrived then.
    await records.save({
      ...first,
      receivedAt: new Date(Date.now() - 75 * 60_000).toISOString(),
    })

    expect(await run()).toBe(0)
    expect(published).toEqual([])
  })

  it('gets past a window busier than one look takes, to the change lost after it', async () => {
    const { run, listing, records, history, published } = app()
    const busyFrom = Date.now() - 3 * 3_600_000
    // 2,100 changes in five minutes, each recorded: more than one look lists (2,000).
    const busy = Array.from({ length: 2100 }, (_, i) =>
      change(10_000 + i, busyFrom + i * 140)
    )

    await inBatches(busy, (entry) =>
      Promise.all([listing(entry), records.save(entry)])
    )
    const lost = change(3, Date.now() - 60 * 60_000)

    await listing(lost)

    expect(await run()).toBe(1)
    expect(published).toEqual([lost.id])
    expect((await history(lost.orderId))?.entries).toHaveLength(1)
  }, 120_000)
})
