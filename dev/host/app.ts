// First: @vtex/api reads VTEX_APP_ID when it loads.
import './appIdentity'
import type { Apps, InstanceOptions, IOContext } from '@vtex/api'
import { Events } from '@vtex/api'
import Koa from 'koa'

import { clearSettingsCache } from '../../node/clients/appSettings'
import { Clients } from '../../node/clients'
import { OmsOrderList } from '../../node/clients/omsOrderList'
import { OmsStory } from '../../node/clients/omsStory'
import { Scheduler } from '../../node/clients/scheduler'
import { SWEEP_TOKEN_HEADER } from '../../node/middlewares/sweepRoute'
import { Maintenance } from '../../node/storage/maintenanceStore'
import type { PickAndPackOptions } from '../../node/clients/pickAndPack'
import { PickAndPack } from '../../node/clients/pickAndPack'
import service from '../../node/index'
import serviceJson from '../../node/service.json'
import { buildSchema } from './graphqlSchema'
import { graphqlRoute } from './graphqlRoute'
import { LocalApps, LocalOms } from './localInfra'
import { LocalLogger } from './logger'
import { isLoopbackAddress } from '../loopback'
import { storeMasterData, storeVBase } from '../store/clients'
import { pointedAt } from './pointedClient'
import type { SentEvent } from './sandboxEvents'
import { COURIER_PATH, sandboxEvents } from './sandboxEvents'

export interface HostConfig {
  authURL: string
  apiURL: string
  /** Pick and Pack's v1 API base (`/{env}/v1/...` is appended); default: `apiURL`. */
  v1URL?: string
  omsURL: string
  settings: {
    apiKey?: string
    environment?: string
    webhookSecret?: string
    webhookSecretPrevious?: string
    hostname?: string
    /** JSON text or an object: minutes per status. */
    statusTimeLimits?: string | Record<string, number>
    boardWindowDays?: string | number
    omsInteractions?: string | boolean
    omsLanguage?: string
    omsTracking?: string | boolean
    sweepAfterMinutes?: string | number
    backfillDays?: string | number
  }
  /** The store stand-in (VBase and Master Data): several hosts given one are replicas. */
  storeURL: string
  /** Where log lines go besides memory (stdout for the CLI). */
  logWrite?: (line: string) => void
  /** Serves the admin page; mounted before the 404. */
  admin?: Koa.Middleware
  /** The VTEX account the host pretends to serve (settings are cached per account). */
  account?: string
  /** The workspace it pretends to run in (default master): VBase, events and the app's
   * Master Data documents are the workspace's own. */
  workspace?: string
  /** Accept non-loopback callers as admins (never by default). */
  allowRemote?: boolean
  /** How many log lines to keep in memory for inspection (tests); the CLI keeps none. */
  keep?: { logLines: number }
}

export interface Host {
  app: Koa
  /** The IO events this host sent, oldest first. */
  sentEvents: SentEvent[]
  logger: LocalLogger
  /** Tells the host where it listens: its Events client sends to itself. */
  listening(url: string): void
  /** Stops taking events from the shared queue (the host is closing). */
  stopEvents(): void
}

const WEBHOOK_PATH = '/_v/pick-and-pack/webhook'

export const SWEEP_PATH = '/_v/pick-and-pack/sweep'
let hostCount = 0

let requests = 0
const nextRequestId = () => `local-${process.pid}-${(++requests).toString(36)}`

/** `vendor.name`: the sender of the app's own IO events. */
const [APP_NAME] = (process.env.VTEX_APP_ID ?? '').split('@')

type ServiceEvents = Record<
  string,
  { sender?: string; topics?: string[]; keys?: string[] }
>

