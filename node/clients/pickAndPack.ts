import { setTimeout as sleep } from 'timers/promises'

import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import { AppError, isAppError } from '../domain/errors'
import { isRecord, toText } from '../domain/normalize'
import { assertOrderId } from '../domain/orderId'
import type {
  PickAndPackEnvironment,
  PickAndPackOrder,
  RawTokenResponse,
  RawTrackingResponse,
  RawV1Order,
  RawV1Shipment,
  Shipment,
} from '../domain/pickAndPackTypes'
import { backoffDelay } from '../domain/retry'
import type { RetryPolicy } from '../domain/retry'
import { fingerprintSecret } from '../domain/secrets'
import { normalizeTracking } from '../domain/tracking'
import type { UpstreamFailure } from '../domain/upstreamErrors'
import {
  describeHttpFailure,
  isTransient,
  isV1NotEnabled,
  pickAndPackError,
} from '../domain/upstreamErrors'
import { jwtHostname } from '../domain/jwt'
import {
  normalizeV1Order,
  normalizeV1Shipment,
  readShipmentList,
  shipmentSummaries,
  v1FlowStatus,
  worksheetHostname,
  worksheetPickers,
} from '../domain/v1Order'
import { pickAndPackTokens } from './tokenCache'
import type { TokenCache } from './tokenCache'

export interface PickAndPackCredentials {
  apiKey: string
  environment: PickAndPackEnvironment
}

export interface PickAndPackOptions extends InstanceOptions {
  /** Base URLs; the sandbox points them at the simulator. */
  authBaseURL?: string
  apiBaseURL?: string
  v1BaseURL?: string
  retryPolicy?: RetryPolicy
  tokenCache?: TokenCache
}

const AUTH_BASE_URL = 'http://auth.pickingnpacking.com'
const API_BASE_URL = 'http://legacy.pickingnpacking.com'
const V1_BASE_URL = 'http://api.pick-and-pack.com'
/** How long an account whose v1 API refused is served by the legacy API alone. */
const LEGACY_MEMORY_MS = 10 * 60_000
const TIMEOUT_MS = 3000
const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 150 }

const badAnswer = () =>
  new AppError(
    'PNP_BAD_ANSWER',
    'Pick and Pack answered with something this app cannot read. Try again in a moment; if it persists, Pick and Pack may have changed its API.'
  )

// VTEX IO egress speaks http to the proxy, which upgrades to https on this header.
const ioOptions = (
  options: PickAndPackOptions | undefined
): InstanceOptions => ({
  ...options,
  timeout: TIMEOUT_MS,
  retries: 0,
  // Memoization would hand a retry the rejected promise of the attempt it retries.
  memoizable: false,
  headers: {
    ...options?.headers,
    'X-Vtex-Use-Https': 'true',
  },
})

/** `POST /{env}/token` on the auth host. */
class PickAndPackAuth extends ExternalClient {
  constructor(context: IOContext, options?: PickAndPackOptions) {
    super(options?.authBaseURL ?? AUTH_BASE_URL, context, ioOptions(options))
  }

  public requestToken(credentials: PickAndPackCredentials) {
    return this.http.post<RawTokenResponse>(
      `/${credentials.environment}/token`,
      { apiKey: credentials.apiKey },
      { metric: 'pnp-token' }
    )
  }
}

/** Thrown by a v1 call when the account is not on the v1 API (403, not an expired token). */
class V1NotEnabled extends Error {}

/** Per replica, by Api-Key: accounts whose v1 API refused, until when (a cache, no truth). */
const legacyAccounts = new Map<string, number>()

/** For tests, and a sandbox whose simulator switches v1 on and off. */
export const forgetLegacyAccounts = () => legacyAccounts.clear()

/** A v1 call's metric name and extra headers. */
interface V1Request {
  metric: string
  headers?: Record<string, string>
}

