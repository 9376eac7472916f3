// Minimal HS256 JWTs, enough to behave like the Pick and Pack auth service.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export interface TokenClaims {
  hostname: string
  env: string
  iat: number
  exp: number
  /** "<generation>.<random>": generation lets a fault revoke older tokens. */
  jti: string
}

const b64url = (data: string | Buffer): string =>
  Buffer.from(data).toString('base64url')

const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))

function sign(input: string, secret: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url')
}

export function signToken(
  claims: Omit<TokenClaims, 'jti'>,
  generation: number,
  secret: string
): string {
  const payload: TokenClaims = {
    ...claims,
    jti: `${generation}.${randomBytes(6).toString('hex')}`,
  }

  const body = `${HEADER}.${b64url(JSON.stringify(payload))}`

  return `${body}.${sign(body, secret)}`
}

/** The claims of a well-formed token with a valid signature, else null. */
export function verifySignature(
  token: string,
  secret: string
): TokenClaims | null {
  const parts = token.split('.')

  if (parts.length !== 3 || parts[0] !== HEADER) return null
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`, secret))
  const given = Buffer.from(parts[2])

  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return null
  }

  try {
    const claims: unknown = JSON.parse(
      Buffer.from(parts[1], 'base64url').toString('utf8')
    )

    if (!isClaims(claims)) return null

    return claims
  } catch {
    return null
  }
}

function isClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) return false
  const c = value as Record<string, unknown>

  return (
    typeof c.env === 'string' &&
    typeof c.iat === 'number' &&
    typeof c.exp === 'number' &&
    typeof c.jti === 'string'
  )
}

export function tokenGeneration(claims: TokenClaims): number {
  return Number(claims.jti.split('.')[0])
}
