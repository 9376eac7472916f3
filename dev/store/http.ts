// What the store's handlers answer, and the small HTTP chores around them. Handlers return a
// Reply instead of writing to the socket, so that a fault can decide afterwards whether the
// answer is sent at all ("timeout-after-commit").
import type { IncomingMessage } from 'http'

export const MAX_BODY_BYTES = 1024 * 1024

export interface Reply {
  status: number
  headers?: Record<string, string>
  /** A Buffer is sent as is (its content type in `headers`); anything else as JSON. */
  body?: unknown
}

/** Which API a failure belongs to: each answers errors in the shape VTEX's service does. */
export type ErrorStyle = 'vbase' | 'masterdata' | 'control'

/** A refusal with a status and a message for the caller; thrown by handlers, never a crash. */
export class StoreError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string
  ) {
    super(message)
  }
}

export const badRequest = (message: string, code = 'BadRequest') =>
  new StoreError(400, code, message)

export function errorReply(style: ErrorStyle, error: StoreError): Reply {
  const { status, code, message } = error

  if (style === 'masterdata') return { status, body: { Message: message } }
  if (style === 'vbase') return { status, body: { code, message } }

  return { status, body: { error: { code, message } } }
}

export const json = (status: number, body: unknown): Reply => ({ status, body })

/** Reads the whole body, refusing (413) anything over MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  const encoding = String(req.headers['content-encoding'] ?? 'identity')

  // The app's calls send plain bodies (saveJSON does not gzip); anything else is refused.
  if (encoding.toLowerCase() !== 'identity') {
    req.resume()

    return Promise.reject(
      new StoreError(
        415,
        'UnsupportedEncoding',
        `Content-Encoding ${encoding} is not supported`
      )
    )
  }

  return readRaw(req)
}

/** The bytes as sent. Past the limit the rest is drained, not kept, so a 413 can be answered. */
function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      req.resume()
      reject(tooLarge())

      return
    }

    const chunks: Buffer[] = []
    let size = 0

    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () =>
      size > MAX_BODY_BYTES
        ? reject(tooLarge())
        : resolve(Buffer.concat(chunks))
    )
    req.on('error', reject)
  })
}

function tooLarge() {
  return new StoreError(
    413,
    'PayloadTooLarge',
    `Request body over ${MAX_BODY_BYTES} bytes`
  )
}

/** A JSON object body, or a 400 that says what is wrong with it. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  const value = parseJson(body)

  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('The body must be a JSON object')
  }

  return value as Record<string, unknown>
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    throw badRequest('The body is not valid JSON')
  }
}

export const isLoopback = (address: string | undefined) =>
  !!address &&
  (address === '::1' ||
    address.startsWith('127.') ||
    address.startsWith('::ffff:127.'))

export const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms))
