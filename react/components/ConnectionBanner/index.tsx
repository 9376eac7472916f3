import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'
import { Alert, Spinner } from 'vtex.styleguide'

import PICK_AND_PACK_CONNECTION from './graphql/pickAndPackConnection.gql'
import { parseDate } from '../../utils/dates'
import { rootErrorCode } from '../../utils/graphqlErrors'
import { ERROR_MESSAGES } from '../../utils/messages'
import { SETTINGS_PATH } from '../../utils/orderRoutes'
import { own } from '../../utils/own'

interface ConnectionData {
  pickAndPackConnection: {
    ok: boolean
    code: string | null
    message: string | null
    // When Pick and Pack was asked (a real call each time); null from an older server.
    checkedAt?: string | null
  } | null
}

const UNAVAILABLE = 'admin/pick-and-pack.connection.unavailable'

// Failures that checking again may fix, other than Pick and Pack not answering (UNAVAILABLE).
const RETRYABLE_MESSAGES: Record<string, string> = {
  // VTEX did not return the app settings: Pick and Pack was not even asked.
  SETTINGS_UNAVAILABLE: 'admin/pick-and-pack.connection.settingsUnavailable',
  // Pick and Pack answered, in a form the app cannot read: it is up.
  PNP_BAD_ANSWER: 'admin/pick-and-pack.connection.badAnswer',
}

function SettingsLink() {
  return (
    // The Admin renders app pages in a frame: settings must open in the top window.
    <a href={SETTINGS_PATH} target="_top" className="c-link link fw5 ml2">
      <FormattedMessage id="admin/pick-and-pack.connection.settings" />
    </a>
  )
}

/** "Checked at 10:32": when Pick and Pack itself was last asked. */
function CheckedAt({ value }: { value: string | null | undefined }) {
  const intl = useIntl()
  const date = parseDate(value)

  if (!date) return null

  // The alert's own colour: a grey on its tinted background is too faint.
  return (
    <span className="ml2" data-testid="connection-checked-at">
      <FormattedMessage
        id="admin/pick-and-pack.connection.checkedAt"
        values={{
          time: (
            <time dateTime={date.toISOString()}>
              {intl.formatTime(date, { hour: '2-digit', minute: '2-digit' })}
            </time>
          ),
        }}
      />
    </span>
  )
}

/** Whether the app can talk to Pick and Pack, and what to fix when it cannot. */
function ConnectionBanner() {
  const intl = useIntl()
  const { data, error, loading, refetch } = useQuery<ConnectionData>(
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

  const connection = data?.pickAndPackConnection

  if (!connection) {
    // The check itself was refused for a reason checking again cannot fix (FORBIDDEN,
    // UNAUTHENTICATED: the user's roles or session must change): the shared words, no retry.
    const refused = own(
      ERROR_MESSAGES,
      rootErrorCode(error, 'pickAndPackConnection')
    )

    if (refused?.action === 'none') {
      return (
        <Alert type="error">
          <div>
            <strong className="db fw5 mb1">
              <FormattedMessage id={refused.title} />
            </strong>
            <FormattedMessage id={refused.description} />
          </div>
        </Alert>
      )
    }

    // The check itself failed otherwise (network, server): nothing is known about Pick and Pack.
    return (
      <Alert type="error" action={retry}>
        <FormattedMessage id="admin/pick-and-pack.connection.failed" />
      </Alert>
    )
  }

  if (connection.ok) {
    return (
      <Alert type="success">
        <span>
          <FormattedMessage id="admin/pick-and-pack.connection.ok" />
        </span>
        <CheckedAt value={connection.checkedAt} />
      </Alert>
    )
  }

  switch (connection.code) {
    case 'NOT_CONFIGURED':
      return (
        <Alert type="warning">
          <span>
            <FormattedMessage id="admin/pick-and-pack.connection.notConfigured" />
          </span>
          <CheckedAt value={connection.checkedAt} />
          <SettingsLink />
        </Alert>
      )

    case 'PNP_UNAUTHORIZED':
      return (
        <Alert type="error">
          <span>
            <FormattedMessage id="admin/pick-and-pack.connection.unauthorized" />
          </span>
          <CheckedAt value={connection.checkedAt} />
          <SettingsLink />
        </Alert>
      )

    default:
      return (
        <Alert type="warning" action={retry}>
          <span>
            <FormattedMessage
              id={own(RETRYABLE_MESSAGES, connection.code) ?? UNAVAILABLE}
            />
          </span>
          <CheckedAt value={connection.checkedAt} />
        </Alert>
      )
  }
}

export default ConnectionBanner
