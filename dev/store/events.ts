// The sandbox's stand-in for VTEX IO's event bus, kept by the store stand-in so that every
// host over one store shares it, as replicas of one app share VTEX IO's: an event sent is
// kept until a handler on any replica took it; one that failed, or whose replica died while
// handling it, is delivered again, at least once, in no promised order.
import { randomUUID } from 'crypto'

import type { Db } from './database'

export interface QueuedEvent {
  id: string
  account: string
  sender: string
  topic: string
  body: unknown
  /** Deliveries so far (a lease is a delivery). */
  attempts: number
}

const MAX_LEASE_MS = 60_000
const MAX_WAIT_MS = 5_000

export class EventQueue {
  private readonly waiters = new Set<() => void>()
  private closed = false
  private readonly sql: ReturnType<typeof statements>

  constructor(db: Db) {
    // After a restart every lease is void: the store cannot know the handler finished.
    db.prepare('UPDATE events SET due = 0').run()
    this.sql = statements(db)
  }

  public enqueue(fields: Omit<QueuedEvent, 'id' | 'attempts'>) {
    const id = randomUUID()

    this.sql.insert.run(id, fields.account, JSON.stringify(fields))
    this.wake()

    return { id }
  }

  /**
   * Up to `max` deliverable events of `account`, oldest first, each leased for `leaseMs`:
   * unacknowledged by then, it is delivered again. Waits up to `waitMs` for one to arrive.
   */
  public async lease(request: {
    account: string
    max: number
    leaseMs: number
    waitMs: number
  }): Promise<QueuedEvent[]> {
    const leaseMs = Math.min(Math.max(request.leaseMs, 1), MAX_LEASE_MS)
    const deadline =
      Date.now() + Math.min(Math.max(request.waitMs, 0), MAX_WAIT_MS)

    for (;;) {
      const now = Date.now()

      if (this.closed) return []
      const events = this.sql.take({
        account: request.account,
        now,
        until: now + leaseMs,
        max: Math.max(1, request.max),
      })

      if (events.length > 0 || now >= deadline) return events
      const nextDue = this.sql.nextDue.get(request.account, now) as
        | number
        | null

      // eslint-disable-next-line no-await-in-loop
      await this.nextChange(Math.min(deadline, nextDue ?? deadline) - now)
    }
  }

  /** Handled: gone for good. */
  public ack(id: string) {
    this.sql.remove.run(id)
  }

  /** Failed: delivered again after `delayMs`. */
  public retry(id: string, delayMs: number) {
    this.sql.due.run(Date.now() + Math.max(0, delayMs), id)
  }

  /** Given back untouched (its taker was told to hold): deliverable now, as if not leased. */
  public release(id: string) {
    this.sql.release.run(id)
    this.wake()
  }

  /** Events of `account` not yet handled (leased or not). */
  public pending(account: string): number {
    return this.sql.pending.get(account) as number
  }

  /** Ends every wait: the store is closing. */
  public close() {
    this.closed = true
    this.wake()
  }

  /** Ends every wait at once, to look again. */
  private wake() {
    for (const wake of [...this.waiters]) wake()
  }

  private nextChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.waiters.delete(wake)
        resolve()
      }

      this.waiters.add(wake)
      setTimeout(wake, Math.max(1, ms)).unref()
    })
  }
}

/** The queue's statements, prepared once. */
function statements(db: Db) {
  const due = db.prepare(
    'SELECT id, event, attempts FROM events WHERE account = ? AND due <= ? ORDER BY seq LIMIT ?'
  )

  const lease = db.prepare(
    'UPDATE events SET due = ?, attempts = attempts + 1 WHERE id = ?'
  )

  return {
    insert: db.prepare(
      'INSERT INTO events (id, account, event, attempts, due) VALUES (?, ?, ?, 0, 0)'
    ),
    /** Up to `max` deliverable events of `account`, each leased until `until`. */
    take: db.transaction(
      ({
        account,
        now,
        until,
        max,
      }: {
        account: string
        now: number
        until: number
        max: number
      }) => {
        const rows = due.all(account, now, max) as Array<{
          id: string
          event: string
          attempts: number
        }>

        for (const { id } of rows) lease.run(until, id)

        return rows.map(
          (row): QueuedEvent => ({
            ...JSON.parse(row.event),
            id: row.id,
            attempts: row.attempts + 1,
          })
        )
      }
    ),
    nextDue: db
      .prepare('SELECT min(due) FROM events WHERE account = ? AND due > ?')
      .pluck(),
    remove: db.prepare('DELETE FROM events WHERE id = ?'),
    due: db.prepare('UPDATE events SET due = ? WHERE id = ?'),
    release: db.prepare(
      'UPDATE events SET due = 0, attempts = max(0, attempts - 1) WHERE id = ?'
    ),
    pending: db
      .prepare('SELECT count(*) FROM events WHERE account = ?')
      .pluck(),
  }
}
