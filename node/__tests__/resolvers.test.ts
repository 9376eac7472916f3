import type { UpstreamControl } from './support/upstream'
import { omsFixture, startUpstream, trackingFixture } from './support/upstream'
import { postWebhook } from './support/calls'
import { startTestHost } from './support/host'

const ORDER = '1253881550433-01'
const SECRET = 'resolver-test-webhook-secret'
const QUERY = `query($id: ID!) { orderFulfillment(orderId: $id) {
  orderId
  pickAndPack { orderId hostname fulfillmentStatus pickedItems { refId ean quantity sellingPrice categories { name } }
    shipping { trackingId services { courier agent vehicle evidences } } }
  oms { orderId status value currencyCode customerName items { refId quantity sellingPrice } }
  history { oldStatus newStatus receivedAt }
  items { refId orderedQuantity pickedQuantity state matchedBy }
} }`

type Host = Awaited<ReturnType<typeof startTestHost>>

let upstream: UpstreamControl
let host: Host

async function graphql(target: Host, query: string, variables?: object) {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  })

  const text = await response.text()

  return { text, json: JSON.parse(text) }
}

const codeAt = (
  errors: Array<{ path?: string[]; extensions?: { code?: string } }>,
  field: string
) =>
  errors.find((error) => error.path?.join('.') === `orderFulfillment.${field}`)
    ?.extensions?.code

beforeAll(async () => {
  upstream = await startUpstream('resolver-test-api-key')
  upstream.tracking[ORDER] = trackingFixture(ORDER, 'ON_ROUTE')
  upstream.oms[ORDER] = omsFixture(ORDER)
  // What a view or webhook sets off for the OMS invoice calls Pick and Pack too: off here, so
  // that the faults each test sets meet its own calls only (tests of it: oms.tracking).
  host = await startTestHost(upstream.url, {
    apiKey: upstream.apiKey,
    webhookSecret: SECRET,
    omsTracking: false,
  })
})

afterAll(async () => {
  await host.stop()
  await upstream.close()
})

