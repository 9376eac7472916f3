import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from 'vtex.styleguide'

interface Props {
  // 0-based page index and page size: the rows shown are counted from them.
  pageIndex: number
  pageSize: number
  shown: number
  total: number
  hasPrevious: boolean
  hasNext: boolean
  busy: boolean
  onPrevious: () => void
  onNext: () => void
}

/** "51–100 of 1,234" with previous and next: the API pages by cursor, so no page numbers. */
function Pagination({
  pageIndex,
  pageSize,
  shown,
  total,
  hasPrevious,
  hasNext,
  busy,
  onPrevious,
  onNext,
}: Props) {
  const intl = useIntl()
  const from = pageIndex * pageSize + 1

  return (
    <nav
      className="flex items-center justify-end mt4"
      aria-label={intl.formatMessage({
        id: 'admin/pick-and-pack.board.pagination.label',
      })}
    >
      {shown > 0 && (
        <span className="t-small c-muted-1 mr4" data-testid="board-range">
          <FormattedMessage
            id="admin/pick-and-pack.board.pagination.range"
            values={{
              from: intl.formatNumber(from),
              to: intl.formatNumber(from + shown - 1),
              total: intl.formatNumber(Math.max(total, from + shown - 1)),
            }}
          />
        </span>
      )}
      <div className="mr2">
        <Button
          variation="secondary"
          size="small"
          disabled={!hasPrevious || busy}
          onClick={onPrevious}
        >
          <FormattedMessage id="admin/pick-and-pack.board.pagination.previous" />
        </Button>
      </div>
      <Button
        variation="secondary"
        size="small"
        disabled={!hasNext || busy}
        onClick={onNext}
      >
        <FormattedMessage id="admin/pick-and-pack.board.pagination.next" />
      </Button>
    </nav>
  )
}

export default Pagination
