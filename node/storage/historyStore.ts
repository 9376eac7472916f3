import { setTimeout as sleep } from 'timers/promises'

import type { HistoryEntry, OrderHistory } from '../domain/history'
import {
  appendEntry,
  emptyHistory,
  hasEntry,
  listedEntry,
  recentFileName,
} from '../domain/history'
import type { JsonStore } from './jsonStore'
import { StorageError, etagOf, isConflict } from './jsonStore'

/**
 * Status histories in VBase, safe across replicas:
 *
 * - `changes/{orderId}/{changeId}.json`: a write-once copy of every change, the record. Its
 *   name is the change's own id, so a resend writes the same file again.
 * - `orders/{orderId}.json`: the order's history, read with its ETag and written with
 *   `If-Match`, so two replicas never overwrite each other's change. Only its creation has no
 *   precondition (VBase has no If-None-Match): two replicas that both read "absent" both
 *   create, and the later one may even overwrite a change written in between. So a creator
 *   lists the order's copies after creating, and merges back any its write dropped; readers
 *   merge them too.
 * - `recent/{inverted time}-{changeId}.json`: a write-once listing of every change, newest
 *   first by name, so the recent list needs no shared document that every webhook rewrites.
 *
 * A change is published (the IO event) before the order's history is written: once the history
 * holds it, it was published. A failure before that write answers 503, and the resend publishes
 * again under the same id (consumers deduplicate by it).
 */
export const BUCKET = 'pick-and-pack-history'

const orderPath = (orderId: string) => `orders/${orderId}.json`
const changesPrefix = (orderId: string) => `changes/${orderId}/`
const changePath = (orderId: string, id: string) =>
  `${changesPrefix(orderId)}${id}.json`

const RECENT_PREFIX = 'recent/'
const LIST_PAGE = 100
/** Bounds every listing: an order has a few dozen changes, the recent list at most 100. */
const MAX_LIST_PAGES = 10
/**
 * Attempts of the whole read-publish-write sequence before answering 503: enough for a burst
 * of an order's whole flow at once (about 15 changes), within the route's timeout.
 */
const ATTEMPTS = 10
const MAX_WAIT_MS = 500

export interface RecordResult {
  /** The change was already in the order's history (a redelivery). */
  duplicate: boolean
  /** Neither new nor a duplicate: older than all an order at its bound keeps, so not kept. */
  isNew: boolean
  currentStatus: string | null
}

/** Sends the change's IO event; it must throw when the event was not sent. */
export type Publish = (
  entry: HistoryEntry,
  currentStatus: string | null
) => Promise<void>

/** Short waits that spread replicas apart after a conflict, longer ones after a failure. */
const backoff = (attempt: number, conflict: boolean) =>
  Math.random() * Math.min(MAX_WAIT_MS, (conflict ? 10 : 50) * 2 ** attempt)

const storageFailure = (error: unknown): StorageError =>
  error instanceof StorageError
    ? error
    : // The client's own error carries request headers (the app token): keep only the fact.
      new StorageError('The status history could not be read or saved')

export class HistoryStore {
  constructor(private readonly store: JsonStore) {}

