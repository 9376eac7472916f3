import { LRUCache } from '@vtex/api'

import { AppError } from '../domain/errors'
import type { AppSettings } from '../domain/settings'
import { parseSettings } from '../domain/settings'

/** What reading the settings needs: `ctx.clients.apps` on VTEX IO. */
export interface SettingsSource {
  getAppSettings(appId: string): Promise<unknown>
}

/** Every webhook call needs the settings; a merchant's change must still apply quickly. */
const TTL_MS = 30_000
const appId = () => process.env.VTEX_APP_ID ?? 'pnplabs.pick-and-pack-tracking'

// Per replica and bounded: a cache, never the truth.
const newCache = () =>
  new LRUCache<string, AppSettings>({ max: 100, maxAge: TTL_MS })

let cache = newCache()

/**
 * The app settings of the request's account and workspace. When they cannot be read the
 * caller gets SETTINGS_UNAVAILABLE (the webhook answers a retryable 503), never the Apps
 * client's own error, which carries the app token in its request config.
 */
export async function readAppSettings(
  source: SettingsSource,
  scope: { account: string; workspace: string }
): Promise<AppSettings> {
  const key = `${scope.account}/${scope.workspace}`
  const cached = cache.get(key)

  if (cached) return cached

  let raw: unknown

  try {
    raw = await source.getAppSettings(appId())
  } catch {
    throw new AppError(
      'SETTINGS_UNAVAILABLE',
      'The app settings could not be read. Try again in a moment.'
    )
  }

  const settings = parseSettings(raw)

  cache.set(key, settings)

  return settings
}

/** For tests and the sandbox, where settings change between runs of one process. */
export const clearSettingsCache = () => {
  cache = newCache()
}
