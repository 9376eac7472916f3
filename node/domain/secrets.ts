import { timingSafeEqual } from 'crypto'

import { sha256, sha256Hex } from './sha256'

/**
 * Secrets of up to this many UTF-8 bytes are compared as they are, padded to this size;
 * longer ones through their SHA-256. Either way both sides have one fixed size, so neither the
 * length nor the content of the secret leaks through timing. Padding costs a quarter of a
 * hash, and the webhook compares on every call.
 */
const SLOT_BYTES = 256

/** The presented secret is written here: one buffer, as calls never overlap (synchronous). */
const presentedSlot = Buffer.alloc(SLOT_BYTES)

interface Expected {
  secret: string
  /** Padded to SLOT_BYTES, or the digest of a longer secret. */
  compared: Buffer
  bytes: number
}

// The configured secret is the same on every call: prepare it once.
let expectedCache: Expected | undefined

function prepare(secret: string): Expected {
  const bytes = Buffer.byteLength(secret, 'utf8')

  if (bytes > SLOT_BYTES) return { secret, compared: sha256(secret), bytes }
  const compared = Buffer.alloc(SLOT_BYTES)

  compared.write(secret, 'utf8')

  return { secret, compared, bytes }
}

/** Compares a presented secret with the configured one in constant time. */
export function secretsMatch(presented: string, expected: string): boolean {
  if (expectedCache?.secret !== expected) expectedCache = prepare(expected)
  const { compared, bytes } = expectedCache

  if (compared.length !== SLOT_BYTES) {
    return (
      timingSafeEqual(sha256(presented), compared) &&
      presented.length === expected.length
    )
  }

  presentedSlot.fill(0)
  // Longer than the slot: truncated here, and refused by the length checks below.
  const written = presentedSlot.write(presented, 'utf8')
  const equal = timingSafeEqual(presentedSlot, compared)

  return equal && written === bytes && presented.length === expected.length
}

/** A stable, non-reversible name for a secret, for cache keys. */
export const fingerprintSecret = (...parts: string[]): string =>
  sha256Hex(parts.join('\u0000'))
