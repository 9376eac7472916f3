// The store's Master Data v2, driven through `@vtex/api`'s own MasterData client with only its
// base URL changed: documents, and search (v-indexed fields only, paged, lagging writes) with the
// schemas read from the app's masterdata/ folder.
/* eslint-disable @typescript-eslint/no-explicit-any */ // client errors and documents, checked by the assertions
/* eslint-disable no-await-in-loop */ // sequential pages on purpose
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import { localContext, storeMasterData } from '../clients'
import type { Store } from '../server'
import { createStore } from '../server'

jest.setTimeout(10_000)

const ENTITY = 'pnplabs_pick-and-pack-tracking_orders'
/** The schema the masterdata builder made of `masterdata/orders/` for version 1.2.3, installed. */
const INSTALLED = '1.2.3'
const INDEX_DELAY_MS = 200
const SCHEMA = {
  $schema: 'http://json-schema.org/schema#',
  type: 'object',
  properties: {
    orderId: { type: 'string' },
    status: { type: 'string' },
    changedAt: { type: 'string', format: 'date-time' },
    late: { type: 'boolean' },
    minutes: { type: 'integer' },
    note: { type: 'string' },
  },
  required: ['orderId'],
  'v-indexed': ['orderId', 'status', 'changedAt', 'late', 'minutes'],
  'v-default-fields': ['orderId', 'status'],
}

let root: string
let store: Store

const md = () => {
  const StoreMasterData = storeMasterData(store.url)

  return new StoreMasterData(localContext(), { timeout: 3000 })
}

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: any) => error?.response?.status ?? error?.code
  )

const messageOf = (promise: Promise<unknown>) =>
  promise.then(
    () => '',
    (error: any) => String(error?.response?.data?.Message)
  )

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const search = (
  options: {
    where?: string
    sort?: string
    fields?: string[]
    page?: number
    pageSize?: number
    schema?: string
  } = {}
) =>
  md().searchDocumentsWithPaginationInfo<any>({
    dataEntity: ENTITY,
    schema: 'schema' in options ? options.schema : INSTALLED,
    fields: options.fields ?? ['orderId', 'status', 'minutes'],
    where: options.where,
    sort: options.sort,
    pagination: { page: options.page ?? 1, pageSize: options.pageSize ?? 100 },
  })

/** Orders o00..o{n-1}: status cycles through three, minutes = i, late when i is even. */
async function seed(n: number) {
  const statuses = ['PICKING', 'PACKING', 'DELIVERED']

  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      md().createOrUpdateEntireDocument({
        dataEntity: ENTITY,
        id: `o${String(i).padStart(2, '0')}`,
        fields: {
          orderId: `o${String(i).padStart(2, '0')}`,
          status: statuses[i % 3],
          minutes: i,
          // Odd orders have no `late` at all.
          ...(i % 2 === 0 ? { late: true } : {}),
          changedAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
        },
      })
    )
  )
  await sleep(INDEX_DELAY_MS + 50)
}

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pnp-store-md-'))
  writeFileSync(
    path.join(root, 'manifest.json'),
    JSON.stringify({
      vendor: 'pnplabs',
      name: 'pick-and-pack-tracking',
      version: INSTALLED,
    })
  )
  mkdirSync(path.join(root, 'masterdata', 'orders'), { recursive: true })
  writeFileSync(
    path.join(root, 'masterdata', 'orders', 'schema.json'),
    JSON.stringify(SCHEMA)
  )
  store = await createStore({
    dataDir: path.join(root, 'data'),
    appRoot: root,
    indexDelayMs: INDEX_DELAY_MS,
  })
})

afterEach(async () => {
  await store.close()
  rmSync(root, { recursive: true, force: true })
})