/** Pick and Pack's v1 API (`/{env}/v1/...`), authenticated with `Bearer <JWT>`. */
class PickAndPackV1Http extends ExternalClient {
  constructor(context: IOContext, options?: PickAndPackOptions) {
    super(options?.v1BaseURL ?? V1_BASE_URL, context, ioOptions(options))
  }

  public get<T>(
    path: string,
    token: string,
    { metric, headers = {} }: V1Request
  ) {
    return this.http.get<T>(path, {
      headers: { ...headers, Authorization: `Bearer ${token}` },
      metric,
    })
  }
}

/**
 * Pick and Pack API: tracking on the legacy host, authenticated with a JWT from the auth host,
 * cached per Api-Key and environment until a minute before it expires. Every upstream error is
 * caught here and rethrown as an AppError with a code and a safe message only.
 */
export class PickAndPack extends ExternalClient {
  private authClient?: PickAndPackAuth
  private v1Client?: PickAndPackV1Http
  private readonly retryPolicy: RetryPolicy
  private readonly tokens: TokenCache
  private readonly authBaseURL: string
  private readonly authOptions?: PickAndPackOptions

  constructor(context: IOContext, options?: PickAndPackOptions) {
    super(options?.apiBaseURL ?? API_BASE_URL, context, ioOptions(options))
    this.authOptions = options
    this.retryPolicy = options?.retryPolicy ?? DEFAULT_RETRY
    this.tokens = options?.tokenCache ?? pickAndPackTokens
    this.authBaseURL = options?.authBaseURL ?? AUTH_BASE_URL
  }

  /**
   * The live state of an order: from the v1 API first, from the legacy API when v1 does not
   * know the order (404) or the account is not on v1 (403, remembered for a while so that its
   * views cost one upstream call, not two).
   */
  public async getOrderAnyApi(
    credentials: PickAndPackCredentials,
    orderId: string
  ): Promise<PickAndPackOrder> {
    if (!this.isLegacyAccount(credentials)) {
      try {
        return await this.getOrderV1(credentials, orderId)
      } catch (error) {
        if (error instanceof V1NotEnabled) this.rememberLegacy(credentials)
        else if (!isAppError(error) || error.code !== 'PNP_ORDER_NOT_FOUND') {
          throw error
        }
      }
    }

    return this.getOrder(credentials, orderId)
  }

  /**
   * Only where the order stands, for the sweep and the backfill: one call per order (the v1
   * order, plus its shipments list once it is sorted for the last mile; or the legacy order).
   * v1 is coarser than the flow in places (one PACKED for three steps): it never reads as a
   * later step than the real one, so a sweep over v1 may heal less, never wrongly.
   */
  public async getLiveStatus(
    credentials: PickAndPackCredentials,
    orderId: string
  ): Promise<{ status: string; hostname: string | null }> {
    const id = assertOrderId(orderId)

    if (!this.isLegacyAccount(credentials)) {
      try {
        const { environment } = credentials
        const raw = await this.v1Get<RawV1Order>(
          credentials,
          `/${environment}/v1/orders/${encodeURIComponent(id)}`,
          { metric: 'pnp-v1-order' }
        )

        const orderStatus = toText(isRecord(raw) ? raw.status : null)

        if (orderStatus) {
          const shipments =
            orderStatus === 'SORTING'
              ? shipmentSummaries(
                  await this.v1Get<unknown>(
                    credentials,
                    `/${environment}/v1/shipments?orderId=${encodeURIComponent(
                      id
                    )}`,
                    { metric: 'pnp-v1-shipments' }
                  )
                )
                  .map((shipment) => shipment.status)
                  .filter((status): status is string => !!status)
              : []

          return {
            status: v1FlowStatus(orderStatus, shipments),
            hostname: null,
          }
        }
      } catch (error) {
        if (error instanceof V1NotEnabled) this.rememberLegacy(credentials)
        else if (!isAppError(error) || error.code !== 'PNP_ORDER_NOT_FOUND') {
          throw error
        }
      }
    }

    const order = await this.getOrder(credentials, id)

    return { status: order.fulfillmentStatus, hostname: order.hostname }
  }

