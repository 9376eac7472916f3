import { setTimeout as sleep } from 'timers/promises'

import type { MasterData } from '@vtex/api'

import { StatusChanges } from '../clients/statusChanges'
import type { HistoryEntry, OrderHistory } from '../domain/history'
import { appendEntry, emptyHistory, hasEntry } from '../domain/history'
import type { JsonStore } from './jsonStore'
import { StorageError, etagOf, isConflict } from './jsonStore'

/**
 * Status histories, safe across replicas:
 *
 * - The record of every change is its own Master Data document (`statusChange`), under the
 *   change's id: a resend writes the same document again. The recent list is a search over
 *   them, so it needs no shared document that every webhook rewrites.
 * - `orders/{orderId}.json` in VBase: the order's history, built from those records. It is
 *   read with its ETag and written with `If-Match`, so two replicas never overwrite each
 *   other's change. Only its creation has no precondition (VBase has no If-None-Match): two
 *   replicas that both read "absent" both create, and the later one may even overwrite a
 *   change written in between. Readers therefore merge the order's records into it, and write
 *   back what they merged.
 *
 * A change is recorded and published (the IO event) before the order's history is written:
 * once the history holds it, it was published. A failure before that write answers 503, and
 * the resend publishes again under the same id (consumers deduplicate by it).
 */
export const BUCKET = 'pick-and-pack-history'

const orderPath = (orderId: string) => `orders/${orderId}.json`

/**
 * Attempts of the whole read-record-publish-write sequence before answering 503: enough
 * conflicts for a burst of an order's whole flow at once (about 15 changes), and a few store
 * failures (each already retried by the client), within the route's timeout.
 */
const ATTEMPTS = 10
const FAILED_ATTEMPTS = 3
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

/** The records of changes (Master Data in the app; see StatusChanges). */
export interface ChangeRecords {
  save(entry: HistoryEntry): Promise<void>
  ofOrder(orderId: string): Promise<HistoryEntry[]>
  recent(first: number, status: string | null): Promise<HistoryEntry[]>
}

/** Short waits that spread replicas apart after a conflict, longer ones after a failure. */
const backoff = (attempt: number, conflict: boolean) =>
  Math.random() * Math.min(MAX_WAIT_MS, (conflict ? 10 : 50) * 2 ** attempt)

const storageFailure = (error: unknown): StorageError =>
  error instanceof StorageError
    ? error
    : // The client's own error carries request headers (the app token): keep only the fact.
      new StorageError('The status history could not be read or saved')

const mergeInto = (history: OrderHistory, entries: HistoryEntry[]) =>
  entries.reduce((merged, entry) => appendEntry(merged, entry).history, history)

/** The histories over the app's clients: VBase for the orders, Master Data for the records. */
export const historyStore = (clients: {
  vbase: JsonStore
  masterdata: MasterData
}) => new HistoryStore(clients.vbase, new StatusChanges(clients.masterdata))

export class HistoryStore {
  constructor(
    private readonly store: JsonStore,
    private readonly records: ChangeRecords
  ) {}

  /**
   * Records a change in three store calls: the order's history is read, the change's record
   * written, its event published, and the history written with If-Match. Retried as a whole
   * on a conflict or a failure; every step may run again safely.
   */
  public async record(
    entry: HistoryEntry,
    publish: Publish
  ): Promise<RecordResult> {
    let saved = false
    let published = false
    let failures = 0

    for (let attempt = 1; ; attempt++) {
      try {
        // eslint-disable-next-line no-await-in-loop
        const { history, etag } = await this.readOrder(entry.orderId)

        if (hasEntry(history, entry.id)) {
          // Present before this call published it: a redelivery. Present after: this call's
          // own write, whose answer was lost (it timed out after landing).
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

        if (!saved) {
          // eslint-disable-next-line no-await-in-loop
          await this.records.save(entry)
          saved = true
        }

        if (!published) {
          // eslint-disable-next-line no-await-in-loop
          await publish(entry, change.history.currentStatus)
          published = true
        }

        // eslint-disable-next-line no-await-in-loop
        await this.store.saveJSON(
          BUCKET,
          orderPath(entry.orderId),
          change.history,
          undefined,
          etag
        )

        return {
          duplicate: false,
          isNew: true,
          currentStatus: change.history.currentStatus,
        }
      } catch (error) {
        const conflict = isConflict(error)

        if (!conflict) failures++
        if (attempt >= ATTEMPTS || failures >= FAILED_ATTEMPTS) {
          throw storageFailure(error)
        }

        // eslint-disable-next-line no-await-in-loop
        await sleep(backoff(attempt, conflict))
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
   * Whether the order's document itself holds the change (its record alone is not enough: the
   * change was published once the document holds it).
   */
  public async holds(orderId: string, id: string): Promise<boolean> {
    try {
      return hasEntry((await this.readOrder(orderId)).history, id)
    } catch (error) {
      throw storageFailure(error)
    }
  }

  /**
   * The order's history with every record it lacks merged in (a concurrent creation dropped
   * them, or their write failed after the record): those are written back to the document, so
   * that the next webhook, and what the app told the OMS, build on them.
   */
  public async history(orderId: string): Promise<OrderHistory> {
    const [read, records] = await Promise.all([
      this.readOrder(orderId),
      this.records.ofOrder(orderId),
    ]).catch((error) => {
      throw storageFailure(error)
    })

    const missing = records.filter((entry) => !hasEntry(read.history, entry.id))

    if (missing.length === 0) return read.history
    const merged = mergeInto(read.history, missing)

    // Only onto an existing document, with If-Match: creating it here could drop a change the
    // same way. A conflict or failure leaves the repair to the next reader.
    if (read.etag !== undefined) {
      await this.update(orderId, (current) => {
        const still = missing.filter((entry) => !hasEntry(current, entry.id))

        return still.length ? mergeInto(current, still) : null
      }).catch(() => undefined)
    }

    return merged
  }

  /**
   * The newest changes, newest first, optionally of one status: at most `first`. Read-only, so
   * a failed read is simply tried again once.
   */
  public async recent(
    first: number,
    status: string | null
  ): Promise<HistoryEntry[]> {
    try {
      return await this.records.recent(first, status)
    } catch {
      await sleep(backoff(1, false))

      return this.records.recent(first, status)
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
}
