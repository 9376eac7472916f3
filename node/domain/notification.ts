import { ORDER_ID_PATTERN } from './orderId'
import { isRecord } from './normalize'
import { sha256Hex } from './sha256'
import { normalizeStatus } from './statuses'

/** A status change as Pick and Pack notifies it, after validation. */
export interface StatusNotification {
  orderId: string
  oldStatus: string | null
  newStatus: string
  hostname: string | null
  /** The payload's own date, when it carries a parseable one (ISO). */
  occurredAt: string | null
  /** Every other field of the payload, kept as sent. */
  extra: Record<string, unknown>
}

export type ParseResult =
  | { ok: true; notification: StatusNotification }
  | { ok: false; message: string }

/** Status names: documented ones are UPPER_SNAKE; keep room for new ones, refuse junk. */
/** What a status may look like (Pick and Pack's codes, and other spellings of them). */
export const STATUS_PATTERN = /^[A-Za-z][A-Za-z0-9_ -]{0,63}$/
const HOSTNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/
const KNOWN_FIELDS = ['orderId', 'oldStatus', 'newStatus', 'hostname']
/** Unknown fields are kept, but a notification is flat: refuse absurd nesting. */
const MAX_EXTRA_DEPTH = 8

function depthOf(value: unknown, limit: number): number {
  let deepest = 0
  // Iterative walk: a hostile payload must not be able to overflow the stack.
  const stack: Array<[unknown, number]> = [[value, 0]]

  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number]

    if (depth > deepest) deepest = depth
    if (deepest > limit) return deepest
    if (typeof current === 'object' && current !== null) {
      for (const child of Object.values(current)) stack.push([child, depth + 1])
    }
  }

  return deepest
}

const fail = (message: string): ParseResult => ({ ok: false, message })

function optionalString(
  body: Record<string, unknown>,
  field: string,
  pattern: RegExp
): string | null | Error {
  const value = body[field]

  if (value === undefined || value === null || value === '') return null
  if (typeof value !== 'string' || !pattern.test(value)) {
    return new Error(field)
  }

  return value
}

/** What `toISOString` gives, with a month, day and time that every month has. */
const PLAIN_ISO =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/

function parseDate(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null
  // Most senders send this form: it is its own canonical form, no need to parse (slow) it.
  if (typeof value === 'string' && PLAIN_ISO.test(value)) return value
  const date = new Date(value)

  return Number.isFinite(date.getTime()) ? date.toISOString() : null
}

/** Validates a parsed JSON body as a Pick and Pack status notification. */
export function parseNotification(body: unknown): ParseResult {
  if (!isRecord(body)) {
    return fail(
      'The body must be a JSON object like {"orderId","oldStatus","newStatus","hostname"}.'
    )
  }

  const { orderId, newStatus } = body

  if (typeof orderId !== 'string' || !ORDER_ID_PATTERN.test(orderId)) {
    return fail('"orderId" is required: 1 to 64 letters, digits, "-" or "_".')
  }

  if (typeof newStatus !== 'string' || !STATUS_PATTERN.test(newStatus)) {
    return fail(
      '"newStatus" is required: a Pick and Pack status such as "PICKING".'
    )
  }

  const oldStatus = optionalString(body, 'oldStatus', STATUS_PATTERN)

  if (oldStatus instanceof Error) {
    return fail('"oldStatus" must be a Pick and Pack status such as "PICKING".')
  }

  const hostname = optionalString(body, 'hostname', HOSTNAME_PATTERN)

  if (hostname instanceof Error) {
    return fail('"hostname" must be the store\'s Pick and Pack hostname.')
  }

  const extra: Record<string, unknown> = {}

  for (const [key, value] of Object.entries(body)) {
    if (KNOWN_FIELDS.includes(key)) continue
    // Own "__proto__" keys from JSON.parse are plain data; defineProperty keeps them so.
    if (key === '__proto__') {
      Object.defineProperty(extra, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    } else {
      extra[key] = value
    }
  }

  if (depthOf(extra, MAX_EXTRA_DEPTH) > MAX_EXTRA_DEPTH) {
    return fail(
      `Extra fields may be nested at most ${MAX_EXTRA_DEPTH} levels deep.`
    )
  }

  return {
    ok: true,
    notification: {
      orderId,
      // One spelling per status, so that ranks, limits and the board know it.
      oldStatus: oldStatus === null ? null : normalizeStatus(oldStatus),
      newStatus: normalizeStatus(newStatus),
      hostname,
      occurredAt: parseDate(body.date ?? body.createdAt ?? body.updatedAt),
      extra,
    },
  }
}

/**
 * Identity of a notification for redelivery detection: the same order, transition and, where
 * the payload carries one, the same date or id.
 */
export function notificationId(notification: StatusNotification): string {
  const { orderId, oldStatus, newStatus, extra } = notification
  // The same date field occurredAt is read from (date ?? createdAt ?? updatedAt).
  const discriminator = [
    extra.date ?? extra.createdAt ?? extra.updatedAt,
    extra.id,
    extra.eventId,
  ]
    .map((value) => (value === undefined ? '' : JSON.stringify(value)))
    .join('|')

  return sha256Hex(
    JSON.stringify([orderId, oldStatus ?? '', newStatus, discriminator])
  ).slice(0, 32)
}
