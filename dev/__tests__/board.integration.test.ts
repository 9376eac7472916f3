/*
 * The operations board over two hosts (replicas) and one store stand-in: changes reach either
 * host at once, OMS broadcasts reach either, and the summaries behind the board converge.
 * Master Data search lags writes (1 s here, as the store stand-in defaults): the test waits.
 */
import type { TestHost } from '../../node/__tests__/support/host'
import { startTestHost } from '../../node/__tests__/support/host'
import { eventually } from '../../node/__tests__/support/eventually'

jest.setTimeout(60_000)

const SECRET = 'board-secret'
const HOSTNAME = 'boardstore'
let a: TestHost
let b: TestHost

const notify = (host: TestHost, body: Record<string, unknown>) =>
  fetch(`${host.url}/_v/pick-and-pack/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-webhook-secret': SECRET },
    body: JSON.stringify({ hostname: HOSTNAME, ...body }),
  }).then((response) => response.status)

const oms = (host: TestHost, orderId: string, state: string, at: string) =>
  fetch(`${host.url}/_sandbox/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      sender: 'vtex.orders-broadcast',
      topic: 'order-status-updated',
      body: {
        domain: 'Marketplace',
        orderId,
        currentState: state,
        lastState: 'handling',
        currentChangeDate: at,
        lastChangeDate: at,
      },
    }),
  }).then((response) => response.status)

const gql = async (host: TestHost, query: string, variables = {}) =>
  (
    await fetch(`${host.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })
  ).json()

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString()

const ORDERS = ['7000000000001-01', '7000000000002-01', '7000000000003-01']

beforeAll(async () => {
  const settings = {
    apiKey: 'unused',
    webhookSecret: SECRET,
    hostname: HOSTNAME,
  }

  a = await startTestHost('http://127.0.0.1:9', settings, {
    account: 'boardtest',
  })
  b = await startTestHost('http://127.0.0.1:9', settings, {
    account: 'boardtest',
    storeURL: a.storeURL,
  })
})

afterAll(async () => {
  await b?.stop()
  await a?.stop()
})

describe('the board over two replicas', () => {
  it('converges after concurrent changes and OMS broadcasts on either replica', async () => {
    const flow = ['READY_FOR_PICKING', 'PICKING', 'READY_FOR_PACKING']
    // Each order's steps at once, spread over both hosts; dates put the last step 60 min ago.
    const statuses = await Promise.all(
      ORDERS.flatMap((orderId, o) =>
        flow.map((status, step) =>
          notify((o + step) % 2 ? a : b, {
            orderId,
            oldStatus: step === 0 ? null : flow[step - 1],
            newStatus: status,
            date: minutesAgo(90 - step * 15),
          })
        )
      )
    )

    expect(statuses.every((status) => status === 200)).toBe(true)
    // The OMS cancels one order and invoices another too early, via either replica.
    expect(await oms(b, ORDERS[0], 'canceled', minutesAgo(5))).toBe(200)
    expect(await oms(a, ORDERS[1], 'invoiced', minutesAgo(4))).toBe(200)
    // An older broadcast arriving late changes nothing.
    expect(await oms(b, ORDERS[1], 'handling', minutesAgo(30))).toBe(200)

    const board = await eventually(
      () =>
        gql(
          a,
          '{ fulfillmentBoard { statuses { status count late } late drift } }'
        ),
      (answer) =>
        answer.data?.fulfillmentBoard?.drift === 2 &&
        answer.data.fulfillmentBoard.statuses.some(
          (s: { status: string; count: number }) =>
            s.status === 'READY_FOR_PACKING' && s.count === 3
        )
    )

    expect(board.errors).toBeUndefined()
    expect(board.data.fulfillmentBoard).toEqual({
      // 60 minutes in READY_FOR_PACKING, whose limit is 15: all three are late.
      statuses: [{ status: 'READY_FOR_PACKING', count: 3, late: 3 }],
      late: 3,
      drift: 2,
    })

    const drifting = await gql(
      b,
      '{ fulfillmentOrders(attention: DRIFT) { total orders { orderId status late drift omsStatus } } }'
    )

    expect(drifting.data.fulfillmentOrders).toEqual({
      total: 2,
      orders: expect.arrayContaining([
        {
          orderId: ORDERS[0],
          status: 'READY_FOR_PACKING',
          late: true,
          drift: ['OMS_CANCELED'],
          omsStatus: 'canceled',
        },
        {
          orderId: ORDERS[1],
          status: 'READY_FOR_PACKING',
          late: true,
          drift: ['OMS_INVOICED_EARLY'],
          omsStatus: 'invoiced',
        },
      ]),
    })
  })

  it('pages with a cursor, searches by id prefix and refuses bad arguments', async () => {
    const first = await eventually(
      () =>
        gql(
          a,
          '{ fulfillmentOrders(first: 2) { total after orders { orderId } } }'
        ),
      (answer) => answer.data?.fulfillmentOrders?.total === 3
    )

    expect(first.data.fulfillmentOrders.orders).toHaveLength(2)
    const second = await gql(
      a,
      'query($after: String) { fulfillmentOrders(first: 2, after: $after) { after orders { orderId } } }',
      { after: first.data.fulfillmentOrders.after }
    )

    expect(second.data.fulfillmentOrders.after).toBeNull()
    expect(
      [
        ...first.data.fulfillmentOrders.orders,
        ...second.data.fulfillmentOrders.orders,
      ]
        .map((order: { orderId: string }) => order.orderId)
        .sort((x: string, y: string) => x.localeCompare(y))
    ).toEqual(ORDERS)

    const found = await gql(
      b,
      '{ fulfillmentOrders(search: "7000000000002") { orders { orderId } } }'
    )

    expect(found.data.fulfillmentOrders.orders).toEqual([
      { orderId: ORDERS[1] },
    ])

    for (const args of [
      'first: 0',
      'first: 101',
      'search: "a b"',
      'after: "x"',
    ]) {
      // eslint-disable-next-line no-await-in-loop
      const bad = await gql(a, `{ fulfillmentOrders(${args}) { total } }`)

      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    }
  })
})
