import { createHash, timingSafeEqual } from 'crypto'

/**
 * Compares a presented secret with the configured one in constant time. Both sides are hashed
 * first so that neither the length nor the content leaks through timing.
 */
const digest = (value: string) =>
  createHash('sha256').update(value, 'utf8').digest()

// The configured secret is the same on every call: hash it once.
let expectedDigest: { secret: string; digest: Buffer } | undefined

export function secretsMatch(presented: string, expected: string): boolean {
  if (expectedDigest?.secret !== expected) {
    expectedDigest = { secret: expected, digest: digest(expected) }
  }

  const a = digest(presented)
  const b = expectedDigest.digest

  return timingSafeEqual(a, b) && presented.length === expected.length
}

/** A stable, non-reversible name for a secret, for cache keys. */
export const fingerprintSecret = (...parts: string[]): string =>
  createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex')