  /**
   * Records a change: one read of the order's history, the write-once copy and listing, the
   * event, then one conditional write. Retried as a whole on a conflict or a failure; every
   * step may run again safely.
   */
  public async record(
    entry: HistoryEntry,
    publish: Publish
  ): Promise<RecordResult> {
    let listed = false
    let published = false
    let created = false

    for (let attempt = 1; ; attempt++) {
      try {
        // eslint-disable-next-line no-await-in-loop
        const { history, etag } = await this.readOrder(entry.orderId)

        if (hasEntry(history, entry.id)) {
          // Present before this call published it: a redelivery. Present after: this call's
          // own write, whose answer was lost (it timed out after landing).
          // eslint-disable-next-line no-await-in-loop
          if (created) await this.mergeDropped(entry.orderId, history)

          return {
            duplicate: !published,
            isNew: published,
            currentStatus: history.currentStatus,
          }
        }

        const change = appendEntry(history, entry)

        if (!change.added) {
          return {
            // A change already seen live (a sweep or a view) is a redelivery too.
            duplicate: change.redelivery,
            isNew: false,
            currentStatus: history.currentStatus,
          }
        }

        const creating = etag === undefined

        if (!listed) {
          // eslint-disable-next-line no-await-in-loop
          await Promise.all([
            this.store.saveJSON(
              BUCKET,
              RECENT_PREFIX + recentFileName(entry),
              listedEntry(entry)
            ),
            this.store.saveJSON(
              BUCKET,
              changePath(entry.orderId, entry.id),
              entry
            ),
          ])
          listed = true
        }

        if (!published) {
          // eslint-disable-next-line no-await-in-loop
          await publish(entry, change.history.currentStatus)
          published = true
        }

        created = created || creating
        // eslint-disable-next-line no-await-in-loop
        await this.store.saveJSON(
          BUCKET,
          orderPath(entry.orderId),
          change.history,
          undefined,
          etag
        )
        // eslint-disable-next-line no-await-in-loop
        if (creating) await this.mergeDropped(entry.orderId, change.history)

        return {
          duplicate: false,
          isNew: true,
          currentStatus: change.history.currentStatus,
        }
      } catch (error) {
        if (attempt >= ATTEMPTS) throw storageFailure(error)
        // eslint-disable-next-line no-await-in-loop
        await sleep(backoff(attempt, isConflict(error)))
      }
    }
  }

  /**
   * Read-modify-write of an order's document with If-Match, for what the app keeps beside the
   * history (what it told the OMS). `change` returns the new document, or null to leave it.
   * Null when the order has no document yet: nothing was recorded for it.
   */
  public async update(
    orderId: string,
    change: (history: OrderHistory) => OrderHistory | null
  ): Promise<OrderHistory | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        // eslint-disable-next-line no-await-in-loop
        const { history, etag } = await this.readOrder(orderId)

        if (etag === undefined) return null
        const changed = change(history)

        if (!changed) return history
        // eslint-disable-next-line no-await-in-loop
        await this.store.saveJSON(
          BUCKET,
          orderPath(orderId),
          changed,
          undefined,
          etag
        )

