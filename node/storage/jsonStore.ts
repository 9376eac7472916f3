/**
 * The part of VBase the app uses: JSON files read with their ETag and written with `If-Match`.
 * `@vtex/api`'s VBase on VTEX IO; a file store with the same semantics in the sandbox.
 */
export interface JsonStore {
  getRawJSON<T>(
    bucket: string,
    path: string,
    nullIfNotFound?: boolean
  ): Promise<{ data: T | null; headers: Record<string, unknown> }>
  saveJSON<T>(
    bucket: string,
    path: string,
    data: T,
    tracingConfig?: undefined,
    ifMatch?: string
  ): Promise<unknown>
}

/** Thrown when the store failed; the webhook answers 503 so that the sender retries. */
export class StorageError extends Error {
  constructor(message = 'Storage failed') {
    super(message)
    this.name = 'StorageError'
  }
}

/** A write refused because the file changed since it was read. */
export const isConflict = (error: unknown) => {
  const status = (error as { response?: { status?: number } } | null)?.response
    ?.status

  return status === 409 || status === 412
}

export const etagOf = (headers: Record<string, unknown>) => {
  const etag = headers.etag ?? headers.ETag

  return typeof etag === 'string' && etag ? etag : undefined
}
