import type { DocumentNode } from 'graphql'

/**
 * The part of Apollo's cache a mutation's `update` uses, typed here: the React builder compiles
 * react/ alone, where react-apollo's own cache types do not resolve.
 */
export interface CacheProxy {
  readQuery(options: {
    query: DocumentNode
    variables?: Record<string, unknown>
  }): unknown
  writeQuery(options: {
    query: DocumentNode
    variables?: Record<string, unknown>
    data: unknown
  }): void
}
