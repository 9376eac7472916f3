import React from 'react'
import { useIntl } from 'react-intl'

import { own } from '../../utils/own'

/** VTEX OMS status codes the page names in the merchant's language. */
const OMS_STATUS_MESSAGES: Record<string, string> = {
  'order-created': 'admin/pick-and-pack.oms.statuses.order-created',
  'payment-pending': 'admin/pick-and-pack.oms.statuses.payment-pending',
  'payment-approved': 'admin/pick-and-pack.oms.statuses.payment-approved',
  'window-to-cancel': 'admin/pick-and-pack.oms.statuses.window-to-cancel',
  'ready-for-handling': 'admin/pick-and-pack.oms.statuses.ready-for-handling',
  'start-handling': 'admin/pick-and-pack.oms.statuses.start-handling',
  handling: 'admin/pick-and-pack.oms.statuses.handling',
  invoice: 'admin/pick-and-pack.oms.statuses.invoice',
  invoiced: 'admin/pick-and-pack.oms.statuses.invoiced',
  'cancellation-requested':
    'admin/pick-and-pack.oms.statuses.cancellation-requested',
  cancel: 'admin/pick-and-pack.oms.statuses.cancel',
  canceled: 'admin/pick-and-pack.oms.statuses.canceled',
}

interface Props {
  status: string | null
  description: string | null
}

/**
 * The OMS status in the page's language; a status this page does not know is shown with the
 * OMS's own description (written in the store's language), or its code.
 */
function OmsStatus({ status, description }: Props) {
  const intl = useIntl()
  const id = status ? own(OMS_STATUS_MESSAGES, status) : undefined

  return <>{id ? intl.formatMessage({ id }) : description ?? status ?? '—'}</>
}

export default OmsStatus
