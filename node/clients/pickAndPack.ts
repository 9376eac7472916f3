import { setTimeout as sleep } from 'timers/promises'

import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

import { AppError, isAppError } from '../domain/errors'
import { assertOrderId } from '../domain/orderId'
import type {
  PickAndPackEnvironment,
  PickAndPackOrder,
  RawTokenResponse,
  RawTrackingResponse,
} from '../domain/pickAndPackTypes'
import { backoffDelay } from '../domain/retry'
import type { RetryPolicy } from '../domain/retry'
import { fingerprintSecret } from '../domain/secrets'
import { normalizeTracking } from '../domain/tracking'
import {
  describeHttpFailure,
  isTransient,
  pickAndPackError,
} from '../domain/upstreamErrors'
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
  retryPolicy?: RetryPolicy
  tokenCache?: TokenCache
}

const AUTH_BASE_URL = 'http://auth.pickingnpacking.com'
const API_BASE_URL = 'http://legacy.pickingnpacking.com'
const TIMEOUT_MS = 3000
const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 150 }

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

/**
 * Pick and Pack API: tracking on the legacy host, authenticated with a JWT from the auth host,
 * cached per Api-Key and environment until a minute before it expires. Every upstream error is
 * caught here and rethrown as an AppError with a code and a safe message only.
 */
export class PickAndPack extends ExternalClient {
  private authClient?: PickAndPackAuth
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

  /** The live state of an order in Pick and Pack. */
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

    if (!order) {
      throw new AppError(
        'PNP_UNAVAILABLE',
        'Pick and Pack answered with a body this app cannot read. Try again in a moment.'
      )
    }

    return order
  }

  /** Whether the configured Api-Key gets a token (from the cache when one is valid). */
  public async checkCredentials(credentials: PickAndPackCredentials) {
    await this.token(credentials)
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
    return this.tokens.get(this.tokenKey(credentials), async () => {
      const response = await this.withRetries(() =>
        this.auth.requestToken(credentials)
      )

      const token =
        typeof response === 'object' && response !== null
          ? response.data
          : undefined

      if (typeof token !== 'string' || token.length === 0) {
        throw new AppError(
          'PNP_UNAVAILABLE',
          'Pick and Pack answered the token request without a token. Try again in a moment.'
        )
      }

      return token
    })
  }

  private async withRetries<T>(call: () => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
      try {
        // eslint-disable-next-line no-await-in-loop
        return await call()
      } catch (error) {
        const failure = describeHttpFailure(error)

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
