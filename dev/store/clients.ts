// `@vtex/api`'s own VBase and MasterData clients, pointed at the store stand-in: the same
// classes, requests, headers and error handling, with only the base URL changed. VTEX IO fixes
// an infra client's base URL in its constructor, so the HTTP client is rebuilt after it, as
// IOClient builds it.
import type { IOContext } from '@vtex/api'
import { MasterData, VBase } from '@vtex/api'

import { pointedAt } from '../host/pointedClient'

const trimmed = (url: string) => url.replace(/\/+$/, '')

/**
 * A VBase client class whose base URL is `{storeUrl}/vbase/{account}/{workspace}`.
 * (VBase itself needs VTEX_APP_ID set when @vtex/api is loaded, as on VTEX IO.)
 */
export const storeVBase = (storeUrl: string) =>
  pointedAt(
    VBase,
    (context) =>
      `${trimmed(storeUrl)}/vbase/${encodeURIComponent(
        context.account
      )}/${encodeURIComponent(context.workspace)}`
  )

/** A MasterData client class whose base URL is `{storeUrl}/api/dataentities`. */
export const storeMasterData = (storeUrl: string) =>
  pointedAt(MasterData, () => `${trimmed(storeUrl)}/api/dataentities`)

/**
 * A minimal IOContext for calling the store outside a VTEX IO request (tests, scripts): what
 * `@vtex/api`'s HTTP client reads (account, workspace, token, user agent, an unsampled tracer).
 */
export function localContext(account = 'acc', workspace = 'master'): IOContext {
  const quiet = () => undefined

  return {
    account,
    workspace,
    authToken: 'local-store-token',
    production: false,
    region: 'local',
    route: { id: 'store', params: {} },
    userAgent: 'pick-and-pack-tracking-store-client',
    requestId: 'local',
    operationId: 'local',
    platform: 'vtex',
    products: [],
    logger: {
      info: quiet,
      warn: quiet,
      error: quiet,
      debug: quiet,
      log: quiet,
    },
    tracer: { isTraceSampled: false },
  } as unknown as IOContext
}
