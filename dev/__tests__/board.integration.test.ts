/*
 * The operations board over two hosts (replicas) and one store stand-in: changes reach either
 * host at once, OMS broadcasts reach either, and the summaries behind the board converge.
 * Master Data search lags writes (1 s here, as the store stand-in defaults): the test waits.
 * The board is a snapshot both replicas share: exact counts are asked `fresh: true`.
 */
import { clearSettingsCache } from '../../node/clients/appSettings'
import { appSchema } from '../../node/clients/dataEntity'
import { orderSummaryEntity } from '../../node/clients/orderSummaries'
import type { BoardSnapshot } from '../../node/domain/boardSnapshot'
import { BOARD_BUCKET, BOARD_FILE } from '../../node/storage/boardSnapshot'
import type { TestHost } from '../../node/__tests__/support/host'
import { startTestHost } from '../../node/__tests__/support/host'
import { eventually } from '../../node/__tests__/support/eventually'
import { postGraphql } from '../../node/__tests__/support/calls'
import { localContext } from '../store/clients'

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

/** Broadcasts the OMS order `orderId` as in `state` since `at`. */
const oms = (
  host: TestHost,
  orderId: string,
  { state, at }: { state: string; at: string }
) =>
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

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString()

const ORDERS = ['7000000000001-01', '7000000000002-01', '7000000000003-01']

const SETTINGS = {
  apiKey: 'unused',
  webhookSecret: SECRET,
  hostname: HOSTNAME,
}

const BOARD =
  '{ updatedAt statuses { status count late } late drift refreshing }'

interface Board {
  updatedAt: string
  statuses: Array<{ status: string; count: number; late: number }>
  late: number
  drift: number
  refreshing: boolean
}

const board = async (host: TestHost, fresh = false): Promise<Board> => {
  const answer = await postGraphql(
    host,
    `{ fulfillmentBoard(fresh: ${fresh}) ${BOARD} }`
  )

  expect(answer.errors).toBeUndefined()

  return answer.data.fulfillmentBoard
}

/** Master Data searches since the last reset: the board's counts are searches of one document. */
const countsAsked = async () => {
  const stats = (await (await fetch(`${a.storeURL}/_store/stats`)).json()) as {
    masterdata: { SEARCH: number }
  }

  return stats.masterdata.SEARCH
}

const resetStats = () =>
  fetch(`${a.storeURL}/_store/stats/reset`, { method: 'POST' })

const snapshotURL = () =>
  `${a.storeURL}/vbase/${a.account}/master/buckets/${
    (process.env.VTEX_APP_ID ?? '').split('@')[0]
  }/${BOARD_BUCKET}/files/${BOARD_FILE}`

