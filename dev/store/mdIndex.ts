// One data entity's documents in memory: `docs` is the truth (GET by id reads it, strongly
// consistent); the search view lags it by `delayMs`, as Master Data's index lags its writes.
// Sort indexes over the search view are built on first use and kept up to date, so that a
// sorted, paged search is one ordered scan, never a sort per query.
import { performance } from 'perf_hooks'

import type { Compare } from './sorted'
import {
  compareStrings,
  insertSorted,
  lowerBound,
  removeSorted,
} from './sorted'
import type { Doc } from './values'
import { compareValues, fieldValue, isMissing, sortKey } from './values'

export interface SortKey {
  field: string
  desc: boolean
}

interface Entry {
  id: string
  key: unknown
  doc: Doc
}

/** Ascending by value, documents without one last, ties by id: a stable order for paging. */
const compareEntries: Compare<Entry> = (a, b) => {
  const am = isMissing(a.key)
  const bm = isMissing(b.key)

  if (am !== bm) return am ? 1 : -1
  const byKey = am ? 0 : compareValues(a.key, b.key)

  return byKey !== 0 ? byKey : compareStrings(a.id, b.id)
}

export class EntityIndex {
  /** Every document, as last written. */
  public readonly docs = new Map<string, Doc>()
  /** What search sees. */
  private readonly visible = new Map<string, Doc>()
  /** Writes not yet visible to search, oldest first (one delay for all: `due` only grows). */
  private readonly pending: Array<{ due: number; id: string; doc: Doc }> = []
  private readonly sortIndexes = new Map<string, Entry[]>()

  constructor(private readonly delayMs: number) {}

  /** A document read back at startup: already indexed, as it was before the restart. */
  public load(id: string, doc: Doc) {
    this.docs.set(id, doc)
    this.visible.set(id, doc)
  }

  /** A write that is on disk: GET sees it now, search once the delay has passed. */
  public commit(id: string, doc: Doc) {
    this.docs.set(id, doc)
    // Catching up here too keeps `pending` short when nobody searches.
    this.catchUp()
    if (this.delayMs <= 0) this.show(id, doc)
    else this.pending.push({ due: performance.now() + this.delayMs, id, doc })
  }

  /**
   * The documents matching `test`, in `sort` order: `total` and those in [from, to).
   */
  public search(query: {
    test?: (doc: Doc) => boolean
    sort: SortKey[]
    from: number
    to: number
  }): { total: number; docs: Doc[] } {
    const { test, sort, from, to } = query

    this.catchUp()
    const page: Doc[] = []
    let total = 0
    const visit = (doc: Doc) => {
      if (test && !test(doc)) return
      if (total >= from && total < to) page.push(doc)
      total++
    }

    if (sort.length > 1) {
      // Several keys: sort the matches (rare; the first key's index would not order ties).
      const matches = [...this.visible.values()].filter(
        (doc) => !test || test(doc)
      )

      matches.sort(multiKeyCompare(sort))

      return { total: matches.length, docs: matches.slice(from, to) }
    }

    const { field, desc } = sort[0] ?? { field: 'id', desc: false }
    const entries = this.sortIndex(field)

    if (!desc) {
      for (const entry of entries) visit(entry.doc)
    } else {
      // Descending by value, but documents without one still last.
      const firstMissing = lowerBound(
        entries,
        { id: '', key: null, doc: {} },
        (a, b) => (isMissing(a.key) ? 1 : 0) - (isMissing(b.key) ? 1 : 0)
      )

      for (let i = firstMissing - 1; i >= 0; i--) visit(entries[i].doc)
      for (let i = firstMissing; i < entries.length; i++) visit(entries[i].doc)
    }

    return { total, docs: page }
  }

  private catchUp() {
    const now = performance.now()
    let done = 0

    while (done < this.pending.length && this.pending[done].due <= now) {
      const { id, doc } = this.pending[done++]

      this.show(id, doc)
    }

    if (done > 0) this.pending.splice(0, done)
  }

  private show(id: string, doc: Doc) {
    const old = this.visible.get(id)

    for (const [field, entries] of this.sortIndexes) {
      if (old) removeSorted(entries, entryOf(field, id, old), compareEntries)
      insertSorted(entries, entryOf(field, id, doc), compareEntries)
    }

    this.visible.set(id, doc)
  }

  private sortIndex(field: string): Entry[] {
    let entries = this.sortIndexes.get(field)

    if (!entries) {
      entries = [...this.visible].map(([id, doc]) => entryOf(field, id, doc))
      entries.sort(compareEntries)
      this.sortIndexes.set(field, entries)
    }

    return entries
  }
}

function entryOf(field: string, id: string, doc: Doc): Entry {
  return { id, key: sortKey(fieldValue(doc, field)), doc }
}

function multiKeyCompare(sort: SortKey[]): Compare<Doc> {
  return (a, b) => {
    for (const { field, desc } of sort) {
      const ka = sortKey(fieldValue(a, field))
      const kb = sortKey(fieldValue(b, field))
      const am = isMissing(ka)
      const bm = isMissing(kb)

      if (am !== bm) return am ? 1 : -1
      const order = am ? 0 : compareValues(ka, kb)

      if (order !== 0) return desc ? -order : order
    }

    return compareStrings(String(a.id), String(b.id))
  }
}
