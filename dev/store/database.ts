// The store's one SQLite database, `{dataDir}/store/store.sqlite`. Every write is a committed
// transaction before it is answered (WAL, synchronous FULL), so an answered write survives
// SIGKILL. The exclusive lock keeps a second store off a folder in use.
import { mkdirSync } from 'fs'
import path from 'path'

import Database from 'better-sqlite3'

export type Db = Database.Database

const TABLES = `
  CREATE TABLE IF NOT EXISTS files (bucket TEXT, path TEXT, type TEXT, body BLOB, hash TEXT,
    PRIMARY KEY (bucket, path)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS docs (account TEXT, entity TEXT, id TEXT, doc TEXT,
    PRIMARY KEY (account, entity, id)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS unindexed (seq INTEGER PRIMARY KEY, account TEXT, entity TEXT,
    id TEXT, doc TEXT, due INTEGER);
  CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, account TEXT,
    event TEXT, attempts INTEGER, due INTEGER);`

export function openDatabase(dataDir: string): Db {
  const dir = path.join(path.resolve(dataDir), 'store')

  mkdirSync(dir, { recursive: true })
  const db = new Database(path.join(dir, 'store.sqlite'), { timeout: 0 })

  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.exec(TABLES)
  } catch (error) {
    db.close()
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error
    throw new Error(`${dir} is in use by another store: stop that one first`)
  }

  return db
}
