import {
  localContext,
  storeMasterData,
  storeVBase,
} from '../../../dev/store/clients'
import { StatusChanges } from '../../clients/statusChanges'
import { HistoryStore } from '../../storage/historyStore'
import type { JsonStore } from '../../storage/jsonStore'

/** The Master Data documents of `account`'s changes in a store stand-in, as a replica has them. */
export const storeChangeRecords = (
  storeURL: string,
  account: string,
  timeout = 3000
) =>
  new StatusChanges(
    new (storeMasterData(storeURL))(localContext(account), {
      timeout,
    } as never),
    'master'
  )

/**
 * The histories of `account` in a store stand-in, as a replica has them: its own VBase and
 * Master Data clients, configured as node/index.ts configures VBase (no retries, no memoized
 * reads: `@vtex/api`'s VBase client would otherwise memoize what it read).
 */
export const storeHistories = (
  storeURL: string,
  account: string,
  timeout = 3000
) =>
  new HistoryStore(
    new (storeVBase(storeURL))(localContext(account), {
      retries: 0,
      timeout,
      memoizable: false,
    } as never) as unknown as JsonStore,
    storeChangeRecords(storeURL, account, timeout)
  )
