/** A JWT's claims, without verifying the signature (Pick and Pack verifies it). */
function jwtClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.')

  if (parts.length !== 3) return null

  try {
    const payload: unknown = JSON.parse(
      Buffer.from(parts[1], 'base64url').toString('utf8')
    )

    return typeof payload === 'object' && payload !== null
      ? (payload as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

/**
 * Reads a JWT's `exp` claim (seconds) as epoch milliseconds: the token is only used to decide
 * how long to cache it.
 */
export function jwtExpiresAt(token: string): number | null {
  const exp = jwtClaims(token)?.exp

  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null
}

/** The store's hostname, which Pick and Pack's tokens carry. */
export function jwtHostname(token: string): string | null {
  const hostname = jwtClaims(token)?.hostname

  return typeof hostname === 'string' && hostname ? hostname : null
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
