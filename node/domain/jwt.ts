/**
 * Reads a JWT's `exp` claim (seconds) as epoch milliseconds, without verifying the signature:
 * the token is only used to decide how long to cache it, Pick and Pack verifies it.
 */
export function jwtExpiresAt(token: string): number | null {
  const parts = token.split('.')

  if (parts.length !== 3) return null

  try {
    const payload: unknown = JSON.parse(
      Buffer.from(parts[1], 'base64url').toString('utf8')
    )

    if (typeof payload !== 'object' || payload === null) return null
    const { exp } = payload as { exp?: unknown }

    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null
  } catch {
    return null
  }
}

/** A token is reused until this long before it expires. */
export const TOKEN_EXPIRY_MARGIN_MS = 60_000
/** How long to keep a token whose expiry cannot be read. */
export const UNDECODABLE_TOKEN_TTL_MS = 10 * 60_000

/** Until when a token fetched at `now` may be served from the cache. */
export function tokenUsableUntil(token: string, now: number): number {
  const expiresAt = jwtExpiresAt(token)

  if (expiresAt === null) return now + UNDECODABLE_TOKEN_TTL_MS

  return expiresAt - TOKEN_EXPIRY_MARGIN_MS
}
