import type { DocumentIO } from '../storage/groupCommit'
import { GroupCommitter } from '../storage/groupCommit'

const byText = (a: string, b: string) => a.localeCompare(b)

interface Doc {
  items: string[]
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

const conflictError = () =>
  Object.assign(new Error('Precondition failed'), { response: { status: 412 } })

/** One stored JSON document with ETags, shared by every "replica" that opens it. */
class MemoryDocument {
  public stored: Doc | undefined
  public version = 0
  public reads = 0
  public writes = 0
  public conflicts = 0
  /** Runs inside a write, before the precondition is checked (another replica's write). */
  public beforeWrite: ((attempt: number) => void) | null = null
  public failWrite: ((attempt: number) => Error | null) | null = null
  public failRead: Error | null = null

  public io(): DocumentIO<Doc> {
    return {
      read: async () => {
        await tick()
        this.reads += 1
        if (this.failRead) throw this.failRead

        return this.stored
          ? {
              data: JSON.parse(JSON.stringify(this.stored)),
              etag: `v${this.version}`,
            }
          : { data: { items: [] } }
      },
      write: async (data, etag) => {
        await tick()
        const attempt = ++this.writes

        this.beforeWrite?.(attempt)
        const failure = this.failWrite?.(attempt)

        if (failure) throw failure
        if (etag !== undefined && etag !== `v${this.version}`) {
          this.conflicts += 1
          throw conflictError()
        }

        this.stored = JSON.parse(JSON.stringify(data))
        this.version += 1
      },
      isConflict: (error) =>
        (error as { response?: { status?: number } }).response?.status === 412,
    }
  }

  /** Another process writing the document directly. */
  public replicaWrite(item: string) {
    this.stored = { items: [...(this.stored?.items ?? []), item] }
    this.version += 1
  }
}

/** Adds an item unless present (idempotent); tells the caller the size it saw. */
const add = (item: string) => (document: Doc) =>
  document.items.includes(item)
    ? { document, result: { item, added: false, size: document.items.length } }
    : {
        document: { items: [...document.items, item] },
        result: { item, added: true, size: document.items.length + 1 },
      }

describe('GroupCommitter', () => {
  it('lands 100 concurrent mutations of one document in few writes', async () => {
    const doc = new MemoryDocument()
    const committer = new GroupCommitter()
    const items = Array.from({ length: 100 }, (_, i) => `item-${i}`)

    const results = await Promise.all(
      items.map((item) => committer.run('key', doc.io(), add(item)))
    )

    expect([...(doc.stored?.items ?? [])].sort(byText)).toEqual(
      [...items].sort(byText)
    )
    expect(results.map((result) => result.item)).toEqual(items)
    expect(results.every((result) => result.added)).toBe(true)
    expect(new Set(results.map((result) => result.size)).size).toBe(100)
    expect(doc.writes).toBeLessThanOrEqual(3)
    expect(doc.conflicts).toBe(0)
  })

  it('applies batched changes of one kind in one call, in order with the others', async () => {
    const doc = new MemoryDocument()
    const committer = new GroupCommitter()
    const calls: string[][] = []
    const addAll = (document: Doc, items: string[]) => {
      calls.push(items)

      return {
        items: [
          ...document.items,
          ...items.filter((item) => !document.items.includes(item)),
        ],
      }
    }

    await Promise.all([
      committer.run('key', doc.io(), add('first')),
      // Queued while the first write runs: one batch, in this order.
      committer.runBatched('key', doc.io(), 'b1', addAll),
      committer.runBatched('key', doc.io(), 'b2', addAll),
      committer.run('key', doc.io(), add('single')),
      committer.runBatched('key', doc.io(), 'b3', addAll),
    ])

    expect(doc.stored?.items).toEqual(['first', 'b1', 'b2', 'single', 'b3'])
    expect(calls).toEqual([['b1', 'b2'], ['b3']])
    expect(doc.writes).toBe(2)
  })

  it('re-applies batched changes after a conflict', async () => {
    const doc = new MemoryDocument()
    const committer = new GroupCommitter()
    const addAll = (document: Doc, items: string[]) => ({
      items: [
        ...document.items,
        ...items.filter((item) => !document.items.includes(item)),
      ],
    })

    doc.replicaWrite('existing')
    doc.beforeWrite = (attempt) => {
      if (attempt === 1) doc.replicaWrite('from another replica')
    }

    await Promise.all(
      ['x', 'y'].map((item) =>
        committer.runBatched('key', doc.io(), item, addAll)
      )
    )

    expect(doc.conflicts).toBe(1)
    expect(doc.stored?.items).toEqual([
      'existing',
      'from another replica',
      'x',
      'y',
    ])
  })

  it('splits a burst into batches of at most maxBatch', async () => {
    const doc = new MemoryDocument()
    const committer = new GroupCommitter(8, 10)

    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        committer.run('key', doc.io(), add(`i${i}`))
      )
    )

    expect(doc.stored?.items).toHaveLength(100)
    // The first mutation runs alone, the other 99 in batches of 10.
    expect(doc.writes).toBe(11)
  })

  it('applies mutations in arrival order and returns each its own result', async () => {
    const doc = new MemoryDocument()
    const committer = new GroupCommitter()
    const results = await Promise.all([
      committer.run('key', doc.io(), add('a')),
      committer.run('key', doc.io(), add('b')),
      committer.run('key', doc.io(), add('a')),
      committer.run('key', doc.io(), (document: Doc) => ({
        document,
        result: `saw ${document.items.join(',')}`,
      })),
    ])

    expect(results).toEqual([
      { item: 'a', added: true, size: 1 },
      { item: 'b', added: true, size: 2 },
      { item: 'a', added: false, size: 2 },
      'saw a,b',
    ])
    expect(doc.stored).toEqual({ items: ['a', 'b'] })
  })

