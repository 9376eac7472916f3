import React from 'react'
import { FormattedMessage } from 'react-intl'

import type { SweepRun } from './types'
import When from './When'

/** When the sweep last ran (VTEX's scheduler calls it) and what it found. */
function LastSweep({ sweep, now }: { sweep: SweepRun | null; now: number }) {
  if (!sweep) {
    return (
      <p
        className="t-body c-muted-1 mt0 mb3 lh-copy"
        data-testid="last-sweep"
        data-state="never"
      >
        <FormattedMessage id="admin/pick-and-pack.maintenance.sweep.never" />
      </p>
    )
  }

  return (
    <p className="t-body mt0 mb3 lh-copy" data-testid="last-sweep">
      <FormattedMessage
        id="admin/pick-and-pack.maintenance.sweep.last"
        values={{
          when: <When value={sweep.at} now={now} />,
          checked: sweep.checked,
          healed: sweep.healed,
          remaining: sweep.remaining,
        }}
      />
      {sweep.settled > 0 && (
        <>
          {' '}
          <FormattedMessage
            id="admin/pick-and-pack.maintenance.sweep.settled"
            values={{ count: sweep.settled }}
          />
        </>
      )}
      {sweep.omsRetried > 0 && (
        <>
          {' '}
          <FormattedMessage
            id="admin/pick-and-pack.maintenance.sweep.omsRetried"
            values={{ count: sweep.omsRetried }}
          />
        </>
      )}
    </p>
  )
}

export default LastSweep
