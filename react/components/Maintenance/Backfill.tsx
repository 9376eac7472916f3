import React, { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useMutation } from 'react-apollo'
import { Button, NumericStepper, Progress } from 'vtex.styleguide'

import type { CacheProxy } from '../../utils/cacheProxy'
import MAINTENANCE from './graphql/maintenance.gql'
import START_BACKFILL from './graphql/startBackfill.gql'
import ActionError from '../ErrorMessage/ActionError'
import Heading from '../Heading'
import { DateTime } from '../Format'
import { actionFailure } from '../../utils/graphqlErrors'
import type {
  BackfillStatus,
  MaintenanceData,
  StartBackfillData,
  StartBackfillVariables,
} from './types'
import When from './When'
import { backfillErrorMessage } from './labels'

// The API takes 1 to 90 days; the app settings' backfillDays defaults to 7.
export const MIN_DAYS = 1
export const MAX_DAYS = 90
export const DEFAULT_DAYS = 7

const quiet = () => undefined

function clampDays(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_DAYS

  return Math.min(MAX_DAYS, Math.max(MIN_DAYS, Math.round(value)))
}

/** Orders looked up and changes recorded so far, as a bar when the total is known. */
function BackfillProgress({ backfill }: { backfill: BackfillStatus }) {
  const intl = useIntl()
  const { scanned, recorded, total } = backfill
  const known = total !== null && total > 0

  return (
    <>
      {known && (
        <div
          className="mv3"
          role="progressbar"
          aria-label={intl.formatMessage({
            id: 'admin/pick-and-pack.maintenance.backfill.progressLabel',
          })}
          aria-valuemin={0}
          aria-valuemax={total ?? 0}
          aria-valuenow={Math.min(scanned, total ?? 0)}
        >
          <Progress
            type="line"
            percent={Math.min(100, Math.round((scanned / (total ?? 1)) * 100))}
          />
        </div>
      )}
      <p className="t-body mt0 mb3" data-testid="backfill-progress">
        {known ? (
          <FormattedMessage
            id="admin/pick-and-pack.maintenance.backfill.progress"
            values={{
              scanned: intl.formatNumber(scanned),
              total: intl.formatNumber(total ?? 0),
              recorded,
            }}
          />
        ) : (
          <FormattedMessage
            id="admin/pick-and-pack.maintenance.backfill.progressSoFar"
            values={{ scanned, recorded }}
          />
        )}
      </p>
    </>
  )
}

interface Props {
  backfill: BackfillStatus
  now: number
}

/**
 * The backfill: records the orders Pick and Pack handled before the webhook was set up. Shows
 * where it stands and starts (or resumes) it; the panel polls while it runs.
 */
