// What the simulator's two senders share (the webhook of status changes and the OMS
// broadcasts): one queue per order, so that an order's messages keep their order; waits and
// requests that a reset cancels at once; bounded exponential backoff; a bounded record.

export interface RetryOptions {
  attempts?: number
  baseDelayMs?: number
  maxDelayMs?: number
}

export interface AttemptResult {
  /** HTTP status answered, 0 on a network error or timeout. */
  status: number
  error?: string
}

const ATTEMPT_TIMEOUT_MS = 5000
const MAX_RECORDS = 1000

interface Pending {
  timer: NodeJS.Timeout
  resolve: () => void
}

export function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : min
}

/** A short cause, never the request (its headers may hold the secret). */
export function networkError(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === 'AbortError') return 'timeout or canceled'
    const { cause } = err as Error & {
      cause?: { code?: unknown; message?: unknown }
    }

    if (cause && typeof cause.code === 'string') return cause.code
    if (cause && typeof cause.message === 'string') {
      return cause.message.slice(0, 100)
    }

    return err.name
  }

  return 'network error'
}

export const backoff = (
  attempt: number,
  baseDelayMs: number,
  maxDelayMs: number
) => Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))

export class DeliveryQueues<R> {
  private readonly queues = new Map<string, Promise<void>>()
  private readonly timers = new Set<Pending>()
  private readonly inFlight = new Set<AbortController>()
  private records: R[] = []
  private generationCount = 0

  /** Bumped by `cancelAll`: work started before it stops at its next step. */
  public get generation(): number {
    return this.generationCount
  }

  /**
   * Runs `task` after the previous task of the same key; never rejects (tasks record their
   * own failures). `settled` runs once it is over, whatever became of it.
   */
  public enqueue(
    key: string,
    task: () => Promise<void>,
    settled?: () => void
  ): void {
    const previous = this.queues.get(key) ?? Promise.resolve()
    const current = previous
      .then(task)
      .catch(() => undefined)
      .finally(() => settled?.())

    this.queues.set(key, current)
    current.then(() => {
      if (this.queues.get(key) === current) this.queues.delete(key)
    })
  }

  /** Resolves when every queued task finished or gave up. */
  public async drain(): Promise<void> {
    while (this.queues.size > 0) {
      // New tasks may queue while we wait: loop until none is left.
      // eslint-disable-next-line no-await-in-loop
      await Promise.all([...this.queues.values()])
    }
  }

  /** Stops retries and aborts requests in flight; queued tasks end at their next step. */
  public cancelAll(): void {
    this.generationCount += 1
    for (const pending of this.timers) {
      clearTimeout(pending.timer)
      pending.resolve()
    }

    this.timers.clear()
    for (const controller of this.inFlight) controller.abort()
    this.inFlight.clear()
  }

  /** A wait that `cancelAll` ends at once. */
  public wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const pending: Pending = {
        timer: setTimeout(() => {
          this.timers.delete(pending)
          resolve()
        }, ms),
        resolve,
      }

      pending.timer.unref()
      this.timers.add(pending)
    })
  }

  /** One request, at most 5 s, that `cancelAll` aborts; its answer reduced to a status. */
  public async send(
    url: string | URL,
    init: { method: string; headers: Record<string, string>; body: string }
  ): Promise<AttemptResult> {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), ATTEMPT_TIMEOUT_MS)

    timer.unref()
    this.inFlight.add(controller)
    try {
      const res = await fetch(url, {
        ...init,
        signal: controller.signal,
        redirect: 'manual',
      })

      await res.arrayBuffer().catch(() => undefined) // free the connection

      return res.status >= 200 && res.status < 300
        ? { status: res.status }
        : { status: res.status, error: `HTTP ${res.status}` }
    } catch (err) {
      return { status: 0, error: networkError(err) }
    } finally {
      clearTimeout(timer)
      this.inFlight.delete(controller)
    }
  }

  public record(entry: R): void {
    this.records.push(entry)
    if (this.records.length > MAX_RECORDS) {
      this.records.splice(0, this.records.length - MAX_RECORDS)
    }
  }

  public recorded(): R[] {
    return this.records.map((entry) => ({ ...entry }))
  }

  public clearRecords(): void {
    this.records = []
  }
}