describe('Master Data documents', () => {
  it('creates, reads, replaces and merges', async () => {
    const created = await md().createDocument({
      dataEntity: ENTITY,
      fields: { orderId: 'A-1', status: 'PICKING', note: 'first' },
    })

    expect(created.DocumentId).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.Id).toBe(`${ENTITY}-${created.DocumentId}`)
    expect(created.Href).toContain(`/api/dataentities/${ENTITY}/documents/`)
    const id = created.DocumentId
    const get = (fields = ['orderId', 'status', 'note']) =>
      md().getDocument<any>({ dataEntity: ENTITY, id, fields })

    expect(await get()).toEqual({
      orderId: 'A-1',
      status: 'PICKING',
      note: 'first',
    })

    await md().updatePartialDocument({
      dataEntity: ENTITY,
      id,
      fields: { status: 'PACKING' },
    })
    expect(await get()).toEqual({
      orderId: 'A-1',
      status: 'PACKING',
      note: 'first',
    })

    await md().updateEntireDocument({
      dataEntity: ENTITY,
      id,
      fields: { orderId: 'A-1' },
    })
    expect(await get()).toEqual({ orderId: 'A-1' })

    const all = await get(['_all'])

    expect(all).toMatchObject({ id, orderId: 'A-1', dataEntityId: ENTITY })
    expect(all.createdIn <= all.lastInteractionIn).toBe(true)
  })

  it('creates or updates by the id in the body (PUT and PATCH on /documents)', async () => {
    const put = await md().createOrUpdateEntireDocument({
      dataEntity: ENTITY,
      id: 'order-1',
      fields: { orderId: 'order-1', status: 'PICKING', note: 'x' },
    })

    expect(put).toMatchObject({
      DocumentId: 'order-1',
      Id: `${ENTITY}-order-1`,
    })
    await md().createOrUpdatePartialDocument({
      dataEntity: ENTITY,
      id: 'order-1',
      fields: { status: 'PACKING' },
    })
    await md().createOrUpdatePartialDocument({
      dataEntity: ENTITY,
      id: 'order-2',
      fields: { orderId: 'order-2' },
    })
    const fields = ['orderId', 'status', 'note']

    expect(
      await md().getDocument({ dataEntity: ENTITY, id: 'order-1', fields })
    ).toEqual({
      orderId: 'order-1',
      status: 'PACKING',
      note: 'x',
    })
    expect(
      await md().getDocument({ dataEntity: ENTITY, id: 'order-2', fields })
    ).toEqual({
      orderId: 'order-2',
    })
  })

  it('answers the schema default fields when no field is asked for', async () => {
    await md().createOrUpdateEntireDocument({
      dataEntity: ENTITY,
      id: 'd',
      fields: { orderId: 'd', status: 'PICKING', note: 'hidden' },
    })

    expect(
      await md().getDocument({ dataEntity: ENTITY, id: 'd', fields: [] })
    ).toEqual({
      orderId: 'd',
      status: 'PICKING',
    })
  })

  it('refuses bad ids and entity names', async () => {
    expect(
      await statusOf(
        md().createDocument({
          dataEntity: ENTITY,
          fields: { id: { no: 1 } } as any,
        })
      )
    ).toBe(400)
    expect(
      await statusOf(
        md().createDocument({ dataEntity: 'bad name', fields: {} })
      )
    ).toBe(400)
  })

  it('reaches the same data under both spellings of the builder entity name', async () => {
    await md().createOrUpdateEntireDocument({
      dataEntity: ENTITY,
      id: 'same',
      fields: { orderId: 'same' },
    })

    expect(
      await md().getDocument({
        dataEntity: ENTITY.replace(/-/g, '_'),
        id: 'same',
        fields: ['orderId'],
      })
    ).toEqual({ orderId: 'same' })
  })
})

