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
  /**
   * The payload's own date (ISO, UTC), when it carries a usable one (see `DATE_FORMATS`).
   * Null otherwise: the change is then placed by its arrival, as one without a date.
   */
  occurredAt: string | null
  /** Every other field of the payload, kept as sent. */
  extra: Record<string, unknown>
}

export type ParseResult =
  | {
      ok: true
      notification: StatusNotification
      /** The date field that was sent but is unusable (ignored), if any. */
      ignoredDate?: string
    }
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

interface Refusal {
  message: string
}

const isRefusal = (value: string | null | Refusal): value is Refusal =>
  typeof value === 'object' && value !== null

/** What was sent instead, briefly: the merchant compares it with what was expected. */
function described(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  }

  if (Array.isArray(value)) return 'an array'

  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

/** The payload's own fields: what each must look like, in the words a refusal uses. */
const FIELDS = {
  orderId: {
    pattern: ORDER_ID_PATTERN,
    expected:
      'the VTEX order id, 1 to 64 letters, digits, "-" or "_" (such as "1253881550433-01")',
  },
  newStatus: {
    pattern: STATUS_PATTERN,
    expected: 'a Pick and Pack status such as "PICKING"',
  },
  oldStatus: {
    pattern: STATUS_PATTERN,
    expected: 'a Pick and Pack status such as "PICKING"',
  },
  hostname: {
    pattern: HOSTNAME_PATTERN,
    expected:
      'the store\'s Pick and Pack hostname: letters, digits, "." and "-", such as "mystore"',
  },
}

/**
 * A field's value, null when it is left out (and may be), or why it is refused: "required" only
 * when it is missing, else what was expected and what came (a merchant whose payload has the
 * field would look for the wrong mistake).
 */
function readField(
  body: Record<string, unknown>,
  field: keyof typeof FIELDS,
  required: true
): string | Refusal
function readField(
  body: Record<string, unknown>,
  field: keyof typeof FIELDS,
  required: false
): string | null | Refusal
function readField(
  body: Record<string, unknown>,
  field: keyof typeof FIELDS,
  required: boolean
): string | null | Refusal {
  const value = body[field]
  const { pattern, expected } = FIELDS[field]

  if (value === undefined || value === null || value === '') {
    return required ? { message: `"${field}" is required: ${expected}.` } : null
  }

  if (typeof value !== 'string' || !pattern.test(value)) {
    const instead = required ? '' : ', or left out'

    return {
      message: `"${field}" must be ${expected}${instead}; got ${described(
        value
      )}.`,
    }
  }

  return value
}

/** The date fields read, first present wins. */
const DATE_FIELDS = ['date', 'createdAt', 'updatedAt'] as const

/** What a payload date may be; anything else is ignored (the change is placed by arrival). */
export const DATE_FORMATS =
  'an ISO 8601 date-time with a time zone, such as "2026-11-20T09:40:00Z" or "2026-11-20T06:40:00.000-03:00", or epoch seconds or milliseconds, from 2000 on'

/** Earlier than this, a date is a default or a unit mistake, not when a change happened. */
const EARLIEST = Date.UTC(2000, 0, 1)

/** Below this, a number is epoch seconds (1e11 ms is 1973, 1e11 s is the year 5138). */
const SECONDS_BELOW = 1e11

/** What `toISOString` gives, from 2000 on, with a month, day and time that every month has. */
const PLAIN_ISO =
  /^2\d{3}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/

/**
 * ISO 8601 date-time, as RFC 3339 profiles it (seconds and fraction optional, zone required),
 * and with the expanded year `toISOString` writes past 9999 ("+010000-01-01T00:00:00.000Z").
 */
const ISO_DATE_TIME =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/i

/**
 * Reads an ISO date-time strictly. `new Date()` rolls Feb 30 over to March 2 and guesses at
 * other formats ("03/12/2026": March or December?), so the fields must name a real instant:
 * read back, they give the same date and time (round trip).
 */
function parseIso(value: string): number | null {
  const match = ISO_DATE_TIME.exec(value)

  if (!match) return null
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((field) => Number(field ?? 0))

  const millis = Math.floor(Number(`0.${match[7] ?? 0}`) * 1000)
  const fields = Date.UTC(year, month - 1, day, hour, minute, second, millis)
  const readBack = new Date(fields)

  if (
    readBack.getUTCFullYear() !== year ||
    readBack.getUTCMonth() + 1 !== month ||
    readBack.getUTCDate() !== day ||
    readBack.getUTCHours() !== hour ||
    readBack.getUTCMinutes() !== minute ||
    readBack.getUTCSeconds() !== second
  ) {
    return null
  }

  const [zone, sign, offsetHours, offsetMinutes] = match.slice(8).map(String)

  if (zone.toUpperCase() === 'Z') return fields
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return null
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000

  // The fields are local time, UTC plus the offset: UTC is the fields minus the offset.
  return sign === '+' ? fields - offset : fields + offset
}

/** The payload date as an ISO string in UTC, or null when it is not one of `DATE_FORMATS`. */
function parseDate(value: unknown): string | null {
  // Most senders send this form: it is its own canonical form, no need to parse it.
  if (typeof value === 'string' && PLAIN_ISO.test(value)) return value
  let time: number | null = null

  if (
    typeof value === 'number' ||
    (typeof value === 'string' && /^\d+$/.test(value))
  ) {
    const epoch = Number(value)

    // A number, or a string of digits: epoch seconds below 1e11, milliseconds above.
    time = epoch < SECONDS_BELOW ? epoch * 1000 : epoch
  } else if (typeof value === 'string') {
    time = parseIso(value)
  }

  // NaN, infinities and times beyond what a Date holds fail here too.
  if (time === null || !(time >= EARLIEST)) return null
  const date = new Date(time)

  return Number.isFinite(date.getTime()) ? date.toISOString() : null
}

/** Validates a parsed JSON body as a Pick and Pack status notification. */
export function parseNotification(body: unknown): ParseResult {
  if (!isRecord(body)) {
    return fail(
      'The body must be a JSON object like {"orderId","oldStatus","newStatus","hostname"}.'
    )
  }

  const orderId = readField(body, 'orderId', true)

  if (isRefusal(orderId)) return fail(orderId.message)
  const newStatus = readField(body, 'newStatus', true)

  if (isRefusal(newStatus)) return fail(newStatus.message)
  const oldStatus = readField(body, 'oldStatus', false)

  if (isRefusal(oldStatus)) return fail(oldStatus.message)
  const hostname = readField(body, 'hostname', false)

  if (isRefusal(hostname)) return fail(hostname.message)

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

  const dateField = DATE_FIELDS.find(
    (field) => body[field] !== undefined && body[field] !== null
  )

  const occurredAt = dateField === undefined ? null : parseDate(body[dateField])
  const notification: StatusNotification = {
    orderId,
    // One spelling per status, so that ranks, limits and the board know it.
    oldStatus: oldStatus === null ? null : normalizeStatus(oldStatus),
    newStatus: normalizeStatus(newStatus),
    hostname,
    occurredAt,
    extra,
  }

  // An unusable date is ignored, as before: the change is still taken, placed by its arrival.
  return dateField !== undefined && occurredAt === null
    ? { ok: true, notification, ignoredDate: dateField }
    : { ok: true, notification }
}

/**
 * Identity of a notification for redelivery detection: the same order, transition and, where
 * the payload carries one, the same date or id.
 */
export function notificationId(notification: StatusNotification): string {
  const { orderId, oldStatus, newStatus, extra } = notification
  // The same date field occurredAt is read from (DATE_FIELDS: date ?? createdAt ?? updatedAt).
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
