import React from 'react'
import { useIntl } from 'react-intl'
import { Layout, PageBlock, PageHeader } from 'vtex.styleguide'

import ConnectionBanner from './components/ConnectionBanner'
import OrderSearch from './components/OrderSearch'
import PageTitle from './components/PageTitle'
import RecentChanges from './components/RecentChanges'

function PickAndPackHome() {
  const intl = useIntl()

  return (
    <Layout
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
      <div className="mb5">
        <ConnectionBanner />
      </div>
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
