/* eslint-disable @typescript-eslint/triple-slash-reference, spaced-comment */
/// <reference path="../../react/typings/vtex.styleguide.d.ts" />
/// <reference path="../../react/typings/vtex.render-runtime.d.ts" />
/// <reference path="../../react/typings/graphql.d.ts" />
/* eslint-enable @typescript-eslint/triple-slash-reference, spaced-comment */
// Browser entry of the local admin page: what VTEX Admin provides around the app (Apollo,
// react-intl, the runtime and its router) rebuilt with plain libraries.
import 'vtex-tachyons/tachyons.css'
import './sandbox.global.css'
import React from 'react'
import ReactDOM from 'react-dom'
import { ApolloClient } from 'apollo-client'
import { InMemoryCache } from 'apollo-cache-inmemory'
import { HttpLink } from 'apollo-link-http'
import { ApolloProvider } from 'react-apollo'
import { IntlProvider } from 'react-intl'

import PickAndPackHome from '../../react/PickAndPackHome'
import PickAndPackOrder from '../../react/PickAndPackOrder'
import en from '../../messages/en.json'
import pt from '../../messages/pt.json'
import es from '../../messages/es.json'
import { BrowserRuntime } from './renderRuntime'
import type { RouteDefinition } from './renderRuntime'

const MESSAGES: Record<string, Record<string, string>> = { en, pt, es }

export function localeFromSearch(search: string): 'en' | 'pt' | 'es' {
  const locale = new URLSearchParams(search).get('locale')

  return locale === 'pt' || locale === 'es' ? locale : 'en'
}

// Same ids as admin/routes.json.
const ROUTES: RouteDefinition[] = [
  {
    id: 'admin.app.pick-and-pack',
    path: '/admin/app/pick-and-pack',
    component: PickAndPackHome,
  },
  {
    id: 'admin.app.pick-and-pack-order',
    path: '/admin/app/pick-and-pack/orders/:orderId',
    component: PickAndPackOrder,
  },
]

function NotFound() {
  return (
    <div className="pa7 t-body">
      <a className="c-link" href="/admin/app/pick-and-pack">
        /admin/app/pick-and-pack
      </a>
    </div>
  )
}

const client = new ApolloClient({
  link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
  // Like VTEX's runtime cache: no normalisation by `id` (a SKU id is not unique across orders).
  cache: new InMemoryCache({ dataIdFromObject: () => null }),
})

const locale = localeFromSearch(window.location.search)

document.documentElement.lang = locale

// React 16: createRoot does not exist yet.
// eslint-disable-next-line react/no-deprecated
ReactDOM.render(
  <ApolloProvider client={client}>
    <IntlProvider
      locale={locale}
      messages={MESSAGES[locale]}
      defaultLocale="en"
    >
      <BrowserRuntime routes={ROUTES} locale={locale} notFound={<NotFound />} />
    </IntlProvider>
  </ApolloProvider>,
  document.getElementById('root')
)
