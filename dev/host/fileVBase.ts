import { createHash } from 'crypto'
import { promises as fs, readFileSync } from 'fs'
import type { FileHandle } from 'fs/promises'
import path from 'path'

import { documentJson } from './documentJson'

/** An HTTP-like failure, shaped as @vtex/api's client errors are (status under `response`). */
class StoreHttpError extends Error {
  constructor(message: string, public readonly response: { status: number }) {
    super(message)
  }
}

export interface StoreFaults {
  /** Fail this many of the next writes (as a 500). */
  failWrites?: number
  /** Fail this many of the next reads (as a 500). */
  failReads?: number
}

/**
 * A file in memory: its text as loaded until first read, then the document itself, shared by
 * every reader. Saved documents are kept as objects only: holding their text as well would
 * double what every write leaves behind for the garbage collector. Callers never change a
 * document they read (the domain builds new ones); the webhook tests check that what is served
 * always equals what was written.
 */
interface StoredFile {
  etag: string
  /** Length of the text last written or loaded (to decide when to compact). */
  bytes: number
  content?: string
  parsed?: unknown
}

/**
 * A bucket is one segment, a file segments joined by "/"; a segment is letters, digits, "_",
 * "." and "-", and ".." is refused below.
 */
const SAFE_SEGMENT = /^[A-Za-z0-9_.-]+$/
const SAFE_PATH = /^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*$/
const PARENT_SEGMENT = /(?:^|\/)\.\.(?:\/|$)/
const JOURNAL = 'journal.ndjson'
const SNAPSHOT = 'snapshot.json'
const LOCK = 'LOCK'
/**
 * The journal is folded into the snapshot when it outgrows both this and four times the data:
 * folding writes every file, so it must stay rare under load.
 */
const COMPACT_AT_BYTES = 256 * 1024 * 1024

/**
 * ETags name a version, nothing more: a per-process prefix and a counter are enough (and
 * cheaper than hashing every document on every write).
 */
const ETAG_PREFIX = createHash('sha1')
  .update(`${process.pid}.${Date.now()}.${Math.random()}`)
  .digest('hex')
  .slice(0, 12)

let versions = 0
const nextEtag = () => `"${ETAG_PREFIX}.${++versions}"`

/** A journal line: the file's key, a tab, its JSON (which never holds a raw newline or tab). */
const journalLine = (key: string, content: string) => `${key}\t${content}\n`

/** Paths already checked, per bucket: every webhook call names the same few again. */
const checkedPaths = new Map<string, Set<string>>()
const MAX_CHECKED_PATHS = 50_000

function keyOf(bucket: string, file: string) {
  if (checkedPaths.get(bucket)?.has(file)) return `${bucket}/${file}`

  if (
    !SAFE_SEGMENT.test(bucket) ||
    bucket === '..' ||
    !SAFE_PATH.test(file) ||
    PARENT_SEGMENT.test(file)
  ) {
    throw new StoreHttpError(`Invalid path ${bucket}/${file}`, { status: 400 })
  }

  let files = checkedPaths.get(bucket)

  if (!files || files.size >= MAX_CHECKED_PATHS) {
    files = new Set()
    checkedPaths.set(bucket, files)
  }

  files.add(file)

  return `${bucket}/${file}`
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)

    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Every file of a data dir: the snapshot, then the journal replayed over it. A torn last line
 * (a crash mid-append) is ignored: its write was never acknowledged.
 */
