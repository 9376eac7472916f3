/**
 * The first value with text in it. The APIs send '' as well as null for a field they do not
 * have, and the page treats both as absent: it shows the next value, or its placeholder.
 */
export function firstNonEmpty(
  ...values: Array<string | null | undefined>
): string | undefined {
  return values.find(
    (value): value is string =>
      value !== null && value !== undefined && value !== ''
  )
}
