import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import type { HostConfig } from '../../../dev/host/app'
import type { StartedHost } from '../../../dev/host/server'
import { startHost } from '../../../dev/host/server'
import type { OrderHistory } from '../../domain/history'
import { clearStoreFaults, setStoreFault } from './storeFaults'

let accounts = 0

export type TestHost = StartedHost & {
  dataDir: string
  account: string
  /** The order's stored history, read from the store as VBase answers it (null: none). */
  storedHistory(orderId: string): Promise<OrderHistory | null>
  /** Makes the store fail the next calls (`POST /_store/faults`). */
  storeFault(fault: {
    method: string
    path: string
    answer: 412 | 500 | 'timeout-after-commit'
    times: number
  }): Promise<void>
  clearStoreFaults(): Promise<void>
  /** Writes the store took since the last reset (PUT and DELETE over VBase). */
  storeWrites(): Promise<number>
  resetStoreStats(): Promise<void>
  stop(): Promise<void>
}

/** The VBase path prefix of the app's history files in the store stand-in. */
export const historyFiles = (account: string) =>
  `/vbase/${account}/master/buckets/${
    (process.env.VTEX_APP_ID ?? '').split('@')[0]
  }/pick-and-pack-history/files/`

/**
 * The local host (the service's real route and resolvers) on a free port, with its own store
 * stand-in over its own data dir, or the given store (then several hosts are replicas).
 */
export async function startTestHost(
  upstreamURL: string,
  settings: HostConfig['settings'],
  options: { storeURL?: string; account?: string; workspace?: string } = {}
): Promise<TestHost> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pnp-test-'))
  // Settings are cached per account: each host gets its own unless it joins replicas.
  const account = options.account ?? `test${process.pid}x${++accounts}`
  const host = await startHost({
    port: 0,
    authURL: upstreamURL,
    apiURL: upstreamURL,
    omsURL: upstreamURL,
    settings,
    dataDir,
    storeURL: options.storeURL,
    account,
    workspace: options.workspace,
  })

  return {
    ...host,
    dataDir,
    account,
    storedHistory: async (orderId) => {
      const response = await fetch(
        `${host.storeURL}${historyFiles(account)}orders/${orderId}.json`
      )

      if (response.status === 404) return null
      if (!response.ok) throw new Error(`store answered ${response.status}`)

      // Parsed here, not by fetch: its objects would come from another realm than the test's.
      return JSON.parse(await response.text()) as OrderHistory
    },
    storeFault: (fault) =>
      setStoreFault(host.storeURL, {
        method: fault.method,
        // A path of the app's history files, or a whole one (`/api/dataentities/...`).
        pathPrefix: fault.path.startsWith('/')
          ? fault.path
          : historyFiles(account) + fault.path,
        answer: fault.answer,
        times: fault.times,
      }),
    clearStoreFaults: () => clearStoreFaults(host.storeURL),
    storeWrites: async () => {
      const stats = (await (
        await fetch(`${host.storeURL}/_store/stats`)
      ).json()) as { vbase?: Record<string, number> }

      return (stats.vbase?.PUT ?? 0) + (stats.vbase?.DELETE ?? 0)
    },
    resetStoreStats: async () => {
      await fetch(`${host.storeURL}/_store/stats/reset`, { method: 'POST' })
    },
    stop: async () => {
      await host.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
