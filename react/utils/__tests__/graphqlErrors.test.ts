import {
  NETWORK_ERROR,
  UNKNOWN_ERROR,
  actionFailure,
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

describe('actionFailure', () => {
  it('is undefined when nothing failed', () => {
    expect(actionFailure(undefined)).toBeUndefined()
    expect(actionFailure(null)).toBeUndefined()
  })

  it('keeps the first error’s code and the server’s own message', () => {
    expect(
      actionFailure({
        graphQLErrors: [
          {
            message: 'The OMS did not answer. Try again in a minute.',
            path: ['retryOmsSync'],
            extensions: { code: 'OMS_UNAVAILABLE' },
          },
          at(['retryOmsSync'], 'STORE_UNAVAILABLE'),
        ],
      })
    ).toEqual({
      code: 'OMS_UNAVAILABLE',
      message: 'The OMS did not answer. Try again in a minute.',
    })
  })

  it('names an error without a code UNKNOWN_ERROR, and drops an empty message', () => {
    expect(
      actionFailure({ graphQLErrors: [{ message: '  ', path: ['x'] }] })
    ).toEqual({ code: UNKNOWN_ERROR })
  })

  it('says NETWORK_ERROR when nothing came back', () => {
    expect(actionFailure({ networkError: new Error('offline') })).toEqual({
      code: NETWORK_ERROR,
    })
  })
})
