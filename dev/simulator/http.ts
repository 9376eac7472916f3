// Small HTTP helpers: bounded body reading and JSON answers.
import type { IncomingMessage, ServerResponse } from 'node:http'

export const MAX_BODY_BYTES = 64 * 1024

export class HttpError extends Error {
  constructor(public readonly status: number, public readonly body: unknown) {
    super(`HTTP ${status}`)
  }
}

/** Reads the whole body, refusing (413) anything over MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)

    if (declared > MAX_BODY_BYTES) {
      req.resume() // drain, so the client can read the 413
      reject(tooLarge())

      return
    }

    const chunks: Buffer[] = []
    let size = 0
    let done = false

    req.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        done = true
        reject(tooLarge())

        return
      }

      chunks.push(chunk)
    })
    req.on('end', () => {
      if (done) return
      done = true
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', (err) => {
      if (done) return
      done = true
      reject(err)
    })
  })
}

function tooLarge(): HttpError {
  return new HttpError(413, {
    message: `Request body over ${MAX_BODY_BYTES} bytes`,
    code: 1002,
  })
}

/**
 * Parses an optional JSON object body: empty → {}, anything that is not a
 * JSON object → null (the caller answers 400 in its own error shape).
 */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  if (text.trim() === '') return {}
  try {
    const value: unknown = JSON.parse(text)

    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown
): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body))
}

/** Answers that a fault loses: the call is carried out, its answer never leaves. */
const lostAnswers = new WeakSet<ServerResponse>()

/** The answer to this call, whatever it is, becomes a destroyed connection. */
export function loseAnswer(res: ServerResponse): void {
  lostAnswers.add(res)
}

// eslint-disable-next-line max-params -- the answer's parts, in the order they are written
export function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string
): void {
  if (res.headersSent) return
  if (lostAnswers.has(res)) {
    res.socket?.destroy()

    return
  }

  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  })
  res.end(body)
}

/** A timer-based pause that never keeps the process alive on its own. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}
