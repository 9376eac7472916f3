import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { Alert, Spinner } from 'vtex.styleguide'

import PICK_AND_PACK_CONNECTION from './graphql/pickAndPackConnection.gql'
import { SETTINGS_PATH } from '../../utils/orderRoutes'

interface ConnectionData {
  pickAndPackConnection: {
    ok: boolean
    code: string | null
    message: string | null
  } | null
}

function SettingsLink() {
  return (
    // The Admin renders app pages in a frame: settings must open in the top window.
    <a href={SETTINGS_PATH} target="_top" className="c-link link fw5 ml2">
      <FormattedMessage id="admin/pick-and-pack.connection.settings" />
    </a>
  )
}

/** Whether the app can talk to Pick and Pack, and what to fix when it cannot. */
function ConnectionBanner() {
  const intl = useIntl()
  const { data, loading, refetch } = useQuery<ConnectionData>(
    PICK_AND_PACK_CONNECTION,
    {
      errorPolicy: 'all',
      notifyOnNetworkStatusChange: true,
      fetchPolicy: 'network-only',
    }
  )

  const retry = {
    label: intl.formatMessage({ id: 'admin/pick-and-pack.connection.retry' }),
    onClick: () => {
      refetch().catch(() => undefined)
    },
  }

  if (loading) {
    return (
      <div className="flex items-center c-muted-1 t-small" role="status">
        <Spinner size={16} />
        <span className="ml3">
          <FormattedMessage id="admin/pick-and-pack.connection.checking" />
        </span>
      </div>
    )
  }

  const connection = data && data.pickAndPackConnection

  if (!connection) {
    // The check itself failed (network, auth): nothing is known about Pick and Pack.
    return (
      <Alert type="error" action={retry}>
        <FormattedMessage id="admin/pick-and-pack.connection.failed" />
      </Alert>
    )
  }

  if (connection.ok) {
    return (
      <Alert type="success">
        <FormattedMessage id="admin/pick-and-pack.connection.ok" />
      </Alert>
    )
  }

  switch (connection.code) {
    case 'NOT_CONFIGURED':
      return (
        <Alert type="warning">
          <FormattedMessage id="admin/pick-and-pack.connection.notConfigured" />
          <SettingsLink />
        </Alert>
      )

    case 'PNP_UNAUTHORIZED':
      return (
        <Alert type="error">
          <FormattedMessage id="admin/pick-and-pack.connection.unauthorized" />
          <SettingsLink />
        </Alert>
      )

    default:
      return (
        <Alert type="warning" action={retry}>
          <FormattedMessage id="admin/pick-and-pack.connection.unavailable" />
        </Alert>
      )
  }
}

export default ConnectionBanner
