import { AppError } from '../domain/errors'
import {
  ORDER_ID_PATTERN,
  assertOrderId,
  isValidOrderId,
} from '../domain/orderId'

describe('orderId', () => {
  it.each([
    '1253881550433-01',
    'XDE-1253881550433-01',
    'a',
    'A_b-9',
    'x'.repeat(64),
  ])('accepts %s', (id) => {
    expect(isValidOrderId(id)).toBe(true)
    expect(assertOrderId(id)).toBe(id)
  })

  it.each([
    ['empty', ''],
    ['65 characters', 'x'.repeat(65)],
    ['path traversal', '../x'],
    ['a space', 'a b'],
    ['unicode', 'pedido-ñ'],
    ['an encoded slash', 'a%2Fb'],
    ['a slash', 'a/b'],
    ['a trailing newline', 'abc\n'],
    ['a query', 'abc?x=1'],
  ])('refuses %s', (_, id) => {
    expect(isValidOrderId(id)).toBe(false)
    expect(() => assertOrderId(id)).toThrow(AppError)
  })

  it.each([undefined, null, 12, {}, ['1']])(
    'refuses non-strings (%p)',
    (id) => {
      expect(isValidOrderId(id)).toBe(false)
    }
  )

  it('throws BAD_USER_INPUT with an example of a valid id', () => {
    let caught: unknown

    try {
      assertOrderId('../etc')
    } catch (error) {
      caught = error
    }

    expect(caught).toBeInstanceOf(AppError)
    expect((caught as AppError).code).toBe('BAD_USER_INPUT')
    expect((caught as AppError).extensions).toEqual({ code: 'BAD_USER_INPUT' })
    expect((caught as AppError).message).toContain('1253881550433-01')
    expect((caught as AppError).message).not.toContain('../etc')
  })

  it('anchors the pattern', () => {
    expect(ORDER_ID_PATTERN.test('ok-1')).toBe(true)
    expect(ORDER_ID_PATTERN.test('ok-1 ')).toBe(false)
    expect(ORDER_ID_PATTERN.test(' ok-1')).toBe(false)
  })
})
