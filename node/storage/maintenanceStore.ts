import { randomBytes } from 'crypto'
import { setTimeout as sleep } from 'timers/promises'

import { describeHttpFailure } from '../domain/upstreamErrors'
import type { JsonStore } from './jsonStore'
import { StorageError, etagOf, isConflict } from './jsonStore'

/**
 * What the app keeps to heal itself, in VBase beside the histories: orders whose OMS story is
 * behind, the sweep's lease and last report, the backfill's progress and the token the
 * Scheduler's calls carry.
 */
export const MAINTENANCE_BUCKET = 'pick-and-pack-maintenance'

const PENDING_PREFIX = 'oms-pending/'
const TOKEN_PATH = 'sweep-token.json'
const pendingPath = (orderId: string) =>
  `${PENDING_PREFIX}${encodeURIComponent(orderId)}.json`

/** How long a newly created file is left to settle before it is trusted (see `claim`). */
const SETTLE_MS = 150

export interface Lease<T> {
  holder: string
  until: string
  /** What the holder carries from run to run (the sweep's cursor, the backfill's progress). */
  data: T
}

/** Who holds a lease, and for how many milliseconds it runs from a claim or renewal. */
export interface LeaseTerms {
  holder: string
  ms: number
}

const failure = (): never => {
  // The client's error carries the app token in its request config: keep only the fact.
  throw new StorageError('The app could not read or save its maintenance state')
}

export class Maintenance {
  constructor(private readonly store: JsonStore) {}

  /** Marks an order whose OMS story is behind, for the sweep (write-once, by order). */
  public async markOmsPending(orderId: string): Promise<void> {
    try {
      await this.store.saveJSON(MAINTENANCE_BUCKET, pendingPath(orderId), {
        orderId,
      })
    } catch {
      failure()
    }
  }

  public clearOmsPending(orderId: string): Promise<void> {
    return this.remove(pendingPath(orderId))
  }

  /** Orders marked as behind in the OMS, at most `limit`. */
  public async omsPending(limit: number): Promise<string[]> {
    try {
      const list = await this.store.listFiles(MAINTENANCE_BUCKET, {
        prefix: PENDING_PREFIX,
        limit,
      })

      return (list.data ?? []).map(({ path }) =>
        decodeURIComponent(
          path.slice(PENDING_PREFIX.length).replace(/\.json$/, '')
        )
      )
    } catch {
      return failure()
    }
  }

  public async read<T>(path: string): Promise<T | null> {
    try {
      return await this.store.getJSON<T | null>(MAINTENANCE_BUCKET, path, true)
    } catch {
      return failure()
    }
  }

  public async write<T>(path: string, data: T): Promise<void> {
    try {
      await this.store.saveJSON(MAINTENANCE_BUCKET, path, data)
    } catch {
      failure()
    }
  }

  /** Deletes `path`; one already gone is no failure (a retried removal finds it so). */
  public async remove(path: string): Promise<void> {
    try {
      await this.store.deleteFile(MAINTENANCE_BUCKET, path)
    } catch (error) {
      if (describeHttpFailure(error).status !== 404) failure()
    }
  }

  /**
   * Takes the lease `path` for `ms` unless another holder's is still running; returns the lease
   * (with what the last holder left in `data`) or null. Written with If-Match, so two replicas
   * never both take it. VBase has no conditional create: a lease file that does not exist yet
   * is created, left to settle and then taken with If-Match like any other, so two replicas
   * that both created it still take it once.
   */
  public async claim<T>(
    path: string,
    { holder, ms, initial }: LeaseTerms & { initial: T },
    now = Date.now()
  ): Promise<Lease<T> | null> {
    try {
      let read = await this.store.getRawJSON<Lease<T>>(
        MAINTENANCE_BUCKET,
        path,
        true
      )

      if (!read.data) {
        await this.store.saveJSON(MAINTENANCE_BUCKET, path, {
          holder: '',
          until: new Date(0).toISOString(),
          data: initial,
        })
        await sleep(SETTLE_MS)
        read = await this.store.getRawJSON<Lease<T>>(
          MAINTENANCE_BUCKET,
          path,
          true
        )
      }

      const lease = read.data
      const etag = etagOf(read.headers)

      if (!lease || !etag) return null
      if (lease.holder && Date.parse(lease.until) > now) return null
      const taken: Lease<T> = {
        holder,
        until: new Date(now + ms).toISOString(),
        data: lease.data ?? initial,
      }

      await this.store.saveJSON(
        MAINTENANCE_BUCKET,
        path,
        taken,
        undefined,
        etag
      )

      return taken
    } catch (error) {
      if (isConflict(error)) return null

      return failure()
    }
  }

  /** Saves the holder's progress and extends its lease; false when it is no longer its. */
  public renew<T>(
    path: string,
    { holder, ms }: LeaseTerms,
    data: T
  ): Promise<boolean> {
    return this.writeIfHolder(path, holder, {
      holder,
      until: new Date(Date.now() + ms).toISOString(),
      data,
    })
  }

  /** Gives the lease back with what the next holder needs (only if still this holder's). */
  public async release<T>(
    path: string,
    holder: string,
    data: T
  ): Promise<void> {
    await this.writeIfHolder(path, holder, {
      holder: '',
      until: new Date().toISOString(),
      data,
    })
  }

  /** Writes the lease with If-Match while `holder` still holds it; false when it does not. */
  private async writeIfHolder<T>(
    path: string,
    holder: string,
    lease: Lease<T>
  ): Promise<boolean> {
    try {
      const read = await this.store.getRawJSON<Lease<T>>(
        MAINTENANCE_BUCKET,
        path,
        true
      )

      const etag = etagOf(read.headers)

      if (read.data?.holder !== holder || !etag) return false
      await this.store.saveJSON(
        MAINTENANCE_BUCKET,
        path,
        lease,
        undefined,
        etag
      )

      return true
    } catch (error) {
      if (isConflict(error)) return false

      return failure()
    }
  }

  /**
   * The token the Scheduler's calls to the sweep route carry, made on first use. Two replicas
   * that make one at once: the one stored last wins, and each reads back what is stored.
   */
  public async sweepToken(): Promise<string> {
    const stored = await this.read<{ token: string }>(TOKEN_PATH)

    if (stored?.token) return stored.token
    await this.write(TOKEN_PATH, { token: randomBytes(32).toString('hex') })
    await sleep(SETTLE_MS)
    const settled = await this.read<{ token: string }>(TOKEN_PATH)

    if (!settled?.token) return failure()

    return settled.token
  }
}

export const newHolder = () => randomBytes(8).toString('hex')
