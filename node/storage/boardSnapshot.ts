import { randomBytes } from 'crypto'

import type { BoardSnapshot } from '../domain/boardSnapshot'
import type { JsonStore } from './jsonStore'
import { StorageError, etagOf, isConflict } from './jsonStore'

/** The board's shared snapshot: one file per account and workspace (VBase's own scope). */
export const BOARD_BUCKET = 'pick-and-pack-board'
export const BOARD_FILE = 'board.json'

export interface SnapshotRead {
  snapshot: BoardSnapshot | null
  /** Names the version read, for the If-Match of a claim. */
  etag?: string
}

const failure = (): never => {
  // The client's error carries the app token in its request config: keep only the fact.
  throw new StorageError('The board snapshot could not be read or saved')
}

export class BoardSnapshots {
  constructor(private readonly store: JsonStore) {}

  public async read(): Promise<SnapshotRead> {
    try {
      const read = await this.store.getRawJSON<BoardSnapshot>(
        BOARD_BUCKET,
        BOARD_FILE,
        true
      )

      return { snapshot: read.data ?? null, etag: etagOf(read.headers) }
    } catch {
      return failure()
    }
  }

  /** Unconditional: whichever count is saved last wins, and each is as good as the other. */
  public async save(snapshot: BoardSnapshot): Promise<void> {
    try {
      await this.store.saveJSON(BOARD_BUCKET, BOARD_FILE, {
        key: snapshot.key,
        board: snapshot.board,
      })
    } catch {
      failure()
    }
  }

  /**
   * Marks the snapshot read as `read` as being counted again by the caller, with If-Match: of
   * the replicas that saw the same version, one wins; the others get 412 and answer false (the
   * winner refreshes). The random id makes every claim a new version, so a claim never
   * matches an ETag read before it.
   */
  public async claimRefresh(
    read: SnapshotRead,
    now = Date.now()
  ): Promise<boolean> {
    if (!read.snapshot || !read.etag) return false
    const id = randomBytes(8).toString('hex')

    try {
      await this.store.saveJSON(
        BOARD_BUCKET,
        BOARD_FILE,
        {
          ...read.snapshot,
          refreshClaim: { id, at: new Date(now).toISOString() },
        },
        undefined,
        read.etag
      )

      return true
    } catch (error) {
      if (isConflict(error)) return false

      return failure()
    }
  }
}
