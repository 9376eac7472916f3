import { AppError } from '../domain/errors'
import {
  describeHttpFailure,
  isTransient,
  omsError,
  pickAndPackError,
} from '../domain/upstreamErrors'

describe('pickAndPackError', () => {
  it.each([
    [{ status: 401 }, 'PNP_UNAUTHORIZED'],
    [{ status: 401, internalCode: 1000 }, 'PNP_UNAUTHORIZED'],
    [{ status: 403 }, 'PNP_UNAUTHORIZED'],
    [{ status: 500, internalCode: 1000 }, 'PNP_UNAUTHORIZED'],
    [{ status: 404 }, 'PNP_ORDER_NOT_FOUND'],
    [{ status: 404, internalCode: 1001 }, 'PNP_ORDER_NOT_FOUND'],
    [{ status: 400, internalCode: 1002 }, 'PNP_ORDER_NOT_FOUND'],
    [{ status: 400 }, 'PNP_ORDER_NOT_FOUND'],
    [{ status: 400, internalCode: 1001 }, 'PNP_ORDER_NOT_FOUND'],
    [{ status: 400, internalCode: 1234 }, 'PNP_UNAVAILABLE'],
    [{ status: 500, internalCode: 1003 }, 'PNP_UNAVAILABLE'],
    [{ status: 502 }, 'PNP_UNAVAILABLE'],
    [{ status: 429 }, 'PNP_UNAVAILABLE'],
    [{ network: true }, 'PNP_UNAVAILABLE'],
    [{}, 'PNP_UNAVAILABLE'],
  ])('maps %p to %s', (failure, code) => {
    const error = pickAndPackError(failure)

    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe(code)
    expect(error.extensions).toEqual({ code })
  })

  it('tells a transient failure from an unexpected status in the message', () => {
    expect(pickAndPackError({ network: true }).message).toMatch(
      /did not answer in time/
    )
    expect(pickAndPackError({ status: 500 }).message).toMatch(
      /did not answer in time or failed/
    )
    expect(pickAndPackError({ status: 418 }).message).toMatch(
      /unexpected status \(418\)/
    )
    expect(pickAndPackError({ status: 401 }).message).toMatch(/Api-Key/)
  })
})

describe('isTransient', () => {
  it.each([
    [{ network: true }, true],
    [{}, true],
    [{ status: 500 }, true],
    [{ status: 503 }, true],
    [{ status: 429 }, true],
    [{ status: 400, internalCode: 1003 }, true],
    [{ status: 401 }, false],
    [{ status: 404 }, false],
    [{ status: 400, internalCode: 1002 }, false],
  ])('%p is transient: %p', (failure, expected) => {
    expect(isTransient(failure)).toBe(expected)
  })
})

describe('omsError', () => {
  it('maps 404 to OMS_ORDER_NOT_FOUND, 401/403 to OMS_UNAUTHORIZED and the rest to OMS_UNAVAILABLE', () => {
    expect(omsError({ status: 404 }).code).toBe('OMS_ORDER_NOT_FOUND')
    expect(omsError({ status: 500 }).code).toBe('OMS_UNAVAILABLE')
    expect(omsError({ network: true }).code).toBe('OMS_UNAVAILABLE')
    expect(omsError({ status: 502 }).message).toMatch(/Try again/)
  })

  it.each([401, 403])(
    'says a refused app (%p) is a permission to accept, not an OMS outage',
    (status) => {
      const error = omsError({ status })

      expect(error.code).toBe('OMS_UNAUTHORIZED')
      expect(error.message).toMatch(/OMS permissions/)
      expect(error.message).toMatch(/Apps › Pick and Pack Tracking/)
      expect(error.message).not.toMatch(/Try again/)
    }
  )
})

describe('describeHttpFailure', () => {
  const axiosError = (response: unknown, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error('Request failed'), {
      response,
      config: {
        headers: { Authorization: 'jwt-secret' },
        data: '{"apiKey":"key-secret"}',
      },
      ...extra,
    })

  it('reads status and internal code only', () => {
    const failure = describeHttpFailure(
      axiosError({
        status: 401,
        data: { message: 'Internal server', code: 1000 },
      })
    )

    expect(failure).toEqual({
      status: 401,
      internalCode: 1000,
      network: undefined,
    })
    expect(JSON.stringify(failure)).not.toMatch(/secret/)
  })

  it('reads a numeric string code and ignores junk', () => {
    expect(
      describeHttpFailure(axiosError({ status: 400, data: { code: '1002' } }))
        .internalCode
    ).toBe(1002)
    expect(
      describeHttpFailure(axiosError({ status: 400, data: { code: '10x' } }))
        .internalCode
    ).toBeUndefined()
    expect(
      describeHttpFailure(axiosError({ status: 500, data: 'oops' }))
        .internalCode
    ).toBeUndefined()
    expect(
      describeHttpFailure(axiosError({ status: 500, data: null })).internalCode
    ).toBeUndefined()
  })

  it('treats a missing response as a network failure', () => {
    expect(
      describeHttpFailure(axiosError(undefined, { code: 'ECONNREFUSED' }))
    ).toEqual({ network: true })
    expect(
      describeHttpFailure(axiosError(undefined, { code: 'ECONNABORTED' }))
    ).toEqual({ network: true })
    expect(describeHttpFailure(axiosError({ status: 'nope' }))).toEqual({
      network: true,
    })
    expect(describeHttpFailure(null)).toEqual({ network: true })
    expect(describeHttpFailure('boom')).toEqual({ network: true })
  })

  it('flags an aborted call that still carries a response', () => {
    expect(
      describeHttpFailure(axiosError({ status: 504 }, { code: 'ECONNABORTED' }))
        .network
    ).toBe(true)
  })
})
