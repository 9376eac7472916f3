import React from 'react'
import { FormattedMessage } from 'react-intl'
import { Button } from 'vtex.styleguide'

import Heading from '../Heading'
import { SETTINGS_PATH } from '../../utils/orderRoutes'

export type EmptyKind = 'noOrders' | 'late' | 'drift' | 'filtered' | 'page'

const MESSAGES: Record<EmptyKind, { title: string; description: string }> = {
  noOrders: {
    title: 'admin/pick-and-pack.board.empty.noOrders.title',
    description: 'admin/pick-and-pack.board.empty.noOrders.description',
  },
  late: {
    title: 'admin/pick-and-pack.board.empty.late.title',
    description: 'admin/pick-and-pack.board.empty.late.description',
  },
  drift: {
    title: 'admin/pick-and-pack.board.empty.drift.title',
    description: 'admin/pick-and-pack.board.empty.drift.description',
  },
  filtered: {
    title: 'admin/pick-and-pack.board.empty.filtered.title',
    description: 'admin/pick-and-pack.board.empty.filtered.description',
  },
  page: {
    title: 'admin/pick-and-pack.board.empty.page.title',
    description: 'admin/pick-and-pack.board.empty.page.description',
  },
}

interface Props {
  kind: EmptyKind
  onClearFilters: () => void
  onFirstPage: () => void
}

/** An empty table says why, and what to do about it. */
function EmptyOrders({ kind, onClearFilters, onFirstPage }: Props) {
  const messages = MESSAGES[kind]

  return (
    <div className="tc pv7 ph4" data-testid="board-empty" data-empty={kind}>
      <Heading level={3} spacing="mt0 mb3">
        <FormattedMessage id={messages.title} />
      </Heading>
      <p className="t-body c-muted-1 mt0 mb5 lh-copy mw7 center">
        <FormattedMessage id={messages.description} />
      </p>
      {kind === 'noOrders' && (
        // The Admin renders app pages in a frame: settings must open in the top window.
        <a
          href={SETTINGS_PATH}
          target="_top"
          className="c-link link t-body fw5"
        >
          <FormattedMessage id="admin/pick-and-pack.connection.settings" />
        </a>
      )}
      {kind === 'filtered' && (
        <Button variation="secondary" size="small" onClick={onClearFilters}>
          <FormattedMessage id="admin/pick-and-pack.board.clearFilters" />
        </Button>
      )}
      {kind === 'page' && (
        <Button variation="secondary" size="small" onClick={onFirstPage}>
          <FormattedMessage id="admin/pick-and-pack.board.pagination.first" />
        </Button>
      )}
    </div>
  )
}

export default EmptyOrders
