// Master Data's search side: a table per data entity with each document as search last saw it
// and its v-indexed fields as columns, each with an index (which is what v-indexed means).
// Writes reach it `delayMs` after they land, through the `unindexed` queue, as Master Data's
// index lags its writes. Each table is rebuilt from `docs` when the store starts, so a schema
// change needs no migration and every write made before a restart is searchable.
import type { Db } from './database'
import type { IndexedFields, SqlCondition } from './where'
import { columnOf } from './where'

export interface SearchEntity {
  name: string
  indexed: IndexedFields
}

type Upsert = (account: string, id: string, doc: string) => void

/** A document as `docs` and `unindexed` keep it. */
interface Stored {
  account: string
  id: string
  doc: string
}

const tableOf = (entity: string) => `"search ${entity}"`

/** `doc.a.b` for "a.b". */
export const valueAt = (doc: unknown, field: string) =>
  field
    .split('.')
    .reduce<unknown>(
      (value, part) =>
        typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>)[part]
          : undefined,
      doc
    )

/** A field's value as a column holds it: booleans as 1 and 0, objects as JSON, none as NULL. */
export function cell(value: unknown) {
  if (value === undefined || value === null) return null
  if (typeof value === 'boolean') return value ? 1 : 0

  return typeof value === 'object' ? JSON.stringify(value) : value
}

export class SearchIndex {
  private readonly tables = new Map<string, Upsert>()
  private readonly queued
  private readonly due
  private readonly indexed

  // eslint-disable-next-line max-params -- parameter properties, built once by the store
  constructor(
    private readonly db: Db,
    private readonly delayMs: number,
    private readonly entityOf: (name: string) => SearchEntity,
    appEntities: string[]
  ) {
    db.exec('DELETE FROM unindexed')
    this.queued = db.prepare(
      'INSERT INTO unindexed (account, entity, id, doc, due) VALUES (?, ?, ?, ?, ?)'
    )
    this.due = db.prepare(
      'SELECT account, entity, id, doc FROM unindexed WHERE due <= ? ORDER BY seq'
    )
    this.indexed = db.prepare('DELETE FROM unindexed WHERE due <= ?')
    const stored = db.prepare('SELECT DISTINCT entity FROM docs').pluck().all()

    for (const name of new Set([...appEntities, ...(stored as string[])])) {
      this.table(name)
    }

    // The query planner's statistics, for the tables just built.
    db.pragma('optimize=0x10002')
  }

  /** A write about to land: searchable `delayMs` from now. */
  // eslint-disable-next-line max-params -- the unindexed row's columns, in their order
  public queue(account: string, entity: string, id: string, doc: string) {
    this.table(entity)
    this.queued.run(account, entity, id, doc, Date.now() + this.delayMs)
  }

  /** The matches' total and the page [from, to) of them, with writes due by now applied. */
  public search(
    account: string,
    entity: string,
    query: { filter?: SqlCondition; order: string; from: number; to: number }
  ) {
    const { filter, order, from, to } = query
    const rows = `FROM ${tableOf(entity)} WHERE account = ?${
      filter ? ` AND (${filter.sql})` : ''
    }`

    const params = [account, ...(filter?.params ?? [])]

    this.catchUp(Date.now())
    const total = this.db
      .prepare(`SELECT count(*) ${rows}`)
      .pluck()
      .get(...params) as number

    // The page's rows first, then their documents: the sort carries no document.
    const page = this.db
      .prepare(`SELECT rowid ${rows} ORDER BY ${order}id LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, to - from, from) as number[]

    const doc = this.db
      .prepare(`SELECT doc FROM ${tableOf(entity)} WHERE rowid = ?`)
      .pluck()

    const docs = page.map((rowid) => doc.get(rowid) as string)

    return { total, docs }
  }

  private catchUp(now: number) {
    const due = this.due.all(now) as Array<Stored & { entity: string }>

    this.db.transaction(() => {
      for (const { account, entity, id, doc } of due) {
        this.table(entity)(account, id, doc)
      }

      this.indexed.run(now)
    })()
  }

  /** The entity's table, built from `docs` on first use in this process. */
  private table(entity: string): Upsert {
    const known = this.tables.get(entity)

    if (known) return known
    const fields = [...this.entityOf(entity).indexed.keys()].filter(
      (field) => field !== 'id'
    )

    const table = tableOf(entity)
    const columns = fields.map((field) => `${columnOf(field)}, `).join('')

    this.db.exec(`DROP TABLE IF EXISTS ${table};
      CREATE TABLE ${table} (id TEXT, account TEXT, ${columns} doc TEXT,
        PRIMARY KEY (id, account));
      ${fields
        .map(
          (field) =>
            `CREATE INDEX "${entity}:${field}" ON ${table} (account, ${columnOf(
              field
            )});`
        )
        .join('\n')}
`)
    const insert = this.db.prepare(
      `INSERT OR REPLACE INTO ${table} VALUES (?, ?, ?${', ?'.repeat(
        fields.length
      )})`
    )

    const upsert: Upsert = (account, id, doc) => {
      const parsed = JSON.parse(doc)

      insert.run(
        id,
        account,
        ...fields.map((f) => cell(valueAt(parsed, f))),
        doc
      )
    }

    const stored = this.db
      .prepare('SELECT account, id, doc FROM docs WHERE entity = ?')
      .all(entity) as Stored[]

    this.db.transaction(() => {
      for (const { account, id, doc } of stored) upsert(account, id, doc)
    })()
    this.tables.set(entity, upsert)

    return upsert
  }
}
