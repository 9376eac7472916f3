/** A Date for an ISO string, or null when it does not parse (shown raw instead). */
export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null
  const date = new Date(value)

  return Number.isNaN(date.getTime()) ? null : date
}

export type Elapsed =
  | { unit: 'underMinute' }
  | { unit: 'minutes' | 'hours' | 'days'; value: number }

/**
 * How long ago `from` was, in the coarse unit a board reads at a glance: minutes under an
 * hour, whole hours under two days, then whole days. A date in the future counts as now.
 */
export function elapsedSince(from: Date, now: number): Elapsed {
  const minutes = Math.floor(Math.max(0, now - from.getTime()) / 60_000)

  if (minutes < 1) return { unit: 'underMinute' }
  if (minutes < 60) return { unit: 'minutes', value: minutes }
  const hours = Math.floor(minutes / 60)

  if (hours < 48) return { unit: 'hours', value: hours }

  return { unit: 'days', value: Math.floor(hours / 24) }
}
