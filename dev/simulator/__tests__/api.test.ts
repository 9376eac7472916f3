// The Pick and Pack API and the OMS sandbox, driven over HTTP.
/* eslint-disable no-await-in-loop */ // sequential HTTP calls on purpose
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import Ajv from 'ajv'

import { startSimulator, type Simulator } from '../index'
import { SEED_ORDERS } from '../seed'
import { ALL_STATUSES } from '../statuses'
import { json, post } from './helpers'

const SCHEMA_PATH = join(
  __dirname,
  '../../schemas/vtex/oms-get-order.schema.json'
)

const KEY = 'test-api-key'
const ON_ROUTE = '1253881550433-01'
const OMS_ONLY = '1253881559901-01'

let clock = Date.UTC(2026, 10, 20, 12)
let sim: Simulator

beforeAll(async () => {
  sim = await startSimulator({ port: 0, apiKey: KEY, now: () => clock })
})
afterAll(() => sim.close())
beforeEach(() => {
  sim.reset()
  clock = Date.UTC(2026, 10, 20, 12)
})

async function token(env = 'prod'): Promise<string> {
  const { status, body } = await json(
    await post(`${sim.url}/${env}/token`, { apiKey: KEY })
  )

  expect(status).toBe(200)

  return body.data as string
}

const track = (orderId: string, auth?: string, env = 'prod') =>
  fetch(`${sim.url}/${env}/picking-tracking/${orderId}`, {
    headers: auth === undefined ? {} : { authorization: auth },
  }).then(json)

describe('token', () => {
  it('issues an HS256 JWT with hostname, env, iat and a 15 minute exp', async () => {
    const jwt = await token('dev')
    const [header, payload] = jwt
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()))

    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(payload).toMatchObject({
      hostname: 'sandboxstore',
      env: 'dev',
      iat: clock / 1000,
      exp: clock / 1000 + 900,
    })
  })

  it('refuses a wrong key (401/1000), a missing key or bad JSON (400/1002)', async () => {
    const url = `${sim.url}/prod/token`

    expect(await json(await post(url, { apiKey: 'nope' }))).toEqual({
      status: 401,
      body: { message: 'Internal server', code: 1000 },
    })
    const missing = {
      status: 400,
      body: { message: 'apiKey is required', code: 1002 },
    }

    expect(await json(await post(url, {}))).toEqual(missing)
    const bad = await fetch(url, { method: 'POST', body: '{nope' })

    expect(await json(bad)).toEqual(missing)
  })

  it('answers 404/1001 to an unknown env and 413 to a huge body', async () => {
    expect(
      await json(await post(`${sim.url}/qa/token`, { apiKey: KEY }))
    ).toEqual({
      status: 404,
      body: { message: 'Resource not found', code: 1001 },
    })
    const huge = await post(`${sim.url}/prod/token`, {
      apiKey: 'x'.repeat(70_000),
    })

    expect(huge.status).toBe(413)
    await huge.text()
  })
})

describe('picking-tracking', () => {
  it('answers 200 with the order for a valid token', async () => {
    const { status, body } = await track(ON_ROUTE, await token())

    expect(status).toBe(200)
    expect(body.message).toBe('OK')
    expect(body.data).toMatchObject({
      hostname: 'sandboxstore',
      orderId: ON_ROUTE,
      fulfillmentStatus: 'ON_ROUTE',
      shipping: {
        trackingId: 'TRK-88',
        services: [
          { courier: 'FastCourier', agent: 'Ana Driver', vehicle: 'BIKE' },
        ],
      },
    })
    expect(body.data.pickedItems).toHaveLength(2)
    expect(body.data.pickedItems[0]).toMatchObject({
      refId: 'BAN-1',
      quantity: 2,
      sellingPrice: 10.5,
      image: `${sim.url}/_sandbox/images/BAN-1.svg`,
    })
    const img = await fetch(body.data.pickedItems[0].image)

    expect(img.headers.get('content-type')).toBe('image/svg+xml')
    expect(await img.text()).toContain('<svg')
    const page = await fetch(body.data.shipping.services[0].trackingUrl)

    expect(await page.text()).toContain('TRK-88')
  })

  it('sends numbers as strings and omits shipping or categories on some orders', async () => {
    const jwt = await token()
    const strings = await track('1253881550463-01', jwt)

    expect(strings.body.data.pickedItems[0]).toMatchObject({
      sellingPrice: '10.50',
      quantity: '2',
    })
    const noShipping = await track('1253881550530-01', jwt)

    expect(noShipping.body.data.shipping).toBeUndefined()
    const noCategories = await track('1253881550485-01', jwt)

    expect(noCategories.body.data.pickedItems[0].categories).toBeUndefined()
    expect(noCategories.body.data.pickedItems[0].refId).toBeUndefined()
    const early = await track('1253881550441-01', jwt)

    expect(early.body.data.pickedItems).toEqual([])
  })

  it('refuses a missing, Bearer, tampered, expired or other-env token (401/1000)', async () => {
    const jwt = await token()
    const refused = {
      status: 401,
      body: { message: 'Internal server', code: 1000 },
    }

    expect(await track(ON_ROUTE)).toEqual(refused)
    expect(await track(ON_ROUTE, `Bearer ${jwt}`)).toEqual(refused)
    const [h, p, s] = jwt.split('.')
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as {
      exp: number
    }

    const forged = Buffer.from(
      JSON.stringify({ ...claims, exp: claims.exp + 1e6 })
    ).toString('base64url')

    expect(await track(ON_ROUTE, `${h}.${forged}.${s}`)).toEqual(refused)
    expect(await track(ON_ROUTE, jwt, 'dev')).toEqual(refused)
    clock += 901_000
    expect(await track(ON_ROUTE, jwt)).toEqual(refused)
  })

  it('answers 400/1002 to an unknown order and 404/1001 to an OMS-only one', async () => {
    const jwt = await token()

    expect(await track('9999999999999-01', jwt)).toEqual({
      status: 400,
      body: { message: 'Order not found by 9999999999999-01', code: 1002 },
    })
    expect(await track(OMS_ONLY, jwt)).toEqual({
      status: 404,
      body: { message: 'Resource not found', code: 1001 },
    })
  })
})

