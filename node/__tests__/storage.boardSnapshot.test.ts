import type { BoardSnapshot } from '../domain/boardSnapshot'
import { BOARD_BUCKET, BoardSnapshots } from '../storage/boardSnapshot'
import { StorageError } from '../storage/jsonStore'
import { replicaVBase, useStoreStandIn } from './support/store'
import { clearStoreFaults, setStoreFault } from './support/storeFaults'

/*
 * The board snapshot over the store stand-in, through `@vtex/api`'s own VBase client (ETag,
 * If-Match, 412 as on VTEX IO). Each look is a new client: @vtex/api's VBase client can memoize
 * reads, and each replica has its own anyway.
 */

const store = useStoreStandIn({ indexDelayMs: 0, latencyMs: 5 })
let accounts = 0
let account: string

const replica = () => new BoardSnapshots(replicaVBase(store().url, account))

const SNAPSHOT: BoardSnapshot = {
  key: 'key-1',
  board: {
    updatedAt: '2026-12-03T12:00:00.000Z',
    statuses: [{ status: 'PICKING', count: 3, late: 1 }],
    late: 1,
    drift: 0,
  },
}

beforeEach(async () => {
  account = `board${++accounts}`
  await clearStoreFaults(store().url)
})

describe('BoardSnapshots', () => {
  it('reads nothing at first, then what was saved, with its ETag', async () => {
    expect(await replica().read()).toEqual({
      snapshot: null,
      etag: undefined,
    })
    await replica().save(SNAPSHOT)
    const read = await replica().read()

    expect(read.snapshot).toEqual(SNAPSHOT)
    expect(read.etag).toEqual(expect.any(String))
  })

  it('of two replicas claiming the version they both read, one wins', async () => {
    await replica().save(SNAPSHOT)
    const [readA, readB] = [await replica().read(), await replica().read()]
    const claims = await Promise.all([
      replica().claimRefresh(readA),
      replica().claimRefresh(readB),
    ])

    expect(claims.filter(Boolean)).toHaveLength(1)
    const claimed = (await replica().read()).snapshot

    expect(claimed?.refreshClaim).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      at: expect.any(String),
    })
    expect(claimed?.board).toEqual(SNAPSHOT.board)
  })

  it('a claim on a version already replaced is refused; a save drops the claim', async () => {
    await replica().save(SNAPSHOT)
    const before = await replica().read()

    expect(await replica().claimRefresh(await replica().read())).toBe(true)
    expect(await replica().claimRefresh(before)).toBe(false)

    await replica().save({
      ...SNAPSHOT,
      board: { ...SNAPSHOT.board, updatedAt: '2026-12-03T12:00:30.000Z' },
    })
    const saved = (await replica().read()).snapshot

    expect(saved?.refreshClaim).toBeUndefined()
    expect(saved?.board.updatedAt).toBe('2026-12-03T12:00:30.000Z')
    // Nothing read, nothing to claim.
    expect(await replica().claimRefresh({ snapshot: null })).toBe(false)
  })

  it('a failing store is a StorageError without the client error (it carries the token)', async () => {
    const prefix = `/vbase/${account}/master/buckets/${
      (process.env.VTEX_APP_ID ?? '').split('@')[0]
    }/${BOARD_BUCKET}/`

    for (const method of ['GET', 'PUT']) {
      // eslint-disable-next-line no-await-in-loop
      await setStoreFault(store().url, {
        method,
        pathPrefix: prefix,
        answer: 500,
        times: 5,
      })
    }

    const failures = await Promise.all([
      replica()
        .read()
        .catch((error: unknown) => error),
      replica()
        .save(SNAPSHOT)
        .catch((error: unknown) => error),
      replica()
        .claimRefresh({ snapshot: SNAPSHOT, etag: '"x"' })
        .catch((error: unknown) => error),
    ])

    for (const failure of failures) {
      expect(failure).toBeInstanceOf(StorageError)
      expect(JSON.stringify(failure)).not.toContain('local-store-token')
      expect((failure as Error).message).not.toContain('local-store-token')
    }
  })
})
