// The v1 API: every answer for every seeded order validates against VTEX's
// OpenAPI document, the legacy and v1 answers of an order tell one story,
// and the new seeded orders show what they are for.
/* eslint-disable no-await-in-loop */ // sequential HTTP calls on purpose
/* eslint-disable @typescript-eslint/no-explicit-any */ // JSON answers, checked by the assertions
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import Ajv from 'ajv'
import type { ValidateFunction } from 'ajv'

import { startSimulator, type Simulator } from '../index'
import { SEED_ORDERS } from '../seed'
import { FLOW, ALL_STATUSES } from '../statuses'
import {
  STATUS_VIEWS,
  V1_ORDER_STATUSES,
  V1_SHIPMENT_STATUSES,
} from '../statusMap'
import { FACILITY_ID } from '../v1'
import { json, post } from './helpers'

const DOC_PATH = join(
  __dirname,
  '../../schemas/vtex/pick-and-pack-v1.openapi.json'
)

const KEY = 'test-api-key'
const byText = (a: string, b: string) => a.localeCompare(b)
const FRESH = '1253881550441-01' // READY_FOR_HANDLING
const PICKUP = '1253881550452-01' // READY_FOR_PICKING, pickup
const ON_ROUTE = '1253881550433-01'
const OMS_ONLY = ['1253881559901-01', '1253881559912-01']
const OUT_OF_STOCK = '1253881550618-01'
const SUBSTITUTION = '1253881550629-01'
const WEIGHABLE = '1253881550640-01'
const PROOF = '1253881550651-01'
const RETURNED_WITH_NOTES = '1253881550662-01'
const IN_PICK_AND_PACK = SEED_ORDERS.filter((o) => !o.omsOnly).map(
  (o) => o.orderId
)

// ---------------------------------------------------------------- the document

const doc = JSON.parse(readFileSync(DOC_PATH, 'utf8'))

/**
 * The adapter, all of it: the document is registered whole so that its $refs
 * resolve; Ajv understands OpenAPI 3.0's `nullable`; `strict: false` lets the
 * OpenAPI-only keywords (`example`, `openapi`, `paths`…) through; and the
 * four formats the document uses are checked (Ajv has none built in).
 */
function documentAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false })

  ajv.addFormat(
    'date-time',
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i
  )
  ajv.addFormat('uri', (value: string) => {
    if (!/^[a-z][a-z\d+.-]*:/i.test(value)) return false
    try {
      return Boolean(new URL(value))
    } catch {
      return false
    }
  })
  ajv.addFormat(
    'uuid',
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
  )
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/)
  ajv.addSchema(doc, 'pnp')

  return ajv
}

const ajv = documentAjv()
const pointer = (...parts: string[]) =>
  parts
    .map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1')))
    .join('/')

/** The schema of a documented answer: GET `path`, HTTP `status`. */
function responseSchema(path: string, status: number): ValidateFunction {
  const ref = `pnp#/${pointer(
    'paths',
    path,
    'get',
    'responses',
    String(status),
    'content',
    'application/json',
    'schema'
  )}`

  const validate = ajv.getSchema(ref)

  if (!validate) throw new Error(`no schema at ${ref}`)

  return validate
}

const component = (name: string): ValidateFunction => {
  const validate = ajv.getSchema(`pnp#/components/schemas/${name}`)

  if (!validate) throw new Error(`no component ${name}`)

  return validate
}

function expectValid(
  validate: ValidateFunction,
  data: unknown,
  what: string
): void {
  if (!validate(data)) {
    throw new Error(
      `${what} does not match the document: ${JSON.stringify(
        validate.errors?.slice(0, 5),
        null,
        1
      )}`
    )
  }
}

const SCHEMAS = {
  order: responseSchema('/orders/{orderId}', 200),
  shipments: responseSchema('/shipments', 200),
  shipment: responseSchema('/shipments/{shipmentId}', 200),
  worksheets: responseSchema('/worksheets', 200),
  worksheet: responseSchema('/worksheets/{worksheetId}', 200),
  facility: responseSchema('/facilities/{facilityId}', 200),
}

// ---------------------------------------------------------------- the simulator

let clock = Date.UTC(2026, 10, 25, 12)
let sim: Simulator

beforeAll(async () => {
  sim = await startSimulator({ port: 0, apiKey: KEY, now: () => clock })
})
afterAll(() => sim.close())

