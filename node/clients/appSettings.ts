import type { AppSettings } from '../domain/settings'
import { parseSettings } from '../domain/settings'

/** What reading the settings needs: `ctx.clients.apps` on VTEX IO. */
export interface SettingsSource {
  getAppSettings(appId: string): Promise<unknown>
}

const TTL_MS = 60_000
// Read once: process.env lookups are slow on a hot path.
const appId = process.env.VTEX_APP_ID ?? 'pnplabs.pick-and-pack-tracking'

type Cached = { settings: AppSettings; until: number }
/**
 * By account, then workspace: the request's own strings are the keys, so that a webhook call
 * does not build and hash a joined key.
 */
const cache = new Map<string, Map<string, Cached>>()

/**
 * The app settings, cached for at most a minute per account and workspace: every webhook call
 * needs them, and a merchant's change must still apply quickly.
 */
export async function readAppSettings(
  source: SettingsSource,
  scope: { account: string; workspace: string },
  now = Date.now()
): Promise<AppSettings> {
  const cached = cache.get(scope.account)?.get(scope.workspace)

  if (cached && cached.until > now) return cached.settings

  let raw: unknown

  try {
    raw = await source.getAppSettings(appId)
  } catch {
    // The Apps client's error carries the app token in its request config: never rethrow it.
    throw new Error(
      'The app settings could not be read. Try again in a moment.'
    )
  }

  const settings = parseSettings(raw)

  let workspaces = cache.get(scope.account)

  if (!workspaces) {
    workspaces = new Map()
    cache.set(scope.account, workspaces)
  }

  workspaces.set(scope.workspace, { settings, until: now + TTL_MS })

  return settings
}

/** For tests and the sandbox, where settings change between runs of one process. */
export const clearSettingsCache = () => cache.clear()
