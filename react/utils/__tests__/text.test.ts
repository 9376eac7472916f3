import { firstNonEmpty } from '../text'

describe('firstNonEmpty', () => {
  it('skips null, undefined and the empty string', () => {
    expect(firstNonEmpty(null, undefined, '', 'REF-1', 'ID-1')).toBe('REF-1')
  })

  it('keeps text that is only spaces, as the page always has', () => {
    expect(firstNonEmpty(' ', 'REF-1')).toBe(' ')
  })

  it('is undefined when no value has text', () => {
    expect(firstNonEmpty('', null)).toBeUndefined()
    expect(firstNonEmpty()).toBeUndefined()
  })
})