/** The VTEX IO request context the runtime would build, for a local request. */
function ioContext(
  logger: LocalLogger,
  routeId: string,
  { account, workspace }: { account: string; workspace: string }
): IOContext {
  return {
    account,
    workspace,
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
  // Settings are cached per account: two hosts in one process must not share them.
  const account = config.account ?? `sandbox${++hostCount > 1 ? hostCount : ''}`
  const workspace = config.workspace ?? 'master'
  const apps = new LocalApps(config.settings)
  let selfURL = 'http://127.0.0.1:0'
  const pickAndPackURLs: PickAndPackOptions = {
    authBaseURL: config.authURL,
    apiBaseURL: config.apiURL,
    v1BaseURL: config.v1URL ?? config.apiURL,
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

  // VTEX IO's own clients, with only their base URL changed.
  const StoreVBase = storeVBase(config.storeURL)
  const StoreMasterData = storeMasterData(config.storeURL)

  const SandboxOmsStory = pointedAt(OmsStory, () => config.omsURL)
  const SandboxOmsOrderList = pointedAt(OmsOrderList, () => config.omsURL)
  // VTEX's Scheduler: the simulator keeps what is registered (the host's timer does the calling).
  const SandboxScheduler = pointedAt(Scheduler, () => config.omsURL)

  const SandboxEvents = pointedAt(
    Events,
    (ctx) => `${selfURL}${COURIER_PATH}/${ctx.account}/${ctx.workspace}`
  )

  class LocalClients extends Clients {
    public get apps() {
      return apps as unknown as Apps
    }

    public get vbase() {
      return this.getOrSet('vbase', StoreVBase)
    }

    public get masterdata() {
      return this.getOrSet('masterdata', StoreMasterData)
    }

    public get events() {
      return this.getOrSet('events', SandboxEvents)
    }

    public get pickAndPack() {
      return this.getOrSet('pickAndPack', LocalPickAndPack)
    }

    public get oms() {
      return this.getOrSet('oms', SandboxOms)
    }

    public get omsStory() {
      return this.getOrSet('omsStory', SandboxOmsStory)
    }

    public get omsOrderList() {
      return this.getOrSet('omsOrderList', SandboxOmsOrderList)
    }

    public get scheduler() {
      return this.getOrSet('scheduler', SandboxScheduler)
    }
  }

  const clientOptions = service.config.clients?.options ?? {}

  const decorate = (ctx: Koa.Context, routeId: string) => {
    const vtex = ioContext(logger, routeId, { account, workspace })

    Object.assign(ctx, {
      vtex,
      clients: new LocalClients(clientOptions as never, vtex),
    })

    return ctx
  }

  const webhook = service.config.routes?.webhook as unknown as Koa.Middleware
  const sweep = service.config.routes?.sweep as unknown as Koa.Middleware
  const resolvers = service.config.graphql?.resolvers as Record<string, unknown>
  const schema = buildSchema(resolvers)
  const graphqlHandler = graphqlRoute(
    schema,
    (ctx) => decorate(ctx, 'graphql'),
    logger
  )

  const handlers = (service.config.events ?? {}) as unknown as Record<
    string,
    Koa.Middleware | Koa.Middleware[]
  >

  const subscriptions = ((serviceJson as { events?: ServiceEvents }).events ??
    {}) as ServiceEvents

  /** Runs the handler subscribed to this sender and topic, as VTEX IO would. */
  const deliver = async (sender: string, topic: string, body: unknown) => {
    const name = Object.keys(subscriptions).find((key) => {
      const subscription = subscriptions[key]

      return (
        subscription.sender === sender &&
        (subscription.topics ?? subscription.keys ?? []).includes(topic)
      )
    })

    const handler = name ? handlers[name] : undefined

    if (!name || !handler) return false
    const steps = Array.isArray(handler) ? handler : [handler]
    const ctx = decorate(
      { body, state: {}, set: () => undefined } as unknown as Koa.Context,
      name
    )

    const run = (index: number): Promise<void> =>
      index < steps.length
        ? Promise.resolve(steps[index](ctx, () => run(index + 1)))
        : Promise.resolve()

    await run(0)

    return true
  }

  const bus = sandboxEvents({ sender: APP_NAME, deliver }, logger, {
    storeURL: config.storeURL,
    // Events are a workspace's own: another workspace of the account has its own queue.
    account: workspace === 'master' ? account : `${account}@${workspace}`,
  })

  const app = new Koa()

  app.use(bus.middleware)

  app.use(async (ctx, next) => {
    if (ctx.path === WEBHOOK_PATH) {
      await webhook(decorate(ctx, 'webhook'), async () => undefined)

      return
    }

    if (ctx.path === SWEEP_PATH) {
      const decorated = decorate(ctx, 'sweep') as Koa.Context & {
        clients: Clients
      }

      // Stands in for VTEX's Scheduler, whose request carries the app's token: a loopback
      // caller (the host's own timer, a person with curl) gets it added.
      if (
        isLoopbackAddress(ctx.request.ip) &&
        !ctx.get(SWEEP_TOKEN_HEADER) &&
        ctx.method === 'POST'
      ) {
        ctx.request.headers[SWEEP_TOKEN_HEADER] = await new Maintenance(
          decorated.clients.vbase
        ).sweepToken()
      }

      await sweep(decorated, async () => undefined)

      return
    }

    if (ctx.path === '/graphql') {
      if (ctx.method !== 'POST') {
        ctx.status = 405
        ctx.body = { errors: [{ message: 'Use POST /graphql' }] }

        return
      }

      // The local host stands in for VTEX ID: loopback callers are signed-in admins.
      if (!config.allowRemote && !isLoopbackAddress(ctx.request.ip)) {
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

  return {
    app,
    sentEvents: bus.sent,
    logger,
    listening: (url) => {
      selfURL = url
    },
    stopEvents: bus.stop,
  }
}
