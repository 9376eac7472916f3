import { backfillErrorMessage } from '../labels'

const id = (code: string) =>
  `admin/pick-and-pack.maintenance.backfill.error.${code}`

describe('backfillErrorMessage', () => {
  it.each([
    ['NOT_CONFIGURED', { id: id('NOT_CONFIGURED') }],
    ['PNP_UNAUTHORIZED', { id: id('PNP_UNAUTHORIZED') }],
    ['OMS_UNAVAILABLE', { id: id('OMS_UNAVAILABLE') }],
    ['LOOKUPS_FAILED', { id: id('LOOKUPS_FAILED') }],
    ['unreadable', { id: id('unreadable') }],
    // Only a refusal points at the List orders permission.
    ['http:401', { id: id('http'), values: { status: '401' } }],
    ['http:403', { id: id('http'), values: { status: '403' } }],
    // Any other status is the OMS being unavailable: resume in a moment.
    ['http:429', { id: id('httpUnavailable'), values: { status: '429' } }],
    [' HTTP:500 ', { id: id('httpUnavailable'), values: { status: '500' } }],
    ['http:503', { id: id('httpUnavailable'), values: { status: '503' } }],
    ['http:404', { id: id('httpUnavailable'), values: { status: '404' } }],
    // The shared words read right for the backfill too.
    [
      'PNP_UNAVAILABLE',
      { id: 'admin/pick-and-pack.error.PNP_UNAVAILABLE.description' },
    ],
    [
      'STORE_UNAVAILABLE',
      { id: 'admin/pick-and-pack.error.STORE_UNAVAILABLE.description' },
    ],
    // Known codes whose shared words speak of one order or of the Admin user.
    ['UNKNOWN_ERROR', { id: id('other'), values: { code: 'UNKNOWN_ERROR' } }],
    ['FORBIDDEN', { id: id('other'), values: { code: 'FORBIDDEN' } }],
  ])('%p', (code, message) => {
    expect(backfillErrorMessage(code)).toEqual(message)
  })

  it.each([
    null,
    undefined,
    '',
    'SWEEP_FAILED',
    'http:',
    'http:5000',
    'toString',
  ])('%p is not a code this page knows', (code) => {
    expect(backfillErrorMessage(code)).toBeUndefined()
  })
})
