// Webhooks lost on purpose (POST /_sandbox/webhooks/drop), so that a test can make the app miss
// a notification: the next N, every one of some orders, or each with a probability (seeded, so a
// run can be repeated). A dropped webhook is never sent; the order still moves, since Pick and
// Pack's live state is the truth the app can ask for later.
import { seededRandom } from '../seededRandom'

export interface WebhookDropOptions {
  /** Drop the next N webhooks (replaces what is left of a previous count). */
  next?: number
  /** Drop every webhook of these orders until cleared (added to those already set). */
  orderIds?: string[]
  /** Drop each webhook with this probability (0 turns it off). */
  rate?: number
  /** Seed of the rate's generator: the same seed drops the same webhooks. */
  seed?: number
}

export interface WebhookDropState {
  next: number
  orderIds: string[]
  rate: number
  seed: number
  dropped: number
  droppedByOrder: Record<string, number>
}

const MAX_NEXT = 1_000_000
const MAX_ORDER_IDS = 1000
const MAX_SEED = 2 ** 32 - 1
const KEYS = ['next', 'orderIds', 'rate', 'seed']

const isInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v)

/**
 * Validates a drop body; a string says what is wrong. `isOrder` tells the orders the simulator
 * knows (an unknown id would never match, silently).
 */
export function parseWebhookDrops(
  body: Record<string, unknown>,
  isOrder: (orderId: string) => boolean
): WebhookDropOptions | string {
  const unknown = Object.keys(body).filter((key) => !KEYS.includes(key))

  if (unknown.length > 0) {
    return `unknown field ${unknown
      .slice(0, 5)
      .join(', ')}: give next, orderIds, rate (and seed)`
  }

  const { next, orderIds, rate, seed } = body
  const options: WebhookDropOptions = {}

  if (next === undefined && orderIds === undefined && rate === undefined) {
    return 'give next, orderIds or rate (DELETE clears)'
  }

  if (next !== undefined) {
    if (!isInt(next) || next < 0 || next > MAX_NEXT) {
      return `next must be a whole number from 0 to ${MAX_NEXT}`
    }

    options.next = next
  }

  if (orderIds !== undefined) {
    if (
      !Array.isArray(orderIds) ||
      orderIds.length > MAX_ORDER_IDS ||
      orderIds.some((id) => typeof id !== 'string' || id === '')
    ) {
      return `orderIds must be a list of at most ${MAX_ORDER_IDS} order ids`
    }

    const strange = (orderIds as string[]).filter((id) => !isOrder(id))

    if (strange.length > 0) {
      return `orderIds holds orders the simulator does not have: ${strange
        .slice(0, 5)
        .map((id) => id.slice(0, 100))
        .join(', ')}`
    }

    options.orderIds = orderIds as string[]
  }

  if (rate !== undefined) {
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      return 'rate must be a number from 0 to 1'
    }

    options.rate = rate
  }

  if (seed !== undefined) {
    if (rate === undefined) return 'seed goes with rate'
    if (!isInt(seed) || seed < 0 || seed > MAX_SEED) {
      return `seed must be a whole number from 0 to ${MAX_SEED}`
    }

    options.seed = seed
  }

  return options
}

export class WebhookDrops {
  private next = 0
  private readonly orderIds = new Set<string>()
  private rate = 0
  private seed = 0
  private random: () => number = seededRandom(0)
  private dropped = 0
  private droppedByOrder = new Map<string, number>()
  /** The options the simulator started with, which `reset` restores. */
  private initial: WebhookDropOptions = {}

  /** Sets the options a reset comes back to, and applies them afresh. */
  public startWith(options: WebhookDropOptions): void {
    this.initial = options
    this.reset()
  }

  /** Adds these options to the current ones (see WebhookDropOptions); counts are kept. */
  public apply(options: WebhookDropOptions): void {
    if (options.next !== undefined) this.next = options.next
    for (const id of options.orderIds ?? []) this.orderIds.add(id)
    if (options.rate === undefined) return
    this.rate = options.rate
    // Without a seed, a random one: still shown, so that the run can be repeated.
    this.seed = options.seed ?? Math.floor(Math.random() * 2 ** 32)
    this.random = seededRandom(this.seed)
  }

  /** No drops and no counts. */
  public clear(): void {
    this.next = 0
    this.orderIds.clear()
    this.rate = 0
    this.seed = 0
    this.random = seededRandom(0)
    this.dropped = 0
    this.droppedByOrder = new Map()
  }

  /** Back to what the simulator started with, counts at zero. */
  public reset(): void {
    this.clear()
    this.apply(this.initial)
  }

  /**
   * Whether this webhook of `orderId` is lost, counted when it is. The order's ids first (they
   * spend neither the count nor the generator), then the count, then the rate.
   */
  public take(orderId: string): boolean {
    let drop = this.orderIds.has(orderId)

    if (!drop && this.next > 0) {
      this.next -= 1
      drop = true
    }

    if (!drop && this.rate > 0) drop = this.random() < this.rate
    if (drop) {
      this.dropped += 1
      this.droppedByOrder.set(
        orderId,
        (this.droppedByOrder.get(orderId) ?? 0) + 1
      )
    }

    return drop
  }

  public describe(): WebhookDropState {
    return {
      next: this.next,
      orderIds: [...this.orderIds],
      rate: this.rate,
      seed: this.seed,
      dropped: this.dropped,
      droppedByOrder: Object.fromEntries(this.droppedByOrder),
    }
  }
}
