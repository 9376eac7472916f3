import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useMutation } from 'react-apollo'
import { Button } from 'vtex.styleguide'

import RetryButton from '../ErrorMessage/RetryButton'
import type { CacheProxy } from '../../utils/cacheProxy'
import ORDER_OMS from './graphql/orderOms.gql'
import RETRY_OMS_SYNC from './graphql/retryOmsSync.gql'
import ActionError from '../ErrorMessage/ActionError'
import Heading from '../Heading'
import { actionFailure } from '../../utils/graphqlErrors'
import { own } from '../../utils/own'
import { OMS_TRACKING_MESSAGES, omsErrorMessage } from './labels'
import type { OmsSync, OrderOmsData, RetryOmsSyncData } from './types'

interface Props {
  orderId: string
  omsSync: OmsSync | null
  // Reads the OMS panel again.
  onReload: () => void
  reloading: boolean
  // The app has no Pick and Pack change recorded for the order (its history read empty).
  nothingRecorded?: boolean
}

/** Whether the merchant has something to send again. */
export function canRetry(sync: OmsSync): boolean {
  return (
    sync.pending > 0 ||
    !!sync.lastError ||
    !!sync.lastErrorCode ||
    trackingOf(sync) === 'FAILED'
  )
}

function trackingOf(sync: OmsSync): string {
  const code = (sync.tracking || '').trim().toUpperCase()

  // An older service that only says whether tracking went out.
  return code || (sync.trackingSent ? 'SENT' : '')
}

/**
 * What VTEX's own order page holds of this order's story: the interactions the app wrote,
 * where the invoice tracking stands, what waits to be sent, the last failure, and a button to
 * send again now.
 */
