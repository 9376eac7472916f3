// Runs the store stand-in from the command line (`npm run start:store`), on 127.0.0.1 only.
// Environment: STORE_PORT (4020; 0 picks a free port), DATA_DIR (.data), STORE_LATENCY_MS (0),
// STORE_INDEX_DELAY_MS (1000), APP_ROOT (the app's root, for masterdata/ schemas).
/* eslint-disable no-console */ // printing is this file's job
import { appRoot } from '../appRoot'
import type { StoreOptions } from './server'
import { createStore } from './server'
import { stopOnSignals } from '../signals'

function int(value: string | undefined, what: string): number | undefined {
  if (value === undefined || value === '') return undefined
  const n = Number(value)

  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`${what} must be a whole number, got "${value}"`)
  }

  return n
}

export function optionsFrom(env: NodeJS.ProcessEnv): StoreOptions {
  return {
    host: '127.0.0.1',
    port: int(env.STORE_PORT, 'STORE_PORT') ?? 4020,
    // An empty variable counts as unset.
    dataDir: env.DATA_DIR ? env.DATA_DIR : '.data',
    latencyMs: int(env.STORE_LATENCY_MS, 'STORE_LATENCY_MS') ?? 0,
    indexDelayMs: int(env.STORE_INDEX_DELAY_MS, 'STORE_INDEX_DELAY_MS') ?? 1000,
    appRoot: env.APP_ROOT ? env.APP_ROOT : appRoot(),
  }
}

async function main() {
  const options = optionsFrom(process.env)
  const store = await createStore(options)

  console.log(`Store stand-in (VBase + Master Data v2) on ${store.url}`)
  console.log(
    `  VBase:       ${store.url}/vbase/{account}/{workspace}/buckets/...`
  )
  console.log(
    `  Master Data: ${store.url}/api/dataentities/{entity}/...?an={account}`
  )
  console.log(
    `  controls:    ${store.url}/_store/faults, ${store.url}/_store/stats`
  )
  console.log(
    `  data: ${options.dataDir}, latency ${options.latencyMs} ms, search lags writes by ${options.indexDelayMs} ms`
  )

  stopOnSignals('store', () => store.close())
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
