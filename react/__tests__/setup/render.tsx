// Renders a component the way the Admin does: Apollo, react-intl with the real messages
// files, and a runtime whose navigate() the test can inspect.
import React from 'react'
import type { ReactElement } from 'react'
import { render } from '@testing-library/react'
import { MockedProvider } from '@apollo/react-testing'
import type { MockedResponse } from '@apollo/react-testing'
import { InMemoryCache } from 'apollo-cache-inmemory'
import { IntlProvider } from 'react-intl'

import { RuntimeProvider } from '../../../dev/admin/renderRuntime'
import en from '../../../messages/en.json'
import pt from '../../../messages/pt.json'
import es from '../../../messages/es.json'

export const MESSAGES: Record<string, Record<string, string>> = { en, pt, es }

interface Options {
  mocks?: readonly MockedResponse[]
  locale?: 'en' | 'pt' | 'es'
  navigate?: jest.Mock
  params?: Record<string, string>
}

export function renderPage(ui: ReactElement, options: Options = {}) {
  const {
    mocks = [],
    locale = 'en',
    navigate = jest.fn(),
    params = {},
  } = options

  // No normalisation: like VTEX's cache, objects are keyed by cacheId only, so an item
  // `id` shared by an OMS item and a picked item never merges the two.
  const cache = new InMemoryCache({
    addTypename: false,
    dataIdFromObject: () => null,
  })

  const utils = render(
    <MockedProvider mocks={mocks} addTypename={false} cache={cache}>
      <IntlProvider
        locale={locale}
        messages={MESSAGES[locale]}
        onError={failOnIntlError}
      >
        <RuntimeProvider
          value={{ navigate, route: { params }, culture: { locale } }}
        >
          {ui}
        </RuntimeProvider>
      </IntlProvider>
    </MockedProvider>
  )

  return { ...utils, navigate }
}

// A missing message id is a test failure, not a console line.
function failOnIntlError(error: string) {
  throw new Error(error)
}
