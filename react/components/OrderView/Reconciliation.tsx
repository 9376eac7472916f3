import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Tag } from 'vtex.styleguide'

import { own } from '../../utils/own'
import { firstNonEmpty } from '../../utils/text'
import type { TagTone } from '../../utils/tagColors'
import { TAG_COLORS } from '../../utils/tagColors'
import type { ItemReconciliation } from './types'
import { useOrderText } from './useOrderText'

const BADGES: Record<string, { id: string; tone: TagTone }> = {
  COMPLETE: {
    id: 'admin/pick-and-pack.reconciliation.COMPLETE',
    tone: 'success',
  },
  SHORT: { id: 'admin/pick-and-pack.reconciliation.SHORT', tone: 'warning' },
  MISSING: { id: 'admin/pick-and-pack.reconciliation.MISSING', tone: 'error' },
  // Picked but never ordered: not a loss, but someone should look.
  EXTRA: { id: 'admin/pick-and-pack.reconciliation.EXTRA', tone: 'info' },
  // Replaced by something else: the customer gets an item, maybe not the one they chose.
  SUBSTITUTED: {
    id: 'admin/pick-and-pack.reconciliation.SUBSTITUTED',
    tone: 'light',
  },
  // Picking is not over: nothing is missing yet.
  PENDING: {
    id: 'admin/pick-and-pack.reconciliation.PENDING',
    tone: 'neutral',
  },
}

interface Props {
  items: ItemReconciliation[]
  // Both halves answered: otherwise an empty list says nothing about the order.
  available: boolean
  // The section title's id: the table is named by it.
  labelledBy?: string
  // A canceled order: its lines are canceled, not missing.
  canceled?: boolean
  // Fulfilled outside Pick and Pack (IDLE): its lines were not to be picked there either.
  external?: boolean
}

function Reconciliation({
  items,
  available,
  labelledBy,
  canceled = false,
  external = false,
}: Props) {
  const { quantity } = useOrderText()
  // Every line takes the order's state: none of them is missing.
  const orderState = canceled ? 'CANCELED' : external ? 'EXTERNAL' : null

  if (!available) {
    return (
      <p className="t-body c-muted-1" data-testid="reconciliation-unavailable">
        <FormattedMessage id="admin/pick-and-pack.reconciliation.unavailable" />
      </p>
    )
  }

  if (items.length === 0) {
    return (
      <p className="t-body c-muted-1">
        <FormattedMessage id="admin/pick-and-pack.reconciliation.empty" />
      </p>
    )
  }

  // The numeric columns are right-aligned: without a left padding, on a phone their headings
  // touch ("PedidoPreparado").
  return (
    <table
      className="w-100 t-body"
      style={{ borderCollapse: 'collapse' }}
      aria-labelledby={labelledBy}
    >
      <thead>
        <tr className="c-muted-1 t-small tl">
          <th scope="col" className="pv3 fw5">
            <FormattedMessage id="admin/pick-and-pack.reconciliation.item" />
          </th>
          <th scope="col" className="pv3 pl3 fw5 tr">
            <FormattedMessage id="admin/pick-and-pack.reconciliation.ordered" />
          </th>
          <th scope="col" className="pv3 pl3 fw5 tr">
            <FormattedMessage id="admin/pick-and-pack.reconciliation.picked" />
          </th>
          <th scope="col" className="pv3 pl3 fw5 tr">
            <FormattedMessage id="admin/pick-and-pack.reconciliation.state" />
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => (
          <tr
            key={`${firstNonEmpty(item.refId, item.ean, item.id) ?? ''}-${i}`}
            className="bt b--muted-4 v-top"
            data-testid="reconciliation-row"
            data-state={orderState ?? item.state}
          >
            <td className="pv3">
              {firstNonEmpty(item.name, item.refId, item.ean, item.id) ?? '—'}
              {item.refId && item.name && (
                // The space keeps name and reference apart for screen readers.
                <span className="t-small c-muted-1 ml2"> {item.refId}</span>
              )}
            </td>
            <td className="pv3 pl3 tr nowrap" data-testid="ordered">
              {quantity(
                item.orderedQuantity,
                item.weighable,
                item.unitOfMeasure
              )}
            </td>
            <td className="pv3 pl3 tr nowrap" data-testid="picked">
              {quantity(
                item.pickedQuantity,
                item.weighable,
                item.unitOfMeasure
              )}
            </td>
            <td className="pv3 pl3 tr">
              {orderState ? (
                <Tag size="small">
                  <FormattedMessage
                    id={
                      orderState === 'CANCELED'
                        ? 'admin/pick-and-pack.reconciliation.CANCELED'
                        : 'admin/pick-and-pack.reconciliation.EXTERNAL'
                    }
                  />
                </Tag>
              ) : (
                <LineState item={item} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The state tag, and below it what explains it: reasons, substitutes, picking not over. */
function LineState({ item }: { item: ItemReconciliation }) {
  const intl = useIntl()
  const { reason } = useOrderText()
  const badge = own(BADGES, item.state)
  const reasons = item.reasons || []
  const substitutes = item.substitutes || []

  return (
    <>
      {badge ? (
        <Tag
          size="small"
          bgColor={TAG_COLORS[badge.tone].bgColor}
          color={TAG_COLORS[badge.tone].color}
        >
          {intl.formatMessage({ id: badge.id })}
        </Tag>
      ) : (
        <Tag size="small">{item.state}</Tag>
      )}
      {item.state === 'PENDING' && (
        <div className="t-small c-muted-1 mt2" data-testid="line-pending">
          <FormattedMessage id="admin/pick-and-pack.reconciliation.pendingHint" />
        </div>
      )}
      {substitutes.length > 0 && (
        <div className="t-small c-muted-1 mt2" data-testid="line-substitutes">
          <FormattedMessage
            id="admin/pick-and-pack.reconciliation.replacedBy"
            values={{ names: substitutes.join(', ') }}
          />
        </div>
      )}
      {reasons.length > 0 && (
        <ul
          className="list ma0 pa0 t-small c-muted-1"
          data-testid="line-reasons"
        >
          {reasons.map((text, i) => (
            <li key={i} className="mt2">
              {reason(text)}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

export default Reconciliation
