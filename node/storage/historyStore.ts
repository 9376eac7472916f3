import type {
  HistoryEntry,
  OrderHistory,
  RecentChanges,
} from '../domain/history'
import {
  RECENT_SHARDS,
  addRecent,
  appendEntry,
  emptyHistory,
  mergeRecent,
  recentShard,
} from '../domain/history'
import type { DocumentIO } from './groupCommit'
import { GroupCommitter } from './groupCommit'
import type { JsonStore } from './jsonStore'
import { StorageError, etagOf, isConflict } from './jsonStore'

export const BUCKET = 'pick-and-pack-history'
const orderPath = (orderId: string) => `orders/${orderId}.json`

/** Where the recent changes of an order's shard are kept. */
export const recentPath = (orderId: string) =>
  `recent/${recentShard(orderId)}.json`

const shardPath = (shard: number) => `recent/${shard}.json`

const committer = new GroupCommitter()

const storeIds = new WeakMap<object, string>()
let storeCount = 0

/**
 * Which store a queue writes to: a batch is written through one caller's store, so two stores
 * (two workspaces, or accounts) must never share a queue. VBase clients are built per request,
 * so callers name their store by account and workspace; an unnamed store is named by identity.
 */
function identityScope(store: JsonStore): string {
  let id = storeIds.get(store)

  if (!id) {
    id = `store:${++storeCount}`
    storeIds.set(store, id)
  }

  return id
}

/** The scope of the VBase client of a request: its account and workspace. */
export const requestScope = (vtex: { account: string; workspace: string }) =>
  `io:${vtex.account}/${vtex.workspace}`

export interface RecordResult {
  /** The change was already in the order's history (a redelivery). */
  duplicate: boolean
  /** The change was new to the order history or to the recent index: publish it. */
  isNew: boolean
  currentStatus: string | null
}

function documentIO<T>(
  store: JsonStore,
  path: string,
  empty: () => T
): DocumentIO<T> {
  return {
    async read() {
      const { data, headers } = await store.getRawJSON<T>(BUCKET, path, true)

      return { data: data ?? empty(), etag: data ? etagOf(headers) : undefined }
    },
    async write(data, etag) {
      await store.saveJSON(BUCKET, path, data, undefined, etag)
    },
    isConflict,
  }
}

const storageFailure = (error: unknown): never => {
  if (error instanceof StorageError) throw error
  // The store's own error carries request headers (the app token): keep only the fact.
  throw new StorageError('The status history could not be read or saved')
}

/**
 * Per-order status histories and a bounded index of recent changes, in VBase. The order
 * history is written first and is the record; the recent index follows. Both writes are
 * idempotent, so when the second fails (503) the sender's retry completes it.
 */
export class HistoryStore {
  private readonly scope: string

  constructor(private readonly store: JsonStore, scope?: string) {
    this.scope = scope ?? identityScope(store)
  }

  public async record(entry: HistoryEntry): Promise<RecordResult> {
    const { scope } = this

    try {
      const order = orderPath(entry.orderId)
      const { added, currentStatus } = await committer.run(
        `${scope}/${BUCKET}/${order}`,
        documentIO<OrderHistory>(this.store, order, () =>
          emptyHistory(entry.orderId)
        ),
        (history) => {
          const change = appendEntry(history, entry)

          return {
            document: change.history,
            result: {
              added: change.added,
              currentStatus: change.history.currentStatus,
            },
          }
        }
      )

      const shard = recentPath(entry.orderId)
      const indexed = await committer.run(
        `${scope}/${BUCKET}/${shard}`,
        documentIO<RecentChanges>(this.store, shard, () => ({ entries: [] })),
        (recent) => {
          // The index only lists changes: the payload's extra fields stay in the order history.
          // Looked up by id every time: the committer re-applies a change after a conflict.
          const change = addRecent(recent, [{ ...entry, extra: {} }])

          return { document: change.recent, result: change.added.length > 0 }
        }
      )

      return { duplicate: !added, isNew: added || indexed, currentStatus }
    } catch (error) {
      return storageFailure(error)
    }
  }

  public async history(orderId: string): Promise<OrderHistory> {
    try {
      const { data } = await this.store.getRawJSON<OrderHistory>(
        BUCKET,
        orderPath(orderId),
        true
      )

      return data ?? emptyHistory(orderId)
    } catch (error) {
      return storageFailure(error)
    }
  }

  public async recent(): Promise<RecentChanges> {
    try {
      const shards = await Promise.all(
        Array.from({ length: RECENT_SHARDS }, (_, shard) =>
          this.store.getRawJSON<RecentChanges>(BUCKET, shardPath(shard), true)
        )
      )

      return mergeRecent(shards.map(({ data }) => data ?? { entries: [] }))
    } catch (error) {
      return storageFailure(error)
    }
  }
}
