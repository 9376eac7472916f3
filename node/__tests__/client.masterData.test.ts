// The app's Master Data clients over the store stand-in with the app's own masterdata/ schemas:
// Master Data searches a schema's v-indexed fields, and validates a write against the schema,
// only when the call names the schema the masterdata builder made for the running version.
import { readFileSync } from 'fs'
import path from 'path'

import { localContext, storeMasterData } from '../../dev/store/clients'
import { appSchema } from '../clients/dataEntity'
import { OrderSummaries } from '../clients/orderSummaries'
import { StatusChanges } from '../clients/statusChanges'
import { useStoreStandIn } from './support/store'

jest.setTimeout(15_000)

const { version } = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', 'manifest.json'), 'utf8')
) as { version: string }

const store = useStoreStandIn({ indexDelayMs: 0 })
const masterdata = () =>
  new (storeMasterData(store().url))(localContext('schemas'), {
    timeout: 3000,
  } as never)

describe('appSchema', () => {
  const appId = process.env.VTEX_APP_ID

  afterEach(() => {
    process.env.VTEX_APP_ID = appId
  })

  it('names the builder schema: the version installed, version-workspace linked', () => {
    process.env.VTEX_APP_ID = 'pnplabs.pick-and-pack-tracking@1.4.2+build17'
    expect(appSchema({ workspace: 'master', production: true })).toBe('1.4.2')
    expect(appSchema({ workspace: 'dev1', production: false })).toBe(
      '1.4.2-dev1'
    )
    process.env.VTEX_APP_ID = 'pnplabs.pick-and-pack-tracking'
    expect(appSchema({ workspace: 'master', production: true })).toBeUndefined()
  })
})

describe.each([
  { workspace: 'master', production: true },
  { workspace: 'dev1', production: false },
])('in $workspace (production: $production)', (app) => {
  it('saves order summaries that fit the schema and finds them by its fields', async () => {
    const summaries = new OrderSummaries(masterdata(), app)

    await summaries.patch('1000000000001-01', {
      status: 'PICKING',
      since: '2026-12-01T10:00:00.000Z',
      lastChangeAt: '2026-12-01T10:00:00.000Z',
      changes: 1,
      final: false,
      beforeInvoicing: true,
      omsStatus: null,
      nextCheckAt: null,
    })

    const found = await summaries.search('status=PICKING AND final=false', {
      page: 1,
      pageSize: 10,
    })

    expect(found.documents.map((doc) => doc.orderId)).toEqual([
      '1000000000001-01',
    ])
  })

  it("saves status changes that fit the schema and finds an order's by its fields", async () => {
    const changes = new StatusChanges(masterdata(), app)
    const entry = {
      id: `change-${app.workspace}`,
      orderId: '1000000000002-01',
      oldStatus: null,
      newStatus: 'PACKING',
      hostname: null,
      receivedAt: '2026-12-01T10:00:00.000Z',
      occurredAt: null,
      source: 'webhook' as const,
      extra: { carrier: 'x' },
    }

    await changes.save(entry)

    expect(await changes.ofOrder('1000000000002-01')).toEqual([entry])
    expect(
      await changes.idsReceivedBetween(
        Date.parse('2026-12-01T09:59:00.000Z'),
        Date.parse('2026-12-01T10:01:00.000Z')
      )
    ).toEqual(new Set([entry.id]))
  })
})

test('the sandbox names the schema the store stand-in has', () => {
  expect(appSchema(localContext())).toBe(`${version}-master`)
})
