import type { IOContext } from '@vtex/api'

import { PickAndPack } from '../node/clients/pickAndPack'
import { TokenCache } from '../node/clients/tokenCache'
import { startSimulator } from '../dev/simulator'
import { API_KEY, graphql, ORDER_VIEW_QUERY, startSandbox } from './sandbox'

const ORDER = '1253881550433-01'

const ioContext = {
  account: 'bench',
  workspace: 'master',
  authToken: 'bench-app-token',
  route: { id: 'graphql', params: {} },
  products: [],
  logger: { debug() {}, info() {}, warn() {}, error() {} },
  tracer: { isTraceSampled: false },
} as unknown as IOContext

export interface TokenEconomyResult {
  concurrentViews: number
  tokenRequestsForConcurrentViews: number
  simulated: Array<{
    minutes: number
    views: number
    tokenRequests: number
    expected: number
  }>
  pass: boolean
}

/** Views spread evenly over `minutes` of simulated time; both sides share the fake clock. */
async function simulatedViews(minutes: number, views: number) {
  let now = Date.UTC(2026, 10, 27, 9, 0, 0)
  const simulator = await startSimulator({
    port: 0,
    apiKey: API_KEY,
    now: () => now,
  })

  try {
    const client = new PickAndPack(ioContext, {
      authBaseURL: simulator.url,
      apiBaseURL: simulator.url,
      v1BaseURL: simulator.url,
      tokenCache: new TokenCache(() => now),
    })

    const step = (minutes * 60_000) / views

    for (let i = 0; i < views; i++) {
      // eslint-disable-next-line no-await-in-loop
      await client.getOrder({ apiKey: API_KEY, environment: 'prod' }, ORDER)
      now += step
    }

    // A token serves 14 minutes (15-minute JWT, renewed a minute early).
    return {
      minutes,
      views,
      tokenRequests: simulator.stats().tokenRequests,
      expected: Math.ceil(minutes / 14),
    }
  } finally {
    await simulator.close()
  }
}

export async function benchTokenEconomy({
  concurrent = 200,
  views = 1000,
} = {}): Promise<TokenEconomyResult> {
  const sandbox = await startSandbox()
  let tokenRequests: number

  try {
    const results = await Promise.all(
      Array.from({ length: concurrent }, () =>
        graphql(sandbox.host.url, ORDER_VIEW_QUERY, { id: ORDER })
      )
    )

    if (results.some((result) => result.errors)) {
      throw new Error('an order view failed during the token benchmark')
    }

    tokenRequests = sandbox.simulator.stats().tokenRequests
  } finally {
    await sandbox.stop()
  }

  const simulated = [
    await simulatedViews(10, views),
    await simulatedViews(60, views),
  ]

  return {
    concurrentViews: concurrent,
    tokenRequestsForConcurrentViews: tokenRequests,
    simulated,
    pass:
      tokenRequests === 1 &&
      simulated.every((run) => run.tokenRequests === run.expected),
  }
}