  /**
   * The order's shipments with their details: the v1 list, then one call per shipment, in
   * parallel. On the legacy API, its shipping services.
   */
  public async getShipments(
    credentials: PickAndPackCredentials,
    orderId: string
  ): Promise<Shipment[]> {
    const id = assertOrderId(orderId)

    if (!this.isLegacyAccount(credentials)) {
      try {
        const { environment } = credentials
        const list = readShipmentList(
          await this.v1Get<unknown>(
            credentials,
            `/${environment}/v1/shipments?orderId=${encodeURIComponent(id)}`,
            { metric: 'pnp-v1-shipments' }
          )
        )

        // Not "no shipment yet": the page would say so of an order on its way.
        if (!list) throw badAnswer()
        const shipments = await Promise.all(
          list.map(async ({ id: shipmentId }) =>
            normalizeV1Shipment(
              await this.v1Get<RawV1Shipment>(
                credentials,
                `/${environment}/v1/shipments/${encodeURIComponent(
                  shipmentId
                )}`,
                {
                  metric: 'pnp-v1-shipment',
                  headers: { 'X-PNP-FilterMethod': 'BY_INTERNAL_ID' },
                }
              ),
              shipmentId
            )
          )
        )

        return shipments.filter((shipment): shipment is Shipment => !!shipment)
      } catch (error) {
        if (error instanceof V1NotEnabled) this.rememberLegacy(credentials)
        else if (!isAppError(error) || error.code !== 'PNP_ORDER_NOT_FOUND') {
          throw error
        }
      }
    }

    return (await this.getOrder(credentials, id)).shipments ?? []
  }

  /**
   * The v1 order, with what the order itself lacks from calls made at the same time: the
   * shipments' statuses (where a sorted order is), the worksheets' pickers and hostname.
   */
  public async getOrderV1(
    credentials: PickAndPackCredentials,
    orderId: string
  ): Promise<PickAndPackOrder> {
    const id = assertOrderId(orderId)
    const { environment } = credentials
    const query = `?orderId=${encodeURIComponent(id)}`
    const optional = (path: string, metric: string) =>
      this.v1Get<unknown>(credentials, path, { metric }).catch(() => null)

    const [raw, shipments, worksheets] = await Promise.all([
      this.v1Get<RawV1Order>(
        credentials,
        `/${environment}/v1/orders/${encodeURIComponent(id)}`,
        { metric: 'pnp-v1-order' }
      ),
      optional(`/${environment}/v1/shipments${query}`, 'pnp-v1-shipments'),
      optional(`/${environment}/v1/worksheets${query}`, 'pnp-v1-worksheets'),
    ])

    const statuses = shipmentSummaries(shipments)
      .map((shipment) => shipment.status)
      .filter((status): status is string => !!status)

    const order = normalizeV1Order(raw, id, statuses)

    if (!order) throw badAnswer()

    return {
      ...order,
      hostname:
        worksheetHostname(worksheets) ??
        jwtHostname(await this.token(credentials)),
      pickers:
        order.pickers.length > 0 ? order.pickers : worksheetPickers(worksheets),
    }
  }

  /** The live state of an order in Pick and Pack's legacy tracking API. */
  public async getOrder(
    credentials: PickAndPackCredentials,
    orderId: string
  ): Promise<PickAndPackOrder> {
    const id = assertOrderId(orderId)
    const path = `/${
      credentials.environment
    }/picking-tracking/${encodeURIComponent(id)}`

    const fetchWith = (token: string) =>
      this.withRetries(() =>
        this.http.get<RawTrackingResponse>(path, {
          headers: { Authorization: token },
          metric: 'pnp-tracking',
        })
      )

    const token = await this.token(credentials)
    let response: RawTrackingResponse

    try {
      response = await fetchWith(token)
    } catch (error) {
      if (!isAppError(error) || error.code !== 'PNP_UNAUTHORIZED') throw error
      // The token may have been revoked or expired early: one fresh token, one more try.
      this.tokens.invalidate(this.tokenKey(credentials), token)
      response = await fetchWith(await this.token(credentials))
    }

    const order = normalizeTracking(
      typeof response === 'object' && response !== null ? response.data : null,
      id
    )

    if (!order) throw badAnswer()

    return order
  }