async function token(env = 'prod'): Promise<string> {
  const { status, body } = await json(
    await post(`${sim.url}/${env}/token`, { apiKey: KEY })
  )

  expect(status).toBe(200)

  return body.data as string
}

let jwt = ''

async function v1(
  path: string,
  headers: Record<string, string> = {},
  env = 'prod'
): Promise<{ status: number; body: any }> {
  return json(
    await fetch(`${sim.url}/${env}/v1${path}`, {
      headers: { authorization: `Bearer ${jwt}`, ...headers },
    })
  )
}

const legacy = async (orderId: string) =>
  (
    await json(
      await fetch(`${sim.url}/prod/picking-tracking/${orderId}`, {
        headers: { authorization: jwt },
      })
    )
  ).body.data

const oms = async (orderId: string) =>
  (await json(await fetch(`${sim.url}/api/oms/pvt/orders/${orderId}`))).body

const byInternalId = { 'X-PNP-FilterMethod': 'BY_INTERNAL_ID' }

/** Every v1 answer of an order, each checked against the document. */
async function validatedAnswers(orderId: string) {
  const order = await v1(`/orders/${orderId}`)

  expect(order.status).toBe(200)
  expectValid(SCHEMAS.order, order.body, `${orderId} order`)

  const list = await v1(`/shipments?orderId=${orderId}`)

  expect(list.status).toBe(200)
  expectValid(SCHEMAS.shipments, list.body, `${orderId} shipments`)
  const shipments: any[] = []

  for (const summary of list.body) {
    const detail = await v1(`/shipments/${summary.id}`, byInternalId)

    expect(detail.status).toBe(200)
    expectValid(SCHEMAS.shipment, detail.body, `${orderId} shipment`)
    shipments.push(detail.body)
  }

  const sheets = await v1(`/worksheets?orderId=${orderId}`)

  expect(sheets.status).toBe(200)
  expectValid(SCHEMAS.worksheets, sheets.body, `${orderId} worksheets`)
  for (const summary of sheets.body) {
    const sheet = await v1(`/worksheets/${summary.worksheetId}`)

    expect(sheet.status).toBe(200)
    expectValid(SCHEMAS.worksheet, sheet.body, `${orderId} worksheet`)
  }

  return {
    order: order.body,
    shipments: list.body as any[],
    details: shipments,
    worksheets: sheets.body as any[],
  }
}

beforeEach(async () => {
  sim.reset()
  clock = Date.UTC(2026, 10, 25, 12)
  jwt = await token()
})

// ---------------------------------------------------------------- tests

