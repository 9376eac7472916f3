import type { Apps, Events, InstanceOptions, IOContext, VBase } from '@vtex/api'
import Koa from 'koa'

import { clearSettingsCache } from '../../node/clients/appSettings'
import { Clients } from '../../node/clients'
import type { PickAndPackOptions } from '../../node/clients/pickAndPack'
import { PickAndPack } from '../../node/clients/pickAndPack'
import service from '../../node/index'
import { FileVBase } from './fileVBase'
import { buildSchema } from './graphqlSchema'
import { graphqlRoute } from './graphqlRoute'
import { LocalApps, LocalEvents, LocalOms } from './localInfra'
import { LocalLogger } from './logger'

export interface HostConfig {
  authURL: string
  apiURL: string
  omsURL: string
  settings: {
    apiKey?: string
    environment?: string
    webhookSecret?: string
    hostname?: string
  }
  dataDir: string
  /** Where log lines go besides memory (stdout for the CLI). */
  logWrite?: (line: string) => void
  /** Serves the admin page; mounted before the 404. */
  admin?: Koa.Middleware
  /** The VTEX account the host pretends to serve (settings are cached per account). */
  account?: string
  /** Accept non-loopback callers as admins (never by default). */
  allowRemote?: boolean
  /**
   * How many log lines and IO events to keep in memory for inspection (tests). The command
   * line host keeps none: its logs go to stdout, and under load what is kept costs time.
   */
  keep?: { logLines: number; events: number }
}

export interface Host {
  app: Koa
  store: FileVBase
  events: LocalEvents
  logger: LocalLogger
}

const WEBHOOK_PATH = '/_v/pick-and-pack/webhook'
let hostCount = 0

const isLoopback = (address: string | undefined) =>
  !!address &&
  (address === '::1' ||
    address.startsWith('127.') ||
    address.startsWith('::ffff:127.'))

let requests = 0
// Unique per process, and cheaper than random strings on every request.
const nextRequestId = () => `local-${process.pid}-${(++requests).toString(36)}`

/** The VTEX IO request context the runtime would build, for a local request. */
function ioContext(
  logger: LocalLogger,
  routeId: string,
  account: string
): IOContext {
  return {
    account,
    workspace: 'master',
    authToken: 'local-app-token',
    production: false,
    region: 'local',
    route: { id: routeId, params: {} },
    userAgent: 'pick-and-pack-tracking-local-host',
    requestId: nextRequestId(),
    operationId: nextRequestId(),
    platform: 'vtex',
    products: [],
    logger,
    tracer: { isTraceSampled: false },
  } as unknown as IOContext
}

/**
 * The local host: the route handlers and resolvers that `node/index.ts` registers, with only
 * the infrastructure swapped (settings, storage, events, OMS base URL).
 */
export function createHost(config: HostConfig): Host {
  const logger = new LocalLogger(config.logWrite ?? null, config.keep?.logLines)
  // Settings and history queues are per account: two hosts in one process must not share them.
  const account = config.account ?? `sandbox${++hostCount > 1 ? hostCount : ''}`
  const store = new FileVBase(config.dataDir)
  const events = new LocalEvents(config.keep?.events)
  const apps = new LocalApps(config.settings)
  const pickAndPackURLs: PickAndPackOptions = {
    authBaseURL: config.authURL,
    apiBaseURL: config.apiURL,
  }

  clearSettingsCache()

  class LocalPickAndPack extends PickAndPack {
    constructor(context: IOContext, options?: PickAndPackOptions) {
      super(context, { ...options, ...pickAndPackURLs })
    }
  }

  class SandboxOms extends LocalOms {
    constructor(context: IOContext, options?: InstanceOptions) {
      super(context, { ...options, omsURL: config.omsURL })
    }
  }

  class LocalClients extends Clients {
    public get apps() {
      return apps as unknown as Apps
    }

    public get vbase() {
      return store as unknown as VBase
    }

    public get events() {
      return events as unknown as Events
    }

    public get pickAndPack() {
      return this.getOrSet('pickAndPack', LocalPickAndPack)
    }

    public get oms() {
      return this.getOrSet('oms', SandboxOms)
    }
  }

  const clientOptions = service.config.clients?.options ?? {}

  const decorate = (ctx: Koa.Context, routeId: string) => {
    const vtex = ioContext(logger, routeId, account)

    Object.assign(ctx, {
      vtex,
      clients: new LocalClients(clientOptions as never, vtex),
    })

    return ctx
  }

  const webhook = service.config.routes?.webhook as unknown as Koa.Middleware
  const resolvers = service.config.graphql?.resolvers as Record<string, unknown>
  const schema = buildSchema(resolvers)
  const graphqlHandler = graphqlRoute(
    schema,
    (ctx) => decorate(ctx, 'graphql'),
    logger
  )

  const app = new Koa()

  app.use(async (ctx, next) => {
    if (ctx.path === WEBHOOK_PATH) {
      await webhook(decorate(ctx, 'webhook'), async () => undefined)

      return
    }

    if (ctx.path === '/graphql') {
      if (ctx.method !== 'POST') {
        ctx.status = 405
        ctx.body = { errors: [{ message: 'Use POST /graphql' }] }

        return
      }

      // The local host stands in for VTEX ID: loopback callers are signed-in admins.
      if (!config.allowRemote && !isLoopback(ctx.request.ip)) {
        ctx.status = 403
        ctx.body = {
          errors: [
            { message: 'Admin only', extensions: { code: 'FORBIDDEN' } },
          ],
        }

        return
      }

      await graphqlHandler(ctx)

      return
    }

    await next()
  })

  if (config.admin) app.use(config.admin)

  app.use(async (ctx) => {
    ctx.status = 404
    ctx.body = {
      error: {
        code: 'NOT_FOUND',
        message: `Nothing at ${ctx.path}. Try /admin/app/pick-and-pack, POST /graphql or ${WEBHOOK_PATH}.`,
      },
    }
  })

  return { app, store, events, logger }
}
