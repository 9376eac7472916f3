/** A Date for an ISO string, or null when it does not parse (shown raw instead). */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null
  const date = new Date(value)

  return Number.isNaN(date.getTime()) ? null : date
}
