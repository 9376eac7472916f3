import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import { describeHttpFailure } from '../domain/upstreamErrors'
import { asApp } from './asApp'

/** A schedule of VTEX's Scheduler: an HTTP request it makes on a cron expression. */
export interface Schedule {
  id: string
  scheduler: { expression: string; endDate: string }
  retry: { delay: { addMinutes: number }; times: number; backOffRate: number }
  request: {
    uri: string
    method: 'POST'
    headers: Record<string, string>
    body: Record<string, unknown>
  }
}

/**
 * The client's own error carries the request: its headers hold the app token and its body the
 * sweep route's token, and `@vtex/api` logs what a handler throws. Only the status goes on.
 */
function schedulerFailure(error: unknown, what: string): Error {
  const { status } = describeHttpFailure(error)

  return new Error(
    `The sweep's schedule could not be ${what} (Scheduler ${
      status ? `answered ${status}` : 'did not answer'
    })`
  )
}

/**
 * VTEX's Scheduler API, as the app's own token: `PUT /api/scheduler/{workspace}/{app}` creates
 * or replaces a schedule by its id (so registering again is harmless), and
 * `DELETE /api/scheduler/{workspace}/{app}/{id}` removes one.
 */
export class Scheduler extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, asApp(context, options))
  }

  public async upsert(app: string, schedule: Schedule): Promise<void> {
    try {
      await this.http.put(this.path(app), schedule, {
        params: { version: 4 },
        metric: 'scheduler-upsert',
      })
    } catch (error) {
      throw schedulerFailure(error, 'registered')
    }
  }

  /** Removes the schedule `id`; one already gone (404) is no failure. */
  public async remove(app: string, id: string): Promise<void> {
    try {
      await this.http.delete(`${this.path(app)}/${encodeURIComponent(id)}`, {
        params: { version: 4 },
        metric: 'scheduler-remove',
      })
    } catch (error) {
      if (describeHttpFailure(error).status !== 404)
        throw schedulerFailure(error, 'removed')
    }
  }

  private path(app: string) {
    return `/api/scheduler/${encodeURIComponent(
      this.context.workspace
    )}/${encodeURIComponent(app)}`
  }
}
