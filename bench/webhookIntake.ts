/*
 * The webhook as VTEX IO runs it: three host processes (replicas) over one store stand-in that
 * adds 20 ms to every call, as VBase's remote round trips do. Senders spread notifications
 * round-robin over the replicas. Measured in the same run:
 *
 * - the store's own round trip (a GET of an absent file from this process), the baseline;
 * - store calls per kind of notification (a new order's first change, a later change, a
 *   redelivery), each in a small sequential phase, and averaged over the mixes;
 * - the mix (per order: change 1, change 2, change 1 again; orders interleaved at random, each
 *   order's steps in order) with 5 and with 50 concurrent senders: latency and throughput;
 * - afterwards, straight from the store and the replicas' sent-event lists: every change
 *   acknowledged is in its order's history once, and was published as one IO event.
 */
import { readFileSync } from 'fs'
import http from 'http'
import path from 'path'

import { appRoot } from '../dev/appRoot'
import type { ReplicaSet } from '../dev/processes'
import { startReplicaSet } from '../dev/processes'
import { percentile, round } from './stats'
import { seededRandom } from '../dev/seededRandom'

const SECRET = 'bench-webhook-secret'
const HOSTNAME = 'benchstore'
const HOSTS = 3
const STORE_LATENCY_MS = 20
const STATUS_CHANGED = 'pick-and-pack.status-changed'
const REQUEST_TIMEOUT_MS = 30_000
/** Each replica lists its last 10,000 sent events: stay well below to count them all. */
const MAX_EVENTS_PER_HOST = 9_000
const WEBHOOK_PATH = '/_v/pick-and-pack/webhook'

const manifest = JSON.parse(
  readFileSync(path.join(appRoot(), 'manifest.json'), 'utf8')
) as { vendor: string; name: string }

/** VTEX_APP_ID without its version: the hosts' VBase buckets live under it. */
const APP_NAME = `${manifest.vendor}.${manifest.name}`
/** The hosts' account and workspace (the local host's defaults). */
const HISTORY_FILES = `/vbase/sandbox/master/buckets/${APP_NAME}/pick-and-pack-history/files/orders/`

type Kind = 'first' | 'later' | 'redelivery'

export interface StoreCalls {
  total: number
  /** Non-zero counts only, e.g. `{ 'vbase GET': 1, 'vbase PUT': 3 }`. */
  byOperation: Record<string, number>
}

interface StatsSnapshot {
  vbase: Record<string, number>
  masterdata: Record<string, number>
  total: number
}

/* ------------------------------------------------------------------ HTTP, keep-alive */

interface Answer {
  status: number
  text: string
  ms: number
}

const agents = new Map<string, http.Agent>()

function agentFor(origin: string) {
  let agent = agents.get(origin)

  if (!agent) {
    // Idle connections are dropped after 3 s, before the host's keep-alive timeout (5 s): a
    // request never goes out on a connection the host is closing (it would get no answer).
    agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 3000 })
    agents.set(origin, agent)
  }

  return agent
}

/** One request over a keep-alive connection; never rejects (status 0: no answer). */
function request(
  method: string,
  url: string,
  send: { body?: string; headers?: Record<string, string> } = {}
): Promise<Answer> {
  const { body, headers = {} } = send
  const target = new URL(url)
  const start = process.hrtime.bigint()
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6

  return new Promise((resolve) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method,
        agent: agentFor(target.origin),
        headers: body
          ? {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              ...headers,
            }
          : headers,
      },
      (res) => {
        const chunks: Buffer[] = []

        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            ms: elapsed(),
          })
        )
        res.on('error', () => resolve({ status: 0, text: '', ms: elapsed() }))
      }
    )

    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy())
    req.on('error', () => resolve({ status: 0, text: '', ms: elapsed() }))
    req.end(body)
  })
}

async function getJSON<T>(url: string): Promise<T> {
  const answer = await request('GET', url)

  if (answer.status !== 200) throw new Error(`GET ${url}: ${answer.status}`)

  return JSON.parse(answer.text) as T
}

/* ------------------------------------------------------------------ orders and their steps */