        return changed
      } catch (error) {
        if (attempt >= ATTEMPTS || !isConflict(error)) {
          throw storageFailure(error)
        }

        // eslint-disable-next-line no-await-in-loop
        await sleep(backoff(attempt, true))
      }
    }
  }

  /**
   * Whether the order's document itself holds the change (its copy alone is not enough: the
   * change is recorded, and was published, once the document holds it).
   */
  public async holds(orderId: string, id: string): Promise<boolean> {
    try {
      return hasEntry((await this.readOrder(orderId)).history, id)
    } catch (error) {
      throw storageFailure(error)
    }
  }

  /** The order's history, with any change a concurrent creation dropped merged back in. */
  public async history(orderId: string): Promise<OrderHistory> {
    try {
      const [{ history }, copies] = await Promise.all([
        this.readOrder(orderId),
        this.listNames(changesPrefix(orderId)),
      ])

      const dropped = await this.readDropped(orderId, history, copies)

      return dropped.reduce(
        (merged, entry) => appendEntry(merged, entry).history,
        history
      )
    } catch (error) {
      throw storageFailure(error)
    }
  }

  /**
   * The newest changes, newest first, optionally of one status: at most `first`. Read-only, so
   * a failed read is simply tried again once (the VBase client itself does not retry).
   */
  public async recent(
    first: number,
    status: string | null
  ): Promise<HistoryEntry[]> {
    try {
      return await this.readRecent(first, status)
    } catch {
      await sleep(backoff(1, false))

      return this.readRecent(first, status)
    }
  }

  private async readRecent(
    first: number,
    status: string | null
  ): Promise<HistoryEntry[]> {
    const found: HistoryEntry[] = []
    const seen = new Set<string>()
    let next: string | undefined

    try {
      for (let page = 0; page < MAX_LIST_PAGES; page++) {
        // eslint-disable-next-line no-await-in-loop
        const list = await this.store.listFiles(BUCKET, {
          prefix: RECENT_PREFIX,
          limit: status ? LIST_PAGE : Math.min(first, LIST_PAGE),
          next,
        })

        // eslint-disable-next-line no-await-in-loop
        const entries = await Promise.all(
          (list.data ?? []).map(({ path }) =>
            this.store.getJSON<HistoryEntry | null>(BUCKET, path, true)
          )
        )

        for (const entry of entries) {
          // A redelivery whose first answer was lost is listed twice: once is enough.
          if (!entry || seen.has(entry.id)) continue
          seen.add(entry.id)
          if (!status || entry.newStatus === status) found.push(entry)
          if (found.length === first) return found
        }

        next = list.next ?? undefined
        if (!next || !list.data?.length) break
      }

      return found
    } catch (error) {
      throw storageFailure(error)
    }
  }

  private async readOrder(
    orderId: string
  ): Promise<{ history: OrderHistory; etag: string | undefined }> {
    const { data, headers } = await this.store.getRawJSON<OrderHistory>(
      BUCKET,
      orderPath(orderId),
      true
    )

    return data
      ? { history: data, etag: etagOf(headers) }
      : { history: emptyHistory(orderId), etag: undefined }
  }

  private async listNames(prefix: string): Promise<string[]> {
    const names: string[] = []
    let next: string | undefined

    for (let page = 0; page < MAX_LIST_PAGES; page++) {
      // eslint-disable-next-line no-await-in-loop
      const list = await this.store.listFiles(BUCKET, {
        prefix,
        limit: LIST_PAGE,
        next,
      })

      for (const { path } of list.data ?? []) names.push(path)
      next = list.next ?? undefined
      if (!next || !list.data?.length) break
    }

    return names
  }

  /** Paths of copies of changes that `history` lacks (a concurrent creation dropped them). */
  private static missing(
    orderId: string,
    history: OrderHistory,
    copies: string[]
  ): string[] {
    const prefix = changesPrefix(orderId)

    return copies.filter(
      (path) =>
        !hasEntry(history, path.slice(prefix.length).replace(/\.json$/, ''))
    )
  }

  private async readDropped(
    orderId: string,
    history: OrderHistory,
    copies: string[]
  ): Promise<HistoryEntry[]> {
    const entries = await Promise.all(
      HistoryStore.missing(orderId, history, copies).map((path) =>
        this.store.getJSON<HistoryEntry | null>(BUCKET, path, true)
      )
    )

    return entries.filter((entry): entry is HistoryEntry => !!entry)
  }

  /**
   * After creating a history: lists the order's copies and merges back, with a conditional
   * write, any change this creation overwrote. Their replicas published them already.
   */
  private async mergeDropped(orderId: string, written: OrderHistory) {
    const copies = await this.listNames(changesPrefix(orderId))

    if (HistoryStore.missing(orderId, written, copies).length === 0) return

    for (let attempt = 1; ; attempt++) {
      try {
        // eslint-disable-next-line no-await-in-loop
        const { history, etag } = await this.readOrder(orderId)
        // eslint-disable-next-line no-await-in-loop
        const dropped = await this.readDropped(orderId, history, copies)

        if (dropped.length === 0) return
        const merged = dropped.reduce(
          (current, entry) => appendEntry(current, entry).history,
          history
        )

        // eslint-disable-next-line no-await-in-loop
        await this.store.saveJSON(
          BUCKET,
          orderPath(orderId),
          merged,
          undefined,
          etag
        )

        return
      } catch (error) {
        if (attempt >= ATTEMPTS) throw error
        // eslint-disable-next-line no-await-in-loop
        await sleep(backoff(attempt, isConflict(error)))
      }
    }
  }
}