describe('OMS sandbox', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'))
  // The schema declares no draft ($schema): Ajv's default (draft-07) applies,
  // and it understands OpenAPI's `nullable`.
  const validate = new Ajv({
    strict: false,
    allErrors: true,
    logger: false,
  }).compile(schema)

  const schemaErrors = (data: unknown) =>
    validate(data) ? null : validate.errors

  it('serves every seeded order, valid against VTEX schema', async () => {
    for (const seed of SEED_ORDERS) {
      const { status, body } = await json(
        await fetch(`${sim.url}/api/oms/pvt/orders/${seed.orderId}`)
      )

      expect(status).toBe(200)
      const errors = schemaErrors(body)

      if (errors) throw new Error(`${seed.orderId}: ${JSON.stringify(errors)}`)
      expect(body).toMatchObject({
        orderId: seed.orderId,
        hostname: 'sandboxstore',
        storePreferencesData: { currencyCode: 'BRL' },
      })
      const items = body.totals.find((t: { id: string }) => t.id === 'Items')

      expect(Number.isInteger(body.value)).toBe(true)
      expect(items.value).toBe(
        body.items.reduce(
          (sum: number, i: { price: number; quantity: number }) =>
            sum + i.price * i.quantity,
          0
        )
      )
    }
  })

  it('really enforces the schema (a price in reais fails)', () => {
    expect(schemaErrors({ value: 38.75 })).not.toBeNull()
  })

  it('uses OMS statuses consistent with Pick and Pack and a pickup channel', async () => {
    const get = (id: string) =>
      fetch(`${sim.url}/api/oms/pvt/orders/${id}`).then(json)

    expect((await get('1253881550441-01')).body.status).toBe(
      'ready-for-handling'
    )
    expect((await get('1253881550607-01')).body.status).toBe('canceled')
    expect((await get('1253881550552-01')).body.status).toBe('invoiced')
    const pickup = (await get('1253881550574-01')).body

    expect(pickup.shippingData.logisticsInfo[0].selectedDeliveryChannel).toBe(
      'pickup-in-point'
    )
  })

  it('answers 404 OMS003 to an unknown order', async () => {
    expect(
      await json(await fetch(`${sim.url}/api/oms/pvt/orders/1-01`))
    ).toEqual({
      status: 404,
      body: { error: { code: 'OMS003', message: 'Order not found' } },
    })
  })
})

describe('seed', () => {
  it('covers every status with OMS-style order ids', () => {
    const statuses = new Set(
      SEED_ORDERS.filter((o) => !o.omsOnly).map((o) => o.status)
    )

    expect([...ALL_STATUSES].filter((s) => !statuses.has(s))).toEqual([])
    expect(SEED_ORDERS.length).toBeGreaterThanOrEqual(14)
    for (const o of SEED_ORDERS) expect(o.orderId).toMatch(/^\d{13}-\d{2}$/)
    expect(new Set(SEED_ORDERS.map((o) => o.orderId)).size).toBe(
      SEED_ORDERS.length
    )
  })
})
