import { AppError } from './errors'
import { isRecord, toText } from './normalize'
import type { PickAndPackEnvironment } from './pickAndPackTypes'

/** The app settings (manifest settingsSchema), cleaned up. */
export interface AppSettings {
  apiKey: string | null
  environment: PickAndPackEnvironment
  webhookSecret: string | null
  /** Accepted beside `webhookSecret` while Pick and Pack is switched to a new secret. */
  webhookSecretPrevious: string | null
  hostname: string | null
}

const clean = (value: unknown): string | null => {
  const text = toText(value)?.trim()

  return text || null
}

export function parseSettings(raw: unknown): AppSettings {
  const settings = isRecord(raw) ? raw : {}

  return {
    apiKey: clean(settings.apiKey),
    environment: clean(settings.environment) === 'dev' ? 'dev' : 'prod',
    webhookSecret: clean(settings.webhookSecret),
    webhookSecretPrevious: clean(settings.webhookSecretPrevious),
    hostname: clean(settings.hostname)?.toLowerCase() ?? null,
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
