// The sandbox's stand-in for VTEX IO's event bus, kept by the store stand-in so that every
// host over one store shares it, as replicas of one app share VTEX IO's: an event sent is
// kept (durably) until a handler on any replica took it; one that failed, or whose replica
// died while handling it, is delivered again, at least once, in no promised order.
import { randomUUID } from 'crypto'
import path from 'path'

import { listFilesSync, readSync, removeFile, writeAtomic } from './durable'

export interface QueuedEvent {
  id: string
  account: string
  sender: string
  topic: string
  body: unknown
  /** Deliveries so far (a lease is a delivery). */
  attempts: number
}

interface Entry {
  event: QueuedEvent
  /** Not deliverable before this time: leased, or waiting to be tried again. */
  notBefore: number
}

const MAX_LEASE_MS = 60_000
const MAX_WAIT_MS = 5_000

export class EventQueue {
  private readonly entries = new Map<string, Entry>()
  private readonly waiters = new Set<() => void>()

  constructor(private readonly dir: string) {
    for (const file of listFilesSync(dir)) {
      const event = JSON.parse(readSync(file).toString('utf8')) as QueuedEvent

      // After a restart every lease is void: the store cannot know the handler finished.
      this.entries.set(event.id, { event, notBefore: 0 })
    }
  }

  public async enqueue(
    fields: Omit<QueuedEvent, 'id' | 'attempts'>
  ): Promise<{ id: string }> {
    const event: QueuedEvent = { ...fields, id: randomUUID(), attempts: 0 }

    await writeAtomic(this.file(event.id), JSON.stringify(event))
    this.entries.set(event.id, { event, notBefore: 0 })
    for (const wake of [...this.waiters]) wake()

    return { id: event.id }
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
      const due = [...this.entries.values()]
        .filter(
          ({ event, notBefore }) =>
            event.account === request.account && notBefore <= now
        )
        .slice(0, Math.max(1, request.max))

      if (due.length > 0 || now >= deadline) {
        for (const entry of due) {
          entry.notBefore = now + leaseMs
          entry.event.attempts++
        }

        return due.map(({ event }) => ({ ...event }))
      }

      // eslint-disable-next-line no-await-in-loop
      await this.nextChange(Math.min(deadline - now, this.nextDueIn(now)))
    }
  }

  /** Handled: gone for good. */
  public async ack(id: string) {
    if (!this.entries.delete(id)) return
    await removeFile(this.file(id))
  }

  /** Failed: delivered again after `delayMs`. */
  public retry(id: string, delayMs: number) {
    const entry = this.entries.get(id)

    if (entry) entry.notBefore = Date.now() + Math.max(0, delayMs)
  }

  /** Given back untouched (its taker was told to hold): deliverable now, as if not leased. */
  public release(id: string) {
    const entry = this.entries.get(id)

    if (!entry) return
    entry.notBefore = 0
    entry.event.attempts = Math.max(0, entry.event.attempts - 1)
    for (const wake of [...this.waiters]) wake()
  }

  /** Events of `account` not yet handled (leased or not). */
  public pending(account: string): number {
    return [...this.entries.values()].filter(
      ({ event }) => event.account === account
    ).length
  }

  /** Ends every wait at once (the store is closing). */
  public close() {
    for (const wake of [...this.waiters]) wake()
  }

  private nextDueIn(now: number): number {
    const times = [...this.entries.values()]
      .map(({ notBefore }) => notBefore - now)
      .filter((delay) => delay > 0)

    return times.length ? Math.min(...times) : MAX_WAIT_MS
  }

  private nextChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined
      const wake = () => {
        clearTimeout(timer)
        this.waiters.delete(wake)
        resolve()
      }

      timer = setTimeout(wake, Math.max(1, ms))
      this.waiters.add(wake)
    })
  }

  private file(id: string) {
    return path.join(this.dir, `${id}.json`)
  }
}