const CHANGES = [
  { oldStatus: 'READY_FOR_HANDLING', newStatus: 'READY_FOR_PICKING' },
  { oldStatus: 'READY_FOR_PICKING', newStatus: 'PICKING' },
]

/** Per order: its first change, a later change, then the first change delivered again. */
const STEPS: Array<{ kind: Kind; change: number }> = [
  { kind: 'first', change: 0 },
  { kind: 'later', change: 1 },
  { kind: 'redelivery', change: 0 },
]

interface OrderRecord {
  orderId: string
  bodies: string[]
  /** Changes (index into CHANGES) acknowledged with 200 at least once. */
  acknowledged: Set<number>
  /** Changes sent at least once. */
  sent: Set<number>
  /** Next index into STEPS; STEPS.length when done, -1 when a step failed. */
  next: number
}

/** The answer's `duplicate`; undefined when the answer is not the contract's JSON. */
function duplicateFlag(text: string): boolean | undefined {
  try {
    return (JSON.parse(text) as { duplicate?: boolean }).duplicate
  } catch {
    return undefined
  }
}

/** Every notification sent and every answer, over the whole run. */
class Ledger {
  public readonly orders = new Map<string, OrderRecord>()
  public sent = 0
  public acknowledged = 0
  public non2xx = 0
  public noAnswer = 0
  /** A first send answered `duplicate: true`, or a redelivery answered `duplicate: false`. */
  public wrongDuplicateFlag = 0
  private hostTurn = 0

  constructor(private readonly hostURLs: string[]) {}

  public newOrders(count: number, firstNumber: number, day: number) {
    return Array.from({ length: count }, (_, i) => {
      const orderId = `${firstNumber + i}-01`
      const base = Date.UTC(2026, 11, day, 9, 0, 0) + i * 1000
      const order: OrderRecord = {
        orderId,
        bodies: CHANGES.map((change, n) =>
          JSON.stringify({
            orderId,
            ...change,
            hostname: HOSTNAME,
            date: new Date(base + n * 300_000).toISOString(),
          })
        ),
        acknowledged: new Set(),
        sent: new Set(),
        next: 0,
      }

      this.orders.set(orderId, order)

      return order
    })
  }

  /** Sends the order's next step to the next replica in turn; resolves with its answer. */
  public async sendNext(order: OrderRecord) {
    const step = STEPS[order.next]
    const hostURL = this.hostURLs[this.hostTurn++ % this.hostURLs.length]

    order.sent.add(step.change)
    this.sent++
    const answer = await request('POST', `${hostURL}${WEBHOOK_PATH}`, {
      body: order.bodies[step.change],
      headers: { 'x-webhook-secret': SECRET },
    })

    if (answer.status === 200) {
      this.acknowledged++
      order.acknowledged.add(step.change)
      if (duplicateFlag(answer.text) !== (step.kind === 'redelivery')) {
        this.wrongDuplicateFlag++
      }

      order.next++
    } else {
      if (answer.status === 0) this.noAnswer++
      else this.non2xx++
      order.next = -1
    }

    return { kind: step.kind, ok: answer.status === 200, ms: answer.ms }
  }
}

/* ------------------------------------------------------------------ the OMS */

/**
 * The OMS the replicas tell each change to (its interactions), answering at once: without
 * one, every change's OMS line would fail and take the failure path (mark, retry later).
 */
