import type { InstanceOptions, IOContext } from '@vtex/api'
import { ExternalClient } from '@vtex/api'

/** App settings from the host's configuration (the environment, for `start:service`). */
export class LocalApps {
  constructor(private readonly settings: Record<string, unknown>) {}

  public getAppSettings = async (_appId: string) => ({ ...this.settings })
}

export interface LocalEvent {
  route: string
  message: unknown
  at: string
}

/** IO events, kept in memory (the webhook logs each change already). */
export class LocalEvents {
  public readonly sent: LocalEvent[] = []

  constructor(private readonly keep = 10000) {}

  public sendEvent = async (
    _subject: string,
    route: string,
    message?: unknown
  ) => {
    if (this.keep === 0) return
    this.sent.push({ route, message, at: new Date().toISOString() })
    if (this.sent.length > this.keep) this.sent.shift()
  }
}

/** The OMS "Get order" call, pointed at OMS_URL (the sandbox's OMS). */
export class LocalOms extends ExternalClient {
  constructor(
    context: IOContext,
    options?: InstanceOptions & { omsURL?: string }
  ) {
    super(options?.omsURL ?? 'http://127.0.0.1:4010', context, {
      ...options,
      retries: 0,
      timeout: 3000,
    })
  }

  public order(orderId: string) {
    return this.http.get(`/api/oms/pvt/orders/${encodeURIComponent(orderId)}`, {
      metric: 'oms-order',
    })
  }
}
