import type { CSSProperties } from 'react'
import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'

import { useStatusText } from '../../hooks/useStatusText'
import { PHASE_COLORS, inStatusOrder, phaseOf } from '../../utils/statuses'
import type { StatusCount } from './types'

// A status name wraps to two lines at most; the whole name is in the title.
const TWO_LINES: CSSProperties = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  overflowWrap: 'anywhere',
}

interface Props {
  statuses: readonly StatusCount[]
  // The status the table is filtered by ('' for none).
  selected: string
  onSelect: (status: string) => void
}

/**
 * A tile per status, in flow order, with its count and how many are late. A tile filters the
 * table by its status; pressed again, it clears the filter.
 */
function StatusTiles({ statuses, selected, onSelect }: Props) {
  const intl = useIntl()
  const { label } = useStatusText()
  const ordered = inStatusOrder(statuses, (s) => s.status)

  if (ordered.length === 0) {
    return (
      <p className="t-body c-muted-1 mv4" data-testid="board-tiles-empty">
        <FormattedMessage id="admin/pick-and-pack.board.tiles.empty" />
      </p>
    )
  }

  return (
    <ul
      className="list pa0 mv0 nl2 nr2 flex flex-wrap"
      aria-label={intl.formatMessage({
        id: 'admin/pick-and-pack.board.tiles.label',
      })}
      data-testid="board-tiles"
    >
      {ordered.map(({ status, count, late }) => {
        const pressed = status === selected
        const color = PHASE_COLORS[phaseOf(status)]

        return (
          <li key={status} className="w-50 w-33-m w-20-l pa2 flex">
            <button
              type="button"
              aria-pressed={pressed}
              aria-label={intl.formatMessage(
                { id: 'admin/pick-and-pack.board.tile.label' },
                { status: label(status), count, late }
              )}
              data-testid="board-tile"
              data-status={status}
              onClick={() => onSelect(pressed ? '' : status)}
              className={`w-100 tl pa4 br2 pointer bg-base ${
                pressed ? 'ba bw1 b--action-primary' : 'ba b--muted-4'
              }`}
              // The phase colour as a stripe: the same colour as the status tags.
              style={{ borderLeft: `6px solid ${color.bg}` }}
            >
              <span
                className="db t-small c-muted-1 lh-title"
                // Up to two lines (a long or unknown name breaks anywhere), the rest on hover.
                style={TWO_LINES}
                title={label(status)}
                data-testid="board-tile-label"
              >
                {label(status)}
              </span>
              <span className="db t-heading-3 c-on-base mv2">
                {intl.formatNumber(count)}
              </span>
              <span
                className={`db t-small ${
                  late > 0 ? 'c-danger fw5' : 'c-muted-2'
                }`}
              >
                <FormattedMessage
                  id="admin/pick-and-pack.board.tile.late"
                  values={{ count: late, formatted: intl.formatNumber(late) }}
                />
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}

export default StatusTiles
