import { AppError } from './errors'

/** What a failed upstream call looked like, stripped of everything but what decides its fate. */
export interface UpstreamFailure {
  /** HTTP status, when an answer arrived. */
  status?: number
  /** Pick and Pack's internal code from the error body (1000…1003). */
  internalCode?: number
  /** The v1 API's error code from its body (EXPIRED_TOKEN, SHR0007B, WORK0001B, …). */
  errorCode?: string
  /** The call timed out or never reached the server. */
  network?: boolean
}

/** 5xx, timeouts and network errors may pass: they are worth another try. */
export const isTransient = ({
  status,
  internalCode,
  network,
}: UpstreamFailure) =>
  !!network ||
  status === undefined ||
  status >= 500 ||
  status === 429 ||
  internalCode === 1003

export function pickAndPackError(failure: UpstreamFailure): AppError {
  const { status, internalCode } = failure

  if (status === 401 || status === 403 || internalCode === 1000) {
    return new AppError(
      'PNP_UNAUTHORIZED',
      'Pick and Pack refused the Api-Key. Check the Api-Key and the environment (prod or dev) in the app settings.'
    )
  }

  if (
    status === 404 ||
    internalCode === 1001 ||
    (status === 400 && (internalCode === 1002 || internalCode === undefined))
  ) {
    return new AppError(
      'PNP_ORDER_NOT_FOUND',
      'Pick and Pack does not handle this order: it was not found, or it belongs to another store.'
    )
  }

  return new AppError(
    'PNP_UNAVAILABLE',
    isTransient(failure)
      ? 'Pick and Pack did not answer in time or failed. Try again in a moment.'
      : `Pick and Pack answered with an unexpected status${
          status ? ` (${status})` : ''
        }. Try again in a moment.`
  )
}

/**
 * A v1 answer that says this account (or Api-Key) is not on the v1 API: a 403 that is not an
 * expired token. Such a store is served by the legacy API.
 */
export const isV1NotEnabled = ({ status, errorCode }: UpstreamFailure) =>
  status === 403 && errorCode !== 'EXPIRED_TOKEN'

export function omsError(failure: UpstreamFailure): AppError {
  if (failure.status === 404) {
    return new AppError(
      'OMS_ORDER_NOT_FOUND',
      'The OMS has no order with this id in this account.'
    )
  }

  if (failure.status === 401 || failure.status === 403) {
    // Trying again cannot help: the app lacks an OMS policy until its permissions are accepted.
    return new AppError(
      'OMS_UNAUTHORIZED',
      `The OMS refused the app (HTTP ${failure.status}). Check the app's OMS permissions: in Apps › Pick and Pack Tracking, accept the permissions it asks for (OMSViewer to read orders).`
    )
  }

  return new AppError(
    'OMS_UNAVAILABLE',
    'The OMS did not answer in time or failed. Try again in a moment.'
  )
}

/**
 * Reads status, internal code and network failure from an HTTP client error (axios, as
 * @vtex/api uses), and nothing else: the error itself carries the request's headers.
 */
export function describeHttpFailure(error: unknown): UpstreamFailure {
  if (typeof error !== 'object' || error === null) return { network: true }

  const { response, code } = error as {
    response?: { status?: unknown; data?: unknown }
    code?: unknown
  }

  if (!response || typeof response.status !== 'number') {
    return { network: true }
  }

  const { data } = response
  const internal =
    typeof data === 'object' && data !== null
      ? (data as { code?: unknown }).code
      : undefined

  const internalCode =
    typeof internal === 'number'
      ? internal
      : typeof internal === 'string' && /^\d+$/.test(internal)
      ? Number(internal)
      : undefined

  return {
    status: response.status,
    internalCode,
    errorCode:
      typeof internal === 'string' && !/^\d+$/.test(internal)
        ? internal
        : undefined,
    network: code === 'ECONNABORTED' ? true : undefined,
  }
}