describe('v1 answers validate against the OpenAPI document', () => {
  it('really enforces the document (types, enums, required, formats)', async () => {
    const { body } = await v1(`/orders/${ON_ROUTE}`)

    expectValid(SCHEMAS.order, body, 'as served')
    const broken = [
      { ...body, status: 'DONE' },
      { ...body, createdAt: 'yesterday' },
      { ...body, pickedItems: [{ ...body.pickedItems[0], price: '10.50' }] },
      { ...body, pickedItems: [{ ...body.pickedItems[0], quantity: 1.5 }] },
      (({ payment: _dropped, ...rest }) => rest)(body),
    ]

    for (const data of broken) expect(SCHEMAS.order(data)).toBe(false)
  })

  it('accepts the document’s own 200, 400 and 404 examples (the adapter is faithful)', () => {
    let checked = 0

    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [status, answer] of Object.entries<any>(
        item.get?.responses ?? {}
      )) {
        const example = answer.content?.['application/json']?.example

        if (status === '403' || example === undefined) continue
        expectValid(responseSchema(path, Number(status)), example, path)
        checked += 1
      }
    }

    expect(checked).toBeGreaterThanOrEqual(10)
  })

  /** The v1 order and shipment statuses a run of answers went through. */
  const statusesOf = (
    answers: Array<Awaited<ReturnType<typeof validatedAnswers>>>
  ) => ({
    orders: new Set(answers.map((a) => a.order.status)),
    shipments: new Set(
      answers.flatMap((a) => a.shipments.map((x) => x.status))
    ),
  })

  it('serves every seeded order: order, shipments, each shipment, worksheets, each worksheet', async () => {
    const answers = []

    for (const orderId of IN_PICK_AND_PACK) {
      answers.push(await validatedAnswers(orderId))
    }

    const seen = statusesOf(answers)

    expect([...seen.orders].sort(byText)).toEqual(
      [...new Set(Object.values(STATUS_VIEWS).map((v) => v.order))].sort(byText)
    )
    // No seeded shipment is PENDING or CANCELLED: the flow test covers them.
    expect([...seen.shipments].sort(byText)).toEqual([
      'ASSIGNED',
      'CREATED',
      'DELIVERED',
      'ON_HOLD',
      'ON_ROUTE',
      'RETURNED',
    ])
  })

  it('stays valid at every step of a delivery flow and of a pickup flow', async () => {
    const answers = []

    for (const orderId of [FRESH, PICKUP]) {
      answers.push(await validatedAnswers(orderId))
      for (let i = 0; i < FLOW.length + 1; i++) {
        const res = await post(`${sim.url}/_sandbox/orders/${orderId}/advance`)

        await res.text()
        if (res.status === 409) break
        answers.push(await validatedAnswers(orderId))
      }
    }

    for (const to of ['CANCELED', 'IDLE', 'RETURNED']) {
      sim.reset()
      await sim.advance(FRESH, 'ON_ROUTE')
      await sim.advance(FRESH, to)
      answers.push(await validatedAnswers(FRESH))
    }

    const seen = statusesOf(answers)

    expect([...seen.shipments].sort(byText)).toEqual(
      [
        ...new Set(Object.entries(STATUS_VIEWS).map(([, v]) => v.shipment)),
      ].sort(byText)
    )
  })

  it('serves the facility the worksheets name', async () => {
    const [sheet] = (await v1(`/worksheets?orderId=${ON_ROUTE}`)).body

    expect(sheet.facilityId).toBe(FACILITY_ID)
    const { status, body } = await v1(`/facilities/${FACILITY_ID}`)

    expect(status).toBe(200)
    expectValid(SCHEMAS.facility, body, 'facility')
  })

  it('lists shipments without agent, tracking URL, evidences or notes', async () => {
    const { body } = await v1(`/shipments?orderId=${PROOF}`)

    expect(body).toHaveLength(1)
    for (const key of ['agent', 'trackingUrl', 'evidences', 'notes']) {
      expect(body[0]).not.toHaveProperty(key)
    }
  })

  it('finds a shipment BY_INTERNAL_ID (its id) and BY_EXTERNAL_ID (the tracking number)', async () => {
    const [summary] = (await v1(`/shipments?orderId=${ON_ROUTE}`)).body
    const internal = await v1(`/shipments/${summary.id}`, byInternalId)
    const external = await v1(`/shipments/${summary.serviceId}`, {
      'X-PNP-FilterMethod': 'BY_EXTERNAL_ID',
    })

    expect(summary.serviceId).toBe('TRK-88')
    expect(external).toEqual(internal)
    // Each method reads its own kind of id.
    const crossed = await v1(`/shipments/${summary.id}`, {
      'X-PNP-FilterMethod': 'BY_EXTERNAL_ID',
    })

    expect(crossed.status).toBe(404)
  })
})

