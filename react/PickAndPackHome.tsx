import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Layout, PageBlock, PageHeader } from 'vtex.styleguide'

import Board from './components/Board'
import ConnectionBanner from './components/ConnectionBanner'
import Heading from './components/Heading'
import Maintenance from './components/Maintenance'
import OrderSearch from './components/OrderSearch'
import PageTitle from './components/PageTitle'
import RecentChanges from './components/RecentChanges'
import WebhookHealth from './components/WebhookHealth'

/**
 * The home page: one h1 (the page title), then one section per block, each titled by an h2
 * in the same type scale (components/Heading).
 */
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
          subtitle={
            // The header's grey (muted-1) on the page's grey falls short of 4.5:1.
            <span className="c-on-base">
              {intl.formatMessage({ id: 'admin/pick-and-pack.home.subtitle' })}
            </span>
          }
        />
      }
    >
      <div className="mb5" data-testid="connection-banner">
        <ConnectionBanner />
      </div>
      <PageBlock testId="webhook-block">
        <WebhookHealth />
      </PageBlock>
      <PageBlock testId="board-block">
        <Board />
      </PageBlock>
      <PageBlock testId="maintenance-block">
        <Maintenance />
      </PageBlock>
      <PageBlock testId="search-block">
        <section aria-labelledby="pnp-search-title">
          <Heading level={2} id="pnp-search-title" spacing="mt0 mb4">
            <FormattedMessage id="admin/pick-and-pack.search.title" />
          </Heading>
          <OrderSearch />
        </section>
      </PageBlock>
      <PageBlock testId="recent-block">
        <RecentChanges />
      </PageBlock>
    </Layout>
  )
}

export default PickAndPackHome
