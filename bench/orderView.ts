import { startSandboxProcesses } from './processes'
import { API_KEY, graphql } from './sandbox'
import { median, percentile, round, timeSequential } from './stats'

/** A seeded v1 order, delivered: its shipment has a photo and a signature as evidences. */
const ORDER = '1253881550651-01'

type Side = 'app' | 'shipments' | 'direct' | 'naive'

export interface OrderViewResult {
  latencyMs: number
  requestsPerSide: number
  runs: number
  p50: Record<Side, number>
  p95: Record<Side, number>
  ratioToDirect: number
  shipmentsRatioToDirect: number
  ratioToNaive: number
  targets: {
    withinDirect: number
    shipmentsWithinDirect: number
    belowNaive: number
  }
  pass: boolean
}

/** The order view's main request: everything but the shipments, which come apart. */
const MAIN_QUERY = `query($id: ID!) { orderFulfillment(orderId: $id) {
  orderId
  pickAndPack { source fulfillmentStatus pickingStatus pickers timings { picking packing }
    pickedItems { refId quantity sellingPrice weighable unitOfMeasure } rejectedItems { refId reasons } }
  oms { status value items { refId quantity } }
  history { newStatus receivedAt }
  items { refId state reasons substitutes }
} }`

const SHIPMENTS_QUERY = `query($id: ID!) { orderShipments(orderId: $id) {
  id status carrier courier trackingUrl deliveredDate notes evidences { type url }
} }`

/**
 * The order view through the local host while every upstream call takes `latencyMs`: its main
 * request (v1 order, OMS and history, in parallel) and its shipments request (the list, then
 * each shipment's details in parallel), against baselines measured in the same run: one direct
 * v1 order GET, and the naive sequence (new token, then the order, then the OMS).
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
    const v1Order = async (bearer: string) => {
      const response = await fetch(`${sim}/prod/v1/orders/${ORDER}`, {
        headers: { authorization: `Bearer ${bearer}` },
      })

      if (response.status !== 200)
        throw new Error(`v1 order ${response.status}`)
      await response.arrayBuffer()
    }

    const app = (query: string) => async () => {
      const result = await graphql(sandbox.hostURL, query, { id: ORDER })

      if (result.errors) throw new Error(JSON.stringify(result.errors))
    }

    const sides: Record<Side, () => Promise<void>> = {
      direct: () => v1Order(jwt),
      naive: async () => {
        await v1Order(await token())
        const oms = await fetch(`${sim}/api/oms/pvt/orders/${ORDER}`)

        await oms.arrayBuffer()
      },
      app: app(MAIN_QUERY),
      shipments: app(SHIPMENTS_QUERY),
    }

    // Warm-up: token cache, connections, JIT.
    for (const side of Object.values(sides)) {
      // eslint-disable-next-line no-await-in-loop
      for (let i = 0; i < 3; i++) await side()
    }

    const names: Side[] = ['direct', 'app', 'shipments', 'naive']
    const p50s = Object.fromEntries(names.map((n) => [n, [] as number[]]))
    const p95s = Object.fromEntries(names.map((n) => [n, [] as number[]]))

    for (let run = 0; run < runs; run++) {
      // Sides interleaved within each run so that they share the machine's noise.
      for (const name of names) {
        // eslint-disable-next-line no-await-in-loop
        const samples = await timeSequential(requests, sides[name])

        p50s[name].push(percentile(samples, 50))
        p95s[name].push(percentile(samples, 95))
      }
    }

    const summary = (samples: Record<string, number[]>) =>
      Object.fromEntries(
        names.map((n) => [n, round(median(samples[n]))])
      ) as Record<Side, number>

    const p50 = summary(p50s)
    const p95 = summary(p95s)
    const ratioToDirect = p50.app / p50.direct
    const shipmentsRatioToDirect = p50.shipments / p50.direct
    const ratioToNaive = p50.app / p50.naive
    const targets = {
      withinDirect: 1.2,
      shipmentsWithinDirect: 2.4,
      belowNaive: 0.45,
    }

    return {
      latencyMs,
      requestsPerSide: requests,
      runs,
      p50,
      p95,
      ratioToDirect: round(ratioToDirect, 3),
      shipmentsRatioToDirect: round(shipmentsRatioToDirect, 3),
      ratioToNaive: round(ratioToNaive, 3),
      targets,
      pass:
        ratioToDirect <= targets.withinDirect &&
        shipmentsRatioToDirect <= targets.shipmentsWithinDirect &&
        ratioToNaive <= targets.belowNaive,
    }
  } finally {
    await sandbox.stop()
  }
}
