import { timingSafeEqual } from 'crypto'

import { sha256, sha256Hex } from './sha256'

/**
 * Compares a presented secret with the configured one in constant time. Both sides are hashed
 * first so that neither the length nor the content leaks through timing.
 */
// The configured secret is the same on every call: hash it once.
let expectedDigest: { secret: string; digest: Buffer } | undefined

export function secretsMatch(presented: string, expected: string): boolean {
  if (expectedDigest?.secret !== expected) {
    expectedDigest = { secret: expected, digest: sha256(expected) }
  }

  const a = sha256(presented)
  const b = expectedDigest.digest

  return timingSafeEqual(a, b) && presented.length === expected.length
}

/** A stable, non-reversible name for a secret, for cache keys. */
export const fingerprintSecret = (...parts: string[]): string =>
  sha256Hex(parts.join('\u0000'))
