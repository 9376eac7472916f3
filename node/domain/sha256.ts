import * as crypto from 'crypto'

type OneShotHash = {
  (algorithm: string, data: string, outputEncoding: 'hex'): string
  (algorithm: string, data: string, outputEncoding: 'buffer'): Buffer
}

/**
 * Node 20.12+ hashes a short string in one call, without building a Hash object: the webhook
 * hashes twice per notification. Older runtimes fall back to createHash.
 */
const oneShot = (crypto as { hash?: OneShotHash }).hash

/** SHA-256 of a string's UTF-8 bytes. */
export const sha256 = (text: string): Buffer =>
  oneShot
    ? oneShot('sha256', text, 'buffer')
    : crypto.createHash('sha256').update(text, 'utf8').digest()

export const sha256Hex = (text: string): string =>
  oneShot
    ? oneShot('sha256', text, 'hex')
    : crypto.createHash('sha256').update(text, 'utf8').digest('hex')
