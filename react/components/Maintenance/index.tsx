import React, { useEffect, useState } from 'react'
import { FormattedMessage } from 'react-intl'
import { useQuery } from 'react-apollo'

import MAINTENANCE from './graphql/maintenance.gql'
import ErrorMessage from '../ErrorMessage'
import Heading from '../Heading'
import PanelLoading from '../PanelLoading'
import { useVisibleInterval } from '../../hooks/useVisibleInterval'
import { rootErrorCode } from '../../utils/graphqlErrors'
import Backfill from './Backfill'
import LastSweep from './LastSweep'
import type { MaintenanceData } from './types'

// While a backfill runs, its progress is read every 3 s.
export const POLL_MS = 3_000
// Otherwise once a minute while the page is visible, so that "5 min ago" stays true.
export const REFRESH_MS = 60_000

const quiet = () => undefined

/**
 * "Keeping up to date": when the sweep last ran and what it healed, and the backfill of the
 * orders from before the webhook. Its own query: the board beside it never waits for it.
 */
function Maintenance() {
  const [polling, setPolling] = useState(false)
  const { data, error, loading, refetch } = useQuery<MaintenanceData>(
    MAINTENANCE,
    {
      errorPolicy: 'all',
      notifyOnNetworkStatusChange: true,
      fetchPolicy: 'cache-and-network',
      pollInterval: polling ? POLL_MS : 0,
    }
  )

  const maintenance = data?.maintenance ?? null
  const running = maintenance?.backfill.state === 'RUNNING'

  // Polls while the backfill runs, and stops when it is done, failed or gone.
  useEffect(() => setPolling(running), [running])

  useVisibleInterval(() => {
    if (!running) refetch().catch(quiet)
  }, REFRESH_MS)

  const errorCode = maintenance
    ? undefined
    : rootErrorCode(error, 'maintenance')

  const now = Date.now()

  return (
    <section aria-labelledby="pnp-maintenance-title" data-testid="maintenance">
      <Heading level={2} id="pnp-maintenance-title" spacing="mt0 mb3">
        <FormattedMessage id="admin/pick-and-pack.maintenance.title" />
      </Heading>
      <p className="t-body c-muted-1 mt0 mb4 lh-copy">
        <FormattedMessage id="admin/pick-and-pack.maintenance.intro" />
      </p>
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
          onRetry={() => {
            refetch().catch(quiet)
          }}
          retrying={loading}
        />
      ) : (
        <PanelLoading messageId="admin/pick-and-pack.maintenance.loading" />
      )}
    </section>
  )
}

export default Maintenance
