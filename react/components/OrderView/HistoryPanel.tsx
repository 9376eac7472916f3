import React from 'react'
import { FormattedMessage } from 'react-intl'

import ErrorMessage from '../ErrorMessage'
import StaleNotice from '../ErrorMessage/StaleNotice'
import PanelLoading from '../PanelLoading'
import HistoryTimeline from './HistoryTimeline'
import Section from './Section'
import UpdatedAt from '../UpdatedAt'
import type { HistoryEntry } from './types'
import type { PanelQuery } from './usePanelQuery'

interface Props {
  query: PanelQuery<HistoryEntry[]>
  fresh: Set<string>
}

/** The status changes the app recorded: its own request, loading and failure. */
function HistoryPanel({ query, fresh }: Props) {
  const { value, loading, errorCode, refetch, refreshing, updatedAt } = query

  return (
    <Section
      id="history-title"
      title={<FormattedMessage id="admin/pick-and-pack.history.title" />}
      testId="history-section"
      aside={<UpdatedAt at={updatedAt} />}
    >
      {!value && errorCode ? (
        <ErrorMessage
          code={errorCode}
          onRetry={refetch}
          retrying={refreshing}
        />
      ) : !value ? (
        loading && (
          <PanelLoading messageId="admin/pick-and-pack.history.loading" />
        )
      ) : (
        <>
          {errorCode && (
            <StaleNotice
              code={errorCode}
              readAt={updatedAt}
              onRetry={refetch}
              retrying={refreshing}
            />
          )}
          <HistoryTimeline history={value} fresh={fresh} />
        </>
      )}
    </Section>
  )
}

export default HistoryPanel