describe('v1 errors', () => {
  const genericError = component('400Badrequest') // {type, code, message, date, requestId}
  const errorKeys = ['code', 'date', 'message', 'requestId', 'type']

  it('answers an expired token with 403 EXPIRED_TOKEN, in the document’s shape', async () => {
    clock += 901_000
    const { status, body } = await v1(`/orders/${ON_ROUTE}`)

    expect(status).toBe(403)
    expect(body).toMatchObject({
      code: 'EXPIRED_TOKEN',
      message:
        'User is not authorized to access this resource with an explicit deny',
      reason: 'Expired token',
    })
    expect(Object.keys(body).sort(byText)).toEqual([
      'code',
      'message',
      'reason',
      'requestId',
    ])
    expectValid(component('403Expiredtoken'), body, 'expired token')
  })

  it('answers a token revoked by the expireTokens fault with 403 EXPIRED_TOKEN', async () => {
    sim.setFaults({ expireTokens: true })
    const { status, body } = await v1(`/shipments?orderId=${ON_ROUTE}`)

    expect(status).toBe(403)
    expect(body.code).toBe('EXPIRED_TOKEN')
    jwt = await token()
    expect((await v1(`/shipments?orderId=${ON_ROUTE}`)).status).toBe(200)
  })

  it('answers 401 to a missing, bare (no Bearer), tampered or other-env token', async () => {
    const bare = await json(
      await fetch(`${sim.url}/prod/v1/orders/${ON_ROUTE}`, {
        headers: { authorization: jwt },
      })
    )

    const none = await json(
      await fetch(`${sim.url}/prod/v1/orders/${ON_ROUTE}`)
    )

    const [h, p, s] = jwt.split('.')
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
    const forged = Buffer.from(
      JSON.stringify({ ...claims, exp: claims.exp + 1e6 })
    ).toString('base64url')

    const tampered = await v1(`/orders/${ON_ROUTE}`, {
      authorization: `Bearer ${h}.${forged}.${s}`,
    })

    const otherEnv = await v1(`/orders/${ON_ROUTE}`, {}, 'dev')

    for (const answer of [bare, none, tampered, otherEnv]) {
      expect(answer.status).toBe(401)
      expect(answer.body.code).toBe('UNAUTHORIZED')
      expect(Object.keys(answer.body).sort(byText)).toEqual(errorKeys)
      // The document has no 401: the body has its common error shape.
      expectValid(genericError, answer.body, '401')
    }

    expect(sim.stats().unauthorized).toBe(4)
  })

  it('answers an order v1 does not know (unknown or OMS only) with 404 WORK0001B', async () => {
    for (const orderId of ['9999999999999-01', ...OMS_ONLY]) {
      const { status, body } = await v1(`/orders/${orderId}`)

      expect(status).toBe(404)
      expect(body).toMatchObject({ type: 'exception', code: 'WORK0001B' })
      expect(body.message).toContain(orderId)
      // The document has no 404 for orders: its Not Found component.
      expectValid(component('404Notfound'), body, 'order 404')
      const sheets = await v1(`/worksheets?orderId=${orderId}`)

      expect(sheets.status).toBe(404)
      expect(sheets.body.code).toBe('WORK0001B')
      expectValid(responseSchema('/worksheets', 404), sheets.body, 'ws 404')
      expect((await v1(`/shipments?orderId=${orderId}`)).body).toEqual([])
    }
  })

  it('answers unknown shipments, worksheets and facilities with their documented 404', async () => {
    const cases: Array<[string, string, string, Record<string, string>?]> = [
      ['/shipments/{shipmentId}', '/shipments/nope', 'TRP0005E', byInternalId],
      ['/worksheets/{worksheetId}', '/worksheets/123', 'WORK0001B'],
      ['/facilities/{facilityId}', '/facilities/nope', 'FAC0001B'],
    ]

    for (const [documented, path, code, headers] of cases) {
      const { status, body } = await v1(path, headers)

      expect(status).toBe(404)
      expect(body.code).toBe(code)
      expect(Object.keys(body).sort(byText)).toEqual(errorKeys)
      expectValid(responseSchema(documented, 404), body, path)
    }

    // A shipment that does not exist yet (before PREPARING_SHIPPING) is not found.
    const early = await v1(`/shipments/TRK-441`, {
      'X-PNP-FilterMethod': 'BY_EXTERNAL_ID',
    })

    expect(early.status).toBe(404)
  })

  it('answers 400 without orderId (ORD0001B, GEN0001B) or without X-PNP-FilterMethod', async () => {
    const shipments = await v1('/shipments')
    const sheets = await v1('/worksheets?orderId=')

    expect(shipments.status).toBe(400)
    expect(shipments.body.code).toBe('ORD0001B')
    expectValid(responseSchema('/shipments', 400), shipments.body, '400')
    expect(sheets.status).toBe(400)
    expect(sheets.body.code).toBe('GEN0001B')
    expectValid(responseSchema('/worksheets', 400), sheets.body, '400')
    const [summary] = (await v1(`/shipments?orderId=${ON_ROUTE}`)).body
    const noMethod = await v1(`/shipments/${summary.id}`)

    expect(noMethod.status).toBe(400)
    expectValid(genericError, noMethod.body, '400')
  })

  it('has a 403 oneOf that no object satisfies: bodies are checked against the branch they are', async () => {
    // Both branches are open objects without required fields, so any object
    // matches both and `oneOf` (exactly one) fails: the document means anyOf.
    const documented = responseSchema('/orders/{orderId}', 403)
    const example =
      doc.paths['/orders/{orderId}'].get.responses['403'].content[
        'application/json'
      ].examples.Forbidden.value

    expect(documented(example)).toBe(false)
    expectValid(component('403Forbidden'), example, 'the document example')
  })
})

