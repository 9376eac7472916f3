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

/**
 * Changes of one kind applied to the document all at once: for big batches, one pass instead
 * of one per change. Callers of a key pass the same function.
 */
export type BatchMutation<T, I> = (document: T, inputs: I[]) => T

type Pending<T> = {
  resolve(result: unknown): void
  reject(error: unknown): void
} & (
  | { mutate: Mutation<T, unknown>; applyAll?: undefined; input?: undefined }
  | { applyAll: BatchMutation<T, unknown>; input: unknown }
)

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
      this.enqueue(key, io, {
        mutate: mutate as Mutation<T, unknown>,
        resolve: resolve as (result: unknown) => void,
        reject,
      })
    })
  }

  /** Like `run`, for a change that is applied together with the others of its batch. */
  public runBatched<T, I>(
    key: string,
    io: DocumentIO<T>,
    input: I,
    applyAll: BatchMutation<T, I>
  ) {
    return new Promise<void>((resolve, reject) => {
      this.enqueue(key, io, {
        applyAll: applyAll as BatchMutation<T, unknown>,
        input,
        resolve: () => resolve(),
        reject,
      })
    })
  }

  private enqueue<T>(key: string, io: DocumentIO<T>, pending: Pending<T>) {
    let queue = this.queues.get(key) as Queue<T> | undefined

    if (!queue) {
      queue = { pending: [], running: false }
      this.queues.set(key, queue as Queue<unknown>)
    }

    queue.pending.push(pending)
    // drain settles every caller itself and never rejects.
    if (!queue.running) this.drain(key, queue, io).catch(() => undefined)
  }

  /** Applies a batch in order; consecutive batch mutations of one kind in a single call. */
  private apply<T>(data: T, batch: Array<Pending<T>>) {
    const results: unknown[] = []
    let document = data

    for (let i = 0; i < batch.length; ) {
      const item = batch[i]

      if (item.applyAll) {
        let end = i + 1

        while (end < batch.length && batch[end].applyAll === item.applyAll) {
          end++
        }

        document = item.applyAll(
          document,
          batch.slice(i, end).map((pending) => pending.input)
        )
        for (; i < end; i++) results.push(undefined)
      } else {
        const change = item.mutate(document)

        document = change.document
        results.push(change.result)
        i++
      }
    }

    return { document, results }
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
      const { document, results } = this.apply(data, batch)

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
