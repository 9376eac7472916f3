// `_where` evaluated as the store evaluates it (SQLite over a search table's columns), without
// a server: for tests that check a filter against documents.
import Database from 'better-sqlite3'

import { cell, valueAt } from '../mdSearch'
import type { IndexedFields } from '../where'
import { columnOf, whereSql } from '../where'

const db = new Database(':memory:')

/** A predicate: does `where` match the document? Refusals throw as the store refuses them. */
export function matchWhere(where: string, fields: IndexedFields) {
  const { sql, params } = whereSql(where, fields)
  const names = [...fields.keys()]
  const row = names.map((field) => `? AS ${columnOf(field)}`).join(', ')
  const statement = db.prepare(`SELECT 1 FROM (SELECT ${row}) WHERE ${sql}`)

  return (doc: object) =>
    statement.get(
      ...names.map((field) => cell(valueAt(doc, field))),
      ...params
    ) !== undefined
}
