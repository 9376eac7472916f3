// The store stand-in: VBase under /vbase/{account}/{workspace}, Master Data v2 under
// /api/dataentities, and loopback-only controls under /_store (faults, stats, the sandbox's
// event bus). It speaks the REST calls `@vtex/api`'s own clients make, so the app reaches it
// with only a base URL changed. It keeps everything in one SQLite database (database.ts).
import type { IncomingMessage, ServerResponse } from 'http'
import { createServer } from 'http'
import type { AddressInfo, Socket } from 'net'
import path from 'path'
import { setTimeout as sleep } from 'timers/promises'

import { appRoot } from '../appRoot'
import { isLoopbackAddress } from '../loopback'
import type { Call, Reply } from './call'
import { badRequest, parseJsonObject, StoreError } from './call'
import type { Db } from './database'
import { openDatabase } from './database'
import { EventQueue } from './events'
import { Faults } from './faults'
import { masterData, masterDataOperation } from './masterdata'
import { vbase, vbaseOperation } from './vbase'

export const MAX_BODY_BYTES = 1024 * 1024

export interface StoreOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** The database goes under `{dataDir}/store/`. Default `.data` in the current folder. */
  dataDir?: string
  /** Added to every app call before it is answered. Default 0. */
  latencyMs?: number
  /** How long a Master Data write takes to reach search. Default 1000. */
  indexDelayMs?: number
  /** The app's root: Master Data schemas come from `{appRoot}/masterdata/`. Default: this repository's. */
  appRoot?: string
  /** How long a "timeout-after-commit" call is held before its socket is destroyed. */
  holdMs?: number
  /** Where unexpected errors are reported. Default stderr. */
  log?: (line: string) => void
}

export interface Store {
  url: string
  port: number
  close(): Promise<void>
}

const newCounts = () => ({
  vbase: { GET: 0, PUT: 0, DELETE: 0, LIST: 0 } as Record<string, number>,
  masterdata: { GET: 0, POST: 0, PUT: 0, PATCH: 0, SEARCH: 0 } as Record<
    string,
    number
  >,
  total: 0,
})

export async function createStore(options: StoreOptions = {}): Promise<Store> {
  const db = openDatabase(options.dataDir ?? '.data')

  try {
    return await start(db, options)
  } catch (error) {
    db.close()
    throw error
  }
}

