/*
 * `npm start`'s first run: the simulator replays the seeded orders' history through the real
 * webhook and broadcasts their OMS statuses to the local host's event bus stand-in; the board
 * then shows every seeded order, about a third of the active ones late, and a second replay
 * with the same anchor (a restart) changes nothing.
 */
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import type { StartedHost } from '../host/server'
import { startHost } from '../host/server'
import type { Simulator } from '../simulator'
import { lateShare, replayPlan, startSimulator } from '../simulator'
import type { Store } from '../store/server'
import { createStore } from '../store/server'
import { eventually } from '../../node/__tests__/support/eventually'

jest.setTimeout(60_000)

const SECRET = 'replay-webhook-secret'
const STATUS_CHANGED = 'pick-and-pack.status-changed'
// Now, to the second: every date of the replay depends on it only.
const ANCHOR = Math.floor(Date.now() / 1000) * 1000

let dataDir: string
let store: Store
let host: StartedHost
let sim: Simulator

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = { data?: any; errors?: unknown }

const gql = async (query: string) => {
  const response = await fetch(`${host.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  })

  return (await response.json()) as Answer
}

const sentStatusChanges = async () =>
  (
    (await (await fetch(`${host.url}/_sandbox/events/sent`)).json()) as Array<{
      topic: string
    }>
  ).filter((event) => event.topic === STATUS_CHANGED).length

async function replay() {
  const result = sim.replay(ANCHOR)

  await Promise.all([sim.drainDeliveries(), sim.drainOmsEvents()])

  return result
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pnp-replay-it-'))
  store = await createStore({ port: 0, dataDir, indexDelayMs: 0 })
  host = await startHost({
    port: 0,
    storeURL: store.url,
    authURL: 'http://127.0.0.1:9',
    apiURL: 'http://127.0.0.1:9',
    omsURL: 'http://127.0.0.1:9',
    settings: {
      apiKey: 'unused',
      environment: 'prod',
      webhookSecret: SECRET,
      hostname: 'sandboxstore',
    },
    dataDir,
    account: `replay${process.pid}`,
  })
  sim = await startSimulator({
    port: 0,
    retry: { attempts: 3, baseDelayMs: 50, maxDelayMs: 200 },
    webhook: {
      url: `${host.url}/_v/pick-and-pack/webhook`,
      headers: { 'x-webhook-secret': SECRET },
    },
    omsEvents: { url: `${host.url}/_sandbox/events` },
  })
})

afterAll(async () => {
  await sim?.close()
  await host?.close()
  await store?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

test('fills the board from the replay, once, whatever the number of replays', async () => {
  const plan = replayPlan(ANCHOR)
  const first = await replay()

  expect(sim.deliveries()).toHaveLength(first.notifications)
  expect(sim.deliveries().every((d) => d.status === 200)).toBe(true)
  expect(sim.omsEvents()).toHaveLength(plan.length)
  expect(sim.omsEvents().every((e) => e.status === 200)).toBe(true)
  expect(await sentStatusChanges()).toBe(first.notifications)

  const expected = new Map<string, number>()

  for (const order of plan.filter((o) => o.inPickAndPack)) {
    expected.set(order.status, (expected.get(order.status) ?? 0) + 1)
  }

  const sorted = (entries: Array<[string, number]>) =>
    JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

  const countsOf = (answer: Answer) =>
    sorted(
      (
        (answer.data?.fulfillmentBoard?.statuses ?? []) as Array<{
          status: string
          count: number
        }>
      ).map((s) => [s.status, s.count])
    )

  // The summaries are written by the app's own status-changed events, after the webhook
  // answered (as VTEX IO delivers them): the board converges.
  const board = await eventually(
    () =>
      gql(
        '{ fulfillmentBoard(fresh: true) { statuses { status count late } late drift } }'
      ),
    (answer) => !answer.errors && countsOf(answer) === sorted([...expected])
  )

  expect(board.errors).toBeUndefined()
  expect(countsOf(board)).toBe(sorted([...expected]))
  const { late, drift } = board.data.fulfillmentBoard

  expect(late).toBe(lateShare(plan).late)
  expect(late / lateShare(plan).canBeLate).toBeGreaterThan(0.25)
  expect(late / lateShare(plan).canBeLate).toBeLessThan(0.45)
  expect(drift).toBe(1) // the IDLE order (external fulfillment)

  // A restart: the simulator back to its seed, the same anchor, the same notifications.
  sim.reset()
  const second = await replay()

  expect(sim.deliveries()).toHaveLength(second.notifications)
  expect(sim.deliveries().every((d) => d.status === 200)).toBe(true)
  expect(await sentStatusChanges()).toBe(first.notifications)
  const history = await gql(
    '{ recentStatusChanges(first: 100) { id orderId newStatus occurredAt } }'
  )

  expect(history.errors).toBeUndefined()
  const ids = history.data.recentStatusChanges.map((c: { id: string }) => c.id)

  expect(new Set(ids).size).toBe(ids.length)
})
