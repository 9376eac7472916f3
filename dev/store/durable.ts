// Durable files: one file per VBase file or Master Data document, written to a temporary file,
// fsynced and renamed over the old one, so that a write the store answered survives SIGKILL
// and a crash mid-write leaves the previous version whole.
import { createHash } from 'crypto'
import {
  closeSync,
  promises as fs,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'fs'
import path from 'path'

const TMP_MARK = '.tmp-'
let tmpCounter = 0

/**
 * A file or folder name for any string (an account, a bucket, a VBase path, a document id):
 * lowercase letters, digits and "-" stay, every other byte becomes "_XX" (so "/", "." and ".."
 * never reach the file system, and "A" and "a" stay apart on case-insensitive ones), ""
 * becomes "_" (an unset VTEX_APP_ID). Names too long for the file system become a hash: a
 * stored file keeps its real key inside, the name is only an address.
 */
export function fileName(key: string): string {
  if (key === '') return '_'
  let out = ''

  for (const byte of Buffer.from(key, 'utf8')) {
    const char = String.fromCharCode(byte)

    out += /[a-z0-9-]/.test(char)
      ? char
      : `_${byte.toString(16).padStart(2, '0').toUpperCase()}`
  }

  return out.length <= 180
    ? out
    : `~${createHash('sha256').update(key).digest('hex')}`
}

export async function writeAtomic(file: string, content: Buffer | string) {
  const dir = path.dirname(file)
  const tmp = `${file}${TMP_MARK}${process.pid}-${++tmpCounter}`

  await fs.mkdir(dir, { recursive: true })
  const handle = await fs.open(tmp, 'w')

  try {
    await handle.writeFile(content)
    await handle.sync()
  } finally {
    await handle.close()
  }

  try {
    await fs.rename(tmp, file)
  } catch (error) {
    await fs.rm(tmp, { force: true })
    throw error
  }
}

export async function removeFile(file: string) {
  await fs.rm(file, { force: true })
}

/** Every stored file under `dir` (recursively), leftover temporary files deleted on the way. */
export function listFilesSync(dir: string): string[] {
  const out: string[] = []
  let entries

  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return out
    throw error
  }

  for (const entry of entries) {
    const full = path.join(dir, entry.name)

    if (entry.isDirectory()) out.push(...listFilesSync(full))
    else if (entry.name.includes(TMP_MARK)) unlinkSync(full)
    else out.push(full)
  }

  return out
}

export const readSync = (file: string) => readFileSync(file)

const heldLocks = new Set<string>()

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)

    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}

/**
 * Claims `dir` for this store: two stores on one folder would each serve their own memory and
 * overwrite each other's files. A lock left by a killed process is taken over. Returns the
 * release function.
 */
export function lockFolder(dir: string): () => void {
  const file = path.join(dir, 'LOCK')

  mkdirSync(dir, { recursive: true })
  if (heldLocks.has(file)) {
    throw new Error(`${dir} is in use by another store in this process`)
  }

  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx')

      writeSync(fd, String(process.pid))
      closeSync(fd)
      break
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST' || attempt > 0)
        throw error
      const owner = Number(readFileSync(file, 'utf8'))

      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `${dir} is in use by process ${owner}: one store per DATA_DIR (point others at its URL)`
        )
      }

      unlinkSync(file)
    }
  }

  heldLocks.add(file)
  let released = false

  return () => {
    if (released) return
    released = true
    heldLocks.delete(file)
    try {
      unlinkSync(file)
    } catch {
      // Already gone: nothing to release.
    }
  }
}

/**
 * Runs operations on one key one after another (check, write, publish), so that two writes of
 * one file can never land on disk in the other order, nor both pass the same If-Match.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>()

  public run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const result = previous.then(task)
    const tail = result.then(
      () => undefined,
      () => undefined
    )

    this.tails.set(key, tail)
    // Forget idle keys, so that the map holds only writes under way.
    tail.then(
      () => {
        if (this.tails.get(key) === tail) this.tails.delete(key)
      },
      () => undefined
    )

    return result
  }

  /** Resolves once every write that has started is on disk. */
  public async idle() {
    await Promise.all([...this.tails.values()])
  }
}