describe('legacy-only accounts', () => {
  const paths = () => [
    `/orders/${ON_ROUTE}`,
    `/shipments?orderId=${ON_ROUTE}`,
    `/worksheets?orderId=${ON_ROUTE}`,
    `/facilities/${FACILITY_ID}`,
  ]

  it('POST /_sandbox/v1 {"enabled": false}: every v1 call answers 403 SHR0007B, legacy still answers', async () => {
    const off = await json(
      await post(`${sim.url}/_sandbox/v1`, { enabled: false })
    )

    expect(off).toEqual({ status: 200, body: { v1: { enabled: false } } })
    const [summary] = [{ id: 'whatever' }]

    for (const path of [...paths(), `/shipments/${summary.id}`]) {
      const { status, body } = await v1(path, byInternalId)

      expect(status).toBe(403)
      expect(body).toMatchObject({ type: 'business', code: 'SHR0007B' })
      expect(body.message).toMatch(/^You do not have access to this /)
      expectValid(component('403Forbidden'), body, path)
    }

    expect((await legacy(ON_ROUTE)).fulfillmentStatus).toBe('ON_ROUTE')
    // An expired token is still told apart.
    clock += 901_000
    expect((await v1(`/orders/${ON_ROUTE}`)).body.code).toBe('EXPIRED_TOKEN')
    clock -= 901_000

    expect(
      (await json(await fetch(`${sim.url}/_sandbox/v1`))).body.v1.enabled
    ).toBe(false)
    await post(`${sim.url}/_sandbox/v1`, { enabled: true }).then(json)
    expect((await v1(`/orders/${ON_ROUTE}`)).status).toBe(200)
  })

  it('is restored by reset, settable from code, and refuses a bad body', async () => {
    sim.setV1(false)
    expect((await v1(`/orders/${ON_ROUTE}`)).status).toBe(403)
    sim.reset()
    expect((await v1(`/orders/${ON_ROUTE}`)).status).toBe(200)
    const bad = await json(await post(`${sim.url}/_sandbox/v1`, { enabled: 1 }))

    expect(bad.status).toBe(400)
  })

  it('starts legacy only with the v1: false option', async () => {
    const legacyOnly = await startSimulator({ port: 0, apiKey: KEY, v1: false })

    try {
      const { body } = await json(
        await post(`${legacyOnly.url}/prod/token`, { apiKey: KEY })
      )

      const answer = await json(
        await fetch(`${legacyOnly.url}/prod/v1/orders/${ON_ROUTE}`, {
          headers: { authorization: `Bearer ${body.data}` },
        })
      )

      expect(answer.status).toBe(403)
      expect(answer.body.code).toBe('SHR0007B')
      legacyOnly.reset()
      const again = await fetch(
        `${legacyOnly.url}/prod/v1/orders/${ON_ROUTE}`,
        { headers: { authorization: `Bearer ${body.data}` } }
      )

      expect(again.status).toBe(403)
      await again.text()
    } finally {
      await legacyOnly.close()
    }
  })
})

describe('faults on v1 calls', () => {
  it('fails the next N v1 calls (scope v1) with the v1 error shape, leaving legacy alone', async () => {
    sim.setFaults({ failureCount: 2, failureStatus: 503, scope: 'v1' })
    const first = await v1(`/orders/${ON_ROUTE}`)

    expect(first.status).toBe(503)
    expect(Object.keys(first.body).sort(byText)).toEqual([
      'code',
      'date',
      'message',
      'requestId',
      'type',
    ])
    expect((await legacy(ON_ROUTE)).orderId).toBe(ON_ROUTE)
    expect((await v1(`/shipments?orderId=${ON_ROUTE}`)).status).toBe(503)
    expect((await v1(`/orders/${ON_ROUTE}`)).status).toBe(200)
  })

  it('applies latency and malformed bodies to v1, not with scope tracking', async () => {
    sim.setFaults({ latencyMs: 120, malformed: true, scope: 'v1' })
    const started = Date.now()
    const res = await fetch(`${sim.url}/prod/v1/orders/${ON_ROUTE}`, {
      headers: { authorization: `Bearer ${jwt}` },
    })

    const text = await res.text()

    expect(Date.now() - started).toBeGreaterThanOrEqual(110)
    expect(res.status).toBe(200)
    expect(text.startsWith('{"orderId"')).toBe(true)
    expect(() => JSON.parse(text)).toThrow()
    sim.setFaults({ failureCount: 3, scope: 'tracking' })
    expect((await v1(`/orders/${ON_ROUTE}`)).status).toBe(200)
  })

  it('counts v1 calls in the stats', async () => {
    await v1(`/orders/${ON_ROUTE}`)
    await v1(`/shipments?orderId=${ON_ROUTE}`)
    expect(sim.stats()).toMatchObject({ v1Requests: 2, trackingRequests: 0 })
  })
})

