import { describeHttpFailure } from '../domain/upstreamErrors'

/**
 * The part of VBase the app uses: JSON files read with their ETag, written with or without
 * `If-Match`, and listed by prefix. `@vtex/api`'s VBase client, on VTEX IO and in the sandbox
 * (where it reaches the store stand-in).
 */
export interface JsonStore {
  getRawJSON<T>(
    bucket: string,
    path: string,
    nullIfNotFound?: boolean
  ): Promise<{ data: T | null; headers?: Record<string, unknown> }>
  getJSON<T>(bucket: string, path: string, nullIfNotFound?: boolean): Promise<T>
  saveJSON<T>(
    bucket: string,
    path: string,
    data: T,
    tracingConfig?: undefined,
    ifMatch?: string
  ): Promise<unknown>
  listFiles(
    bucket: string,
    opts?: { prefix?: string; next?: string; limit?: number }
  ): Promise<{ data?: Array<{ path: string }> | null; next?: string | null }>
  deleteFile(bucket: string, path: string): Promise<unknown>
}

/** Thrown when the store failed; the webhook answers 503 so that the sender retries. */
export class StorageError extends Error {
  constructor(message = 'Storage failed') {
    super(message)
    this.name = 'StorageError'
  }
}

/** A write refused because the file changed since it was read (VBase answers 412). */
export const isConflict = (error: unknown) => {
  const { status } = describeHttpFailure(error)

  return status === 409 || status === 412
}

export const etagOf = (headers: Record<string, unknown> | undefined) => {
  const etag = headers?.etag ?? headers?.ETag

  return typeof etag === 'string' && etag ? etag : undefined
}
