import {
  localContext,
  storeMasterData,
  storeVBase,
} from '../../../dev/store/clients'
import { StatusChanges } from '../../clients/statusChanges'
import { HistoryStore } from '../../storage/historyStore'
import type { JsonStore } from '../../storage/jsonStore'

/**
 * The histories of `account` in a store stand-in, read as a replica would: new clients on
 * each call, since `@vtex/api`'s VBase client memoizes what it read.
 */
export const storeHistories = (storeURL: string, account: string) =>
  new HistoryStore(
    new (storeVBase(storeURL))(localContext(account), {
      memoizable: false,
    } as never) as unknown as JsonStore,
    new StatusChanges(new (storeMasterData(storeURL))(localContext(account)))
  )
