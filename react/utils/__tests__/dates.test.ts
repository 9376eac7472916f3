import { elapsedSince, parseDate } from '../dates'

const NOW = Date.parse('2026-11-20T12:00:00.000Z')
const ago = (minutes: number) => new Date(NOW - minutes * 60_000)

describe('elapsedSince', () => {
  it.each([
    [0, { unit: 'underMinute' }],
    [0.9, { unit: 'underMinute' }],
    [1, { unit: 'minutes', value: 1 }],
    [59.9, { unit: 'minutes', value: 59 }],
    [60, { unit: 'hours', value: 1 }],
    [145, { unit: 'hours', value: 2 }],
    [47 * 60 + 59, { unit: 'hours', value: 47 }],
    [48 * 60, { unit: 'days', value: 2 }],
    [10 * 24 * 60 + 300, { unit: 'days', value: 10 }],
  ])('%s minutes ago is %j', (minutes, expected) => {
    expect(elapsedSince(ago(minutes), NOW)).toEqual(expected)
  })

  it('a date in the future counts as now', () => {
    expect(elapsedSince(ago(-30), NOW)).toEqual({ unit: 'underMinute' })
  })
})

describe('parseDate', () => {
  it('parses ISO dates and refuses the rest', () => {
    expect(parseDate('2026-11-20T12:00:00.000Z')?.getTime()).toBe(NOW)
    expect(parseDate('not a date')).toBeNull()
    expect(parseDate(null)).toBeNull()
  })
})
