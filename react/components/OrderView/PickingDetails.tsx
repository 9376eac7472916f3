import type { ReactNode } from 'react'
import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'

import { own } from '../../utils/own'
import {
  flowRank,
  isExceptionStatus,
  normalizeStatus,
} from '../../utils/statuses'
import type { PickAndPackOrder, Timings } from './types'
import { useOrderText } from './useOrderText'

const SOURCES: Record<string, { name: string; description: string }> = {
  V1: {
    name: 'admin/pick-and-pack.pnp.source.V1',
    description: 'admin/pick-and-pack.pnp.source.V1.description',
  },
  LEGACY: {
    name: 'admin/pick-and-pack.pnp.source.LEGACY',
    description: 'admin/pick-and-pack.pnp.source.LEGACY.description',
  },
}

/** Which Pick and Pack API answered: v1 has the picking details, the legacy API does not. */
export function SourceBadge({ source }: { source: string }) {
  const intl = useIntl()
  const ids = own(SOURCES, source)

  return (
    <span
      className="t-mini c-muted-1 ba b--muted-4 br2 ph2 pv1 ml3 nowrap"
      title={ids ? intl.formatMessage({ id: ids.description }) : undefined}
      data-testid="pnp-source"
      data-source={source}
    >
      {ids ? intl.formatMessage({ id: ids.name }) : source}
    </span>
  )
}

const ROW = 'ma0 flex flex-wrap'

// The status each timed step ends at: v1 sends 0 (a required number) for a step not done yet.
const STEP_ENDS: Record<keyof Timings, string> = {
  picking: 'READY_FOR_PACKING',
  packing: 'READY_FOR_INVOICING',
  shipping: 'DELIVERED',
}

/**
 * Whether a step's time is not there yet: none (0 or null) and the order still before the
 * step's end. An unknown status cannot tell: shown as received.
 */
function notYet(status: string, step: keyof Timings, minutes?: number | null) {
  const rank = flowRank(normalizeStatus(status))
  const end = flowRank(STEP_ENDS[step])

  return !minutes && rank !== undefined && end !== undefined && rank < end
}

/**
 * Outside the flow (fulfilled elsewhere, returned, canceled) a step with no time was never
 * reached and never will be: neither "not yet" nor "0 min".
 */
const neverReached = (status: string, minutes?: number | null) =>
  !minutes && isExceptionStatus(normalizeStatus(status))

// Lines Pick and Pack will never handle: the order was canceled or fulfilled elsewhere.
const LINES_CLOSED = ['CANCELED', 'IDLE']

function Stat({
  label,
  testId,
  children,
}: {
  label: ReactNode
  testId: string
  children: ReactNode
}) {
  return (
    <div className="mr6 mb3" data-testid={testId}>
      <dt className="t-mini c-muted-1">{label}</dt>
      <dd className="ma0 mt1 t-body fw5">{children}</dd>
    </div>
  )
}

/**
 * What v1 tells beyond the status: its own picking status, who picked, how long each step
 * took and how many lines were rejected, replaced or not handled yet. Nothing on the legacy API.
 */
function PickingDetails({ pickAndPack }: { pickAndPack: PickAndPackOrder }) {
  const intl = useIntl()
  const text = useOrderText()
  const { pickingStatus, timings, pickers } = pickAndPack
  const isV1 = pickAndPack.source === 'V1'

  if (!isV1 && !pickingStatus && !timings && pickers.length === 0) return null

  const status = pickAndPack.fulfillmentStatus
  const count = (lines: unknown[]) => intl.formatNumber(lines.length)
  const time = (step: keyof Timings) =>
    neverReached(status, timings?.[step])
      ? '—'
      : notYet(status, step, timings?.[step])
      ? intl.formatMessage({ id: 'admin/pick-and-pack.pnp.time.notYet' })
      : text.duration(timings?.[step])

  return (
    <div className="mt5" data-testid="picking-details">
      <dl className={ROW}>
        <Stat
          label={
            <FormattedMessage id="admin/pick-and-pack.pnp.pickingStatus" />
          }
          testId="picking-status"
        >
          <span title={pickingStatus ?? undefined}>
            {text.pickingStatus(pickingStatus)}
          </span>
        </Stat>
        <Stat
          label={<FormattedMessage id="admin/pick-and-pack.pnp.pickers" />}
          testId="pickers"
        >
          {pickers.length ? pickers.join(', ') : '—'}
        </Stat>
      </dl>
      <dl className={ROW}>
        <Stat
          label={<FormattedMessage id="admin/pick-and-pack.pnp.time.picking" />}
          testId="time-picking"
        >
          {time('picking')}
        </Stat>
        <Stat
          label={<FormattedMessage id="admin/pick-and-pack.pnp.time.packing" />}
          testId="time-packing"
        >
          {time('packing')}
        </Stat>
        <Stat
          label={
            <FormattedMessage id="admin/pick-and-pack.pnp.time.shipping" />
          }
          testId="time-shipping"
        >
          {time('shipping')}
        </Stat>
      </dl>
      {isV1 && (
        <dl className={ROW}>
          <Stat
            label={
              <FormattedMessage id="admin/pick-and-pack.pnp.lines.rejected" />
            }
            testId="lines-rejected"
          >
            {count(pickAndPack.rejectedItems)}
          </Stat>
          <Stat
            label={
              <FormattedMessage id="admin/pick-and-pack.pnp.lines.replaced" />
            }
            testId="lines-replaced"
          >
            {count(pickAndPack.replacedItems)}
          </Stat>
          <Stat
            label={
              <FormattedMessage id="admin/pick-and-pack.pnp.lines.unhandled" />
            }
            testId="lines-unhandled"
          >
            {LINES_CLOSED.includes(normalizeStatus(status))
              ? '—'
              : count(pickAndPack.unhandledItems)}
          </Stat>
        </dl>
      )}
    </div>
  )
}

export default PickingDetails
