import { createHash } from 'crypto'

/** SHA-256 of a string's UTF-8 bytes. */
export const sha256 = (text: string): Buffer =>
  createHash('sha256').update(text, 'utf8').digest()

export const sha256Hex = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex')