describe('one story: the status mapping', () => {
  const documentEnum = (path: string, ...at: string[]) => {
    let node =
      doc.paths[path].get.responses['200'].content['application/json'].schema

    for (const key of at) node = node[key]

    return node.enum
  }

  it('maps every Pick and Pack status, onto the document’s enums', () => {
    expect(Object.keys(STATUS_VIEWS).sort(byText)).toEqual(
      [...ALL_STATUSES].sort(byText)
    )
    expect([...V1_ORDER_STATUSES]).toEqual(
      documentEnum('/orders/{orderId}', 'properties', 'status')
    )
    expect([...V1_SHIPMENT_STATUSES]).toEqual(
      documentEnum('/shipments', 'items', 'properties', 'status')
    )
  })

  it('never moves backwards along the flow', () => {
    const orderRank = [
      'PENDING',
      'IN_PROGRESS',
      'READY_FOR_PACKING',
      'PACKING',
      'PACKED',
      'SORTING',
    ]

    const shipmentRank = ['CREATED', 'PENDING', 'ASSIGNED', 'ON_ROUTE']
    const flow = [...FLOW, 'DELIVERED'] as Array<keyof typeof STATUS_VIEWS>
    const ranks = (rank: string[], pick: 'order' | 'shipment') =>
      flow.map((s) => rank.indexOf(STATUS_VIEWS[s][pick]))

    const orders = ranks(orderRank, 'order')
    const shipments = ranks(shipmentRank.concat('DELIVERED'), 'shipment')

    expect(
      orders.every((r, i) => r >= 0 && (i === 0 || r >= orders[i - 1]))
    ).toBe(true)
    expect(
      shipments.every((r, i) => r >= 0 && (i === 0 || r >= shipments[i - 1]))
    ).toBe(true)
  })

  /** The legacy answer, the v1 answers and the OMS order agree. */
  async function expectOneStory(orderId: string): Promise<void> {
    const old = await legacy(orderId)
    const { order, shipments, details } = await validatedAnswers(orderId)
    const omsOrder = await oms(orderId)
    const view =
      STATUS_VIEWS[old.fulfillmentStatus as keyof typeof STATUS_VIEWS]

    const where = `${orderId} (${old.fulfillmentStatus})`
    const digits = order.payment[0].currency.decimalDigits

    expect([where, order.status]).toEqual([where, view.order])

    // Shipping: there on both sides or on neither, same status and people.
    expect([where, shipments.length]).toEqual([where, old.shipping ? 1 : 0])
    if (old.shipping) {
      const [service] = old.shipping.services
      const [detail] = details

      expect(old.shipping.trackingStatus).toBe(view.legacyShipping)
      expect([where, shipments[0].status]).toEqual([where, view.shipment])
      expect(shipments[0].serviceId).toBe(old.shipping.trackingId)
      expect(shipments[0].courierName).toBe(service.agent ?? null)
      expect(detail.trackingUrl).toBe(service.trackingUrl)
      expect(detail.agent.name).toBe(service.agent ?? '')
      if (service.evidences?.startsWith('http')) {
        expect(detail.evidences.map((e: any) => e.content)).toContain(
          service.evidences
        )
      } else if (service.evidences) {
        expect(detail.notes.map((n: any) => n.content)).toContain(
          service.evidences
        )
      } else {
        expect(detail.evidences).toEqual([])
      }
    }

    // Picked: the same SKUs, quantities (weights) and prices.
    const units = (id: string) =>
      omsOrder.items.find((i: any) => i.id === id) ?? null

    const legacyPicked = Object.fromEntries(
      old.pickedItems.map((p: any) => [p.id, p])
    )

    expect(order.pickedItems.map((l: any) => l.id).sort(byText)).toEqual(
      Object.keys(legacyPicked).sort(byText)
    )
    for (const line of order.pickedItems) {
      const p = legacyPicked[line.id]
      const quantity = Number(p.quantity)
      const price = Number(p.sellingPrice)

      if (line.weighableProduct) {
        // Legacy counts OMS portions (measurementUnit g), v1 kilograms.
        const grams = units(line.id).unitMultiplier

        expect(units(line.id).measurementUnit).toBe('g')
        expect(line.quantity * line.unitMultiplier).toBeCloseTo(
          (quantity * grams) / 1000,
          9
        )
        expect((line.price * grams) / 1000 / 10 ** digits).toBeCloseTo(price, 9)
      } else {
        expect([where, line.id, line.quantity]).toEqual([
          where,
          line.id,
          quantity,
        ])
        expect(line.pickingPrice / 10 ** digits).toBeCloseTo(price, 9)
      }
    }

    // Every OMS line is somewhere in v1, with what was ordered.
    const lines = [
      ...order.pickedItems,
      ...order.rejectedItems,
      ...order.unhandledItems,
    ]

    for (const item of omsOrder.items) {
      const line = lines.find((l: any) => l.id === item.id)

      expect([where, item.refId, line?.referenceCode, line?.ean]).toEqual([
        where,
        item.refId,
        item.refId,
        item.ean,
      ])
      if (line.weighableProduct) {
        expect(line.originalQuantity * line.originalUnitMultiplier).toBeCloseTo(
          (item.quantity * item.unitMultiplier) / 1000,
          9
        )
      } else expect(line.originalQuantity).toBe(item.quantity)
    }

    // The invoice: the OMS one, once the OMS says invoiced.
    const [invoice] = omsOrder.packageAttachment.packages

    expect(order.invoices).toEqual(
      invoice
        ? [
            {
              invoiceKey: invoice.invoiceNumber,
              invoiceTotal: invoice.invoiceValue,
            },
          ]
        : []
    )
  }

  it('tells the legacy story in v1 for every seeded order', async () => {
    for (const orderId of IN_PICK_AND_PACK) await expectOneStory(orderId)
    expect(IN_PICK_AND_PACK.length).toBeGreaterThanOrEqual(23)
  })

  it('tells one story at every step of advance (which also sends the webhook)', async () => {
    for (const orderId of [FRESH, PICKUP, '1253881550474-01']) {
      await expectOneStory(orderId)
      for (let i = 0; i < FLOW.length + 1; i++) {
        const res = await post(`${sim.url}/_sandbox/orders/${orderId}/advance`)

        await res.text()
        if (res.status === 409) break
        await expectOneStory(orderId)
      }
    }

    const moved = ['CANCELED', 'IDLE', 'RETURNED', 'READY_FOR_SHIPPING']

    for (const to of moved) {
      sim.reset()
      await sim.advance(FRESH, 'WAITING_FOR_DELIVERY_COMPANY')
      await sim.advance(FRESH, to)
      await expectOneStory(FRESH)
    }

    expect(sim.orders().find((o) => o.orderId === FRESH)?.status).toBe(
      moved[moved.length - 1]
    )
  })
})

