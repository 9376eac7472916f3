import { Maintenance } from './maintenanceStore'
import type { JsonStore } from './jsonStore'

const REFUSED = 'webhook-refused.json'
const SECRET_IN_QUERY = 'webhook-secret-in-query.json'

/** At most one write of each kind per replica in this time: a flood of refusals costs little. */
const REFUSED_EVERY_MS = 10_000
const QUERY_SECRET_EVERY_MS = 3_600_000

export interface RefusedNotification {
  at: string
  status: number
  code: string
  /** The webhook's own message: fixed text, never the secret. */
  reason: string
  /**
   * Which Pick and Pack hostname (store) sent it, when the webhook read that far (a hostname
   * mismatch); null otherwise, and absent from refusals stored before it was kept.
   */
  hostname?: string | null
}

/** Per replica, when each kind was last written (a rate limit, not the truth). */
const lastWritten = new Map<string, number>()

const due = (kind: string, everyMs: number, now: number) => {
  const last = lastWritten.get(kind)

  if (last !== undefined && now - last < everyMs) return false
  lastWritten.set(kind, now)

  return true
}

/**
 * What the home page shows of the webhook's health, in VBase beside the sweep's state: the
 * newest refused notification and the last time an accepted one had its secret in the query. Best
 * effort: a failed write is dropped (the next refusal writes again), never the answer's concern.
 */
export class WebhookHealthStore {
  private readonly maintenance: Maintenance

  constructor(store: JsonStore) {
    this.maintenance = new Maintenance(store)
  }

  public async refused(refusal: RefusedNotification): Promise<void> {
    if (!due(REFUSED, REFUSED_EVERY_MS, Date.parse(refusal.at))) return
    await this.maintenance.write(REFUSED, refusal).catch(() => undefined)
  }

  /** Call only for an accepted notification (stored, answered 200): refusals say nothing. */
  public async secretInQuery(at: Date): Promise<void> {
    if (!due(SECRET_IN_QUERY, QUERY_SECRET_EVERY_MS, at.getTime())) return
    await this.maintenance
      .write(SECRET_IN_QUERY, { at: at.toISOString() })
      .catch(() => undefined)
  }

  public async read() {
    const [lastRefused, query] = await Promise.all([
      this.maintenance.read<RefusedNotification>(REFUSED),
      this.maintenance.read<{ at: string }>(SECRET_IN_QUERY),
    ])

    return { lastRefused, secretInQueryAt: query?.at ?? null }
  }
}

/**
 * Whether the secret may still travel in the URL. Every replica that accepts such a
 * notification writes the time again at least once an hour, so a time over an hour older than
 * the newest notification received means that one carried the header: the warning would
 * otherwise stay forever after the merchant fixed the webhook. Unknown newest: still warn.
 */
export function secretStillInQuery(
  secretInQueryAt: string | null,
  lastReceivedAt: string | null
): boolean {
  if (!secretInQueryAt) return false
  const newest = lastReceivedAt ? Date.parse(lastReceivedAt) : NaN

  if (Number.isNaN(newest)) return true

  return newest - Date.parse(secretInQueryAt) <= QUERY_SECRET_EVERY_MS
}

/** For tests: forget this replica's rate limits. */
export const forgetWebhookHealthWrites = () => lastWritten.clear()
