import React from 'react'
import { useIntl } from 'react-intl'

import { OMS_STATUS_MESSAGES } from '../../utils/messages'
import { own } from '../../utils/own'

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
