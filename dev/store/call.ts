// An app call as the store's APIs see it, what they answer, and how they refuse.

export interface Call {
  method: string
  /** The path's segments, decoded, after the API's own prefix. */
  parts: string[]
  query: URLSearchParams
  header(name: string): string | undefined
  body: Buffer
}

export interface Reply {
  status: number
  headers?: Record<string, string>
  /** A Buffer is sent as is, anything else as JSON. */
  body?: unknown
}

/** A refusal with a status and a message for the caller: never a crash. */
export class StoreError extends Error {
  constructor(public readonly status: number, message: string) {
    super(message)
  }
}

export const badRequest = (message: string) => new StoreError(400, message)

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw badRequest('The body is not valid JSON')
  }
}

export function parseJsonObject(body: Buffer): Record<string, unknown> {
  const value = parseJson(body)

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('The body must be a JSON object')
  }

  return value as Record<string, unknown>
}
