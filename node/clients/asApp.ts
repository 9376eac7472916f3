import type { InstanceOptions, IOContext } from '@vtex/api'

/**
 * Options of a Janus client that calls VTEX's own APIs (OMS, Scheduler) as the app's token,
 * over HTTPS inside VTEX IO; `own` are the client's own (its retries, say).
 */
export const asApp = (
  context: IOContext,
  options: InstanceOptions | undefined,
  own: InstanceOptions = {}
): InstanceOptions => ({
  ...options,
  timeout: 5000,
  ...own,
  headers: {
    ...options?.headers,
    VtexIdclientAutCookie: context.authToken,
    'X-Vtex-Use-Https': 'true',
  },
})