beforeAll(async () => {
  const settings = SETTINGS

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
    expect(
      await oms(b, ORDERS[0], { state: 'canceled', at: minutesAgo(5) })
    ).toBe(200)
    expect(
      await oms(a, ORDERS[1], { state: 'invoiced', at: minutesAgo(4) })
    ).toBe(200)
    // An older broadcast arriving late changes nothing.
    expect(
      await oms(b, ORDERS[1], { state: 'handling', at: minutesAgo(30) })
    ).toBe(200)

    const converged = await eventually(
      () =>
        postGraphql(
          a,
          '{ fulfillmentBoard(fresh: true) { statuses { status count late } late drift } }'
        ),
      (answer) =>
        answer.data?.fulfillmentBoard?.drift === 2 &&
        answer.data.fulfillmentBoard.statuses.some(
          (s: { status: string; count: number }) =>
            s.status === 'READY_FOR_PACKING' && s.count === 3
        )
    )

    expect(converged.errors).toBeUndefined()
    expect(converged.data.fulfillmentBoard).toEqual({
      // 60 minutes in READY_FOR_PACKING, whose limit is 15: all three are late.
      statuses: [{ status: 'READY_FOR_PACKING', count: 3, late: 3 }],
      late: 3,
      drift: 2,
    })

    const drifting = await postGraphql(
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

  it('one replica counts, the other serves the same snapshot without counting', async () => {
    const counted = await board(a, true)

    expect(counted.refreshing).toBe(false)
    await resetStats()
    const served = await board(b)

    expect(served).toEqual(counted)
    expect(await countsAsked()).toBe(0)

    // fresh: true counts again, whatever the snapshot's age.
    const recounted = await board(b, true)

    expect(Date.parse(recounted.updatedAt)).toBeGreaterThan(
      Date.parse(counted.updatedAt)
    )
    expect(recounted.refreshing).toBe(false)
    expect(await countsAsked()).toBeGreaterThanOrEqual(30)
  })

  it('an aging snapshot is served as refreshing, and one replica alone counts it again', async () => {
    const exact = await board(a, true)
    const perCount = await (async () => {
      await resetStats()
      await board(a, true)

      return countsAsked()
    })()

    // The stored snapshot made 30 s old, with counts the store does not hold.
    const stored = (await (await fetch(snapshotURL())).json()) as BoardSnapshot
    const aged: BoardSnapshot = {
      key: stored.key,
      board: {
        ...stored.board,
        updatedAt: new Date(Date.now() - 30_000).toISOString(),
        late: 999,
      },
    }

    expect(
      (
        await fetch(snapshotURL(), {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(aged),
        })
      ).status
    ).toBeLessThan(300)
    await resetStats()

    // Several polls at once on both replicas: all served the aged counts at once, as refreshing.
    const polls = await Promise.all([a, b, a, b].map((host) => board(host)))

    for (const poll of polls) {
      expect(poll).toEqual({ ...aged.board, refreshing: true })
    }

    const refreshed = await eventually(
      () => board(b),
      (answer) => !answer.refreshing
    )

    expect(refreshed.late).toBe(exact.late)
    expect(refreshed.statuses).toEqual(exact.statuses)
    expect(Date.parse(refreshed.updatedAt)).toBeGreaterThan(
      Date.parse(aged.board.updatedAt)
    )
    // Counted once, by the replica that won the claim.
    expect(await countsAsked()).toBe(perCount)
  })

  it('pages with a cursor, searches by id prefix and refuses bad arguments', async () => {
    const first = await eventually(
      () =>
        postGraphql(
          a,
          '{ fulfillmentOrders(first: 2) { total after orders { orderId } } }'
        ),
      (answer) => answer.data?.fulfillmentOrders?.total === 3
    )

    expect(first.data.fulfillmentOrders.orders).toHaveLength(2)
    const second = await postGraphql(
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

    const found = await postGraphql(
      b,
      '{ fulfillmentOrders(search: "7000000000002") { orders { orderId } } }'
    )

    expect(found.data.fulfillmentOrders.orders).toEqual([
      { orderId: ORDERS[1] },
    ])

    // A status in another spelling names the same one.
    const spelled = await postGraphql(
      b,
      '{ fulfillmentOrders(status: "ready_for_packing") { total } }'
    )

    expect(spelled.data.fulfillmentOrders.total).toBe(ORDERS.length)

    for (const args of [
      'first: 0',
      'first: 101',
      'search: "a b"',
      'after: "x"',
    ]) {
      // eslint-disable-next-line no-await-in-loop
      const bad = await postGraphql(
        a,
        `{ fulfillmentOrders(${args}) { total } }`
      )

      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    }
  })

  it('lists and counts only orders Pick and Pack told of, not those only the OMS broadcast', async () => {
    const omsOnly = '7100000000001-01'

    expect(
      await oms(b, omsOnly, { state: 'handling', at: minutesAgo(5) })
    ).toBe(200)
    // The OMS-only summary is searchable before the lists are read.
    await eventually(
      async () =>
        (await (
          await fetch(
            `${a.storeURL}/api/dataentities/${orderSummaryEntity()}/search?an=${
              a.account
            }&_schema=${appSchema(localContext())}&_where=orderId=${omsOnly}`
          )
        ).json()) as unknown[],
      (found) => found.length === 1
    )

    const all = await postGraphql(
      a,
      '{ fulfillmentOrders(first: 100) { total orders { orderId } } }'
    )

    expect(all.data.fulfillmentOrders.total).toBe(ORDERS.length)
    expect(all.data.fulfillmentOrders.orders).toHaveLength(ORDERS.length)

    const searched = await postGraphql(
      a,
      '{ fulfillmentOrders(search: "71000") { total orders { orderId } } }'
    )

    expect(searched.data.fulfillmentOrders).toEqual({ total: 0, orders: [] })
  })

  it('counts orders in statuses it does not know, one tile each, never late', async () => {
    const unknown = [
      ['7200000000001-01', 'NEW_FANCY_STATUS'],
      ['7200000000002-01', 'NEW_FANCY_STATUS'],
      ['7200000000003-01', 'AWAITING_DRONE'],
      // Spellings the webhook accepts for a status it does not know: kept as sent.
      ['7200000000004-01', 'On Hold'],
      ['7200000000005-01', 'Awaiting-Stock'],
    ]

    const answers = await Promise.all(
      unknown.map(([orderId, status]) =>
        notify(a, { orderId, oldStatus: 'PICKING', newStatus: status })
      )
    )

    expect(answers).toEqual([200, 200, 200, 200, 200])
    const counted = await eventually(
      () => board(b, true),
      (answer) =>
        answer.statuses.filter((tile) => tile.status === 'AWAITING_DRONE')
          .length > 0 &&
        answer.statuses.some((tile) => tile.status === 'Awaiting-Stock') &&
        answer.statuses.some(
          (tile) => tile.status === 'NEW_FANCY_STATUS' && tile.count === 2
        )
    )

    expect(
      counted.statuses.filter(({ status }) =>
        unknown.some(([, sent]) => sent === status)
      )
    ).toEqual(
      expect.arrayContaining([
        { status: 'NEW_FANCY_STATUS', count: 2, late: 0 },
        { status: 'AWAITING_DRONE', count: 1, late: 0 },
        { status: 'On Hold', count: 1, late: 0 },
        { status: 'Awaiting-Stock', count: 1, late: 0 },
      ])
    )

    // A tile opens its orders, whatever the status's spelling.
    for (const [orderId, status] of unknown.slice(3)) {
      // eslint-disable-next-line no-await-in-loop
      const listed = await postGraphql(
        a,
        'query($status: String) { fulfillmentOrders(status: $status) { total orders { orderId } } }',
        { status }
      )

      expect(listed.data.fulfillmentOrders).toEqual({
        total: 1,
        orders: [{ orderId }],
      })
    }
  })

  it('after a settings change the snapshot of the old settings is not served', async () => {
    const before = await board(a, true)
    // A replica with the merchant's new settings (every summary in the window counts alike,
    // but PACKING's limit differs: the key does).
    const c = await startTestHost(
      'http://127.0.0.1:9',
      { ...SETTINGS, statusTimeLimits: { READY_FOR_PACKING: 600 } },
      { account: 'boardtest', storeURL: a.storeURL }
    )

    try {
      clearSettingsCache()
      await resetStats()
      const after = await board(c)

      expect(await countsAsked()).toBeGreaterThan(0)
      expect(Date.parse(after.updatedAt)).toBeGreaterThan(
        Date.parse(before.updatedAt)
      )
      // 60 minutes in READY_FOR_PACKING is not late under a 600-minute limit.
      expect(after.late).toBe(0)
      expect(before.late).toBe(3)
    } finally {
      await c.stop()
      // Settings are cached per account in this process: A and B read their own again.
      clearSettingsCache()
    }
  })
})
