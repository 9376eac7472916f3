/*
 * Master Data is the account's, not a workspace's: a development workspace linked on the same
 * account (its own host here, over the same store) must not put its notifications on
 * master's board or in master's histories, nor read master's.
 */
import type { TestHost } from '../../node/__tests__/support/host'
import { startTestHost } from '../../node/__tests__/support/host'
import { eventually } from '../../node/__tests__/support/eventually'
import { postGraphql, postWebhook } from '../../node/__tests__/support/calls'
import type { Simulator } from '../simulator'
import { SEEDED_ORDERS, startSimulator } from '../simulator'
import { isFinal } from '../../node/domain/board'

jest.setTimeout(60_000)

const SECRET = 'workspaces-secret'
const API_KEY = 'workspaces-api-key'
const SETTINGS = {
  apiKey: API_KEY,
  webhookSecret: SECRET,
  backfillDays: '0',
  omsInteractions: 'false',
  omsTracking: 'false',
}

let simulator: Simulator
let master: TestHost
let dev: TestHost

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, apiKey: API_KEY, v1: false })
  master = await startTestHost(simulator.url, SETTINGS, { account: 'shared' })
  dev = await startTestHost(simulator.url, SETTINGS, {
    account: 'shared',
    workspace: 'dev1',
    storeURL: master.storeURL,
  })
})

afterAll(async () => {
  await dev?.stop()
  await master?.stop()
  await simulator?.close()
})

const boardOrders = async (host: TestHost) =>
  (
    await postGraphql(
      host,
      '{ fulfillmentOrders(first: 100) { total orders { orderId } } }'
    )
  ).data?.fulfillmentOrders

const historyOf = async (host: TestHost, orderId: string) =>
  (
    await postGraphql(
      host,
      'query($id: ID!) { orderFulfillment(orderId: $id) { history { newStatus } } }',
      { id: orderId }
    )
  ).data?.orderFulfillment.history

test("keeps a development workspace's orders off master's board and histories, and master's off its", async () => {
  // Recorded as Pick and Pack has them, so that viewing them heals nothing.
  const [inDev, inMaster] = SEEDED_ORDERS.filter(
    (order) => order.inPickAndPack && !isFinal(order.status)
  )

  const notify = (host: TestHost, order: typeof inDev) =>
    postWebhook(host, SECRET, {
      orderId: order.orderId,
      newStatus: order.status,
      hostname: 'sandboxstore',
      date: new Date(Date.now() - 10 * 60_000).toISOString(),
    })

  expect(await notify(dev, inDev)).toBe(200)
  expect(await notify(master, inMaster)).toBe(200)

  // Each board is written by its own workspace's event handler; search lags writes.
  const devBoard = await eventually(
    () => boardOrders(dev),
    (board) => board?.total >= 1
  )

  const masterBoard = await eventually(
    () => boardOrders(master),
    (board) => board?.total >= 1
  )

  // Time for a leaked document to become searchable, had there been one.
  await new Promise((resolve) => setTimeout(resolve, 1500))
  expect(await boardOrders(dev)).toEqual(devBoard)
  expect(devBoard.orders).toEqual([{ orderId: inDev.orderId }])
  expect(await boardOrders(master)).toEqual(masterBoard)
  expect(masterBoard.orders).toEqual([{ orderId: inMaster.orderId }])

  expect(await historyOf(dev, inDev.orderId)).toEqual([
    { newStatus: inDev.status },
  ])
  expect(await historyOf(master, inDev.orderId)).toEqual([])
  expect(await historyOf(master, inMaster.orderId)).toEqual([
    { newStatus: inMaster.status },
  ])
  expect(await historyOf(dev, inMaster.orderId)).toEqual([])
})
