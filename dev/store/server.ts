// The store stand-in: VBase under /vbase/{account}/{workspace}, Master Data v2 under
// /api/dataentities, and loopback-only controls under /_store (faults, stats). It speaks the
// REST calls `@vtex/api`'s own clients make, so the app reaches it with only a base URL changed.
import type { IncomingMessage, ServerResponse } from 'http'
import { createServer } from 'http'
import type { AddressInfo, Socket } from 'net'
import path from 'path'

import { appRoot } from '../appRoot'
import type { FaultAnswer } from './faults'
import { lockFolder } from './durable'
import { EventQueue } from './events'
import { Faults } from './faults'
import type { ErrorStyle, Reply } from './http'
import {
  errorReply,
  isLoopback,
  json,
  parseJsonObject,
  readBody,
  sleep,
  StoreError,
} from './http'
import { MasterDataStore, masterDataOperation } from './masterdata'
import type { StoreRequest } from './request'
import { decodeSegments, splitTarget } from './request'
import type { Api } from './stats'
import { Stats } from './stats'
import { VBaseStore, vbaseOperation } from './vbase'

export interface StoreOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Files go under `{dataDir}/store/`. Default `.data` in the current folder. */
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

interface App {
  api: Api
  style: ErrorStyle
  operation: string
  handle(request: StoreRequest): Promise<Reply>
}

export async function createStore(options: StoreOptions = {}): Promise<Store> {
  const dataDir = path.resolve(options.dataDir ?? '.data')
  const unlock = lockFolder(path.join(dataDir, 'store'))

  try {
    return await start(options, dataDir, unlock)
  } catch (error) {
    unlock()
    throw error
  }
}

