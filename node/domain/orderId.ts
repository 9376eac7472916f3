import { AppError } from './errors'

/** Pick and Pack and OMS order ids: letters, digits, `-` and `_`, at most 64. */
export const ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export const isValidOrderId = (value: unknown): value is string =>
  typeof value === 'string' && ORDER_ID_PATTERN.test(value)

export function assertOrderId(value: unknown): string {
  if (!isValidOrderId(value)) {
    throw new AppError(
      'BAD_USER_INPUT',
      'The order id must be 1 to 64 letters, digits, "-" or "_" (for example 1253881550433-01).'
    )
  }

  return value
}
