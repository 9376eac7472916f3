import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import type { HostConfig } from '../dev/host/app'
import { startHost } from '../dev/host/server'
import type { SimulatorOptions } from '../dev/simulator'
import { startSimulator } from '../dev/simulator'

export const API_KEY = 'bench-api-key'
export const SECRET = 'bench-webhook-secret'

let hosts = 0

/** A simulator and a local host wired together on free ports, with a throwaway data dir. */
export async function startSandbox(
  simulatorOptions: SimulatorOptions = {},
  settings: Partial<HostConfig['settings']> = {}
) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pnp-bench-'))
  const simulator = await startSimulator({
    port: 0,
    apiKey: API_KEY,
    ...simulatorOptions,
  })

  const host = await startHost({
    port: 0,
    authURL: simulator.url,
    apiURL: simulator.url,
    v1URL: simulator.url,
    omsURL: simulator.url,
    settings: {
      apiKey: API_KEY,
      environment: 'prod',
      webhookSecret: SECRET,
      ...settings,
    },
    dataDir,
    account: `bench${process.pid}x${++hosts}`,
  })

  return {
    simulator,
    host,
    async stop() {
      await host.close()
      await simulator.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export async function graphql(url: string, query: string, variables?: object) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  })

  return (await response.json()) as {
    data?: unknown
    errors?: Array<{ extensions?: { code?: string } }>
  }
}

export const ORDER_VIEW_QUERY = `query($id: ID!) { orderFulfillment(orderId: $id) {
  orderId
  pickAndPack { fulfillmentStatus pickedItems { refId quantity sellingPrice } shipping { trackingId services { courier } } }
  oms { status value items { refId quantity } }
  history { newStatus receivedAt }
  items { refId state }
} }`
