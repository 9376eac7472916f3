import { tokenUsableUntil } from '../domain/jwt'

interface CachedToken {
  token: string
  usableUntil: number
}

/**
 * Pick and Pack JWTs, shared by every request of this process: clients are built per request,
 * tokens must outlive them. Concurrent callers with a cold cache share one token request.
 */
export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>()
  private readonly inflight = new Map<string, Promise<string>>()

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100
  ) {}

  public async get(key: string, fetchToken: () => Promise<string>) {
    const cached = this.tokens.get(key)

    if (cached && cached.usableUntil > this.now()) return cached.token

    const pending = this.inflight.get(key)

    if (pending) return pending

    const request = fetchToken()
      .then((token) => {
        this.store(key, token)

        return token
      })
      .finally(() => this.inflight.delete(key))

    this.inflight.set(key, request)

    return request
  }

  /** Forgets a token Pick and Pack refused, unless a newer one already replaced it. */
  public invalidate(key: string, token: string) {
    if (this.tokens.get(key)?.token === token) this.tokens.delete(key)
  }

  public clear() {
    this.tokens.clear()
  }

  private store(key: string, token: string) {
    // Keys are per Api-Key and environment; bound them so rotating keys cannot grow the map.
    if (!this.tokens.has(key) && this.tokens.size >= this.maxKeys) {
      const oldest = this.tokens.keys().next().value

      if (oldest !== undefined) this.tokens.delete(oldest)
    }

    this.tokens.set(key, {
      token,
      usableUntil: tokenUsableUntil(token, this.now()),
    })
  }
}

/** The process-wide cache the Pick and Pack client uses. */
export const pickAndPackTokens = new TokenCache()
