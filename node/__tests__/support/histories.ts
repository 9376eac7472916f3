import { localContext, storeMasterData } from '../../../dev/store/clients'
import { StatusChanges } from '../../clients/statusChanges'
import { HistoryStore } from '../../storage/historyStore'
import { replicaVBase } from './store'

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
    localContext(account)
  )

/** The histories of `account` in a store stand-in, as a replica has them: its own clients. */
export const storeHistories = (
  storeURL: string,
  account: string,
  timeout = 3000
) =>
  new HistoryStore(
    replicaVBase(storeURL, account, timeout),
    storeChangeRecords(storeURL, account, timeout)
  )
