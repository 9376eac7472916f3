/*
 * `npm start`: the whole product on one machine. Starts the store stand-in (VBase and Master
 * Data), the Pick and Pack simulator (with the OMS sandbox) and the local host, wires the
 * simulator's webhook and OMS broadcasts to the host (the webhook with a freshly generated
 * secret), replays the seeded orders' history so that the board has something to show, and
 * prints where to look.
 *
 * A restart keeps both sides: the store's data, the replay anchor and the simulator's order
 * state (sandbox-simulator.json) all live in DATA_DIR, so an order's live status is the one its
 * history ends with. `npm start -- --fresh` wipes DATA_DIR first: both sides start from the seed.
 */
import './host/appIdentity'
import { randomBytes } from 'crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'fs'
import path from 'path'

import { appRoot } from './appRoot'
import { configFromEnv } from './host/config'
import { loadAdmin } from './host/loadAdmin'
import { startHost } from './host/server'
import type { ReplayResult, Simulator } from './simulator'
import {
  HOSTNAME,
  replayPlan,
  SEEDED_ORDERS,
  startSimulator,
} from './simulator'
import { notifyCommand } from './notifyCommand'
import { parseStartArgs, wipeDataDir } from './startOptions'
import { createStore } from './store/server'

const API_KEY = 'sandbox-api-key'
/** How long the start waits for the replay before it prints the addresses anyway. */
const REPLAY_WAIT_MS = 15_000
const ANCHOR_FILE = 'sandbox-replay.json'
/** The simulator's orders as the last run left them (see dev/simulator/persist.ts). */
const SIMULATOR_STATE_FILE = 'sandbox-simulator.json'

/**
 * When the replayed history ends: chosen at the first start and kept beside the store's data,
 * so that every later start replays the same dates, which the app recognises as redeliveries
 * (same dates, same change ids). A fresh DATA_DIR starts a fresh history.
 */
