/** Only http(s) URLs reach an href or src: data from upstream is not trusted. */
export function isSafeHttpUrl(value: string | null | undefined): boolean {
  if (!value) return false

  try {
    const url = new URL(value)

    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
