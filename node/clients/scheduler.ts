import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

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
 * VTEX's Scheduler API, as the app's own token: `PUT /api/scheduler/{workspace}/{app}` creates
 * or replaces a schedule by its id (so registering again is harmless), and
 * `DELETE /api/scheduler/{workspace}/{app}/{id}` removes one.
 */
export class Scheduler extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, asApp(context, options))
  }

  public upsert(app: string, schedule: Schedule) {
    return this.http.put(this.path(app), schedule, {
      params: { version: 4 },
      metric: 'scheduler-upsert',
    })
  }

  /** Removes the schedule `id`; one already gone (404) is no failure. */
  public async remove(app: string, id: string): Promise<void> {
    try {
      await this.http.delete(`${this.path(app)}/${encodeURIComponent(id)}`, {
        params: { version: 4 },
        metric: 'scheduler-remove',
      })
    } catch (error) {
      if (
        (error as { response?: { status?: number } }).response?.status !== 404
      )
        throw error
    }
  }

  private path(app: string) {
    return `/api/scheduler/${encodeURIComponent(
      this.context.workspace
    )}/${encodeURIComponent(app)}`
  }
}
