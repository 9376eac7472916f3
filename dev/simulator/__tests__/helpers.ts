// Test helpers: a tiny webhook receiver and small HTTP shortcuts.
/* eslint-disable no-await-in-loop */ // sequential HTTP calls on purpose
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: Record<string, unknown>
}

export interface Receiver {
  url: string
  received: Received[]
  /** Resolves when `count` requests have arrived (bounded by timeoutMs). */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>
  close(): Promise<void>
}

/** Answers with the statuses in `plan` in turn, then 200. */
export async function startReceiver(plan: number[] = []): Promise<Receiver> {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []

    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')

      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      })
      res.writeHead(plan[received.length - 1] ?? 200, {
        'content-type': 'application/json',
      })
      res.end('{"received":true}')
    })
  })

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/_v/pick-and-pack/webhook`,
    received,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs

      while (received.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`got ${received.length} of ${count} webhooks`)
        }

        await new Promise((r) => setTimeout(r, 10))
      }

      return received
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r())
        server.closeAllConnections()
      }),
  }
}

// The tests read JSON answers loosely and check them with their assertions (as v1.test.ts does).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnswerBody = any

export async function json(
  res: Response
): Promise<{ status: number; body: AnswerBody }> {
  const text = await res.text()

  return { status: res.status, body: text ? JSON.parse(text) : undefined }
}

export function post(url: string, body?: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}