describe('orderFulfillment', () => {
  it('answers Pick and Pack, OMS, history and reconciliation together', async () => {
    await postWebhook(host, SECRET, {
      orderId: ORDER,
      oldStatus: 'WAITING_FOR_DELIVERY_COMPANY',
      newStatus: 'ON_ROUTE',
      hostname: 'teststore',
    })
    const { json } = await graphql(host, QUERY, { id: ORDER })
    const result = json.data.orderFulfillment

    expect(json.errors).toBeUndefined()
    expect(result.pickAndPack.fulfillmentStatus).toBe('ON_ROUTE')
    expect(result.pickAndPack.pickedItems[0]).toEqual({
      refId: 'BAN-1',
      ean: '7891000000011',
      quantity: 2,
      sellingPrice: 10.5,
      categories: [{ name: 'Fruit' }],
    })
    expect(result.pickAndPack.shipping.services[0]).toEqual({
      courier: 'FastCourier',
      agent: 'Ana Driver',
      vehicle: 'BIKE',
      evidences: 'Left with the doorman',
    })
    expect(result.oms).toEqual(
      expect.objectContaining({
        status: 'handling',
        value: 38.75,
        currencyCode: 'BRL',
        customerName: 'Jane Doe',
      })
    )
    expect(result.oms.items[0]).toEqual({
      refId: 'BAN-1',
      quantity: 3,
      sellingPrice: 10.5,
    })
    expect(result.history).toEqual([
      expect.objectContaining({
        oldStatus: 'WAITING_FOR_DELIVERY_COMPANY',
        newStatus: 'ON_ROUTE',
      }),
    ])
    expect(result.items).toEqual([
      {
        refId: 'BAN-1',
        orderedQuantity: 3,
        pickedQuantity: 2,
        state: 'SHORT',
        matchedBy: 'REF_ID',
      },
      {
        refId: 'MLK-1',
        orderedQuantity: 1,
        pickedQuantity: 0,
        state: 'MISSING',
        matchedBy: 'NONE',
      },
      {
        refId: 'SUB-9',
        orderedQuantity: 0,
        pickedQuantity: 1,
        state: 'EXTRA',
        matchedBy: 'NONE',
      },
    ])
  })

  it('says where the recorded status and the OMS disagree, as the board does', async () => {
    const canceled = '1253881550999-01'

    upstream.tracking[canceled] = trackingFixture(canceled, 'PICKING')
    upstream.oms[canceled] = { ...omsFixture(canceled), status: 'canceled' }
    await postWebhook(host, SECRET, {
      orderId: canceled,
      oldStatus: 'READY_FOR_PICKING',
      newStatus: 'PICKING',
      hostname: 'teststore',
    })
    const drift = async (id: string) =>
      (
        await graphql(
          host,
          'query($id: ID!) { orderFulfillment(orderId: $id) { drift } }',
          { id }
        )
      ).json.data.orderFulfillment.drift

    // Still picking in Pick and Pack, canceled in the OMS.
    expect(await drift(canceled)).toEqual(['OMS_CANCELED'])
    // Handling in the OMS, on route in Pick and Pack: they agree.
    expect(await drift(ORDER)).toEqual([])
  })

  it('keeps OMS when Pick and Pack is down, with PNP_UNAVAILABLE at its path', async () => {
    upstream.failTracking(3, 503)
    const { json } = await graphql(host, QUERY, { id: ORDER })

    expect(json.data.orderFulfillment.pickAndPack).toBeNull()
    expect(json.data.orderFulfillment.oms.orderId).toBe(ORDER)
    expect(json.data.orderFulfillment.items).toEqual([])
    expect(codeAt(json.errors, 'pickAndPack')).toBe('PNP_UNAVAILABLE')
  })

  it('keeps Pick and Pack when the OMS is down, with OMS_UNAVAILABLE at its path', async () => {
    upstream.failOms(1, 500)
    const { json } = await graphql(host, QUERY, { id: ORDER })

    expect(json.data.orderFulfillment.oms).toBeNull()
    expect(json.data.orderFulfillment.pickAndPack.fulfillmentStatus).toBe(
      'ON_ROUTE'
    )
    expect(codeAt(json.errors, 'oms')).toBe('OMS_UNAVAILABLE')
  })

  it('says OMS_UNAUTHORIZED, not unavailable, when the OMS refuses the app', async () => {
    upstream.failOms(1, 403)
    const { json } = await graphql(host, QUERY, { id: ORDER })
    const error = json.errors.find(
      (each: { path?: string[] }) =>
        each.path?.join('.') === 'orderFulfillment.oms'
    )

    expect(json.data.orderFulfillment.oms).toBeNull()
    expect(error.extensions.code).toBe('OMS_UNAUTHORIZED')
    expect(error.message).toMatch(/OMS permissions/)
  })

  it('says OMS_UNAVAILABLE when the OMS answers with another order or no order at all', async () => {
    const other = '1253881550477-01'

    upstream.tracking[other] = trackingFixture(other, 'PICKING')

    for (const answer of [omsFixture(ORDER), 'not an order']) {
      upstream.oms[other] = answer
      // eslint-disable-next-line no-await-in-loop
      const { json } = await graphql(host, QUERY, { id: other })

      expect(json.data.orderFulfillment.oms).toBeNull()
      expect(json.data.orderFulfillment.items).toEqual([])
      expect(codeAt(json.errors, 'oms')).toBe('OMS_UNAVAILABLE')
    }
  })

  it('says STORE_UNAVAILABLE for a history it cannot read, never an empty one', async () => {
    await host.storeFault({
      method: 'GET',
      path: `orders/${ORDER}.json`,
      answer: 500,
      times: 5,
    })

    try {
      // As the admin asks for it: the history in a query of its own.
      const { json } = await graphql(
        host,
        'query($id: ID!) { orderFulfillment(orderId: $id) { history { newStatus } } }',
        { id: ORDER }
      )

      // The query's root is non-null: the error's path tells the panel it is its own.
      expect(json.data).toBeNull()
      expect(codeAt(json.errors, 'history')).toBe('STORE_UNAVAILABLE')
      expect(json.errors[0].message).toMatch(/history could not be read/)
    } finally {
      await host.clearStoreFaults()
    }
  })

  it('says PNP_ORDER_NOT_FOUND and OMS_ORDER_NOT_FOUND for an order neither knows', async () => {
    const { json } = await graphql(host, QUERY, { id: '9999999999999-01' })

    expect(codeAt(json.errors, 'pickAndPack')).toBe('PNP_ORDER_NOT_FOUND')
    expect(codeAt(json.errors, 'oms')).toBe('OMS_ORDER_NOT_FOUND')
    expect(json.data.orderFulfillment.history).toEqual([])
  })

  it('refuses a variable of the wrong type as bad input, not an internal error', async () => {
    const { json } = await graphql(host, QUERY, { id: { a: 1 } })

    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(json.errors[0].message).toMatch(/\$id/)
  })

  it('refuses a malformed order id with BAD_USER_INPUT before calling anyone', async () => {
    const before = { ...upstream.counts }
    const { json } = await graphql(host, QUERY, { id: '../../admin' })

    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(upstream.counts).toEqual(before)
  })

  it('says NOT_CONFIGURED without an Api-Key and still answers the OMS', async () => {
    const bare = await startTestHost(upstream.url, {
      webhookSecret: SECRET,
      apiKey: '',
    })

    try {
      const { json } = await graphql(bare, QUERY, { id: ORDER })

      expect(codeAt(json.errors, 'pickAndPack')).toBe('NOT_CONFIGURED')
      expect(json.data.orderFulfillment.oms.orderId).toBe(ORDER)
      const check = await graphql(
        bare,
        '{ pickAndPackConnection { ok code message } }'
      )

      expect(check.json.data.pickAndPackConnection).toEqual(
        expect.objectContaining({ ok: false, code: 'NOT_CONFIGURED' })
      )
    } finally {
      await bare.stop()
    }
  })

  it('says PNP_UNAUTHORIZED when Pick and Pack refuses the key', async () => {
    const refused = await startTestHost(upstream.url, {
      apiKey: 'a-wrong-api-key',
      webhookSecret: SECRET,
    })

    try {
      const { json, text } = await graphql(refused, QUERY, { id: ORDER })

      expect(codeAt(json.errors, 'pickAndPack')).toBe('PNP_UNAUTHORIZED')
      expect(text).not.toContain('a-wrong-api-key')
      const check = await graphql(
        refused,
        '{ pickAndPackConnection { ok code } }'
      )

      expect(check.json.data.pickAndPackConnection).toEqual({
        ok: false,
        code: 'PNP_UNAUTHORIZED',
      })
    } finally {
      await refused.stop()
    }
  })
})

