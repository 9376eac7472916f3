import { spawn } from 'child_process'
import path from 'path'

import autocannon from 'autocannon'
import { build } from 'esbuild'

import { appRoot } from '../dev/appRoot'
import { readStoreFiles } from '../dev/host/fileVBase'
import { FLOW_STATUSES } from '../node/domain/statuses'
import { freePort, startSandboxProcesses } from './processes'
import { SECRET } from './sandbox'
import { median, round } from './stats'

const BARE_KOA = path.join(appRoot(), 'dist', 'bench', 'bareKoa.js')
const ORDERS = 2000

interface Load {
  /** Distinct notifications sent; each must end up stored exactly once. */
  sent: number
  /** Acknowledged with 200 during the run, plus those replayed after it. */
  accepted: number
  requests: number
  throughput: number
  p99: number
  non2xx: number
  errors: number
}

/** `connections` clients for `seconds`, every request a distinct valid notification. */
async function load(
  url: string,
  connections: number,
  seconds: number
): Promise<Load> {
  let sequence = 0
  let acknowledged = 0
  const base = Date.UTC(2026, 10, 27)
  // One request in flight per connection: its context remembers the body until answered.
  const contexts = new Set<{ pending?: string }>()

  const result = await autocannon({
    url: `${url}/_v/pick-and-pack/webhook`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-webhook-secret': SECRET },
    requests: [
      {
        setupRequest: (
          request: Record<string, unknown>,
          context: { pending?: string }
        ) => {
          const n = sequence++
          const step = Math.floor(n / ORDERS)

          contexts.add(context)
          context.pending = JSON.stringify({
            orderId: `${1300000000000 + (n % ORDERS)}-01`,
            oldStatus: FLOW_STATUSES[step % FLOW_STATUSES.length],
            newStatus: FLOW_STATUSES[(step + 1) % FLOW_STATUSES.length],
            hostname: 'benchstore',
            // Distinct per request, so that none is a redelivery.
            date: new Date(base + n).toISOString(),
          })

          return { ...request, body: context.pending }
        },
        onResponse: (
          status: number,
          _body: string,
          context: { pending?: string }
        ) => {
          if (status === 200) acknowledged++
          context.pending = undefined
        },
      },
    ],
  } as autocannon.Options)

  // Requests cut off when the time ran out may or may not have been stored: send them again.
  // A redelivery is idempotent, so afterwards every notification sent is stored exactly once.
  let replayed = 0

  for (const context of contexts) {
    if (!context.pending) continue
    // eslint-disable-next-line no-await-in-loop
    const response = await fetch(`${url}/_v/pick-and-pack/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-webhook-secret': SECRET,
      },
      body: context.pending,
    })

    if (response.status === 200) replayed++
  }

  return {
    sent: sequence,
    accepted: acknowledged + replayed,
    requests: result.requests.total,
    throughput: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/** Counts the changes the host's data dir holds for the benchmark's orders (after it stopped). */
function storedChanges(dataDir: string) {
  let count = 0

  for (const [key, content] of readStoreFiles(dataDir)) {
    if (key.startsWith('pick-and-pack-history/orders/')) {
      count += (JSON.parse(content) as { entries: unknown[] }).entries.length
    }
  }

  return count
}

async function withBaseline<T>(work: (url: string) => Promise<T>) {
  const port = await freePort()

  // The baseline runs compiled too, so that both sides pay the same.
  await build({
    entryPoints: [path.join(__dirname, 'bareKoa.ts')],
    outfile: BARE_KOA,
    bundle: true,
    platform: 'node',
    packages: 'external',
    logLevel: 'warning',
  })
  const child = spawn(process.execPath, [BARE_KOA], {
    env: { ...process.env, PORT: String(port) },
    stdio: 'ignore',
    detached: true,
  })

  try {
    const url = `http://127.0.0.1:${port}`

    for (let i = 0; i < 100; i++) {
      try {
        // eslint-disable-next-line no-await-in-loop
        await fetch(url)
        break
      } catch {
        // eslint-disable-next-line no-await-in-loop
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }

    return await work(url)
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM')
  }
}

export interface WebhookIntakeResult {
  connections: number
  seconds: number
  runs: number
  throughput: { app: number; baseline: number }
  ratio: number
  p99: number
  non2xx: number
  sent: number
  accepted: number
  stored: number
  targets: { ratio: number; p99Ms: number }
  pass: boolean
}

export async function benchWebhookIntake({
  connections = 50,
  seconds = 10,
  runs = 3,
} = {}): Promise<WebhookIntakeResult> {
  const app: Load[] = []
  const baseline: Load[] = []
  let accepted = 0
  let sent = 0
  let stored = 0

  for (let run = 0; run < runs; run++) {
    // eslint-disable-next-line no-await-in-loop
    baseline.push(await withBaseline((url) => load(url, connections, seconds)))

    // A fresh host per run, so that the stored count belongs to this run alone.
    // eslint-disable-next-line no-await-in-loop
    const sandbox = await startSandboxProcesses()

    try {
      // eslint-disable-next-line no-await-in-loop
      const result = await load(sandbox.hostURL, connections, seconds)

      app.push(result)
      accepted += result.accepted
      sent += result.sent
      // eslint-disable-next-line no-await-in-loop
      stored += storedChanges(sandbox.dataDir)
    } finally {
      // eslint-disable-next-line no-await-in-loop
      await sandbox.stop()
    }
  }

  const throughput = {
    app: round(median(app.map((r) => r.throughput)), 0),
    baseline: round(median(baseline.map((r) => r.throughput)), 0),
  }

  const ratio = round(throughput.app / throughput.baseline, 3)
  const p99 = median(app.map((r) => r.p99))
  const non2xx = app.reduce((sum, r) => sum + r.non2xx + r.errors, 0)

  return {
    connections,
    seconds,
    runs,
    throughput,
    ratio,
    p99,
    non2xx,
    sent,
    accepted,
    stored,
    targets: { ratio: 0.4, p99Ms: 50 },
    pass:
      ratio >= 0.4 &&
      p99 < 50 &&
      non2xx === 0 &&
      accepted === sent &&
      stored === sent,
  }
}
