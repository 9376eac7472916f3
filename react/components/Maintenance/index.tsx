import React from 'react'
import { FormattedMessage } from 'react-intl'
import { useQuery } from 'react-apollo'

import MAINTENANCE from './graphql/maintenance.gql'
import ErrorMessage from '../ErrorMessage'
import StaleNotice from '../ErrorMessage/StaleNotice'
import Heading from '../Heading'
import PanelLoading from '../PanelLoading'
import { useLastRead } from '../../hooks/useLastRead'
import { useVisibleInterval } from '../../hooks/useVisibleInterval'
import { rootErrorCode } from '../../utils/graphqlErrors'
import { PANEL_ERROR_MESSAGES } from '../../utils/messages'
import Backfill from './Backfill'
import LastSweep from './LastSweep'
import type { MaintenanceData } from './types'

// Read every 3 s while a backfill runs, else once a minute so that "5 min ago" stays true;
// a hidden tab asks nothing, as the other blocks of the page.
export const POLL_MS = 3_000
export const REFRESH_MS = 60_000

const quiet = () => undefined

/**
 * "Keeping up to date": when the sweep last ran and what it healed, and the backfill of the
 * orders from before the webhook. Its own query: the board beside it never waits for it.
 */
function Maintenance() {
  const { data, error, loading, refetch } = useQuery<MaintenanceData>(
    MAINTENANCE,
    {
      errorPolicy: 'all',
      notifyOnNetworkStatusChange: true,
      fetchPolicy: 'cache-and-network',
    }
  )

  const maintenance = data?.maintenance ?? null
  const running = maintenance?.backfill.state === 'RUNNING'

  const failure = rootErrorCode(error, 'maintenance')
  const { readAt, staleCode, track } = useLastRead({
    loading,
    failure,
    hasData: maintenance !== null,
  })

  const retry = () => {
    track(refetch()).catch(quiet)
  }

  useVisibleInterval(retry, running ? POLL_MS : REFRESH_MS)

  const errorCode = maintenance ? undefined : failure

  const now = Date.now()

  return (
    <section aria-labelledby="pnp-maintenance-title" data-testid="maintenance">
      <Heading level={2} id="pnp-maintenance-title" spacing="mt0 mb3">
        <FormattedMessage id="admin/pick-and-pack.maintenance.title" />
      </Heading>
      <p className="t-body c-muted-1 mt0 mb4 lh-copy">
        <FormattedMessage id="admin/pick-and-pack.maintenance.intro" />
      </p>
      {staleCode && (
        <StaleNotice
          code={staleCode}
          readAt={readAt}
          words={PANEL_ERROR_MESSAGES.maintenance}
          onRetry={retry}
          retrying={loading}
        />
      )}
      {maintenance ? (
        <div className="flex flex-wrap nh4">
          <div className="w-100 w-50-l ph4">
            <Heading level={3} spacing="mt0 mb3">
              <FormattedMessage id="admin/pick-and-pack.maintenance.sweep.title" />
            </Heading>
            <LastSweep sweep={maintenance.lastSweep} now={now} />
          </div>
          <div className="w-100 w-50-l ph4">
            <Backfill backfill={maintenance.backfill} now={now} />
          </div>
        </div>
      ) : errorCode ? (
        <ErrorMessage
          code={errorCode}
          words={PANEL_ERROR_MESSAGES.maintenance}
          onRetry={retry}
          retrying={loading}
        />
      ) : (
        <PanelLoading messageId="admin/pick-and-pack.maintenance.loading" />
      )}
    </section>
  )
}

export default Maintenance