describe('the new seeded orders', () => {
  const order = async (id: string) => (await v1(`/orders/${id}`)).body

  it(`${OUT_OF_STOCK}: a line rejected out of stock, with its reason`, async () => {
    const body = await order(OUT_OF_STOCK)

    expect(body.status).toBe('PACKING')
    expect(body.rejectedItems).toEqual([
      expect.objectContaining({
        referenceCode: 'COF-500',
        quantity: 0,
        originalQuantity: 1,
        status: 'REJECTED',
        replacedBy: null,
        reasons: [{ reasonType: 'OUT_OF_STOCK', reasonDetail: 'out-of-stock' }],
      }),
    ])
    expect(
      body.pickedItems.map((l: any) => l.referenceCode).sort(byText)
    ).toEqual(['EGG-12', 'TOM-1'])
    const omsRefs = (await oms(OUT_OF_STOCK)).items.map((i: any) => i.refId)

    expect(omsRefs).toContain('COF-500')
  })

  it(`${SUBSTITUTION}: a line replaced by a substitute that was picked`, async () => {
    const body = await order(SUBSTITUTION)
    const [rejected] = body.rejectedItems
    const substitute = body.pickedItems.find((l: any) => l.id === '13')

    expect(rejected).toMatchObject({
      referenceCode: 'BUT-200',
      originalQuantity: 2,
      quantity: 0,
      replacedBy: ['13'],
      reasons: [{ reasonType: 'OUT_OF_STOCK', reasonDetail: 'out-of-stock' }],
    })
    expect(body.replacedItems).toEqual([
      expect.objectContaining({
        id: '12',
        referenceCode: 'BUT-200',
        originalQuantity: 2,
        replacedBy: ['13'],
      }),
    ])
    expect(substitute).toMatchObject({
      referenceCode: 'MRG-250',
      quantity: 2,
      originalQuantity: 0,
    })
    const omsRefs = (await oms(SUBSTITUTION)).items.map((i: any) => i.refId)

    expect(omsRefs).toEqual(['BUT-200', 'BRD-1', 'MLK-1'])
    // The worksheet says it too.
    const [sheet] = (await v1(`/worksheets?orderId=${SUBSTITUTION}`)).body
    const detail = (await v1(`/worksheets/${sheet.worksheetId}`)).body

    expect(detail.replacedItems).toEqual([
      expect.objectContaining({
        id: '12',
        replacedQuantity: 2,
        replacedBy: ['13'],
      }),
    ])
    // The older substitution order (Milk → Oat milk) links them too.
    expect((await order('1253881550474-01')).rejectedItems[0]).toMatchObject({
      referenceCode: 'MLK-1',
      replacedBy: ['9'],
    })
  })

  it(`${WEIGHABLE}: cheese by weight, 1.2 kg ordered, 1.25 kg picked`, async () => {
    const cheese = (await order(WEIGHABLE)).pickedItems.find(
      (l: any) => l.referenceCode === 'CHS-KG'
    )

    expect(cheese).toMatchObject({
      weighableProduct: true,
      unitOfMeasure: 'KILOGRAMS',
      quantity: 1,
      unitMultiplier: 1.25,
      originalQuantity: 1,
      originalUnitMultiplier: 1.2,
      price: 6990, // R$ 69.90 a kilogram, in cents
      pickingPrice: 8737, // 1.25 kg, rounded down
    })
    const omsCheese = (await oms(WEIGHABLE)).items.find(
      (i: any) => i.refId === 'CHS-KG'
    )

    expect(omsCheese).toMatchObject({
      quantity: 12,
      measurementUnit: 'g',
      unitMultiplier: 100,
      price: 699,
    })
    const old = (await legacy(WEIGHABLE)).pickedItems.find(
      (p: any) => p.refId === 'CHS-KG'
    )

    expect(old).toMatchObject({ quantity: 12.5, sellingPrice: 6.99 })
  })

  it(`${PROOF}: delivered with a photo and a signature the simulator serves`, async () => {
    const [summary] = (await v1(`/shipments?orderId=${PROOF}`)).body
    const detail = (await v1(`/shipments/${summary.id}`, byInternalId)).body

    expect(detail.status).toBe('DELIVERED')
    expect(detail.evidences.map((e: any) => e.type)).toEqual([
      'IMAGE',
      'SIGNATURE',
    ])
    for (const evidence of detail.evidences) {
      expect(evidence.author).toBe('Bruno Rider')
      expect(Date.parse(evidence.date)).toBeLessThanOrEqual(
        Date.parse(detail.deliveredDate)
      )
      const image = await fetch(evidence.content)

      expect(image.status).toBe(200)
      expect(image.headers.get('content-type')).toBe('image/svg+xml')
      expect(await image.text()).toContain('<svg')
    }

    expect(await (await fetch(detail.evidences[1].content)).text()).toContain(
      'Maria Souza'
    )
  })

  it(`${RETURNED_WITH_NOTES}: a returned shipment with the driver's notes`, async () => {
    const [summary] = (await v1(`/shipments?orderId=${RETURNED_WITH_NOTES}`))
      .body

    const detail = (await v1(`/shipments/${summary.id}`, byInternalId)).body

    expect(detail.status).toBe('RETURNED')
    expect(detail.evidences).toEqual([])
    expect(detail.notes).toHaveLength(2)
    for (const note of detail.notes) {
      expect(note).toMatchObject({ type: 'COMMENT', author: 'Carla Moto' })
    }

    expect(detail.notes[1].content).toMatch(/returned to the store/)
    // Never delivered: the required deliveredDate is the promised date.
    expect(detail.deliveredDate).toBe(detail.receiver.deliveryDate)
  })

  it('uses the same id style and describes every order', () => {
    for (const o of SEED_ORDERS) {
      expect(o.orderId).toMatch(/^\d{13}-01$/)
      expect(o.description.length).toBeGreaterThan(10)
    }
  })
})