describe('pickAndPackConnection and recentStatusChanges', () => {
  it('says ok when the key gets a token', async () => {
    const { json } = await graphql(
      host,
      '{ pickAndPackConnection { ok code message } }'
    )

    expect(json.data.pickAndPackConnection).toEqual({
      ok: true,
      code: null,
      message: null,
    })
  })

  it('refuses a page size out of range', async () => {
    const { json } = await graphql(
      host,
      '{ recentStatusChanges(first: 1000) { orderId } }'
    )

    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT')
  })

  it('filters by a status in any spelling, and refuses what cannot be one', async () => {
    await postWebhook(host, SECRET, {
      orderId: '1253881550488-01',
      oldStatus: 'Ready for shipping',
      newStatus: 'waiting for delivery company',
      hostname: 'teststore',
    })
    const { json } = await graphql(
      host,
      '{ recentStatusChanges(status: "Waiting for delivery company") { orderId oldStatus newStatus } }'
    )

    expect(json.data.recentStatusChanges).toEqual([
      {
        orderId: '1253881550488-01',
        oldStatus: 'READY_FOR_SHIPPING',
        newStatus: 'WAITING_FOR_DELIVERY_COMPANY',
      },
    ])

    const bad = await graphql(
      host,
      '{ recentStatusChanges(status: "bad<>") { orderId } }'
    )

    expect(bad.json.errors[0].extensions.code).toBe('BAD_USER_INPUT')
  })
})

describe('secrets', () => {
  it('never puts the Api-Key, the JWT or the webhook secret in a response or a log line', async () => {
    upstream.failTracking(1, 401, { message: 'Internal server', code: 1000 })
    const responses = [
      (await graphql(host, QUERY, { id: ORDER })).text,
      (await graphql(host, '{ pickAndPackConnection { ok code message } }'))
        .text,
    ]

    upstream.failTracking(3, 500)
    responses.push((await graphql(host, QUERY, { id: ORDER })).text)
    const everything = [...responses, host.logger.text()].join('\n')

    for (const secret of [upstream.apiKey, upstream.token, SECRET]) {
      expect(everything).not.toContain(secret)
    }
  })
})
