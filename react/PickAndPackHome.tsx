import React from 'react'
import { useIntl } from 'react-intl'
import { Layout, PageBlock, PageHeader } from 'vtex.styleguide'

import Board from './components/Board'
import ConnectionBanner from './components/ConnectionBanner'
import Maintenance from './components/Maintenance'
import OrderSearch from './components/OrderSearch'
import PageTitle from './components/PageTitle'
import RecentChanges from './components/RecentChanges'

function PickAndPackHome() {
  const intl = useIntl()

  return (
    // Full width: the board's table has seven columns.
    <Layout
      fullWidth
      pageHeader={
        <PageHeader
          title={
            <PageTitle>
              {intl.formatMessage({ id: 'admin/pick-and-pack.home.title' })}
            </PageTitle>
          }
          subtitle={intl.formatMessage({
            id: 'admin/pick-and-pack.home.subtitle',
          })}
        />
      }
    >
      <div className="mb5" data-testid="connection-banner">
        <ConnectionBanner />
      </div>
      <PageBlock testId="board-block">
        <Board />
      </PageBlock>
      <PageBlock testId="maintenance-block">
        <Maintenance />
      </PageBlock>
      <PageBlock
        title={intl.formatMessage({ id: 'admin/pick-and-pack.search.title' })}
      >
        <OrderSearch />
      </PageBlock>
      <PageBlock
        title={intl.formatMessage({ id: 'admin/pick-and-pack.recent.title' })}
        subtitle={intl.formatMessage({
          id: 'admin/pick-and-pack.recent.subtitle',
        })}
      >
        <RecentChanges />
      </PageBlock>
    </Layout>
  )
}

export default PickAndPackHome
