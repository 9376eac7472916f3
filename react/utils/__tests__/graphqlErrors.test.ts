import {
  NETWORK_ERROR,
  UNKNOWN_ERROR,
  errorCodeAt,
  rootErrorCode,
} from '../graphqlErrors'

const at = (path: string[], code?: string) => ({
  message: 'x',
  path,
  extensions: code ? { code } : {},
})

describe('errorCodeAt', () => {
  it('maps each error to its panel by path', () => {
    const error = {
      graphQLErrors: [
        at(['orderFulfillment', 'pickAndPack'], 'PNP_UNAVAILABLE'),
        at(['orderFulfillment', 'oms'], 'OMS_ORDER_NOT_FOUND'),
      ],
    }

    expect(errorCodeAt(error, ['orderFulfillment', 'pickAndPack'])).toBe(
      'PNP_UNAVAILABLE'
    )
    expect(errorCodeAt(error, ['orderFulfillment', 'oms'])).toBe(
      'OMS_ORDER_NOT_FOUND'
    )
  })

  it('leaves a panel alone when only the other failed', () => {
    const error = {
      graphQLErrors: [at(['orderFulfillment', 'oms'], 'OMS_UNAVAILABLE')],
    }

    expect(
      errorCodeAt(error, ['orderFulfillment', 'pickAndPack'])
    ).toBeUndefined()
  })

  it('counts errors below the panel path as the panel', () => {
    const error = {
      graphQLErrors: [
        at(['orderFulfillment', 'pickAndPack', 'shipping'], 'PNP_UNAVAILABLE'),
      ],
    }

    expect(errorCodeAt(error, ['orderFulfillment', 'pickAndPack'])).toBe(
      'PNP_UNAVAILABLE'
    )
  })

  it('applies a root error to every panel', () => {
    const error = {
      graphQLErrors: [at(['orderFulfillment'], 'BAD_USER_INPUT')],
    }

    expect(errorCodeAt(error, ['orderFulfillment', 'oms'])).toBe(
      'BAD_USER_INPUT'
    )
  })

  it('reports a network failure and an error without a code', () => {
    expect(
      errorCodeAt({ graphQLErrors: [], networkError: new Error('x') }, [
        'a',
        'b',
      ])
    ).toBe(NETWORK_ERROR)
    expect(errorCodeAt({ graphQLErrors: [at(['a', 'b'])] }, ['a', 'b'])).toBe(
      UNKNOWN_ERROR
    )
    expect(errorCodeAt(undefined, ['a', 'b'])).toBeUndefined()
  })
})

describe('rootErrorCode', () => {
  it('finds the root field error', () => {
    expect(
      rootErrorCode(
        { graphQLErrors: [at(['orderFulfillment'], 'BAD_USER_INPUT')] },
        'orderFulfillment'
      )
    ).toBe('BAD_USER_INPUT')
    expect(
      rootErrorCode(
        {
          graphQLErrors: [
            { message: 'auth', extensions: { code: 'FORBIDDEN' } },
          ],
        },
        'x'
      )
    ).toBe('FORBIDDEN')
    expect(rootErrorCode({ networkError: new Error('down') }, 'x')).toBe(
      NETWORK_ERROR
    )
  })

  it('ignores panel errors', () => {
    expect(
      rootErrorCode(
        { graphQLErrors: [at(['orderFulfillment', 'oms'], 'OMS_UNAVAILABLE')] },
        'orderFulfillment'
      )
    ).toBeUndefined()
  })
})