function replayAnchor(dataDir: string): number {
  const file = path.join(dataDir, ANCHOR_FILE)

  try {
    const anchor = Date.parse(JSON.parse(readFileSync(file, 'utf8')).anchor)

    if (Number.isFinite(anchor)) return anchor
  } catch {
    // None yet (or unreadable): a new one.
  }

  const anchor = Date.now()

  mkdirSync(dataDir, { recursive: true })
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        anchor: new Date(anchor).toISOString(),
        about:
          'npm start replays the seeded orders history dated before this anchor; npm start -- --fresh deletes this folder to start afresh',
      },
      null,
      2
    )}\n`
  )

  return anchor
}

/** Resolves true when `work` settled within `ms`, false otherwise (it goes on). */
function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)

    work.then(
      () => {
        clearTimeout(timer)
        resolve(true)
      },
      () => {
        clearTimeout(timer)
        resolve(true)
      }
    )
  })
}

/** The replay's outcome in a line or two. */
async function replayLines(
  simulator: Simulator,
  replay: ReplayResult
): Promise<string[]> {
  const started = Date.now()
  const done = await within(
    Promise.all([simulator.drainDeliveries(), simulator.drainOmsEvents()]),
    REPLAY_WAIT_MS
  )

  const delivered = simulator.deliveries().filter((d) => d.delivered).length
  const events = simulator.omsEvents()
  const handled = events.filter((e) => e.delivered).length
  const noHandler = events.some((e) => e.status === 404)
  const now = Date.now()
  const plan = replayPlan(Date.parse(replay.anchor))
  const lateNow = plan.filter(
    (o) =>
      o.limitMinutes !== null &&
      now - Date.parse(o.since) > o.limitMinutes * 60_000
  ).length

  return [
    `History replayed: ${delivered} of ${
      replay.notifications
    } status changes of ${replay.late.orders} orders delivered to the webhook${
      done
        ? ` in ${((Date.now() - started) / 1000).toFixed(1)} s`
        : ' so far (the rest follows)'
    }, dated up to ${replay.anchor}; ${lateNow} of ${
      replay.late.canBeLate
    } active orders are late now (default time limits).`,
    `OMS events: ${handled} of ${
      replay.omsEvents
    } order-status-updated broadcasts handled${
      noHandler ? ' (the app has no handler for them yet: 404)' : ''
    }.`,
  ]
}

async function main() {
  const args = parseStartArgs(process.argv.slice(2))
  const simPort = Number(process.env.SIM_PORT ?? 4010)
  const autoMs = Number(args.autoMs ?? process.env.SIM_AUTO_ADVANCE_MS ?? 0)

  // The merchant's own secret when given, else one for this run; printed below, so that
  // `npm run notify` can be pointed at this sandbox (it is the sandbox's, on loopback only).
  const secret =
    process.env.PNP_WEBHOOK_SECRET ?? randomBytes(24).toString('base64url')

  const simURL = `http://127.0.0.1:${simPort}`
  const config = configFromEnv({
    ...process.env,
    PNP_AUTH_URL: process.env.PNP_AUTH_URL ?? simURL,
    PNP_API_URL: process.env.PNP_API_URL ?? simURL,
    PNP_V1_URL: process.env.PNP_V1_URL ?? simURL,
    OMS_URL: process.env.OMS_URL ?? simURL,
    PNP_API_KEY: process.env.PNP_API_KEY ?? API_KEY,
    PNP_WEBHOOK_SECRET: secret,
    PNP_HOSTNAME: process.env.PNP_HOSTNAME ?? HOSTNAME,
  })

  const dataDir = config.dataDir ?? path.resolve('.data')
  const wiped = args.fresh ? wipeDataDir(dataDir, appRoot()) : false

  const store = config.storeURL
    ? undefined
    : await createStore({
        port: Number(process.env.STORE_PORT ?? 4020),
        dataDir,
        latencyMs: Number(process.env.STORE_LATENCY_MS ?? 0),
        indexDelayMs: Number(process.env.STORE_INDEX_DELAY_MS ?? 1000),
      })

  const storeURL = config.storeURL ?? (store as { url: string }).url
  // "Open in OMS" (/admin/orders/{id}) goes to the OMS sandbox's page of the order.
  const admin = await loadAdmin(config.omsURL)
  const host = await startHost({ ...config, storeURL, admin }).catch(
    async (error) => {
      await store?.close()
      throw error
    }
  )

  const simulator = await startSimulator({
    port: simPort,
    apiKey: API_KEY,
    autoAdvanceMs: autoMs > 0 ? autoMs : undefined,
    webhook: {
      url: `${host.url}/_v/pick-and-pack/webhook`,
      method: 'POST',
      headers: { 'x-webhook-secret': secret },
    },
    omsEvents: { url: `${host.url}/_sandbox/events` },
    stateFile: path.join(dataDir, SIMULATOR_STATE_FILE),
  }).catch(async (error) => {
    await host.close()
    await store?.close()
    throw error
  })

  const replayOff = /^(0|off|false|no)$/i.test(process.env.SANDBOX_REPLAY ?? '')
  const replay = replayOff ? undefined : simulator.replay(replayAnchor(dataDir))

  const history = replay
    ? await replayLines(simulator, replay)
    : ['History replay off (SANDBOX_REPLAY=off).']

  const example = SEEDED_ORDERS.find(
    (order) => order.status === 'READY_FOR_HANDLING'
  )

  const lines = [
    '',
    'Pick and Pack Tracking — local sandbox',
    '',
    `  Admin page     ${host.url}/admin/app/pick-and-pack   (?locale=pt or es for Portuguese or Spanish)`,
    `  GraphQL        POST ${host.url}/graphql`,
    `  Webhook        POST ${host.url}/_v/pick-and-pack/webhook`,
    `  Secret         ${secret}  (${
      process.env.PNP_WEBHOOK_SECRET
        ? 'PNP_WEBHOOK_SECRET'
        : 'generated for this run'
    }: header x-webhook-secret)`,
    `  Simulator      ${simulator.url}  (Pick and Pack API + OMS sandbox, /_sandbox/orders)`,
    `  Store          ${storeURL}  (VBase and Master Data stand-in; data in ${dataDir})`,
    '',
    args.fresh
      ? `Started fresh: ${
          wiped ? `${dataDir} was deleted` : `${dataDir} did not exist`
        }; the orders begin at their seeded status.`
      : simulator.restoredOrders > 0
      ? `Resumed: the simulator's orders and the app's data are as the last run left them (${dataDir}).`
      : 'First run: the orders begin at their seeded status.',
    '  `npm start -- --fresh` deletes the data folder and starts both sides from the seed.',
    '',
    'Orders to try:',
    ...SEEDED_ORDERS.slice(0, 8).map(
      (order) =>
        `  ${host.url}/admin/app/pick-and-pack/orders/${order.orderId}   ${order.description}`
    ),
    `  … ${SEEDED_ORDERS.length} in all: ${simulator.url}/_sandbox/orders`,
    '',
    ...history,
    '',
    'Send a notification yourself, as Pick and Pack would:',
    `  ${notifyCommand({
      secret,
      webhookURL: `${host.url}/_v/pick-and-pack/webhook`,
      hostname: config.settings.hostname,
      orderId: example?.orderId ?? SEEDED_ORDERS[0].orderId,
      oldStatus: 'READY_FOR_HANDLING',
      newStatus: 'READY_FOR_PICKING',
    })}`,
    'Move an order along its flow (the simulator sends the webhook):',
    `  curl -X POST ${simulator.url}/_sandbox/orders/${
      example?.orderId ?? SEEDED_ORDERS[0].orderId
    }/advance`,
    'Cancel or invoice it in the OMS only (the OMS broadcasts order-status-updated):',
    `  curl -X POST ${simulator.url}/_sandbox/orders/${
      example?.orderId ?? SEEDED_ORDERS[0].orderId
    }/oms -H 'content-type: application/json' -d '{"action":"cancel"}'`,
    autoMs > 0
      ? `Orders advance by themselves every ${autoMs} ms.`
      : 'Or run `npm start -- --auto 5000` to advance orders on a timer.',
    '',
    'Ctrl-C stops every server.',
    '',
  ]

  process.stdout.write(lines.join('\n'))

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    Promise.all([simulator.close(), host.close()])
      .then(() => store?.close())
      .then(
        () => process.exit(0),
        () => process.exit(1)
      )
  }

  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  process.stderr.write(
    `sandbox failed to start: ${
      error instanceof Error ? error.message : String(error)
    }\n`
  )
  process.exit(1)
})