async function startOmsStub(): Promise<{
  url: string
  interactions: () => number
  close: () => Promise<void>
}> {
  let interactions = 0
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      if (req.method === 'POST' && /\/interactions(\?|$)/.test(req.url ?? '')) {
        interactions++
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end('{}')

        return
      }

      res.writeHead(404, { 'content-type': 'application/json' })
      res.end('{"error":{"message":"not in this stub"}}')
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }

  return {
    url: `http://127.0.0.1:${port}`,
    interactions: () => interactions,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/* ------------------------------------------------------------------ the store's counters */

async function resetStats(storeURL: string) {
  const answer = await request('POST', `${storeURL}/_store/stats/reset`)

  if (answer.status >= 300) throw new Error(`stats reset: ${answer.status}`)
}

async function readStats(storeURL: string): Promise<StoreCalls> {
  const stats = await getJSON<StatsSnapshot>(`${storeURL}/_store/stats`)
  const byOperation: Record<string, number> = {}

  for (const api of ['vbase', 'masterdata'] as const) {
    for (const [operation, count] of Object.entries(stats[api] ?? {})) {
      if (count > 0) byOperation[`${api} ${operation}`] = count
    }
  }

  return { total: stats.total, byOperation }
}

const perUnit = (calls: StoreCalls, units: number) => ({
  total: round(calls.total / units, 2),
  byOperation: Object.fromEntries(
    Object.entries(calls.byOperation).map(([operation, count]) => [
      operation,
      round(count / units, 2),
    ])
  ),
})

/* ------------------------------------------------------------------ phases */

interface Run {
  set: ReplicaSet
  ledger: Ledger
}

/**
 * Sequential round trips to the store from here: a GET of an absent VBase file (the baseline,
 * a 404 after the added latency) and, beside it for the record, a PUT of a small file (the
 * stand-in writes to disk before it answers, so a write costs it a little more).
 */
async function storeRoundTrips(
  storeURL: string,
  count: number,
  samples: { reads: number[]; writes: number[] } = { reads: [], writes: [] }
) {
  const files = `${storeURL}/vbase/sandbox/master/buckets/x/y/files/`
  const body = JSON.stringify({ padding: 'x'.repeat(1000) })

  for (let i = 0; i < count; i++) {
    // eslint-disable-next-line no-await-in-loop
    const read = await request('GET', `${files}absent`)
    // eslint-disable-next-line no-await-in-loop
    const write = await request(
      'PUT',
      `${files}written-${samples.writes.length}.json`,
      { body }
    )

    if (read.status !== 404 || write.status >= 300) {
      throw new Error(
        `store round trip: expected 404 and 2xx, got ${read.status} and ${write.status}`
      )
    }

    samples.reads.push(read.ms)
    samples.writes.push(write.ms)
  }

  return samples
}

export interface KindCost {
  kind: Kind
  notifications: number
  /** Store calls each on the answer's path, as the store counted them. */
  perNotification: { total: number; byOperation: Record<string, number> }
  /** Store calls each after the answer: the app's own event handler (board, OMS story). */
  afterAnswer: { total: number; byOperation: Record<string, number> }
  /** Answer time, one sender alone (ms). */
  p50: number
}

interface Activity {
  held: number
  running: number
}

/** Holds back, or lets go, the app's own IO events on every replica (sandbox control). */
async function holdEvents(set: ReplicaSet, hold: boolean) {
  await Promise.all(
    set.hostURLs.map(async (url) => {
      const answer = await request('POST', `${url}/_sandbox/events/hold`, {
        body: JSON.stringify({ hold }),
      })

      if (answer.status !== 200) throw new Error(`hold: ${answer.status}`)
    })
  )
}

/** Waits (at most 60 s) until no replica holds or runs an event handler. */
async function eventsSettled(set: ReplicaSet) {
  const deadline = Date.now() + 60_000

  while (Date.now() < deadline) {
    // eslint-disable-next-line no-await-in-loop
    const activity = await Promise.all(
      set.hostURLs.map((url) =>
        getJSON<Activity>(`${url}/_sandbox/events/activity`)
      )
    )

    if (activity.every((a) => a.held === 0 && a.running === 0)) return
    // eslint-disable-next-line no-await-in-loop
    await new Promise((resolve) => setTimeout(resolve, 50))
  }

  throw new Error('event handlers still running after 60 s')
}

const minus = (total: StoreCalls, part: StoreCalls): StoreCalls => ({
  total: total.total - part.total,
  byOperation: Object.fromEntries(
    Object.entries(total.byOperation)
      .map(([operation, count]) => [
        operation,
        count - (part.byOperation[operation] ?? 0),
      ])
      .filter(([, count]) => (count as number) > 0)
  ),
})

/**
 * One kind of notification for each order, sequentially, counted alone by the store: first
 * the answer's path, with the app's own events held back on every replica, then what their
 * handlers cost once let go.
 */
async function kindPhase(
  { set, ledger }: Run,
  orders: OrderRecord[],
  kind: Kind
): Promise<KindCost> {
  // An order whose previous step failed is left out (the correctness check reports it).
  const due = orders.filter((order) => STEPS[order.next]?.kind === kind)

  const samples: number[] = []

  await eventsSettled(set)
  await holdEvents(set, true)
  await resetStats(set.storeURL)
  for (const order of due) {
    // eslint-disable-next-line no-await-in-loop
    const { ok, ms } = await ledger.sendNext(order)

    if (ok) samples.push(ms)
  }

  const answerPath = await readStats(set.storeURL)

  await holdEvents(set, false)
  await eventsSettled(set)
  const afterAnswer = minus(await readStats(set.storeURL), answerPath)

  return {
    kind,
    notifications: due.length,
    perNotification: perUnit(answerPath, due.length),
    afterAnswer: perUnit(afterAnswer, due.length),
    p50: round(percentile(samples, 50), 1),
  }
}

export interface MixResult {
  senders: number
  orders: number
  notifications: number
  newChanges: number
  redeliveries: number
  seconds: number
  stoppedByTime: boolean
  p50: number
  p99: number
  p50ByKind: Record<Kind, number>
  throughput: number
  storeCalls: {
    total: number
    byOperation: Record<string, number>
    perNotification: number
    perNewChange: number
  }
}

/**
 * `senders` concurrent senders over the orders' steps: a step becomes ready once its order's
 * previous step was acknowledged, and each sender takes a ready step at random. Bounded by the
 * steps there are and by `maxSeconds` (no new step after it; those in flight finish).
 */
async function mixPhase(
  { set, ledger }: Run,
  orders: OrderRecord[],
  load: { senders: number; maxSeconds: number; seed: number }
): Promise<MixResult> {
  const { senders, maxSeconds, seed } = load
  const next = seededRandom(seed)
  const ready = [...orders]
  const samples: number[] = []
  const byKind: Record<Kind, number[]> = {
    first: [],
    later: [],
    redelivery: [],
  }

  let inFlight = 0
  let waiters: Array<() => void> = []
  let stoppedByTime = false
  const wake = () => {
    const woken = waiters

    waiters = []
    for (const resolve of woken) resolve()
  }

  /** Until a step in flight is answered (and its order's next step may be ready). */
  const answered = () =>
    new Promise<void>((resolve) => {
      waiters.push(resolve)
    })

  await eventsSettled(set)
  await resetStats(set.storeURL)
  const started = process.hrtime.bigint()
  const deadline = Date.now() + maxSeconds * 1000

  const sender = async () => {
    for (;;) {
      if (Date.now() >= deadline) {
        stoppedByTime = stoppedByTime || ready.length > 0 || inFlight > 0
        break
      }

      if (ready.length === 0) {
        if (inFlight === 0) break
        // eslint-disable-next-line no-await-in-loop
        await answered()
        continue
      }

      const index = Math.floor(next() * ready.length)
      const order = ready[index]

      ready[index] = ready[ready.length - 1]
      ready.pop()
      inFlight++
      // eslint-disable-next-line no-await-in-loop
      const { kind, ok, ms } = await ledger.sendNext(order)

      inFlight--
      if (ok) {
        samples.push(ms)
        byKind[kind].push(ms)
      }

      if (order.next >= 0 && order.next < STEPS.length) ready.push(order)
      wake()
    }

    wake()
  }

  await Promise.all(Array.from({ length: senders }, sender))
  const seconds = Number(process.hrtime.bigint() - started) / 1e9

  // The event handlers run during the load, as on VTEX IO; their calls count in the phase.
  await eventsSettled(set)
  const calls = await readStats(set.storeURL)
  const newChanges = byKind.first.length + byKind.later.length

  return {
    senders,
    orders: orders.length,
    notifications: samples.length,
    newChanges,
    redeliveries: byKind.redelivery.length,
    seconds: round(seconds, 1),
    stoppedByTime,
    p50: round(percentile(samples, 50), 1),
    p99: round(percentile(samples, 99), 1),
    p50ByKind: {
      first: round(percentile(byKind.first, 50), 1),
      later: round(percentile(byKind.later, 50), 1),
      redelivery: round(percentile(byKind.redelivery, 50), 1),
    },
    throughput: round(samples.length / seconds, 0),
    storeCalls: {
      total: calls.total,
      byOperation: calls.byOperation,
      perNotification: round(calls.total / samples.length, 2),
      perNewChange: round(calls.total / newChanges, 2),
    },
  }
}

/* ------------------------------------------------------------------ verification */

interface StoredHistory {
  entries: Array<{ id: string; newStatus: string }>
}

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T>(
  items: T[],
  width: number,
  work: (item: T) => Promise<void>
) {
  for (let i = 0; i < items.length; i += width) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.all(items.slice(i, i + width).map(work))
  }
}