function Backfill({ backfill, now }: Props) {
  const intl = useIntl()
  const [days, setDays] = useState(clampDays(backfill.days ?? DEFAULT_DAYS))
  // The field holds no number while being typed (emptied, or not digits): the stepper then
  // reports its minimum, which the button must not offer as if it were typed.
  const [blank, setBlank] = useState(false)
  const [start, { loading, error }] = useMutation<
    StartBackfillData,
    StartBackfillVariables
  >(START_BACKFILL, {
    // The panel reads the backfill from the cached Maintenance query: a RUNNING answer there
    // shows the progress and starts the polling.
    update(
      cache: CacheProxy,
      { data: result }: { data?: StartBackfillData | null }
    ) {
      if (!result) return
      try {
        const cached = cache.readQuery({
          query: MAINTENANCE,
        }) as MaintenanceData | null

        if (!cached?.maintenance) return
        cache.writeQuery({
          query: MAINTENANCE,
          data: {
            maintenance: {
              ...cached.maintenance,
              backfill: result.startBackfill,
            },
          },
        })
      } catch {
        // Not cached: the panel's next read shows it.
      }
    },
  })

  const failure = actionFailure(error)
  const run = (value: number) => {
    // A failure is shown from the hook's `error`.
    start({ variables: { days: value } }).catch(quiet)
  }

  const state = backfill.state.trim().toUpperCase()
  const runDays = backfill.days ?? days
  const errorMessage = backfillErrorMessage(backfill.lastErrorCode)

  let status: React.ReactNode
  let action: React.ReactNode = null

  const startControl = (
    <div className="flex flex-wrap items-end">
      <div
        className="mr4 mb3"
        // The stepper reports numbers only; its field's own change events say what is typed.
        onChange={(e) => {
          const field = e.target

          if (field instanceof HTMLInputElement) {
            setBlank(!/^\s*\d+\s*$/.test(field.value))
          }
        }}
        // Left, the field shows the number the button names again.
        onBlur={() => setBlank(false)}
      >
        <NumericStepper
          label={intl.formatMessage({
            id: 'admin/pick-and-pack.maintenance.backfill.days',
          })}
          size="small"
          minValue={MIN_DAYS}
          maxValue={MAX_DAYS}
          value={days}
          readOnly={loading}
          onChange={(e) => setDays(clampDays(e.value))}
        />
      </div>
      <div className="mb3">
        <Button
          variation="secondary"
          size="small"
          onClick={() => run(days)}
          isLoading={loading}
          disabled={blank}
          testId="backfill-start"
        >
          {blank ? (
            <FormattedMessage id="admin/pick-and-pack.maintenance.backfill.startBlank" />
          ) : (
            <FormattedMessage
              id="admin/pick-and-pack.maintenance.backfill.start"
              values={{ days }}
            />
          )}
        </Button>
      </div>
      {blank && (
        <p
          className="w-100 t-small c-muted-1 mt0 mb3"
          data-testid="backfill-days-hint"
        >
          <FormattedMessage
            id="admin/pick-and-pack.maintenance.backfill.daysHint"
            values={{ min: MIN_DAYS, max: MAX_DAYS }}
          />
        </p>
      )}
    </div>
  )

  switch (state) {
    case 'IDLE':
      status = (
        <p className="t-body c-muted-1 mt0 mb3">
          <FormattedMessage id="admin/pick-and-pack.maintenance.backfill.idle" />
        </p>
      )
      action = startControl
      break

    case 'RUNNING':
      status = (
        <>
          <p className="t-body mt0 mb2">
            <FormattedMessage
              id="admin/pick-and-pack.maintenance.backfill.running"
              values={{
                days: runDays,
                when: <When value={backfill.startedAt} now={now} />,
              }}
            />
          </p>
          <BackfillProgress backfill={backfill} />
        </>
      )
      break

    case 'DONE':
      status = (
        <p className="t-body mt0 mb3 lh-copy">
          <FormattedMessage
            id="admin/pick-and-pack.maintenance.backfill.done"
            values={{
              days: runDays,
              when: <DateTime value={backfill.updatedAt} />,
              scanned: backfill.scanned,
              recorded: backfill.recorded,
            }}
          />
        </p>
      )
      action = startControl
      break

    case 'FAILED':
      status = (
        <>
          <p className="t-body c-danger mt0 mb2">
            <FormattedMessage
              id="admin/pick-and-pack.maintenance.backfill.failed"
              values={{ days: runDays }}
            />
          </p>
          <BackfillProgress backfill={backfill} />
          {(errorMessage || backfill.lastError) && (
            <p
              className="t-body c-danger mt0 mb3 lh-copy"
              data-testid="backfill-error"
            >
              {errorMessage ? (
                <FormattedMessage
                  id={errorMessage.id}
                  values={errorMessage.values}
                />
              ) : (
                // A code this page does not know: the server's English still says what to do.
                backfill.lastError
              )}
            </p>
          )}
        </>
      )
      action = (
        <Button
          variation="secondary"
          size="small"
          onClick={() => run(clampDays(runDays))}
          isLoading={loading}
          testId="backfill-start"
        >
          <FormattedMessage id="admin/pick-and-pack.maintenance.backfill.resume" />
        </Button>
      )
      break

    default:
      status = (
        <p className="t-body c-muted-1 mt0 mb3">
          <FormattedMessage
            id="admin/pick-and-pack.maintenance.backfill.other"
            values={{ state: backfill.state }}
          />
        </p>
      )
  }

  return (
    <div>
      <Heading level={3} spacing="mt0 mb3">
        <FormattedMessage id="admin/pick-and-pack.maintenance.backfill.title" />
      </Heading>
      <div data-testid="backfill-state" data-state={state}>
        {status}
      </div>
      {action}
      {failure && (
        <ActionError
          titleId="admin/pick-and-pack.maintenance.backfill.startFailed"
          failure={failure}
        />
      )}
    </div>
  )
}

export default Backfill
