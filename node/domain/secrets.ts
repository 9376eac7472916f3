import { createHash, timingSafeEqual } from 'crypto'

/**
 * Compares a presented secret with the configured one in constant time. Both sides are hashed
 * first so that neither the length nor the content leaks through timing.
 */
export function secretsMatch(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest()
  const b = createHash('sha256').update(expected, 'utf8').digest()

  return timingSafeEqual(a, b) && presented.length === expected.length
}

/** A stable, non-reversible name for a secret, for cache keys. */
export const fingerprintSecret = (...parts: string[]): string =>
  createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex')