  /**
   * Whether Pick and Pack takes the Api-Key now: a real token request each time (a cached token
   * would say yes for up to 15 minutes after the key was revoked). The token is not kept.
   */
  public async checkCredentials(credentials: PickAndPackCredentials) {
    await this.requestFreshToken(credentials)
  }

  private get v1() {
    this.v1Client =
      this.v1Client ?? new PickAndPackV1Http(this.context, this.authOptions)

    return this.v1Client
  }

  private isLegacyAccount(credentials: PickAndPackCredentials) {
    const key = this.tokenKey(credentials)
    const until = legacyAccounts.get(key)

    if (until !== undefined && until <= Date.now()) legacyAccounts.delete(key)

    return until !== undefined && until > Date.now()
  }

  private rememberLegacy(credentials: PickAndPackCredentials) {
    legacyAccounts.set(
      this.tokenKey(credentials),
      Date.now() + LEGACY_MEMORY_MS
    )
  }

  /**
   * A v1 GET: an expired token (403 EXPIRED_TOKEN, or 401) gets one new token and one more
   * try; any other 403 means the account is not on v1.
   */
  private async v1Get<T>(
    credentials: PickAndPackCredentials,
    path: string,
    request: V1Request
  ): Promise<T> {
    const call = (token: string) =>
      this.withRetries(
        () => this.v1.get<T>(path, token, request),
        (failure) => {
          if (isV1NotEnabled(failure)) throw new V1NotEnabled()
        }
      )

    const token = await this.token(credentials)

    try {
      return await call(token)
    } catch (error) {
      if (!isAppError(error) || error.code !== 'PNP_UNAUTHORIZED') throw error
      this.tokens.invalidate(this.tokenKey(credentials), token)

      return call(await this.token(credentials))
    }
  }

  // Built on first use: most calls find their token in the cache and never need it.
  private get auth() {
    this.authClient =
      this.authClient ?? new PickAndPackAuth(this.context, this.authOptions)

    return this.authClient
  }

  private tokenKey(credentials: PickAndPackCredentials) {
    return fingerprintSecret(
      this.authBaseURL,
      credentials.environment,
      credentials.apiKey
    )
  }

  private token(credentials: PickAndPackCredentials) {
    return this.tokens.get(this.tokenKey(credentials), () =>
      this.requestFreshToken(credentials)
    )
  }

  /** A new token from Pick and Pack's auth endpoint (with retries), not cached here. */
  private async requestFreshToken(
    credentials: PickAndPackCredentials
  ): Promise<string> {
    const response = await this.withRetries(() =>
      this.auth.requestToken(credentials)
    )

    const token =
      typeof response === 'object' && response !== null
        ? response.data
        : undefined

    if (typeof token !== 'string' || token.length === 0) {
      throw new AppError(
        'PNP_BAD_ANSWER',
        'Pick and Pack answered the token request without a token. Try again in a moment.'
      )
    }

    return token
  }

  /** `inspect` may throw its own error for a failure that is not Pick and Pack's fault. */
  private async withRetries<T>(
    call: () => Promise<T>,
    inspect?: (failure: UpstreamFailure) => void
  ): Promise<T> {
    for (let retry = 0; ; retry++) {
      try {
        // eslint-disable-next-line no-await-in-loop
        return await call()
      } catch (error) {
        const failure = describeHttpFailure(error)

        inspect?.(failure)

        if (retry >= this.retryPolicy.retries || !isTransient(failure)) {
          // Deliberately drops `error`: it holds the request config (JWT, Api-Key).
          throw pickAndPackError(failure)
        }

        // eslint-disable-next-line no-await-in-loop
        await sleep(backoffDelay(this.retryPolicy, retry + 1))
      }
    }
  }
}
