import { setTimeout as sleep } from 'timers/promises'

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

/**
 * Recent-index writes still running, per scope. The index follows the record in the
 * background; `recent()` waits for the ones of its scope, so a process reads its own writes.
 */
const indexing = new Map<string, Set<Promise<void>>>()
const INDEX_ATTEMPTS = 3
const INDEX_RETRY_MS = 100

/** Every change of a batch into the recent list at once (the index follows under load). */
const listInRecent = (recent: RecentChanges, entries: HistoryEntry[]) =>
  addRecent(recent, entries).recent

/** Resolves once every recent-index write started so far has finished (for shutdown). */
export async function settleIndexing(): Promise<void> {
  await Promise.all([...indexing.values()].flatMap((pending) => [...pending]))
}

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
  /**
   * The change is new to the order's history: publish it. Neither new nor a duplicate: older
   * than everything an order at its bound keeps, so not kept.
   */
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
 * history is the record: a change is accepted once it is written there. The recent index is a
 * view of the newest changes that follows in the background: the webhook does not wait for
 * it (one document write per change instead of two, and the index batches more),
 * a failed index write is retried, and a redelivery completes it too, as index writes are
 * idempotent. A process that stops before an index write lands leaves that change out of the
 * recent list, never out of its order's history.
 */
export class HistoryStore {
  private readonly scope: string

  constructor(
    private readonly store: JsonStore,
    scope?: string,
    /** Told when the recent index could not be written after every attempt. */
    private readonly onIndexFailure?: (error: unknown) => void
  ) {
    this.scope = scope ?? identityScope(store)
  }

  public async record(entry: HistoryEntry): Promise<RecordResult> {
    const { scope } = this
    const order = orderPath(entry.orderId)
    let recorded: {
      added: boolean
      redelivery: boolean
      currentStatus: string | null
    }

    try {
      recorded = await committer.run(
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
              redelivery: change.redelivery,
              currentStatus: change.history.currentStatus,
            },
          }
        }
      )
    } catch (error) {
      return storageFailure(error)
    }

    // A redelivery lists the change too: its first index write may have been lost.
    if (recorded.added || recorded.redelivery) this.indexInBackground(entry)

    return {
      duplicate: recorded.redelivery,
      isNew: recorded.added,
      currentStatus: recorded.currentStatus,
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
    await Promise.all([...(indexing.get(this.scope) ?? [])])
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

  /** Lists the change in its recent shard, retrying a failed write; never rejects. */
  private indexInBackground(entry: HistoryEntry) {
    const { scope, store } = this
    const shard = recentPath(entry.orderId)
    // The index only lists changes: the payload's extra fields stay in the order history. An
    // entry without extras is listed as it is (the local store then serializes it once).
    const listed =
      Object.keys(entry.extra).length === 0 ? entry : { ...entry, extra: {} }

    const write = async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          // eslint-disable-next-line no-await-in-loop
          await committer.runBatched(
            `${scope}/${BUCKET}/${shard}`,
            documentIO<RecentChanges>(store, shard, () => ({ entries: [] })),
            listed,
            listInRecent
          )

          return
        } catch (error) {
          if (attempt >= INDEX_ATTEMPTS) throw error
          // eslint-disable-next-line no-await-in-loop
          await sleep(INDEX_RETRY_MS * attempt)
        }
      }
    }

    let pending = indexing.get(scope)

    if (!pending) {
      pending = new Set()
      indexing.set(scope, pending)
    }

    const running: Promise<void> = write().then(
      () => undefined,
      (error) => {
        try {
          // The store's own error may carry request headers (the app token): keep the fact.
          this.onIndexFailure?.(
            error instanceof StorageError
              ? error
              : new StorageError('The recent index could not be saved')
          )
        } catch {
          // Reporting must not turn into an unhandled rejection.
        }
      }
    )

    const set = pending

    set.add(running)
    running.then(() => {
      set.delete(running)
      if (set.size === 0 && indexing.get(scope) === set) indexing.delete(scope)
    })
  }
}
