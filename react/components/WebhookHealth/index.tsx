import type { ReactNode } from 'react'
import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useQuery } from 'react-apollo'

import { useLastRead } from '../../hooks/useLastRead'
import WEBHOOK_HEALTH from './graphql/webhookHealth.gql'
import ErrorMessage from '../ErrorMessage'
import StaleNotice from '../ErrorMessage/StaleNotice'
import Heading from '../Heading'
import When from '../Maintenance/When'
import PanelLoading from '../PanelLoading'
import { useVisibleInterval } from '../../hooks/useVisibleInterval'
import { rootErrorCode } from '../../utils/graphqlErrors'
import { PANEL_ERROR_MESSAGES } from '../../utils/messages'
import { SETTINGS_PATH } from '../../utils/orderRoutes'
import { own } from '../../utils/own'
import UpdatedAt from '../UpdatedAt'

// Read again every 30 s while the tab is visible (a hidden tab asks nothing).
export const REFRESH_MS = 30_000

export interface RefusedNotification {
  at: string
  status: number
  code: string
  reason: string
  // The Pick and Pack hostname the notification named, when the webhook read that far.
  hostname: string | null
}

export interface WebhookHealthData {
  webhookHealth: {
    secretConfigured: boolean
    previousSecretConfigured: boolean
    hostnameFilter: string | null
    lastReceivedAt: string | null
    lastRefused: RefusedNotification | null
    secretInQueryAt: string | null
  } | null
}

const quiet = () => undefined

// Why the webhook refused a notification, by its code (node/middlewares/webhookErrors.ts
// REFUSAL_CODES; a test keeps both equal). The server's reason is English: it is shown only for
// a code this page does not know.
export const REFUSAL_MESSAGES: Record<string, string> = {
  UNAUTHORIZED: 'admin/pick-and-pack.webhook.refused.UNAUTHORIZED',
  INVALID_NOTIFICATION:
    'admin/pick-and-pack.webhook.refused.INVALID_NOTIFICATION',
  PAYLOAD_TOO_LARGE: 'admin/pick-and-pack.webhook.refused.PAYLOAD_TOO_LARGE',
  HOSTNAME_MISMATCH: 'admin/pick-and-pack.webhook.refused.HOSTNAME_MISMATCH',
  METHOD_NOT_ALLOWED: 'admin/pick-and-pack.webhook.refused.METHOD_NOT_ALLOWED',
}

type Tone = 'ok' | 'warning' | 'danger' | 'neutral'

const TONE: Record<Tone, string> = {
  ok: 'c-success',
  warning: 'c-warning',
  danger: 'c-danger',
  neutral: 'c-muted-1',
}

const MARK: Record<Tone, string> = {
  ok: '✓',
  warning: '!',
  danger: '✕',
  neutral: '·',
}

/** One line of the panel: a mark coloured by its tone (decorative: the words say it all). */
function Line({
  tone,
  testId,
  children,
}: {
  tone: Tone
  testId: string
  children: ReactNode
}) {
  return (
    <li className="flex items-start mb3 lh-copy" data-testid={testId}>
      <span
        className={`${TONE[tone]} fw7 mr3 w1 tc flex-none`}
        aria-hidden="true"
      >
        {MARK[tone]}
      </span>
      <span className="c-on-base">{children}</span>
    </li>
  )
}

function SettingsLink() {
  return (
    // The Admin renders app pages in a frame: settings must open in the top window.
    <a href={SETTINGS_PATH} target="_top" className="c-link link fw5 ml2">
      <FormattedMessage id="admin/pick-and-pack.connection.settings" />
    </a>
  )
}

/**
 * Whether Pick and Pack's notifications get through: the webhook secret and hostname filter,
 * the last notification accepted and the last refused (with why), and a warning when the
 * secret came in the URL's query string. Its own query, read again while the tab is visible.
 */