describe('Master Data search', () => {
  it('filters, sorts, projects and pages, with the total in REST-Content-Range', async () => {
    await seed(30)
    const picking = await search({
      where: 'status=PICKING',
      sort: 'minutes DESC',
    })

    expect(picking.pagination.total).toBe(10)
    expect(picking.data.map((d: any) => d.minutes)).toEqual([
      27, 24, 21, 18, 15, 12, 9, 6, 3, 0,
    ])
    expect(picking.data[0]).toEqual({
      orderId: 'o27',
      status: 'PICKING',
      minutes: 27,
    })

    const page2 = await search({
      sort: 'orderId ASC',
      page: 2,
      pageSize: 7,
      fields: ['orderId'],
    })

    expect(page2.pagination.total).toBe(30)
    expect(page2.data).toEqual(
      ['o07', 'o08', 'o09', 'o10', 'o11', 'o12', 'o13'].map((orderId) => ({
        orderId,
      }))
    )

    const where = async (clause: string) =>
      (await search({ where: clause, sort: 'orderId ASC' })).data.map(
        (d: any) => d.orderId
      )

    expect(await where('orderId=o1*')).toEqual([
      'o10',
      'o11',
      'o12',
      'o13',
      'o14',
      'o15',
      'o16',
      'o17',
      'o18',
      'o19',
    ])
    expect(await where('minutes>26')).toEqual(['o27', 'o28', 'o29'])
    expect(await where('minutes<2')).toEqual(['o00', 'o01'])
    expect(await where('minutes between 3 AND 5')).toEqual([
      'o03',
      'o04',
      'o05',
    ])
    expect(
      await where('(status=PACKING OR status=DELIVERED) AND minutes<5')
    ).toEqual(['o01', 'o02', 'o04'])
    expect(await where('status=PICKING AND late=true AND minutes<10')).toEqual([
      'o00',
      'o06',
    ])
    expect(
      await where(
        'changedAt between 2025-01-01T00:28:00.000Z AND 2025-01-01T00:29:00.000Z'
      )
    ).toEqual(['o28', 'o29'])
    expect(await where('late is null AND minutes<4')).toEqual(['o01', 'o03'])
    expect(await where('late is not null AND minutes<4')).toEqual([
      'o00',
      'o02',
    ])
    expect(await where('status<>PICKING AND minutes<4')).toEqual(['o01', 'o02'])
    expect(await where('orderId=o05 OR orderId="o06"')).toEqual(['o05', 'o06'])
  })

  it('lags writes by the index delay, while GET by id is at once', async () => {
    await md().createOrUpdateEntireDocument({
      dataEntity: ENTITY,
      id: 'fresh',
      fields: { orderId: 'fresh', status: 'PICKING' },
    })

    expect(
      await md().getDocument({
        dataEntity: ENTITY,
        id: 'fresh',
        fields: ['status'],
      })
    ).toEqual({ status: 'PICKING' })
    expect((await search({ where: 'orderId=fresh' })).pagination.total).toBe(0)
    await md().updatePartialDocument({
      dataEntity: ENTITY,
      id: 'fresh',
      fields: { status: 'PACKING' },
    })
    await sleep(INDEX_DELAY_MS + 50)
    const found = await search({ where: 'orderId=fresh' })

    expect(found.data).toEqual([{ orderId: 'fresh', status: 'PACKING' }])
  })

  it('filters and sorts by v-indexed fields only', async () => {
    const refused = await messageOf(search({ where: 'note=x' }))

    expect(refused).toMatch(/note.*not v-indexed/)
    expect(await statusOf(search({ sort: 'note ASC' }))).toBe(400)
    expect(
      await statusOf(search({ where: 'id=o01', sort: 'createdIn DESC' }))
    ).toBe(200)
  })

  it("filters and sorts by a schema's fields only when the call names the schema", async () => {
    await seed(3)
    const unnamed = await messageOf(
      search({ where: 'status=PICKING', schema: undefined })
    )

    expect(unnamed).toMatch(/status.*not v-indexed.*_schema=1\.2\.3/)
    expect(
      await statusOf(search({ sort: 'minutes ASC', schema: undefined }))
    ).toBe(400)
    // Master Data's own fields need no schema.
    expect(
      (
        await search({
          where: 'id=o01',
          sort: 'createdIn DESC',
          schema: undefined,
        })
      ).data
    ).toEqual([{ orderId: 'o01', status: 'PACKING', minutes: 1 }])
    // A linked workspace's copy of the schema indexes the same fields.
    expect(
      (await search({ where: 'status=PICKING', schema: '1.2.3-dev1' })).data
    ).toEqual([{ orderId: 'o00', status: 'PICKING', minutes: 0 }])
    expect(
      await messageOf(search({ where: 'status=PICKING', schema: '1.2.2' }))
    ).toMatch(/Schema "1\.2\.2" not found/)
  })

  it('refuses a write that names the schema and does not fit it, and keeps the document', async () => {
    await md().createOrUpdateEntireDocument({
      dataEntity: ENTITY,
      schema: INSTALLED,
      id: 'v',
      fields: { orderId: 'v', status: 'PICKING', minutes: 3 },
    })

    expect(
      await messageOf(
        md().createOrUpdatePartialDocument({
          dataEntity: ENTITY,
          schema: INSTALLED,
          id: 'v',
          fields: { minutes: 'three', changedAt: 'yesterday' },
        })
      )
    ).toMatch(
      /does not fit schema "1\.2\.3": .*changedAt.*date-time.*minutes.*integer/
    )
    expect(
      await statusOf(
        md().createOrUpdateEntireDocument({
          dataEntity: ENTITY,
          schema: INSTALLED,
          id: 'w',
          fields: { status: 'PICKING' },
        })
      )
    ).toBe(400)
    expect(
      await md().getDocument({
        dataEntity: ENTITY,
        id: 'v',
        fields: ['status', 'minutes'],
      })
    ).toEqual({ status: 'PICKING', minutes: 3 })
    // Without _schema, Master Data validates nothing but the id.
    expect(
      await statusOf(
        md().createOrUpdateEntireDocument({
          dataEntity: ENTITY,
          id: 'w',
          fields: { minutes: 'many' },
        })
      )
    ).toBe(200)
  })

  it('refuses what Master Data refuses: big pages, beyond 10,000, bad _where', async () => {
    expect(await statusOf(search({ pageSize: 101 }))).toBe(400)
    expect(await messageOf(search({ page: 101, pageSize: 100 }))).toMatch(
      /first 10000/
    )
    expect(await statusOf(search({ page: 100, pageSize: 100 }))).toBe(200)
    expect(await messageOf(search({ where: 'status=PICKING AND' }))).toMatch(
      /_where/
    )
    expect(await statusOf(search({ where: 'minutes>=3' }))).toBe(400)
    expect(await statusOf(search({ where: 'minutes=ten' }))).toBe(400)
    expect(await statusOf(search({ sort: 'minutes SIDEWAYS' }))).toBe(400)
  })
})
