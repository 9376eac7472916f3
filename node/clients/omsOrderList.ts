import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import { asApp } from './asApp'

/** One order of the OMS list (the fields the backfill reads). */
export interface OmsListedOrder {
  orderId?: unknown
  status?: unknown
  creationDate?: unknown
}

export interface OmsOrderListPage {
  list?: OmsListedOrder[]
  paging?: { total?: unknown; pages?: unknown; currentPage?: unknown }
}

/**
 * The OMS "List orders" call (License Manager: List orders, `ListOrders`), as the app's own
 * token. `@vtex/clients`' OMS lists without filters; the backfill needs dates and statuses.
 */
export class OmsOrderList extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, asApp(context, options))
  }

  /** A page (1-based, 100 orders) of orders created in [from, to] with one of `statuses`. */
  public page(query: {
    from: string
    to: string
    statuses: readonly string[]
    page: number
  }): Promise<OmsOrderListPage> {
    return this.http.get('/api/oms/pvt/orders', {
      params: {
        f_creationDate: `creationDate:[${query.from} TO ${query.to}]`,
        f_status: query.statuses.join(','),
        orderBy: 'creationDate,asc',
        page: query.page,
        per_page: 100,
      },
      metric: 'oms-list-orders',
    })
  }
}
