import type { InstanceOptions, IOContext } from '@vtex/api'
import { JanusClient } from '@vtex/api'

import { asApp } from './asApp'
import type {
  DeliveryTrackingBody,
  InvoiceTrackingBody,
} from '../domain/omsTracking'

/** Invoice numbers may hold "/" or spaces (VTEX's known issues): one path segment each. */
const invoicePath = (orderId: string, invoiceNumber: string) =>
  `/api/oms/pvt/orders/${encodeURIComponent(
    orderId
  )}/invoice/${encodeURIComponent(invoiceNumber)}`

/**
 * The OMS calls that write Pick and Pack's story into VTEX's own order page (VTEX's Orders
 * API, as the app's own token: License Manager "Orders Full Access" for interactions, "Notify
 * invoice" for tracking). No retries here: the caller decides, as a POST that timed out may
 * have landed.
 */
export class OmsStory extends JanusClient {
  constructor(context: IOContext, options?: InstanceOptions) {
    super(context, asApp(context, options, { retries: 0 }))
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

  /** The shipment's tracking number, URL and courier on the invoice (idempotent). */
  public updateInvoiceTracking(
    orderId: string,
    invoiceNumber: string,
    body: InvoiceTrackingBody
  ) {
    return this.http.patch(invoicePath(orderId, invoiceNumber), body, {
      metric: 'oms-invoice-tracking',
    })
  }

  /** The delivery events and delivered mark of an invoice that has a tracking number. */
  public putDeliveryTracking(
    orderId: string,
    invoiceNumber: string,
    body: DeliveryTrackingBody
  ) {
    return this.http.put(
      `${invoicePath(orderId, invoiceNumber)}/tracking`,
      body,
      {
        metric: 'oms-delivery-tracking',
      }
    )
  }
}