function OmsSyncStatus({
  orderId,
  omsSync,
  onReload,
  reloading,
  nothingRecorded = false,
}: Props) {
  const intl = useIntl()
  const [retry, { loading, error, data }] = useMutation<
    RetryOmsSyncData,
    { orderId: string }
  >(RETRY_OMS_SYNC, {
    variables: { orderId },
    // The OMS panel reads omsSync from its cached OrderOms answer: put the answer there, so
    // the panel shows it until its next read.
    update(
      cache: CacheProxy,
      { data: result }: { data?: RetryOmsSyncData | null }
    ) {
      if (!result) return
      try {
        const cached = cache.readQuery({
          query: ORDER_OMS,
          variables: { orderId },
        }) as OrderOmsData | null

        if (!cached?.orderFulfillment) return
        cache.writeQuery({
          query: ORDER_OMS,
          variables: { orderId },
          data: {
            orderFulfillment: {
              ...cached.orderFulfillment,
              omsSync: result.retryOmsSync,
            },
          },
        })
      } catch {
        // The order is not cached (any more): its next read shows the new state.
      }
    },
  })

  const failure = actionFailure(error)
  // The call went through, but the OMS may still have refused what was sent again.
  const answer = data && !loading && !failure ? data.retryOmsSync : null
  const stillPending = !!answer && canRetry(answer)
  const sendAgain = () => {
    // A failure is shown from the hook's `error`: keep the promise quiet.
    retry().catch(() => undefined)
  }

  const title = (
    <Heading level={3}>
      <FormattedMessage id="admin/pick-and-pack.omsSync.title" />
    </Heading>
  )

  if (!omsSync) {
    return (
      <div data-testid="oms-sync" data-state="unknown">
        {title}
        <p className="t-body c-muted-1 mt0 mb3 lh-copy">
          <FormattedMessage id="admin/pick-and-pack.omsSync.unavailable" />
        </p>
        <RetryButton onRetry={onReload} retrying={reloading} />
      </div>
    )
  }

  // The last failure as the list words it; the server's sentence for a code this page
  // does not know.
  const whyNotSent = (sync: OmsSync) => {
    const message = omsErrorMessage(sync.lastErrorCode)

    if (message) return intl.formatMessage({ id: message.id }, message.values)

    return sync.lastError
      ? sync.lastError
      : intl.formatMessage({
          id: 'admin/pick-and-pack.omsSync.retriedNotSent.noReason',
        })
  }

  const tracking = trackingOf(omsSync)
  // Nothing from Pick and Pack yet: "waiting for a tracking number" would suggest a shipment
  // on its way; say that Pick and Pack has not spoken of the order instead.
  const trackingId =
    nothingRecorded && (tracking === 'WAITING' || !tracking)
      ? 'admin/pick-and-pack.omsSync.tracking.nothingRecorded'
      : own(OMS_TRACKING_MESSAGES, tracking)

  const errorMessage = omsErrorMessage(omsSync.lastErrorCode)
  const count = (value: number) => ({
    count: value,
    formatted: intl.formatNumber(value),
  })

  return (
    <div data-testid="oms-sync" data-tracking={tracking}>
      {title}
      <ul className="list ma0 pa0 t-body lh-copy">
        {(omsSync.interactionsOn || omsSync.interactions > 0) && (
          <li className="mb2" data-testid="oms-sync-interactions">
            <FormattedMessage
              id="admin/pick-and-pack.omsSync.interactions"
              values={count(omsSync.interactions)}
            />
          </li>
        )}
        {!omsSync.interactionsOn && (
          <li className="mb2 c-muted-1">
            <FormattedMessage id="admin/pick-and-pack.omsSync.interactionsOff" />
          </li>
        )}
        <li
          className={`mb2 ${
            tracking === 'FAILED'
              ? 'c-danger'
              : tracking === 'SENT'
              ? ''
              : 'c-muted-1'
          }`}
          data-testid="oms-sync-tracking"
        >
          {trackingId ? (
            <FormattedMessage id={trackingId} />
          ) : (
            <FormattedMessage
              id="admin/pick-and-pack.omsSync.tracking.other"
              values={{ state: tracking || '—' }}
            />
          )}
        </li>
        {omsSync.pending > 0 && (
          <li className="mb2 c-warning" data-testid="oms-sync-pending">
            <FormattedMessage
              id="admin/pick-and-pack.omsSync.pending"
              values={count(omsSync.pending)}
            />
          </li>
        )}
        {(errorMessage || omsSync.lastError) && (
          <li
            className="mb2 c-danger"
            data-testid="oms-sync-error"
            data-error-code={omsSync.lastErrorCode ?? undefined}
          >
            {errorMessage ? (
              <FormattedMessage {...errorMessage} />
            ) : (
              // No code, or one this page does not know: the server's English sentence still
              // says what to do.
              omsSync.lastError
            )}
          </li>
        )}
      </ul>
      {canRetry(omsSync) && (
        <div className="mt3">
          <Button
            variation="secondary"
            size="small"
            onClick={sendAgain}
            isLoading={loading}
            testId="oms-sync-retry"
          >
            <FormattedMessage id="admin/pick-and-pack.omsSync.retry" />
          </Button>
        </div>
      )}
      {failure && (
        <ActionError
          titleId="admin/pick-and-pack.omsSync.retryFailed"
          failure={failure}
        />
      )}
      <p
        className={`t-small mb0 ${answer ? 'mt3' : 'mt0'} ${
          stillPending ? 'c-danger' : 'c-muted-1'
        }`}
        role="status"
        data-testid="oms-sync-retried"
        data-state={answer ? (stillPending ? 'pending' : 'sent') : undefined}
      >
        {answer && !stillPending && (
          <FormattedMessage id="admin/pick-and-pack.omsSync.retried" />
        )}
        {answer && stillPending && (
          <FormattedMessage
            id="admin/pick-and-pack.omsSync.retriedNotSent"
            values={{ reason: whyNotSent(answer) }}
          />
        )}
      </p>
    </div>
  )
}

export default OmsSyncStatus
