import { json } from 'co-body'
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql'
import { execute, parse, validate } from 'graphql'
import type Koa from 'koa'

import type { LocalLogger } from './logger'

interface GraphQLBody {
  query?: unknown
  variables?: unknown
  operationName?: unknown
}

/** Known codes pass through; anything else is an internal error with a generic message. */
function formatError(error: GraphQLError, logger: LocalLogger) {
  const original = error.originalError as
    | (Error & { extensions?: { code?: string } })
    | undefined

  // No path: the request itself was refused before any resolver ran (a variable of the wrong
  // type), as VTEX's GraphQL server refuses it; with one, a resolver failed.
  const code =
    original?.extensions?.code ??
    (!original
      ? 'GRAPHQL_VALIDATION_FAILED'
      : !error.path
      ? 'BAD_USER_INPUT'
      : undefined)

  if (!code) {
    logger.error({
      message: 'GraphQL resolver failed',
      reason: original?.message,
    })

    return {
      message: 'Internal error',
      path: error.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    }
  }

  return {
    message: error.message,
    locations: error.locations,
    path: error.path,
    extensions: { code },
  }
}

const MAX_CACHED_DOCUMENTS = 200

/**
 * Parses and validates a query once: the admin page sends the same few queries over and over
 * (VTEX's GraphQL runtime keeps parsed documents too).
 */
function documentCache(schema: GraphQLSchema) {
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>()

  return (source: string) => {
    let document = documents.get(source)

    if (!document) {
      try {
        const parsed = parse(source)
        const errors = validate(schema, parsed)

        document = errors.length > 0 ? errors : parsed
      } catch (error) {
        // Syntax errors are not worth keeping.
        return [error as GraphQLError]
      }

      if (documents.size >= MAX_CACHED_DOCUMENTS) {
        documents.delete(documents.keys().next().value as string)
      }

      documents.set(source, document)
    }

    return document
  }
}

function badRequest(ctx: Koa.Context, message: string) {
  ctx.status = 400
  ctx.body = { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }
}

/** `POST /graphql`: the same schema file and resolvers the GraphQL builder serves on VTEX IO. */
export function graphqlRoute(
  schema: GraphQLSchema,
  contextFor: (ctx: Koa.Context) => unknown,
  logger: LocalLogger
) {
  const documentFor = documentCache(schema)

  return async (ctx: Koa.Context) => {
    let body: GraphQLBody

    try {
      body = await json(ctx.req, { limit: '256kb' })
    } catch {
      badRequest(ctx, 'The body must be JSON {"query","variables"}.')

      return
    }

    if (typeof body?.query !== 'string') {
      badRequest(ctx, '"query" must be a string.')

      return
    }

    const document = documentFor(body.query)

    if (Array.isArray(document)) {
      ctx.status = 400
      ctx.body = {
        errors: (document as GraphQLError[]).map((error) => ({
          message: error.message,
          locations: error.locations,
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        })),
      }

      return
    }

    const result = await execute({
      schema,
      document: document as DocumentNode,
      variableValues:
        typeof body.variables === 'object' && body.variables !== null
          ? (body.variables as Record<string, unknown>)
          : undefined,
      operationName:
        typeof body.operationName === 'string' ? body.operationName : undefined,
      contextValue: contextFor(ctx),
    })

    ctx.set('Cache-Control', 'private, no-store')
    ctx.body = {
      data: result.data,
      ...(result.errors
        ? { errors: result.errors.map((error) => formatError(error, logger)) }
        : {}),
    }
  }
}