function WebhookHealth() {
  const intl = useIntl()
  const { data, error, loading, refetch } = useQuery<WebhookHealthData>(
    WEBHOOK_HEALTH,
    {
      errorPolicy: 'all',
      notifyOnNetworkStatusChange: true,
      fetchPolicy: 'cache-and-network',
    }
  )

  const health = data?.webhookHealth ?? null
  const failure = rootErrorCode(error, 'webhookHealth')
  const { readAt, staleCode, track } = useLastRead({
    loading,
    failure,
    hasData: health !== null,
  })

  const retry = () => {
    track(refetch()).catch(quiet)
  }

  useVisibleInterval(retry, REFRESH_MS)

  const errorCode = health ? undefined : failure

  const refusal = (refused: RefusedNotification) => {
    const id = own(REFUSAL_MESSAGES, refused.code)

    return id ? intl.formatMessage({ id }) : refused.reason
  }

  const now = Date.now()

  return (
    <section aria-labelledby="pnp-webhook-title" data-testid="webhook-health">
      <div className="flex flex-wrap items-center justify-between mb3">
        <Heading level={2} id="pnp-webhook-title" spacing="mv2">
          <FormattedMessage id="admin/pick-and-pack.webhook.title" />
        </Heading>
        <UpdatedAt at={health ? readAt : null} testId="webhook-updated" />
      </div>
      {staleCode && (
        <StaleNotice
          code={staleCode}
          readAt={readAt}
          words={PANEL_ERROR_MESSAGES.webhook}
          onRetry={retry}
          retrying={loading}
        />
      )}
      {health ? (
        <ul className="list pl0 mv0 t-body">
          {health.secretConfigured ? (
            <Line tone="ok" testId="webhook-secret">
              <FormattedMessage id="admin/pick-and-pack.webhook.secret.ok" />
              {health.previousSecretConfigured && (
                <>
                  {' '}
                  <FormattedMessage id="admin/pick-and-pack.webhook.secret.rotation" />
                </>
              )}
            </Line>
          ) : (
            <Line tone="danger" testId="webhook-secret">
              <strong className="c-danger fw5">
                <FormattedMessage id="admin/pick-and-pack.webhook.secret.missing" />
              </strong>
              <SettingsLink />
            </Line>
          )}
          <Line tone="neutral" testId="webhook-hostname">
            {health.hostnameFilter ? (
              <FormattedMessage
                id="admin/pick-and-pack.webhook.hostname.only"
                values={{
                  hostname: (
                    <code className="fw5">{health.hostnameFilter}</code>
                  ),
                }}
              />
            ) : (
              <FormattedMessage id="admin/pick-and-pack.webhook.hostname.any" />
            )}
          </Line>
          <Line
            tone={health.lastReceivedAt ? 'ok' : 'neutral'}
            testId="webhook-last-received"
          >
            {health.lastReceivedAt ? (
              <FormattedMessage
                id="admin/pick-and-pack.webhook.lastReceived"
                values={{
                  when: <When value={health.lastReceivedAt} now={now} />,
                }}
              />
            ) : (
              <FormattedMessage id="admin/pick-and-pack.webhook.lastReceived.none" />
            )}
          </Line>
          <Line
            tone={health.lastRefused ? 'warning' : 'neutral'}
            testId="webhook-last-refused"
          >
            {health.lastRefused ? (
              <>
                <FormattedMessage
                  id="admin/pick-and-pack.webhook.lastRefused"
                  values={{
                    when: <When value={health.lastRefused.at} now={now} />,
                    status: health.lastRefused.status,
                    reason: refusal(health.lastRefused),
                  }}
                />
                {health.lastRefused.hostname && (
                  // Which store's Pick and Pack sent it: whose webhook points here.
                  <>
                    {' '}
                    <FormattedMessage
                      id="admin/pick-and-pack.webhook.lastRefused.hostname"
                      values={{ hostname: health.lastRefused.hostname }}
                    />
                  </>
                )}
              </>
            ) : (
              <FormattedMessage id="admin/pick-and-pack.webhook.lastRefused.none" />
            )}
          </Line>
          {health.secretInQueryAt && (
            <Line tone="warning" testId="webhook-secret-in-query">
              <FormattedMessage
                id="admin/pick-and-pack.webhook.secretInQuery"
                values={{
                  when: <When value={health.secretInQueryAt} now={now} />,
                }}
              />
            </Line>
          )}
        </ul>
      ) : errorCode ? (
        <ErrorMessage
          code={errorCode}
          words={PANEL_ERROR_MESSAGES.webhook}
          onRetry={retry}
          retrying={loading}
        />
      ) : (
        <PanelLoading messageId="admin/pick-and-pack.webhook.loading" />
      )}
    </section>
  )
}

export default WebhookHealth
