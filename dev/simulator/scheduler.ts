// VTEX's Scheduler API, as far as the app uses it: PUT /api/scheduler/{workspace}/{app}
// creates or replaces a schedule by id, DELETE /api/scheduler/{workspace}/{app}/{id} removes
// it (404 when there is none). The sandbox only keeps it (the local host's own timer,
// SWEEP_INTERVAL_MS, calls the sweep); GET /_sandbox/scheduler shows what was registered,
// with the request's header values masked (one of them is the app's sweep token).
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { SimulatorCore } from './core'
import { parseJsonObject, readBody, sendJson } from './http'

interface Registered {
  workspace: string
  app: string
  id: string
  expression: string
  uri: string
  method: string
  headers: string[]
  at: string
}

const schedules = new WeakMap<SimulatorCore, Map<string, Registered>>()

const of = (core: SimulatorCore) => {
  let map = schedules.get(core)

  if (!map) {
    map = new Map()
    schedules.set(core, map)
  }

  return map
}

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0

export async function putSchedule(
  core: SimulatorCore,
  { req, res }: { req: IncomingMessage; res: ServerResponse },
  path: { workspace: string; app: string }
): Promise<void> {
  const body = parseJsonObject(await readBody(req))
  const scheduler = body?.scheduler as Record<string, unknown> | undefined
  const request = body?.request as Record<string, unknown> | undefined

  if (
    !body ||
    !isText(body.id) ||
    !scheduler ||
    !isText(scheduler.expression) ||
    !request ||
    !isText(request.uri) ||
    !isText(request.method)
  ) {
    return sendJson(res, 400, {
      error: {
        message:
          'The body must be {id, scheduler: {expression, endDate}, retry, request: {uri, method, headers, body}}.',
      },
    })
  }

  of(core).set(`${path.workspace}/${path.app}/${body.id}`, {
    ...path,
    id: body.id,
    expression: scheduler.expression,
    uri: request.uri,
    method: request.method,
    headers: Object.keys((request.headers as object | undefined) ?? {}),
    at: new Date().toISOString(),
  })
  sendJson(res, 200, { id: body.id })
}

export function deleteSchedule(
  core: SimulatorCore,
  res: ServerResponse,
  path: { workspace: string; app: string; id: string }
) {
  const removed = of(core).delete(`${path.workspace}/${path.app}/${path.id}`)

  if (!removed) {
    return sendJson(res, 404, { error: { message: 'No such schedule.' } })
  }

  res.writeHead(204).end()
}

export function listSchedules(core: SimulatorCore, res: ServerResponse) {
  sendJson(res, 200, [...of(core).values()])
}
