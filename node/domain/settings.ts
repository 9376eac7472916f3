import { AppError } from './errors'
import { isRecord, nonEmpty, toNumber, toText } from './normalize'
import type { OmsLanguage } from './omsStory'
import type { PickAndPackEnvironment } from './pickAndPackTypes'

/** The app settings (manifest settingsSchema), cleaned up. */
export interface AppSettings {
  apiKey: string | null
  environment: PickAndPackEnvironment
  webhookSecret: string | null
  /** Accepted beside `webhookSecret` while Pick and Pack is switched to a new secret. */
  webhookSecretPrevious: string | null
  hostname: string | null
  /** Minutes per Pick and Pack status after which an order is late (over the defaults). */
  statusTimeLimits: Record<string, number>
  /** Days over which the board counts orders in a final status. */
  boardWindowDays: number
  /** A line in the OMS order's interactions per status change (default on). */
  omsInteractions: boolean
  /** Tracking number, URL and delivery events onto the OMS invoice (default on). */
  omsTracking: boolean
  /** An order whose last change is older than this is asked live by the sweep. */
  sweepAfterMinutes: number
  /** Days of OMS orders the backfill looks up (default 7; 0: none on install). */
  backfillDays: number
  /** The language of those lines (default pt). */
  omsLanguage: OmsLanguage
}

const clean = (value: unknown): string | null => nonEmpty(toText(value)?.trim())

/** `value` when it is a whole number in `[min, max]`, else `fallback`. */
const wholeNumber = (
  value: unknown,
  fallback: number,
  [min, max]: readonly [number, number]
) => {
  const number = toNumber(value)

  return number !== null &&
    Number.isInteger(number) &&
    number >= min &&
    number <= max
    ? number
    : fallback
}

/** A year: a longer limit means the same (never late in practice), and stays a valid date. */
export const MAX_STATUS_MINUTES = 525_600

/**
 * `{"PICKING": 45, …}`, or the same as JSON text (the settings form and the sandbox's
 * environment may send either). Anything unreadable is left out: the defaults apply.
 */
function minutesByStatus(value: unknown): Record<string, number> {
  let raw = value

  if (typeof raw === 'string') {
    try {
      raw = JSON.parse(raw)
    } catch {
      return {}
    }
  }

  const limits: Record<string, number> = {}

  if (!isRecord(raw)) return limits
  for (const [status, minutes] of Object.entries(raw)) {
    const number = toNumber(minutes)

    if (/^[A-Z_]{1,64}$/.test(status) && number !== null && number >= 0) {
      limits[status] = Math.min(number, MAX_STATUS_MINUTES)
    }
  }

  return limits
}

export function parseSettings(raw: unknown): AppSettings {
  const settings = isRecord(raw) ? raw : {}

  return {
    apiKey: clean(settings.apiKey),
    environment: clean(settings.environment) === 'dev' ? 'dev' : 'prod',
    webhookSecret: clean(settings.webhookSecret),
    webhookSecretPrevious: clean(settings.webhookSecretPrevious),
    hostname: clean(settings.hostname)?.toLowerCase() ?? null,
    statusTimeLimits: minutesByStatus(settings.statusTimeLimits),
    boardWindowDays: wholeNumber(settings.boardWindowDays, 7, [1, 90]),
    omsInteractions:
      settings.omsInteractions !== false &&
      settings.omsInteractions !== 'false',
    omsTracking:
      settings.omsTracking !== false && settings.omsTracking !== 'false',
    sweepAfterMinutes: wholeNumber(settings.sweepAfterMinutes, 30, [1, 10_080]),
    backfillDays: wholeNumber(settings.backfillDays, 7, [0, 90]),
    omsLanguage:
      (['en', 'pt', 'es'] as const).find(
        (language) => language === clean(settings.omsLanguage)
      ) ?? 'pt',
  }
}

export function requireApiKey(settings: AppSettings): string {
  if (!settings.apiKey) {
    throw new AppError(
      'NOT_CONFIGURED',
      'No Pick and Pack Api-Key is configured. Paste it in the app settings (Apps › Pick and Pack Tracking › Settings).'
    )
  }

  return settings.apiKey
}