export interface Correctness {
  sent: number
  acknowledged: number
  non2xx: number
  noAnswer: number
  wrongDuplicateFlag: number
  /** Distinct changes acknowledged (a redelivery is the same change again). */
  changes: number
  /** Of those, found in their order's history file in the store. */
  stored: number
  lost: number
  /** History entries beyond the distinct changes sent (a redelivery stored twice). */
  extra: number
}

export interface EventCount {
  events: number
  distinctIds: number
  changes: number
  perChange: number
  /** Every event's id is a stored change's id, and every stored change has an event. */
  idsMatchHistory: boolean
  /** Largest sent-event list of one replica (each keeps its last 10,000). */
  largestHostList: number
}

/** Reads every order's history straight from the store and the replicas' sent events. */
async function verify(set: ReplicaSet, ledger: Ledger) {
  const orders = [...ledger.orders.values()]
  const storedIds = new Set<string>()
  let changes = 0
  let stored = 0
  let extra = 0

  await inBatches(orders, 25, async (order) => {
    const answer = await request(
      'GET',
      `${set.storeURL}${HISTORY_FILES}${order.orderId}.json`
    )

    const history: StoredHistory =
      answer.status === 200
        ? (JSON.parse(answer.text) as StoredHistory)
        : { entries: [] }

    if (answer.status !== 200 && answer.status !== 404) {
      throw new Error(`history of ${order.orderId}: ${answer.status}`)
    }

    changes += order.acknowledged.size
    for (const change of order.acknowledged) {
      const { newStatus } = CHANGES[change]

      if (history.entries.some((entry) => entry.newStatus === newStatus)) {
        stored++
      }
    }

    extra += Math.max(0, history.entries.length - order.sent.size)
    for (const entry of history.entries) storedIds.add(entry.id)
  })

  const lists = await Promise.all(
    set.hostURLs.map((url) =>
      getJSON<Array<{ topic: string; body: { id: string; orderId: string } }>>(
        `${url}/_sandbox/events/sent`
      )
    )
  )

  const events = lists
    .flat()
    .filter(
      (event) =>
        event.topic === STATUS_CHANGED && ledger.orders.has(event.body.orderId)
    )

  const eventIds = new Set(events.map((event) => event.body.id))
  const correctness: Correctness = {
    sent: ledger.sent,
    acknowledged: ledger.acknowledged,
    non2xx: ledger.non2xx,
    noAnswer: ledger.noAnswer,
    wrongDuplicateFlag: ledger.wrongDuplicateFlag,
    changes,
    stored,
    lost: changes - stored,
    extra,
  }

  const eventCount: EventCount = {
    events: events.length,
    distinctIds: eventIds.size,
    changes,
    perChange: round(events.length / changes, 2),
    idsMatchHistory:
      eventIds.size === storedIds.size &&
      [...eventIds].every((id) => storedIds.has(id)),
    largestHostList: Math.max(...lists.map((list) => list.length)),
  }

  return { correctness, events: eventCount }
}

