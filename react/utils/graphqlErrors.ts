// Turns an Apollo error into one code per panel. The API reports a failed half of an order
// as a GraphQL error whose path ends at that half (["orderFulfillment", "oms"]), so each panel
// fails on its own while the other still renders.

export const NETWORK_ERROR = 'NETWORK_ERROR'
export const UNKNOWN_ERROR = 'UNKNOWN_ERROR'

interface GraphQLErrorLike {
  message?: string
  path?: ReadonlyArray<string | number>
  extensions?: { code?: unknown; [key: string]: unknown }
}

export interface ApolloErrorLike {
  graphQLErrors?: readonly GraphQLErrorLike[]
  networkError?: unknown
}

function codeOf(error: GraphQLErrorLike): string {
  const code = error.extensions?.code

  return typeof code === 'string' && code ? code : UNKNOWN_ERROR
}

function samePrefix(path: ReadonlyArray<string | number>, prefix: string[]) {
  return prefix.every((part, i) => path[i] === part)
}

/**
 * The code of the error at `path` (or below it), else of an error on the root field,
 * else NETWORK_ERROR when nothing came back at all. Undefined when `path` is fine.
 */
export function errorCodeAt(
  error: ApolloErrorLike | undefined | null,
  path: string[]
): string | undefined {
  if (!error) return undefined

  const errors = error.graphQLErrors ?? []
  const own = errors.find((e) => e.path && samePrefix(e.path, path))

  if (own) return codeOf(own)

  // An error on the root field (bad id, auth, resolver crash) takes the whole answer down.
  const root = errors.find((e) => !e.path || e.path.length <= 1)

  if (root) return codeOf(root)
  if (error.networkError) return NETWORK_ERROR

  return undefined
}

/** The code of an error that concerns the whole query, not one of its halves. */
export function rootErrorCode(
  error: ApolloErrorLike | undefined | null,
  rootField: string
): string | undefined {
  if (!error) return undefined
  const errors = error.graphQLErrors ?? []
  const root = errors.find(
    (e) =>
      !e.path ||
      e.path.length === 0 ||
      (e.path.length === 1 && e.path[0] === rootField)
  )

  if (root) return codeOf(root)
  if (error.networkError) return NETWORK_ERROR
  if (errors.length && !errors.some((e) => e.path && e.path.length > 1)) {
    return codeOf(errors[0])
  }

  return undefined
}

export interface ActionFailure {
  code: string
  // The server's own words (they already say what to do); absent for a network failure.
  message?: string
}

/**
 * Why an action (a mutation) failed: the code and message of its first GraphQL error, else
 * NETWORK_ERROR when nothing came back. Undefined when it did not fail.
 */
export function actionFailure(
  error: ApolloErrorLike | undefined | null
): ActionFailure | undefined {
  if (!error) return undefined
  const [first] = error.graphQLErrors ?? []

  if (first) {
    const message = first.message?.trim()

    return message ? { code: codeOf(first), message } : { code: codeOf(first) }
  }

  return { code: error.networkError ? NETWORK_ERROR : UNKNOWN_ERROR }
}
