import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import { localContext, storeVBase } from '../../../dev/store/clients'
import type { StoreOptions } from '../../../dev/store/server'
import { createStore } from '../../../dev/store/server'
import type { JsonStore } from '../../storage/jsonStore'

type Store = Awaited<ReturnType<typeof createStore>>

/**
 * A store stand-in over its own data folder for the test file: started before its tests,
 * closed and removed after them. Call at the top level; the store is read once started.
 */
export function useStoreStandIn(options: Omit<StoreOptions, 'dataDir'> = {}) {
  let store: Store | undefined
  let dataDir: string

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'pnp-store-'))
    store = await createStore({ ...options, dataDir })
  })

  afterAll(async () => {
    await store?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  return (): Store => {
    if (!store) throw new Error('The store stand-in is not started yet')

    return store
  }
}

/**
 * `account`'s VBase in a store stand-in, as a replica has it: `@vtex/api`'s own client,
 * configured as node/index.ts configures it (no retries, no memoized reads: the client would
 * otherwise memoize what it read).
 */
export const replicaVBase = (
  storeURL: string,
  account: string,
  timeout = 3000
) =>
  new (storeVBase(storeURL))(localContext(account), {
    retries: 0,
    timeout,
    memoizable: false,
  } as never) as unknown as JsonStore
