import { readFileSync, readdirSync, statSync } from 'fs'
import path from 'path'

import type { GraphQLSchema } from 'graphql'
import { makeExecutableSchema } from 'graphql-tools'

import { appRoot } from '../appRoot'

/** VTEX's runtime declares these directives; a plain graphql-js server must declare them itself. */
const VTEX_DIRECTIVES = `
enum IOAuthScope { PUBLIC PRIVATE }
directive @auth(scope: IOAuthScope, productCode: String, resourceCode: String) on FIELD_DEFINITION
enum CacheControlScope { PUBLIC PRIVATE SEGMENT }
directive @cacheControl(maxAge: Int, scope: CacheControlScope) on FIELD_DEFINITION | OBJECT | INTERFACE
`

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort((a, b) => a.localeCompare(b))
    .flatMap((name) => {
      const full = path.join(dir, name)

      if (statSync(full).isDirectory()) return graphqlFiles(full)

      return name.endsWith('.graphql') ? [full] : []
    })
}

/** The app's own `graphql/` folder, as the GraphQL builder reads it, with the given resolvers. */
export function buildSchema(
  resolvers: Record<string, unknown>,
  graphqlDir = path.join(appRoot(), 'graphql')
): GraphQLSchema {
  const typeDefs = [
    VTEX_DIRECTIVES,
    ...graphqlFiles(graphqlDir).map((file) => readFileSync(file, 'utf8')),
  ]

  return makeExecutableSchema({
    typeDefs,
    resolvers: resolvers as never,
  })
}