  it('skips the write when nothing changed', async () => {
    const doc = new MemoryDocument()

    doc.replicaWrite('a')
    const result = await new GroupCommitter().run('key', doc.io(), add('a'))

    expect(result.added).toBe(false)
    expect(doc.writes).toBe(0)
  })

  it('keeps different keys apart', async () => {
    const first = new MemoryDocument()
    const second = new MemoryDocument()
    const committer = new GroupCommitter()

    await Promise.all([
      committer.run('one', first.io(), add('a')),
      committer.run('two', second.io(), add('b')),
      committer.run('one', first.io(), add('c')),
    ])

    expect(first.stored).toEqual({ items: ['a', 'c'] })
    expect(second.stored).toEqual({ items: ['b'] })
  })

  it('re-reads and re-applies when another replica writes between read and write', async () => {
    const doc = new MemoryDocument()

    doc.replicaWrite('seed')
    doc.beforeWrite = (attempt) => {
      if (attempt <= 2) doc.replicaWrite(`replica-${attempt}`)
    }

    const results = await Promise.all([
      new GroupCommitter().run('key', doc.io(), add('mine-1')),
      new GroupCommitter().run('key', doc.io(), add('mine-2')),
    ])

    expect(doc.conflicts).toBeGreaterThanOrEqual(2)
    expect([...(doc.stored?.items ?? [])].sort(byText)).toEqual(
      ['mine-1', 'mine-2', 'replica-1', 'replica-2', 'seed'].sort(byText)
    )
    expect(results.every((result) => result.added)).toBe(true)
  })

  it('gives up after maxAttempts conflicts and rejects the batch with the conflict', async () => {
    const doc = new MemoryDocument()

    doc.replicaWrite('seed')
    doc.beforeWrite = (attempt) => doc.replicaWrite(`replica-${attempt}`)

    await expect(
      new GroupCommitter(3).run('key', doc.io(), add('mine'))
    ).rejects.toMatchObject({
      response: { status: 412 },
    })
    expect(doc.reads).toBe(3)
    expect(doc.writes).toBe(3)
    expect(doc.stored?.items).not.toContain('mine')
  })

  it('rejects the whole batch on a failed write and leaves the document unchanged', async () => {
    const doc = new MemoryDocument()
    const committer = new GroupCommitter()
    const boom = new Error('store down')

    doc.failWrite = (attempt) => (attempt === 2 ? boom : null)
    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        committer.run('key', doc.io(), add(`i${i}`))
      )
    )

    // The first mutation ran alone and landed; the other nine were one batch and all failed.
    expect(settled[0].status).toBe('fulfilled')
    settled.slice(1).forEach((outcome) => {
      expect(outcome).toEqual({ status: 'rejected', reason: boom })
    })
    expect(doc.stored).toEqual({ items: ['i0'] })
    expect(doc.writes).toBe(2)

    // The queue keeps working after a failure.
    doc.failWrite = null
    await committer.run('key', doc.io(), add('after'))
    expect(doc.stored).toEqual({ items: ['i0', 'after'] })
  })

  it('does not retry a failed write that is not a conflict', async () => {
    const doc = new MemoryDocument()

    doc.failWrite = () => new Error('forbidden')
    await expect(
      new GroupCommitter().run('key', doc.io(), add('a'))
    ).rejects.toThrow('forbidden')
    expect(doc.writes).toBe(1)
    expect(doc.stored).toBeUndefined()
  })

  it('rejects when the read fails, without writing', async () => {
    const doc = new MemoryDocument()

    doc.failRead = new Error('read failed')
    await expect(
      new GroupCommitter().run('key', doc.io(), add('a'))
    ).rejects.toThrow('read failed')
    expect(doc.writes).toBe(0)
  })

  it('rejects when a mutation throws, and the document is left as it was', async () => {
    const doc = new MemoryDocument()

    doc.replicaWrite('seed')
    const committer = new GroupCommitter()
    const settled = await Promise.allSettled([
      committer.run('key', doc.io(), add('first')),
      committer.run('key', doc.io(), add('second')),
      committer.run('key', doc.io(), () => {
        throw new Error('bad mutation')
      }),
    ])

    expect(settled.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
    ])
    expect(doc.stored).toEqual({ items: ['seed', 'first'] })
  })

  it('survives a creation race between two replicas: both changes land (read-back)', async () => {
    const doc = new MemoryDocument()
    const replicaA = new GroupCommitter()
    const replicaB = new GroupCommitter()

    const [a, b] = await Promise.all([
      replicaA.run('key', doc.io(), add('from-a')),
      replicaB.run('key', doc.io(), add('from-b')),
    ])

    // Both created the document without a precondition; one overwrote the other, and the
    // read-back made the overwritten one apply its change again.
    expect([...(doc.stored?.items ?? [])].sort(byText)).toEqual([
      'from-a',
      'from-b',
    ])
    expect(a).toEqual({ item: 'from-a', added: true, size: 1 })
    expect(b).toEqual({ item: 'from-b', added: true, size: 1 })
    expect(doc.reads).toBeGreaterThanOrEqual(4)
    expect(doc.writes).toBe(3)
  })

  it('reads back once after creating a document alone', async () => {
    const doc = new MemoryDocument()
    const result = await new GroupCommitter().run('key', doc.io(), add('a'))

    expect(result).toEqual({ item: 'a', added: true, size: 1 })
    expect(doc.writes).toBe(1)
    expect(doc.reads).toBe(2)
  })
})
