/**
 * Read-modify-write of one JSON document with optimistic concurrency, batched per document.
 *
 * Mutations of the same key that arrive while a write is in flight wait and are then applied
 * together in a single read-modify-write: under a burst of notifications the store sees one
 * write per document per round trip instead of one conflict storm. Across processes (VTEX IO
 * replicas) the ETag check still guards every write; a conflict re-reads and re-applies.
 */

export interface Versioned<T> {
  data: T
  /** The version read; undefined when the document did not exist. */
  etag?: string
}

export interface DocumentIO<T> {
  read(): Promise<Versioned<T>>
  /** Writes with `If-Match: etag` (no precondition when undefined); rejects on conflict. */
  write(data: T, etag?: string): Promise<void>
  isConflict(error: unknown): boolean
}

/** A pure change to the document and what it tells its caller. */
export type Mutation<T, R> = (document: T) => { document: T; result: R }

interface Pending<T> {
  mutate: Mutation<T, unknown>
  resolve(result: unknown): void
  reject(error: unknown): void
}

interface Queue<T> {
  pending: Array<Pending<T>>
  running: boolean
}

export class GroupCommitter {
  private readonly queues = new Map<string, Queue<unknown>>()

  constructor(
    private readonly maxAttempts = 8,
    private readonly maxBatch = 200
  ) {}

  public run<T, R>(key: string, io: DocumentIO<T>, mutate: Mutation<T, R>) {
    return new Promise<R>((resolve, reject) => {
      let queue = this.queues.get(key) as Queue<T> | undefined

      if (!queue) {
        queue = { pending: [], running: false }
        this.queues.set(key, queue as Queue<unknown>)
      }

      queue.pending.push({
        mutate: mutate as Mutation<T, unknown>,
        resolve: resolve as (result: unknown) => void,
        reject,
      })

      // drain settles every caller itself and never rejects.
      if (!queue.running) this.drain(key, queue, io).catch(() => undefined)
    })
  }

  private async drain<T>(key: string, queue: Queue<T>, io: DocumentIO<T>) {
    queue.running = true

    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0, this.maxBatch)

      try {
        // eslint-disable-next-line no-await-in-loop
        const results = await this.commit(io, batch)

        batch.forEach((item, index) => item.resolve(results[index]))
      } catch (error) {
        batch.forEach((item) => item.reject(error))
      }
    }

    queue.running = false
    this.queues.delete(key)
  }

  private async commit<T>(io: DocumentIO<T>, batch: Array<Pending<T>>) {
    let lastConflict: unknown
    // Results of a write made without a precondition (the document did not exist yet).
    let unconditioned: unknown[] | undefined

    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      // eslint-disable-next-line no-await-in-loop
      const { data, etag } = await io.read()
      let document = data
      const results = batch.map((item) => {
        const change = item.mutate(document)

        document = change.document

        return change.result
      })

      if (document === data) return unconditioned ?? results

      try {
        // eslint-disable-next-line no-await-in-loop
        await io.write(document, etag)
        if (etag !== undefined) return unconditioned ?? results
        // Creation has no precondition: another writer may have created it at the same
        // time. Read back once; the mutations are idempotent, so a no-op proves ours landed.
        unconditioned = unconditioned ?? results
      } catch (error) {
        if (!io.isConflict(error)) throw error
        lastConflict = error
      }
    }

    throw (
      lastConflict ??
      new Error('The document kept changing while it was written')
    )
  }
}