/* ------------------------------------------------------------------ the benchmark */

export interface WebhookIntakeOptions {
  /** Orders in each per-kind phase (first change, later change, redelivery). */
  kindOrders: number
  /** Store round trips, half before and half after the 5-sender mix. */
  roundTrips: number
  few: { senders: number; orders: number; maxSeconds: number }
  many: { senders: number; orders: number; maxSeconds: number }
}

export interface WebhookIntakeResult {
  hosts: number
  storeLatencyMs: number
  /** Interaction lines the OMS stub took: one per change when each is told once. */
  omsInteractions: number
  /** Reads of an absent file (the baseline); `writeP50`: small PUTs beside them. */
  storeRoundTrip: {
    samples: number
    p50: number
    p95: number
    writeP50: number
  }
  perKind: KindCost[]
  few: MixResult
  many: MixResult
  /** p50 with few senders ÷ the store's round trip p50. */
  ratio: number
  correctness: Correctness
  events: EventCount
  targets: {
    ratioToStoreRoundTrip: number
    storeCallsPerChange: number
    eventsPerChange: number
  }
}

export async function benchWebhookIntake(
  options: WebhookIntakeOptions
): Promise<WebhookIntakeResult> {
  const maxEvents =
    (options.kindOrders * 2 +
      (options.few.orders + options.many.orders) * 2 +
      2 * HOSTS) /
    HOSTS

  if (maxEvents > MAX_EVENTS_PER_HOST) {
    throw new Error(
      'too many changes for the replicas to list every sent event: fewer orders'
    )
  }

  const oms = await startOmsStub()
  const set = await startReplicaSet({
    hosts: HOSTS,
    storeLatencyMs: STORE_LATENCY_MS,
    env: {
      PNP_WEBHOOK_SECRET: SECRET,
      PNP_HOSTNAME: HOSTNAME,
      OMS_URL: oms.url,
    },
  }).catch(async (error) => {
    await oms.close()
    throw error
  })

  try {
    const ledger = new Ledger(set.hostURLs)
    const run: Run = { set, ledger }

    // Warm-up: connections to every replica, the replicas' and the store's JIT.
    const warm = ledger.newOrders(2 * HOSTS, 1700000000000, 1)

    for (let step = 0; step < STEPS.length; step++) {
      for (const order of warm) {
        // eslint-disable-next-line no-await-in-loop
        if (order.next === step) await ledger.sendNext(order)
      }
    }

    await storeRoundTrips(set.storeURL, 10)

    const kindOrders = ledger.newOrders(options.kindOrders, 1710000000000, 1)
    const perKind: KindCost[] = []

    for (const kind of ['first', 'later', 'redelivery'] as const) {
      // eslint-disable-next-line no-await-in-loop
      perKind.push(await kindPhase(run, kindOrders, kind))
    }

    const half = Math.ceil(options.roundTrips / 2)
    const roundTrips = await storeRoundTrips(set.storeURL, half)
    const few = await mixPhase(
      run,
      ledger.newOrders(options.few.orders, 1720000000000, 2),
      { ...options.few, seed: 5 }
    )

    await storeRoundTrips(set.storeURL, options.roundTrips - half, roundTrips)

    const many = await mixPhase(
      run,
      ledger.newOrders(options.many.orders, 1730000000000, 3),
      { ...options.many, seed: 50 }
    )

    const { correctness, events } = await verify(set, ledger)
    const storeRoundTrip = {
      samples: roundTrips.reads.length,
      p50: round(percentile(roundTrips.reads, 50), 1),
      p95: round(percentile(roundTrips.reads, 95), 1),
      writeP50: round(percentile(roundTrips.writes, 50), 1),
    }

    return {
      hosts: HOSTS,
      storeLatencyMs: STORE_LATENCY_MS,
      omsInteractions: oms.interactions(),
      storeRoundTrip,
      perKind,
      few,
      many,
      ratio: round(few.p50 / storeRoundTrip.p50, 2),
      correctness,
      events,
      targets: {
        ratioToStoreRoundTrip: 4,
        storeCallsPerChange: 3,
        eventsPerChange: 1,
      },
    }
  } finally {
    for (const agent of agents.values()) agent.destroy()
    agents.clear()
    await set.stop()
    await oms.close()
  }
}