async function start(db: Db, options: StoreOptions): Promise<Store> {
  const log =
    options.log ?? ((line: string) => process.stderr.write(`[store] ${line}\n`))

  const apis = {
    vbase: { handle: vbase(db), operation: vbaseOperation },
    masterdata: {
      handle: masterData(db, {
        appRoot: path.resolve(options.appRoot ?? appRoot()),
        indexDelayMs: options.indexDelayMs ?? 1000,
      }),
      operation: masterDataOperation,
    },
  }

  const events = new EventQueue(db)
  const faults = new Faults()
  const held = new Set<Socket>()
  let counts = newCounts()
  let closing = false

  // eslint-disable-next-line max-params -- the request's parts, as the dispatcher split them
  async function control(
    method: string,
    route: string,
    query: URLSearchParams,
    body: Buffer
  ): Promise<Reply> {
    const fields = () => parseJsonObject(body)
    const id = () => String(fields().id ?? '')

    switch (`${method} ${route}`) {
      case 'POST faults':
        return { status: 201, body: faults.add(fields()) }

      case 'DELETE faults':
        faults.clear()

        return { status: 204 }

      case 'GET stats':
        return { status: 200, body: counts }

      case 'POST stats/reset':
        counts = newCounts()

        return { status: 204 }

      case 'POST events': {
        const { account, sender, topic, body: payload } = fields()

        if (
          typeof account !== 'string' ||
          !account ||
          typeof sender !== 'string' ||
          typeof topic !== 'string'
        ) {
          throw badRequest('An event needs account, sender and topic')
        }

        return {
          status: 201,
          body: events.enqueue({ account, sender, topic, body: payload }),
        }
      }

      case 'POST events/lease': {
        const { account, max, leaseMs, waitMs } = fields()

        return {
          status: 200,
          body: await events.lease({
            account: String(account ?? ''),
            max: Number(max) || 1,
            leaseMs: Number(leaseMs) || 10_000,
            waitMs: Number(waitMs) || 0,
          }),
        }
      }

      case 'POST events/ack':
        events.ack(id())

        return { status: 204 }

      case 'POST events/retry':
        events.retry(id(), Number(fields().delayMs) || 0)

        return { status: 204 }

      case 'POST events/release':
        events.release(id())

        return { status: 204 }

      case 'GET events/pending':
        return {
          status: 200,
          body: { pending: events.pending(query.get('account') ?? '') },
        }

      default:
        throw new StoreError(404, `No control ${method} /_store/${route}`)
    }
  }

  /** The reply to a call, or "hold" to leave it unanswered (a "timeout-after-commit" fault). */
  async function answer(
    req: IncomingMessage,
    body: Buffer
  ): Promise<Reply | 'hold'> {
    if (closing) throw new StoreError(503, 'The store is closing')
    const method = req.method ?? 'GET'
    const target = req.url ?? '/'
    const [pathname] = target.split('?')
    const query = new URLSearchParams(target.slice(pathname.length + 1))

    if (pathname.startsWith('/_store/')) {
      if (!isLoopbackAddress(req.socket.remoteAddress))
        throw new StoreError(
          403,
          'The store controls answer loopback callers only'
        )

      return control(method, pathname.slice('/_store/'.length), query, body)
    }

    let parts: string[]

    try {
      // Split by hand, not normalised: "//" (an empty VBase app) must survive.
      parts = pathname.split('/').slice(1).map(decodeURIComponent)
    } catch {
      throw badRequest('The path is not valid percent-encoding')
    }

    const name =
      parts[0] === 'vbase'
        ? 'vbase'
        : parts[0] === 'api' && parts[1] === 'dataentities'
        ? 'masterdata'
        : undefined

    if (!name) throw new StoreError(404, `Nothing at ${pathname}`)
    const api = apis[name]
    const call: Call = {
      method,
      parts: parts.slice(1),
      query,
      body,
      header: (key) => [req.headers[key] ?? []].flat()[0],
    }

    const operation = api.operation(method, call.parts)

    counts[name][operation] = (counts[name][operation] ?? 0) + 1
    counts.total++
    if (options.latencyMs) await sleep(options.latencyMs)
    // A call that was waiting when the store closed meets no closed database.
    if (closing) throw new StoreError(503, 'The store is closing')
    const fault = faults.take(method, pathname)

    if (fault === 412 || fault === 500)
      throw new StoreError(fault, `Injected fault: ${fault}, nothing done`)

    if (fault !== 'timeout-after-commit') return api.handle(call)
    try {
      api.handle(call)
    } catch {
      // Held unanswered whatever the outcome: the caller cannot know it.
    }

    return 'hold'
  }

  async function serve(req: IncomingMessage, res: ServerResponse) {
    let reply: Reply | 'hold'

    try {
      reply = await answer(req, await readBody(req))
    } catch (error) {
      if (!(error instanceof StoreError))
        log(
          `${req.method} ${req.url}: ${
            error instanceof Error ? error.stack : error
          }`
        )
      const { status, message } =
        error instanceof StoreError
          ? error
          : new StoreError(500, 'The store failed; see its log')

      // Each API answers errors in the shape VTEX's service does.
      reply = {
        status,
        body: req.url?.startsWith('/api/') ? { Message: message } : { message },
      }
    }

    if (reply === 'hold') {
      // Never answered: the socket is destroyed when the caller gives up, or after holdMs.
      const socket = res.socket as Socket
      const timer = setTimeout(() => socket.destroy(), options.holdMs ?? 30_000)

      held.add(socket)
      socket.once('close', () => {
        clearTimeout(timer)
        held.delete(socket)
      })

      return
    }

    const json = reply.body !== undefined && !Buffer.isBuffer(reply.body)
    const payload = json
      ? Buffer.from(JSON.stringify(reply.body))
      : (reply.body as Buffer | undefined)

    res.writeHead(reply.status, {
      ...reply.headers,
      ...(json ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
      ...(reply.status === 413 ? { Connection: 'close' } : {}),
    })
    res.end(reply.status === 204 ? undefined : payload)
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      log(`answering failed: ${String(error)}`)
      res.destroy()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
  })

  const { port, address } = server.address() as AddressInfo

  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    port,
    close: async () => {
      closing = true
      const closed = new Promise((resolve) => server.close(resolve))

      for (const socket of held) socket.destroy()
      events.close()
      server.closeAllConnections()
      await closed
      db.close()
    },
  }
}

/** The whole body; over MAX_BODY_BYTES, a 413 (the rest is drained, not kept). */
function readBody(req: IncomingMessage): Promise<Buffer> {
  const encoding = req.headers['content-encoding'] ?? 'identity'

  return new Promise((resolve, reject) => {
    // The app's calls send plain bodies (saveJSON does not gzip).
    if (encoding.toLowerCase() !== 'identity') {
      req.resume()
      reject(
        new StoreError(415, `Content-Encoding ${encoding} is not supported`)
      )
    }

    const chunks: Buffer[] = []
    let size = 0

    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () =>
      size > MAX_BODY_BYTES
        ? reject(
            new StoreError(413, `Request body over ${MAX_BODY_BYTES} bytes`)
          )
        : resolve(Buffer.concat(chunks))
    )
    req.on('error', reject)
  })
}