export function readStoreFiles(dataDir: string): Map<string, string> {
  const dir = path.join(dataDir, 'vbase')
  const files = new Map<string, string>()

  try {
    const snapshot = JSON.parse(
      readFileSync(path.join(dir, SNAPSHOT), 'utf8')
    ) as Record<string, string>

    for (const [key, content] of Object.entries(snapshot))
      files.set(key, content)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }

  let journal = ''

  try {
    journal = readFileSync(path.join(dir, JOURNAL), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }

  for (const line of journal.split('\n')) {
    const tab = line.indexOf('\t')

    if (tab <= 0) continue
    const content = line.slice(tab + 1)

    try {
      JSON.parse(content)
    } catch {
      // A torn write at the end of the journal: it was never acknowledged.
      continue
    }

    files.set(line.slice(0, tab), content)
  }

  return files
}

/**
 * VBase's semantics on the local disk: JSON files with an ETag per version, `If-Match`
 * refused with 412 on a stale write, data kept across restarts. Files live in memory and every
 * write is appended to a journal in `DATA_DIR/vbase/` before it is acknowledged; writes that
 * arrive together share one append (the webhook takes thousands a second this way). One
 * process owns a data dir at a time (a LOCK file says which).
 */
export class FileVBase {
  private readonly dir: string
  private readonly files = new Map<string, StoredFile>()
  private readonly ready: Promise<void>
  /** Set once open: then reads and writes skip waiting on `ready` (a tick each). */
  private opened = false
  private journal?: FileHandle
  private journalBytes = 0
  private queue: Array<{ line: string; done(error?: unknown): void }> = []
  private flushing?: Promise<void>
  private faults: Required<StoreFaults> = { failWrites: 0, failReads: 0 }
  private closed = false
  public writes = 0

  constructor(
    dataDir: string,
    private readonly compactAtBytes = COMPACT_AT_BYTES
  ) {
    this.dir = path.join(dataDir, 'vbase')
    this.ready = this.open().then(() => {
      this.opened = true
    })
    // Surfaced by the first read or write; never an unhandled rejection.
    this.ready.catch(() => undefined)
  }

  /** Resolves once the data dir is loaded and locked; rejects with a start-up error. */
  public whenReady() {
    return this.ready
  }

  public setFaults(faults: StoreFaults) {
    this.faults = { failWrites: 0, failReads: 0, ...faults }
  }

  public getRawJSON = async <T>(
    bucket: string,
    file: string,
    nullIfNotFound?: boolean
  ): Promise<{ data: T | null; headers: Record<string, unknown> }> => {
    if (!this.opened) await this.ready
    const key = keyOf(bucket, file)

    if (this.faults.failReads > 0) {
      this.faults.failReads--
      throw new StoreHttpError('Local store read failed (fault)', {
        status: 500,
      })
    }

    const stored = this.files.get(key)

    if (!stored) {
      if (nullIfNotFound) return { data: null, headers: {} }
      throw new StoreHttpError('File not found', { status: 404 })
    }

    // Parsing a large document on every read costs more than the rest of a webhook call.
    if (stored.content !== undefined) {
      stored.parsed = JSON.parse(stored.content)
      stored.content = undefined
    }

    return { data: stored.parsed as T, headers: { etag: stored.etag } }
  }

  public saveJSON = async <T>(
    bucket: string,
    file: string,
    data: T,
    _tracing?: unknown,
    ifMatch?: string
  ): Promise<void> => {
    if (!this.opened) await this.ready
    const key = keyOf(bucket, file)

    if (this.closed)
      throw new StoreHttpError('Local store closed', { status: 503 })
    if (this.faults.failWrites > 0) {
      this.faults.failWrites--
      throw new StoreHttpError('Local store write failed (fault)', {
        status: 500,
      })
    }

    const previous = this.files.get(key)

    // Check and set happen in one synchronous step: atomic within the process.
    if (ifMatch !== undefined && previous?.etag !== ifMatch) {
      throw new StoreHttpError('Precondition failed', { status: 412 })
    }

    // The saved value itself is kept for later reads. Its entries are frozen once written, and
    // those already written before are not serialized again.
    const content = documentJson(data)
    const stored: StoredFile = {
      etag: nextEtag(),
      bytes: content.length,
      parsed: data,
    }

    this.files.set(key, stored)

    try {
      await this.append(journalLine(key, content))
      this.writes++
    } catch (error) {
      // Not durable, so not done: undo unless a later write already replaced it.
      if (this.files.get(key) === stored) {
        if (previous) this.files.set(key, previous)
        else this.files.delete(key)
      }

      throw new StoreHttpError('Local store write failed', { status: 500 })
    }
  }

  /** Flushes and releases the data dir. */
  public async close() {
    if (this.closed) return
    this.closed = true
    await this.ready.catch(() => undefined)
    await this.flushing
    await this.journal?.close()
    await fs.rm(path.join(this.dir, LOCK), { force: true })
  }

  private async open() {
    await fs.mkdir(this.dir, { recursive: true })
    await this.lock()
    for (const [key, content] of readStoreFiles(path.dirname(this.dir))) {
      this.files.set(key, { content, bytes: content.length, etag: nextEtag() })
    }

    this.journal = await fs.open(path.join(this.dir, JOURNAL), 'a')
    this.journalBytes = (await this.journal.stat()).size
    // Start-up is the quiet moment to fold a journal that mostly repeats itself.
    if (
      this.journalBytes > 1024 * 1024 &&
      this.journalBytes > 4 * this.dataBytes()
    ) {
      await this.compact()
    }
  }

  private async lock() {
    const lockFile = path.join(this.dir, LOCK)

    try {
      await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(await fs.readFile(lockFile, 'utf8').catch(() => ''))

      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `DATA_DIR ${path.dirname(
            this.dir
          )} is in use by process ${owner}: stop it or set another DATA_DIR.`
        )
      }

      // Left by a process that is gone, or by an earlier host of this process.
      await fs.writeFile(lockFile, String(process.pid))
    }
  }

  private append(line: string) {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({
        line,
        done: (error) => (error ? reject(error) : resolve()),
      })
      if (!this.flushing) {
        this.flushing = this.flush().finally(() => {
          this.flushing = undefined
        })
      }
    })
  }

  /** Group commit: everything queued while the previous append ran goes out in one write. */
  private async flush() {
    while (this.queue.length > 0) {
      const batch = this.queue
      const text = batch.map((item) => item.line).join('')

      this.queue = []
      try {
        // eslint-disable-next-line no-await-in-loop
        await this.journal?.write(text)
        // Characters, not bytes: close enough to decide when to compact, and no second pass.
        this.journalBytes += text.length
        batch.forEach((item) => item.done())
      } catch (error) {
        batch.forEach((item) => item.done(error))
      }

      if (
        this.journalBytes > this.compactAtBytes &&
        this.journalBytes > 4 * this.dataBytes()
      ) {
        // eslint-disable-next-line no-await-in-loop
        await this.compact()
      }
    }
  }

  private dataBytes() {
    let bytes = 0

    for (const file of this.files.values()) bytes += file.bytes

    return bytes
  }

  /** Folds the journal into a new snapshot (written aside, then renamed over the old one). */
  private async compact() {
    const snapshot: Record<string, string> = {}

    for (const [key, file] of this.files) {
      snapshot[key] = file.content ?? documentJson(file.parsed)
    }
    const target = path.join(this.dir, SNAPSHOT)

    await fs.writeFile(`${target}.tmp`, JSON.stringify(snapshot))
    await fs.rename(`${target}.tmp`, target)
    await this.journal?.truncate(0)
    this.journalBytes = 0
  }
}
