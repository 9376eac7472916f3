// A parsed app call, as the store's APIs see it.
import type { IncomingHttpHeaders } from 'http'

import { badRequest } from './http'

export interface StoreRequest {
  method: string
  /** The path's segments, decoded, after the API's own prefix ("vbase" or "api"). */
  segments: string[]
  query: URLSearchParams
  headers: IncomingHttpHeaders
  /** The body, read on demand (bounded, gunzipped). */
  body(): Promise<Buffer>
}

/** Splits a request target without URL normalisation: "//" (an empty VBase app) must survive. */
export function splitTarget(target: string) {
  const mark = target.indexOf('?')
  const pathname = mark < 0 ? target : target.slice(0, mark)
  const query = new URLSearchParams(mark < 0 ? '' : target.slice(mark + 1))

  return { pathname, query }
}

export function decodeSegments(pathname: string): string[] {
  try {
    return pathname.split('/').slice(1).map(decodeURIComponent)
  } catch {
    throw badRequest('The path is not valid percent-encoding')
  }
}

export const header = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name]

  return Array.isArray(value) ? value[0] : value
}
