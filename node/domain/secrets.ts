import { timingSafeEqual } from 'crypto'

import { sha256, sha256Hex } from './sha256'

/**
 * Compares a presented secret with a configured one in constant time: both are hashed first,
 * so neither the length nor the content of the secret leaks through timing.
 */
export const secretsMatch = (presented: string, expected: string): boolean =>
  timingSafeEqual(sha256(presented), sha256(expected))

/** Whether the presented secret is the current one or, during a rotation, the previous one. */
export function acceptsSecret(
  presented: string,
  settings: {
    webhookSecret: string | null
    webhookSecretPrevious: string | null
  }
): boolean {
  const { webhookSecret, webhookSecretPrevious } = settings
  // Both compared every time: which one matched must not show in the timing either.
  const current = webhookSecret ? secretsMatch(presented, webhookSecret) : false
  const previous = webhookSecretPrevious
    ? secretsMatch(presented, webhookSecretPrevious)
    : false

  return current || previous
}

/** A stable, non-reversible name for a secret, for cache keys. */
export const fingerprintSecret = (...parts: string[]): string =>
  sha256Hex(parts.join('\u0000'))
