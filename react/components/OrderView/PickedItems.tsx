import React from 'react'
import { FormattedMessage } from 'react-intl'

import { Money } from '../Format'
import { isSafeHttpUrl } from '../../utils/urls'
import type { PickedItem } from './types'

interface Props {
  items: PickedItem[]
  lines?: { picked: number; ordered: number }
  currency?: string | null
}

const IMAGE_SIZE = 48

function PickedItems({ items, lines, currency }: Props) {
  return (
    <div data-testid="picked-items">
      <h4 className="t-heading-6 mt5 mb3">
        {lines ? (
          <FormattedMessage
            id="admin/pick-and-pack.picked.countOfLines"
            values={{ count: lines.picked, total: lines.ordered }}
          />
        ) : (
          <FormattedMessage
            id="admin/pick-and-pack.picked.count"
            values={{ count: items.length }}
          />
        )}
      </h4>
      {items.length === 0 ? (
        <p className="t-body c-muted-1">
          <FormattedMessage id="admin/pick-and-pack.picked.empty" />
        </p>
      ) : (
        <ul className="list ma0 pa0">
          {items.map((item, i) => (
            <li
              key={`${item.id || item.refId || item.ean || ''}-${i}`}
              className="flex items-center pv3 bb b--muted-4"
            >
              <div
                className="flex-none mr4"
                style={{ width: IMAGE_SIZE, height: IMAGE_SIZE }}
              >
                {isSafeHttpUrl(item.image) ? (
                  <img
                    src={item.image as string}
                    alt={item.name || ''}
                    width={IMAGE_SIZE}
                    height={IMAGE_SIZE}
                    className="br2"
                    style={{ objectFit: 'cover' }}
                  />
                ) : (
                  <div
                    className="bg-muted-5 br2 w-100 h-100"
                    aria-hidden="true"
                  />
                )}
              </div>
              <div className="flex-auto">
                <div className="t-body fw5">{item.name || '—'}</div>
                <div className="t-small c-muted-1 mt1">
                  <FormattedMessage
                    id="admin/pick-and-pack.picked.codes"
                    values={{ ean: item.ean || '—', refId: item.refId || '—' }}
                  />
                </div>
              </div>
              <div className="flex-none tr t-body">
                <span className="c-muted-1">{item.quantity ?? 0} × </span>
                <Money value={item.sellingPrice} currency={currency} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export default PickedItems
