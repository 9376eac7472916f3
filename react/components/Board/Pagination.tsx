import type { ReactNode } from 'react'
import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'

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

const BUTTON =
  'vtex-button bw1 ba fw5 v-mid relative pa0 lh-solid br2 min-h-small t-action--small'

const ENABLED =
  'bg-action-secondary b--action-secondary c-on-action-secondary hover-bg-action-secondary hover-b--action-secondary hover-c-on-action-secondary pointer'

const INACTIVE = 'bg-disabled b--muted-5 c-on-disabled'

/**
 * The Styleguide's small secondary Button, made inactive with aria-disabled: a `disabled`
 * button drops the keyboard focus to the page the moment it is pressed (the next page starts
 * loading) or runs out of pages, and the Styleguide's Button passes no aria-disabled.
 */
function PageButton({
  inactive,
  onClick,
  children,
}: {
  inactive: boolean
  onClick: () => void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      aria-disabled={inactive}
      className={`${BUTTON} ${inactive ? INACTIVE : ENABLED}`}
      onClick={() => {
        if (!inactive) onClick()
      }}
    >
      <span
        className="vtex-button__label flex items-center justify-center h-100 ph5"
        style={{ paddingTop: '.25em', paddingBottom: '.32em' }}
      >
        {children}
      </span>
    </button>
  )
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
        <PageButton inactive={!hasPrevious || busy} onClick={onPrevious}>
          <FormattedMessage id="admin/pick-and-pack.board.pagination.previous" />
        </PageButton>
      </div>
      <PageButton inactive={!hasNext || busy} onClick={onNext}>
        <FormattedMessage id="admin/pick-and-pack.board.pagination.next" />
      </PageButton>
    </nav>
  )
}

export default Pagination
