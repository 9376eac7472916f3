import { startSandboxProcesses } from './processes'
import { API_KEY, graphql, ORDER_VIEW_QUERY } from './sandbox'
import { median, percentile, round, timeSequential } from './stats'

const ORDER = '1253881550433-01'

export interface OrderViewResult {
  latencyMs: number
  requestsPerSide: number
  runs: number
  p50: { app: number; direct: number; naive: number }
  p95: { app: number; direct: number; naive: number }
  ratioToDirect: number
  ratioToNaive: number
  targets: { withinDirect: number; belowNaive: number }
  pass: boolean
}

/**
 * `orderFulfillment` through the local host while every upstream call takes `latencyMs`,
 * against two baselines measured in the same run: one direct tracking GET, and the naive
 * sequence the upstream docs describe (new token, then tracking, then OMS).
 */
export async function benchOrderView({
  latencyMs = 50,
  requests = 40,
  runs = 3,
} = {}): Promise<OrderViewResult> {
  const sandbox = await startSandboxProcesses()
  const sim = sandbox.simURL

  try {
    await sandbox.control('/_sandbox/faults', { latencyMs })
    const token = async () => {
      const response = await fetch(`${sim}/prod/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ apiKey: API_KEY }),
      })

      return ((await response.json()) as { data: string }).data
    }

    const jwt = await token()
    const tracking = async (authorization: string) => {
      const response = await fetch(`${sim}/prod/picking-tracking/${ORDER}`, {
        headers: { authorization },
      })

      if (response.status !== 200)
        throw new Error(`tracking ${response.status}`)
      await response.arrayBuffer()
    }

    const sides = {
      direct: () => tracking(jwt),
      naive: async () => {
        await tracking(await token())
        const oms = await fetch(`${sim}/api/oms/pvt/orders/${ORDER}`)

        await oms.arrayBuffer()
      },
      app: async () => {
        const result = await graphql(sandbox.hostURL, ORDER_VIEW_QUERY, {
          id: ORDER,
        })

        if (result.errors) throw new Error(JSON.stringify(result.errors))
      },
    }

    // Warm-up: token cache, connections, JIT.
    for (const side of Object.values(sides)) {
      // eslint-disable-next-line no-await-in-loop
      for (let i = 0; i < 3; i++) await side()
    }

    const p50s = {
      app: [] as number[],
      direct: [] as number[],
      naive: [] as number[],
    }

    const p95s = {
      app: [] as number[],
      direct: [] as number[],
      naive: [] as number[],
    }

    for (let run = 0; run < runs; run++) {
      // Sides interleaved within each run so that they share the machine's noise.
      for (const name of ['direct', 'app', 'naive'] as const) {
        // eslint-disable-next-line no-await-in-loop
        const samples = await timeSequential(requests, sides[name])

        p50s[name].push(percentile(samples, 50))
        p95s[name].push(percentile(samples, 95))
      }
    }

    const p50 = {
      app: median(p50s.app),
      direct: median(p50s.direct),
      naive: median(p50s.naive),
    }

    const p95 = {
      app: median(p95s.app),
      direct: median(p95s.direct),
      naive: median(p95s.naive),
    }

    const ratioToDirect = p50.app / p50.direct
    const ratioToNaive = p50.app / p50.naive

    return {
      latencyMs,
      requestsPerSide: requests,
      runs,
      p50: {
        app: round(p50.app),
        direct: round(p50.direct),
        naive: round(p50.naive),
      },
      p95: {
        app: round(p95.app),
        direct: round(p95.direct),
        naive: round(p95.naive),
      },
      ratioToDirect: round(ratioToDirect, 3),
      ratioToNaive: round(ratioToNaive, 3),
      targets: { withinDirect: 1.2, belowNaive: 0.45 },
      pass: ratioToDirect <= 1.2 && ratioToNaive <= 0.45,
    }
  } finally {
    await sandbox.stop()
  }
}