async function start(
  options: StoreOptions,
  dataDir: string,
  unlock: () => void
): Promise<Store> {
  const latencyMs = options.latencyMs ?? 0
  const holdMs = options.holdMs ?? 30_000
  const log =
    options.log ?? ((line: string) => process.stderr.write(`[store] ${line}\n`))

  const vbase = new VBaseStore(dataDir)
  const masterdata = new MasterDataStore({
    dataDir,
    appRoot: path.resolve(options.appRoot ?? appRoot()),
    indexDelayMs: options.indexDelayMs ?? 1000,
  })

  const events = new EventQueue(path.join(dataDir, 'store', 'events'))
  const faults = new Faults()
  const stats = new Stats()
  const held = new Map<Socket, NodeJS.Timeout>()

  /** Which API a path belongs to, or none (404). */
  function appOf(method: string, segments: string[]): App | undefined {
    const [first, ...rest] = segments

    if (first === 'vbase') {
      return {
        api: 'vbase',
        style: 'vbase',
        operation: vbaseOperation(method, rest),
        handle: (request) => vbase.handle(request),
      }
    }

    if (first === 'api' && rest[0] === 'dataentities') {
      return {
        api: 'masterdata',
        style: 'masterdata',
        operation: masterDataOperation(method, rest),
        handle: (request) => masterdata.handle(request),
      }
    }

    return undefined
  }

  async function control(
    req: IncomingMessage,
    pathname: string,
    body: () => Promise<Buffer>
  ): Promise<Reply> {
    if (!isLoopback(req.socket.remoteAddress)) {
      throw new StoreError(
        403,
        'Forbidden',
        'The store controls answer loopback callers only'
      )
    }

    const route = `${req.method} ${pathname}`

    switch (route) {
      case 'POST /_store/faults':
        return json(201, faults.add(parseJsonObject(await body())))

      case 'GET /_store/faults':
        return json(200, faults.list())

      case 'DELETE /_store/faults':
        faults.clear()

        return { status: 204 }

      case 'GET /_store/stats':
        return json(200, stats.snapshot())

      case 'POST /_store/stats/reset':
        stats.reset()

        return { status: 204 }

      // The event bus the hosts share (see events.ts); not app calls, so not counted.
      case 'POST /_store/events':
        return json(201, await events.enqueue(eventFields(await body())))

      case 'POST /_store/events/lease': {
        const { account, max, leaseMs, waitMs } = parseJsonObject(await body())

        return json(
          200,
          await events.lease({
            account: String(account ?? ''),
            max: Number(max) || 1,
            leaseMs: Number(leaseMs) || 10_000,
            waitMs: Number(waitMs) || 0,
          })
        )
      }

      case 'POST /_store/events/ack': {
        await events.ack(String(parseJsonObject(await body()).id ?? ''))

        return { status: 204 }
      }

      case 'POST /_store/events/retry': {
        const { id, delayMs } = parseJsonObject(await body())

        events.retry(String(id ?? ''), Number(delayMs) || 0)

        return { status: 204 }
      }

      case 'POST /_store/events/release': {
        events.release(String(parseJsonObject(await body()).id ?? ''))

        return { status: 204 }
      }

      case 'GET /_store/events/pending':
        return json(200, {
          pending: events.pending(
            new URLSearchParams(req.url?.split('?')[1] ?? '').get('account') ??
              ''
          ),
        })

      default:
        throw new StoreError(404, 'NotFound', `No control ${route}`)
    }
  }

  async function answer(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? 'GET'
    const { pathname, query } = splitTarget(req.url ?? '/')
    let bodyPromise: Promise<Buffer> | undefined
    const body = () => (bodyPromise ??= readBody(req))
    let style: ErrorStyle = 'control'
    let fault: FaultAnswer | undefined
    let reply: Reply

    try {
      if (pathname.startsWith('/_store/')) {
        reply = await control(req, pathname, body)
      } else {
        const segments = decodeSegments(pathname)
        const app = appOf(method, segments)

        if (!app)
          throw new StoreError(404, 'NotFound', `Nothing at ${pathname}`)
        style = app.style
        stats.count(app.api, app.operation)
        if (latencyMs > 0) await sleep(latencyMs)
        fault = faults.take(method, pathname)
        if (fault === 412) {
          throw new StoreError(
            412,
            'PreconditionFailed',
            'Injected fault: 412, nothing done'
          )
        }

        if (fault === 500) {
          throw new StoreError(
            500,
            'InternalServerError',
            'Injected fault: 500, nothing done'
          )
        }

        reply = await app.handle({
          method,
          segments: segments.slice(1),
          query,
          headers: req.headers,
          body,
        })
      }
    } catch (error) {
      if (!(error instanceof StoreError)) {
        log(
          `${method} ${pathname}: ${
            error instanceof Error ? error.stack : String(error)
          }`
        )
      }

      reply = errorReply(
        style,
        error instanceof StoreError
          ? error
          : new StoreError(
              500,
              'InternalServerError',
              'The store failed; see its log'
            )
      )
    }

    // Whatever the handler did not read is drained, so that the connection stays usable.
    if (!req.readableEnded) req.resume()
    if (fault === 'timeout-after-commit') hold(res.socket)
    else send(res, reply)
  }

  /** Never answers: the socket is destroyed when the caller gives up, or after holdMs. */
  function hold(socket: Socket | null) {
    if (!socket) return
    const timer = setTimeout(() => socket.destroy(), holdMs)

    held.set(socket, timer)
    socket.once('close', () => {
      clearTimeout(timer)
      held.delete(socket)
    })
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      log(`answering failed: ${String(error)}`)
      res.destroy()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })

  const { port, address } = server.address() as AddressInfo
  const host = address.includes(':') ? `[${address}]` : address

  return {
    url: `http://${host}:${port}`,
    port,
    close: async () => {
      const closed = new Promise<void>((resolve) =>
        server.close(() => resolve())
      )

      for (const [socket, timer] of held) {
        clearTimeout(timer)
        socket.destroy()
      }

      events.close()
      server.closeAllConnections()
      await closed
      // Writes already under way finish, so that what was answered is on disk.
      await Promise.all([vbase.idle(), masterdata.idle()])
      unlock()
    },
  }
}

function eventFields(raw: Buffer) {
  const { account, sender, topic, body } = parseJsonObject(raw)

  if (typeof account !== 'string' || !account) {
    throw new StoreError(400, 'BadRequest', 'An event needs its account')
  }

  if (typeof sender !== 'string' || typeof topic !== 'string') {
    throw new StoreError(400, 'BadRequest', 'An event needs sender and topic')
  }

  return { account, sender, topic, body }
}

function send(res: ServerResponse, reply: Reply) {
  const headers: Record<string, string | number> = { ...reply.headers }
  let payload: Buffer | undefined

  if (Buffer.isBuffer(reply.body)) payload = reply.body
  else if (reply.body !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.body))
    headers['Content-Type'] = 'application/json; charset=utf-8'
  }

  if (reply.status === 413) headers.Connection = 'close'
  if (payload && reply.status !== 204)
    headers['Content-Length'] = payload.length
  res.writeHead(reply.status, headers)
  res.end(reply.status === 204 ? undefined : payload)
}
