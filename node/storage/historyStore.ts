import { setTimeout as sleep } from 'timers/promises'

import type { MasterData } from '@vtex/api'

import type { AppWorkspace } from '../clients/dataEntity'
import { StatusChanges } from '../clients/statusChanges'
import type { HistoryEntry, OrderHistory } from '../domain/history'
import {
  appendEntry,
  emptyHistory,
  hasEntry,
  listedChangeOf,
  recentFileName,
  recentNamePrefixes,
} from '../domain/history'
import type { JsonStore } from './jsonStore'
import { StorageError, etagOf, isConflict } from './jsonStore'

/**
 * Status histories, safe across replicas:
 *
 * - `recent/{inverted time}-{changeId}.json` in VBase: a write-once listing of every change,
 *   whole, written before the webhook answers: the durable record of the change, and the
 *   recent list (newest first by name) with no shared document that every webhook rewrites.
 * - `orders/{orderId}.json` in VBase: the order's history, read with its ETag and written with
 *   `If-Match`, so two replicas never overwrite each other's change. Only its creation has no
 *   precondition (VBase has no If-None-Match): two replicas that both read "absent" both
 *   create, and the later one may even overwrite a change written in between.
 * - A Master Data document per change (`statusChange`, see StatusChanges), written after the
 *   answer by the change's own event handler (`keepRecord`), which first merges the change
 *   back into its history if a concurrent creation dropped it (`settle`). Readers merge the
 *   order's documents into its history, and write back what they merged.
 *
 * A change is published (the IO event) before it is written: once the history holds it, it was
 * published. A failure of either write answers 503; the resend publishes again under the same
 * id (consumers deduplicate by it) and writes what is missing (a change the history holds has
 * its listing written again), so that no change is left without its listing.
 */
export const BUCKET = 'pick-and-pack-history'

const orderPath = (orderId: string) => `orders/${orderId}.json`

/**
 * Attempts of the whole read-publish-write sequence before answering 503: enough conflicts
 * for a burst of an order's whole flow at once (about 15 changes, each losing to the others
 * in turn; 10 left about 1 answer in 170 a 503), and a few store failures (each already
 * retried by the client), within the route's timeout.
 */
const ATTEMPTS = 20
const FAILED_ATTEMPTS = 3
const MAX_WAIT_MS = 500

export interface RecordResult {
  /** The change was already in the order's history (a redelivery). */
  duplicate: boolean
  /** Neither new nor a duplicate: older than all an order at its bound keeps, so not kept. */
  isNew: boolean
  currentStatus: string | null
}

/** An order's history as read, with the ETag a conditional write of it needs. */
export interface OrderRead {
  history: OrderHistory
  /** Undefined when the order has no history document yet. */
  etag: string | undefined
}

/** A change settled in its order's history (see `settle`): the history as read, and the change. */
export interface Settled extends OrderRead {
  entry: HistoryEntry
  /** The history lacked the change: it was put back from the change's listing. */
  mended: boolean
}

/** Sends the change's IO event; it must throw when the event was not sent. */
export type Publish = (
  entry: HistoryEntry,
  currentStatus: string | null
) => Promise<void>

/** The changes' documents in Master Data (see StatusChanges), searchable by order. */
export interface ChangeRecords {
  save(entry: HistoryEntry): Promise<void>
  ofOrder(orderId: string): Promise<HistoryEntry[]>
}

const RECENT_PREFIX = 'recent/'

const listingPath = (change: Pick<HistoryEntry, 'id' | 'receivedAt'>) =>
  RECENT_PREFIX + recentFileName(change)

const LIST_PAGE = 100
/** Bounds the recent list's reading: at most 100 changes are asked for. */
const MAX_LIST_PAGES = 10
/** Bounds a window's listing (see `listedBetween`): 2,000 changes. */
const MAX_WINDOW_PAGES = 20

/** A window listed more changes than one look takes: look at a narrower one. */
export class BusyWindow extends Error {}

/** Short waits that spread replicas apart after a conflict, longer ones after a failure. */
const backoff = (attempt: number, conflict: boolean) =>
  Math.random() * Math.min(MAX_WAIT_MS, (conflict ? 10 : 50) * 2 ** attempt)

const storageFailure = (error: unknown): StorageError =>
  error instanceof StorageError
    ? error
    : // The client's own error carries request headers (the app token): keep only the fact.
      new StorageError('The status history could not be read or saved')

/** The history with the entries appended; the same object when none was taken. */
const mergeInto = (history: OrderHistory, entries: HistoryEntry[]) =>
  entries.reduce((merged, entry) => appendEntry(merged, entry).history, history)

