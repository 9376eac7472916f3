// Master Data's scroll tokens: the first call takes a point-in-time snapshot of every match
// and answers its first page with a token (X-VTEX-MD-TOKEN); each call with `_token` answers
// the next page, [] at the end. A token lives 20 minutes after its last use.
import { randomUUID } from 'crypto'
import { performance } from 'perf_hooks'

import { badRequest } from './http'
import type { Doc } from './values'

export const SCROLL_SIZE_DEFAULT = 100
export const SCROLL_SIZE_MAX = 1000
const IDLE_MS = 20 * 60 * 1000
/** Tokens kept at most (the oldest goes first): a client that never finishes cannot fill memory. */
const TOKENS_MAX = 1000

interface Scroll {
  docs: Doc[]
  at: number
  size: number
  fields: string | null
  expires: number
}

export interface ScrollStart {
  docs: Doc[]
  size: number
  fields: string | null
}

export class Scrolls {
  private readonly scrolls = new Map<string, Scroll>()

  /** The next page of `token`'s scroll, or the first of a new one (`start`) without a token. */
  public next(token: string | null, start: () => ScrollStart) {
    const now = performance.now()

    for (const [key, scroll] of this.scrolls) {
      if (scroll.expires <= now) this.scrolls.delete(key)
    }

    const key = token ?? randomUUID().replace(/-/g, '')
    let scroll = this.scrolls.get(key)

    if (!scroll) {
      if (token) {
        throw badRequest(
          'The scroll token is unknown or expired (20 minutes after its last use)'
        )
      }

      scroll = { ...start(), at: 0, expires: 0 }
      if (this.scrolls.size >= TOKENS_MAX) {
        this.scrolls.delete(this.scrolls.keys().next().value as string)
      }

      this.scrolls.set(key, scroll)
    }

    const docs = scroll.docs.slice(scroll.at, scroll.at + scroll.size)

    scroll.at += docs.length
    scroll.expires = now + IDLE_MS
    if (docs.length === 0) this.scrolls.delete(key)

    return { token: key, docs, fields: scroll.fields }
  }
}

/** `_size`: 1 to 1000, 100 when absent. */
export function scrollSize(raw: string | null) {
  if (raw === null || raw === '') return SCROLL_SIZE_DEFAULT
  const size = Number(raw)

  if (!Number.isInteger(size) || size < 1 || size > SCROLL_SIZE_MAX) {
    throw badRequest(
      `_size must be a whole number from 1 to ${SCROLL_SIZE_MAX}, got "${raw}"`
    )
  }

  return size
}
