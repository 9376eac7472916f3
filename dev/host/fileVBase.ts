import { createHash } from 'crypto'
import { promises as fs } from 'fs'
import path from 'path'

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

const etagOf = (content: string) =>
  `"${createHash('sha1').update(content).digest('hex')}"`

const SAFE_SEGMENT = /^[A-Za-z0-9_.-]+$/

/**
 * VBase's semantics on the local disk: JSON files under `dataDir/bucket/path`, an ETag per
 * version, `If-Match` refused with 412 on a stale write, atomic replacement (write then
 * rename), data kept across restarts.
 */
export class FileVBase {
  private readonly locks = new Map<string, Promise<unknown>>()
  private faults: Required<StoreFaults> = { failWrites: 0, failReads: 0 }
  public writes = 0

  constructor(private readonly dataDir: string) {}

  public setFaults(faults: StoreFaults) {
    this.faults = { failWrites: 0, failReads: 0, ...faults }
  }

  public getRawJSON = async <T>(
    bucket: string,
    file: string,
    nullIfNotFound?: boolean
  ): Promise<{ data: T | null; headers: Record<string, unknown> }> => {
    if (this.faults.failReads > 0) {
      this.faults.failReads--
      throw new StoreHttpError('Local store read failed (fault)', {
        status: 500,
      })
    }

    const content = await this.readFile(this.resolve(bucket, file))

    if (content === null) {
      if (nullIfNotFound) return { data: null, headers: {} }
      throw new StoreHttpError('File not found', { status: 404 })
    }

    return {
      data: JSON.parse(content) as T,
      headers: { etag: etagOf(content) },
    }
  }

  public saveJSON = async <T>(
    bucket: string,
    file: string,
    data: T,
    _tracing?: unknown,
    ifMatch?: string
  ): Promise<void> => {
    const target = this.resolve(bucket, file)

    await this.exclusive(target, async () => {
      if (this.faults.failWrites > 0) {
        this.faults.failWrites--
        throw new StoreHttpError('Local store write failed (fault)', {
          status: 500,
        })
      }

      if (ifMatch !== undefined) {
        const current = await this.readFile(target)

        if (current === null || etagOf(current) !== ifMatch) {
          throw new StoreHttpError('Precondition failed', { status: 412 })
        }
      }

      const content = JSON.stringify(data)
      const temporary = `${target}.${process.pid}.${Date.now()}.${Math.random()
        .toString(36)
        .slice(2)}.tmp`

      await fs.mkdir(path.dirname(target), { recursive: true })
      await fs.writeFile(temporary, content)
      await fs.rename(temporary, target)
      this.writes++
    })
  }

  private resolve(bucket: string, file: string) {
    const segments = [bucket, ...file.split('/')]

    if (
      !segments.every(
        (segment) => SAFE_SEGMENT.test(segment) && segment !== '..'
      )
    ) {
      throw new StoreHttpError(`Invalid path ${bucket}/${file}`, {
        status: 400,
      })
    }

    return path.join(this.dataDir, 'vbase', ...segments)
  }

  private async readFile(target: string): Promise<string | null> {
    try {
      return await fs.readFile(target, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  /** Check-then-write must be atomic within the process, as it is inside VBase. */
  private async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(key) ?? Promise.resolve()
    const current = previous.catch(() => undefined).then(work)

    this.locks.set(key, current)
    try {
      return await current
    } finally {
      if (this.locks.get(key) === current) this.locks.delete(key)
    }
  }
}
