import { setTimeout as sleep } from 'timers/promises'

export interface Pace {
  /** At most this many calls at once. */
  concurrency: number
  /** At most this many calls started in any second. */
  perSecond: number
  /** No call starts after this time (ms since the epoch): the rest waits for the next run. */
  deadline: number
}

/**
 * Runs `work` over `items` in order, paced (Pick and Pack allows 500 requests/s and 100 at once
 * per account: the app stays far below, as the store's own traffic shares them). Says how many
 * items were started and how many of those failed; a failed item does not stop the others.
 */
export async function paced<T>(
  items: T[],
  pace: Pace,
  work: (item: T) => Promise<void>
): Promise<{ started: number; failed: number }> {
  const spacing = 1000 / pace.perSecond
  const running = new Set<Promise<void>>()
  const tally = { started: 0, failed: 0 }
  let nextStart = Date.now()

  for (const item of items) {
    if (running.size >= pace.concurrency) {
      // eslint-disable-next-line no-await-in-loop
      await Promise.race(running)
    }

    const wait = nextStart - Date.now()

    // eslint-disable-next-line no-await-in-loop
    if (wait > 0) await sleep(wait)
    if (Date.now() > pace.deadline) break
    nextStart = Math.max(nextStart, Date.now()) + spacing
    const run: Promise<void> = work(item)
      .catch(() => {
        tally.failed++
      })
      .finally(() => running.delete(run))

    running.add(run)
    tally.started++
  }

  await Promise.all(running)

  return tally
}
