import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Tag } from 'vtex.styleguide'

import { own } from '../../utils/own'
import type { ItemReconciliation } from './types'

const BADGES: Record<
  string,
  {
    id: string
    type?: 'success' | 'warning' | 'error'
    bgColor?: string
    color?: string
  }
> = {
  COMPLETE: {
    id: 'admin/pick-and-pack.reconciliation.COMPLETE',
    type: 'success',
  },
  SHORT: { id: 'admin/pick-and-pack.reconciliation.SHORT', type: 'warning' },
  MISSING: { id: 'admin/pick-and-pack.reconciliation.MISSING', type: 'error' },
  // Picked but never ordered: not a loss, but someone should look.
  EXTRA: {
    id: 'admin/pick-and-pack.reconciliation.EXTRA',
    bgColor: '#368df7',
    color: '#ffffff',
  },
}

interface Props {
  items: ItemReconciliation[]
  // Both halves answered: otherwise an empty list says nothing about the order.
  available: boolean
}

function Reconciliation({ items, available }: Props) {
  const intl = useIntl()

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

  return (
    <table className="w-100 t-body" style={{ borderCollapse: 'collapse' }}>
      <thead>
        <tr className="c-muted-1 t-small tl">
          <th className="pv3 fw5">
            <FormattedMessage id="admin/pick-and-pack.reconciliation.item" />
          </th>
          <th className="pv3 fw5 tr">
            <FormattedMessage id="admin/pick-and-pack.reconciliation.ordered" />
          </th>
          <th className="pv3 fw5 tr">
            <FormattedMessage id="admin/pick-and-pack.reconciliation.picked" />
          </th>
          <th className="pv3 fw5 tr">
            <FormattedMessage id="admin/pick-and-pack.reconciliation.state" />
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, i) => {
          const badge = own(BADGES, item.state)

          return (
            <tr
              key={`${item.refId || item.ean || item.id || ''}-${i}`}
              className="bt b--muted-4"
              data-testid="reconciliation-row"
              data-state={item.state}
            >
              <td className="pv3">
                {item.name || item.refId || item.ean || item.id || '—'}
                {item.refId && item.name && (
                  // The space keeps name and reference apart for screen readers.
                  <span className="t-small c-muted-1 ml2"> {item.refId}</span>
                )}
              </td>
              <td className="pv3 tr">
                {intl.formatNumber(item.orderedQuantity)}
              </td>
              <td className="pv3 tr">
                {intl.formatNumber(item.pickedQuantity)}
              </td>
              <td className="pv3 tr">
                {badge ? (
                  <Tag
                    size="small"
                    type={badge.type}
                    bgColor={badge.bgColor}
                    color={badge.color}
                  >
                    {intl.formatMessage({ id: badge.id })}
                  </Tag>
                ) : (
                  <Tag size="small">{item.state}</Tag>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

export default Reconciliation
