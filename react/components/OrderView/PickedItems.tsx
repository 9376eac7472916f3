import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'

import { Money } from '../Format'
import Heading from '../Heading'
import Thumbnail from '../Thumbnail'
import type { LineSummary } from './lines'
import type { PickedItem } from './types'
import { useOrderText } from './useOrderText'
import { firstNonEmpty } from '../../utils/text'

interface Props {
  items: PickedItem[]
  // When both sides answered: what became of the ordered lines.
  lines?: LineSummary
  currency?: string | null
  // Fulfilled outside Pick and Pack (IDLE): nothing is to be picked here.
  external?: boolean
}

const PARTS = [
  ['picked', 'admin/pick-and-pack.picked.part.picked'],
  ['short', 'admin/pick-and-pack.picked.part.short'],
  ['substituted', 'admin/pick-and-pack.picked.part.substituted'],
  ['missing', 'admin/pick-and-pack.picked.part.missing'],
] as const

/**
 * "2 of 2 lines handled: 1 picked, 1 substituted"; a canceled order, or one fulfilled outside
 * Pick and Pack, says so instead.
 */
function LinesCount({
  lines,
  external,
}: {
  lines: LineSummary
  external: boolean
}) {
  const intl = useIntl()

  if (lines.canceled || external) {
    return (
      <FormattedMessage
        id={
          lines.canceled
            ? 'admin/pick-and-pack.picked.linesCanceled'
            : 'admin/pick-and-pack.picked.linesExternal'
        }
        values={{ total: lines.total }}
      />
    )
  }

  const parts = PARTS.filter(([key]) => lines[key] > 0)
    .map(([key, id]) => intl.formatMessage({ id }, { count: lines[key] }))
    .join(', ')

  return parts ? (
    <FormattedMessage
      id="admin/pick-and-pack.picked.linesHandled"
      values={{ handled: lines.handled, total: lines.total, parts }}
    />
  ) : (
    <FormattedMessage
      id="admin/pick-and-pack.picked.linesNoneHandled"
      values={{ total: lines.total }}
    />
  )
}

const IMAGE_SIZE = 48

function PickedItems({ items, lines, currency, external = false }: Props) {
  const { quantity } = useOrderText()

  return (
    <div data-testid="picked-items">
      <Heading level={3}>
        {lines && lines.total > 0 ? (
          <LinesCount lines={lines} external={external} />
        ) : (
          <FormattedMessage
            id="admin/pick-and-pack.picked.count"
            values={{ count: items.length }}
          />
        )}
      </Heading>
      {items.length === 0 ? (
        <p className="t-body c-muted-1" data-testid="picked-empty">
          <FormattedMessage
            id={
              external
                ? 'admin/pick-and-pack.picked.emptyExternal'
                : 'admin/pick-and-pack.picked.empty'
            }
          />
        </p>
      ) : (
        <ul className="list ma0 pa0">
          {items.map((item, i) => (
            <li
              key={`${firstNonEmpty(item.id, item.refId, item.ean) ?? ''}-${i}`}
              className="flex items-center pv3 bb b--muted-4"
            >
              <div className="flex-none mr4">
                <Thumbnail
                  src={item.image}
                  alt={item.name ?? ''}
                  size={IMAGE_SIZE}
                  testId="picked-image"
                />
              </div>
              <div className="flex-auto">
                <div className="t-body fw5">
                  {firstNonEmpty(item.name) ?? '—'}
                </div>
                <div className="t-small c-muted-1 mt1">
                  <FormattedMessage
                    id="admin/pick-and-pack.picked.codes"
                    values={{
                      ean: firstNonEmpty(item.ean) ?? '—',
                      refId: firstNonEmpty(item.refId) ?? '—',
                    }}
                  />
                </div>
              </div>
              <div className="flex-none tr t-body ml3 nowrap">
                <span className="c-muted-1">
                  {quantity(
                    item.quantity ?? 0,
                    item.weighable,
                    item.unitOfMeasure
                  )}
                  {' × '}
                </span>
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
