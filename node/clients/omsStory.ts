import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

/**
 * The OMS calls that write Pick and Pack's story into VTEX's own order page (VTEX's Orders
 * API, as the app's own token: License Manager "Orders Full Access" for interactions, "Notify
 * invoice" for tracking). No retries here: the caller decides, as a POST that timed out may
 * have landed.
 */
export class OmsStory extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, {
      ...options,
      timeout: 5000,
      retries: 0,
      headers: {
        ...options?.headers,
        VtexIdclientAutCookie: context.authToken,
        'X-Vtex-Use-Https': 'true',
      },
    })
  }

  /** A line in the order's interactions (the OMS order page's timeline). */
  public addInteraction(
    orderId: string,
    interaction: { source: string; message: string }
  ) {
    return this.http.post(
      `/api/oms/pvt/orders/${encodeURIComponent(orderId)}/interactions`,
      interaction,
      { metric: 'oms-interaction' }
    )
  }
}