/** The histories over the app's clients: VBase for histories and listings, Master Data for
 * the changes' documents (the workspace's own: Master Data is the account's). */
export const historyStore = ({
  clients,
  vtex,
}: {
  clients: { vbase: JsonStore; masterdata: MasterData }
  vtex: AppWorkspace
}) =>
  new HistoryStore(clients.vbase, new StatusChanges(clients.masterdata, vtex))

export class HistoryStore {
  constructor(
    private readonly store: JsonStore,
    private readonly records: ChangeRecords
  ) {}

  /**
   * Records a change in three store calls and two round trips: the order's history is read,
   * the change's event published, then its listing and the history (with If-Match) written at
   * once. A redelivery costs two: the read, and its listing written again as held. Retried as
   * a whole on a conflict or a failure; every step may run again safely.
   */
  public async record(
    entry: HistoryEntry,
    publish: Publish
  ): Promise<RecordResult> {
    let saved = false
    let published = false
    // A history write of this call that landed, or may have (it failed, but not with a 412).
    let wrote = false
    let failures = 0

    for (let attempt = 1; ; attempt++) {
      try {
        // eslint-disable-next-line no-await-in-loop
        const { history, etag } = await this.readOrder(entry.orderId)

        const held = history.entries.find(({ id }) => id === entry.id)

        if (held) {
          // This call's own write, when it may have landed (its answer was lost, or its
          // listing failed after it); else a redelivery, also when a copy of this call that
          // ran at once wrote it first (this call's write was refused with 412). Either way
          // its listing is written again, as held (the same file), unless this call wrote it:
          // a write of the two that failed before leaves no change without its listing.
          if (!saved) {
            // eslint-disable-next-line no-await-in-loop
            await this.list(held)
            saved = true
          }

          return {
            duplicate: !wrote,
            isNew: wrote,
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

        if (!published) {
          // eslint-disable-next-line no-await-in-loop
          await publish(entry, change.history.currentStatus)
          published = true
        }

        // eslint-disable-next-line no-await-in-loop
        const [listing, written] = await Promise.allSettled([
          saved ? undefined : this.list(entry),
          this.store.saveJSON(
            BUCKET,
            orderPath(entry.orderId),
            change.history,
            undefined,
            etag
          ),
        ])

        if (listing.status === 'fulfilled') saved = true
        if (written.status === 'fulfilled' || !isConflict(written.reason)) {
          wrote = true
        }

        if (written.status === 'rejected') throw written.reason
        if (listing.status === 'rejected') throw listing.reason

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
   * Null when the order has no document yet: nothing was recorded for it. `read`: the document
   * as the caller just read it, tried first (a conflict reads it again).
   */
  public async update(
    orderId: string,
    change: (history: OrderHistory) => OrderHistory | null,
    read?: OrderRead
  ): Promise<OrderHistory | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { history, etag } =
          attempt === 1 && read?.etag !== undefined
            ? read
            : // eslint-disable-next-line no-await-in-loop
              await this.readOrder(orderId)

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
   * The order's history as stored, without merging the changes' documents: one read. Null
   * when there is none yet.
   */
  public async stored(orderId: string): Promise<OrderHistory | null> {
    try {
      const { history, etag } = await this.readOrder(orderId)

      return etag === undefined ? null : history
    } catch (error) {
      throw storageFailure(error)
    }
  }

  /**
   * The order's history with every change whose Master Data document it lacks merged in (a
   * concurrent creation dropped them): those are written back to the history, so that the
   * next webhook, and what the app told the OMS, build on them.
   */
  public async history(orderId: string): Promise<OrderHistory> {
    const [read, records] = await Promise.all([
      this.readOrder(orderId),
      this.records.ofOrder(orderId),
    ]).catch((error) => {
      throw storageFailure(error)
    })

    const missing = records.filter((entry) => !hasEntry(read.history, entry.id))
    const merged = mergeInto(read.history, missing)

    // Nothing taken (none missing, or all refused: absorbed by a live look, or past the bound).
    if (merged === read.history) return merged

    // Only onto an existing document, with If-Match: creating it here could drop a change the
    // same way. A conflict or failure leaves the repair to the next reader.
    if (read.etag !== undefined) {
      await this.update(orderId, (current) => {
        const still = missing.filter((entry) => !hasEntry(current, entry.id))
        const next = mergeInto(current, still)

        return next === current ? null : next
      }).catch(() => undefined)
    }

    return merged
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

  /**
   * After the answer, in the change's own event handler: makes sure the order's history holds
   * the change, merging it back from its listing if a concurrent creation dropped it (`mend`).
   * Null while the change is not there (its listing and history are written just after the
   * event; never, if the webhook answered 503: the resend publishes it again). The handler
   * then keeps its record (`keepRecord`).
   */
  public async settle(
    orderId: string,
    change: { id: string; receivedAt: string },
    {
      mend = true,
      create = false,
      listing,
    }: {
      /** False: only if the history holds it (its own write may still be on its way). */
      mend?: boolean
      /** Create the order's history if it has none (long after the webhook: it never will). */
      create?: boolean
      /** The change's listing, when the caller read it already. */
      listing?: HistoryEntry
    } = {}
  ): Promise<Settled | null> {
    let read = await this.readOrder(orderId).catch((error) => {
      throw storageFailure(error)
    })

    let entry = read.history.entries.find(({ id }) => id === change.id)
    const mended = !entry

    if (!entry && !mend) return null

    if (!entry) {
      const listed =
        listing ??
        (await this.readListing(change).catch((error) => {
          throw storageFailure(error)
        }))

      if (!listed || listed.orderId !== orderId) return null
      entry = listed
      // Onto the order's document with If-Match; none yet: its creation is under way.
      const merged = await this.update(
        orderId,
        (current) =>
          hasEntry(current, listed.id)
            ? null
            : appendEntry(current, listed).history,
        read
      )

      const history =
        merged ?? appendEntry(emptyHistory(orderId), listed).history

      // No precondition on a creation (VBase has none): a change a concurrent creation drops
      // is put back by its own event or the next sweep, as any.
      if (!merged && create) {
        await this.store
          .saveJSON(BUCKET, orderPath(orderId), history)
          .catch((error) => {
            throw storageFailure(error)
          })
      }

      read = { history, etag: undefined }
    }

    return { ...read, entry, mended }
  }

  /**
   * Writes the change's Master Data document, which brings it back should a late concurrent
   * creation drop it from the order's history after it was settled.
   */
  public async keepRecord(entry: HistoryEntry): Promise<void> {
    try {
      // A history keeps only the newest extras: the record is the whole change, as listed.
      const whole = entry.extraTrimmed ? await this.readListing(entry) : entry

      if (whole) await this.records.save(whole)
    } catch (error) {
      throw storageFailure(error)
    }
  }

  /**
   * The changes listed as arrived in [fromMs, toMs), oldest first: what the webhook answered
   * 200 to in that window (each change's listing is written before the answer).
   */
  public async listedBetween(
    fromMs: number,
    toMs: number,
    prefixDigits?: number
  ): Promise<Array<{ id: string; receivedAt: string }>> {
    const found = new Map<string, { id: string; receivedAt: string }>()
    let pages = 0

    try {
      /* eslint-disable no-await-in-loop */
      for (const prefix of recentNamePrefixes(fromMs, toMs, prefixDigits)) {
        let next: string | undefined

        do {
          if (++pages > MAX_WINDOW_PAGES) throw new BusyWindow()

          const list = await this.store.listFiles(BUCKET, {
            prefix: RECENT_PREFIX + prefix,
            limit: LIST_PAGE,
            next,
          })

          for (const { path } of list.data ?? []) {
            const change = listedChangeOf(path.slice(RECENT_PREFIX.length))
            const at = change ? Date.parse(change.receivedAt) : NaN

            if (change && at >= fromMs && at < toMs)
              found.set(change.id, change)
          }

          next = list.data?.length ? list.next ?? undefined : undefined
        } while (next)
      }
      /* eslint-enable no-await-in-loop */
    } catch (error) {
      throw error instanceof BusyWindow ? error : storageFailure(error)
    }

    return [...found.values()].sort((a, b) =>
      a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0
    )
  }

  /**
   * `settle` for a listed change whose own event never completed (see the sweep): the order's
   * history made to hold it, from its listing. Null when the listing is gone.
   */
  public async settleListed(change: {
    id: string
    receivedAt: string
  }): Promise<Settled | null> {
    const listed = await this.readListing(change).catch((error) => {
      throw storageFailure(error)
    })

    return listed
      ? this.settle(listed.orderId, listed, { create: true, listing: listed })
      : null
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

  /** The change's listing, whole: its durable record and its place in the recent list. */
  private list(entry: HistoryEntry) {
    return this.store.saveJSON(BUCKET, listingPath(entry), entry)
  }

  /** A change's listing, or null when it was never written. */
  private readListing(change: Pick<HistoryEntry, 'id' | 'receivedAt'>) {
    return this.store.getJSON<HistoryEntry | null>(
      BUCKET,
      listingPath(change),
      true
    )
  }

  private async readOrder(orderId: string): Promise<OrderRead> {
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
