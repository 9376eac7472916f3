// Master Data v2 schemas: the app's own (the `masterdata` builder layout,
// `masterdata/<entity>/schema.json`, entity named `{vendor}_{name}_{entity}` from manifest.json).
// They say which fields are `v-indexed` (the only ones search may filter or sort by), each
// field's type and the default fields. The app saves no schema at run time and writes no
// document with `_schema`, so the store serves neither.
import { readdirSync, readFileSync } from 'fs'
import path from 'path'

import type { EntityFields } from './mdQuery'
import type { FieldType } from './where'

/** Master Data's own fields: always there, always searchable. */
export const SYSTEM_FIELDS = ['id', 'createdIn', 'lastInteractionIn'] as const

export class Schema {
  public readonly indexed: Set<string>
  public readonly defaultFields?: string[]

  constructor(public readonly json: Record<string, unknown>) {
    const indexed = json['v-indexed']
    const defaults = json['v-default-fields']

    this.indexed = new Set(
      Array.isArray(indexed)
        ? indexed.filter((f): f is string => typeof f === 'string')
        : []
    )
    this.defaultFields = Array.isArray(defaults)
      ? defaults.filter((f): f is string => typeof f === 'string')
      : undefined
  }

  /** The JSON Schema type of a (dotted) field, when the schema says one. */
  public typeOf(field: string): FieldType | undefined {
    let node: unknown = this.json

    for (const part of field.split('.')) {
      const properties = (
        node as { properties?: Record<string, unknown> } | undefined
      )?.properties

      node = properties?.[part]
    }

    const declared = (node as { type?: unknown } | undefined)?.type
    const types = (Array.isArray(declared) ? declared : [declared]).filter(
      (t) => t !== 'null'
    )

    if (types.length !== 1) return undefined
    if (types[0] === 'integer' || types[0] === 'number') return 'number'
    if (types[0] === 'boolean' || types[0] === 'string') return types[0]

    return undefined
  }
}

/** The entity names the masterdata builder would give the app's entity folder. */
export function builderEntityNames(
  vendor: string,
  app: string,
  entity: string
) {
  const name = `${vendor}_${app}_${entity}`

  return [...new Set([name, name.replace(/-/g, '_')])]
}

export interface BuilderEntity {
  /** The name its data is kept under (the first of its names). */
  entity: string
  schema: Schema
}

/**
 * The app's schemas by entity name, read once from `{appRoot}/masterdata/<entity>/schema.json`.
 * No masterdata folder, or no manifest: no schemas (every entity is schemaless).
 */
export function loadBuilderSchemas(
  appRoot: string
): Map<string, BuilderEntity> {
  const schemas = new Map<string, BuilderEntity>()
  let manifest: { vendor?: unknown; name?: unknown }
  let entities: string[]

  try {
    manifest = JSON.parse(
      readFileSync(path.join(appRoot, 'manifest.json'), 'utf8')
    )
    entities = readdirSync(path.join(appRoot, 'masterdata'))
  } catch {
    return schemas
  }

  if (
    typeof manifest.vendor !== 'string' ||
    typeof manifest.name !== 'string'
  ) {
    return schemas
  }

  for (const entity of entities) {
    const file = path.join(appRoot, 'masterdata', entity, 'schema.json')
    let json: unknown

    try {
      json = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      const { code } = error as { code?: string }

      if (code === 'ENOENT' || code === 'ENOTDIR') continue
      throw new Error(`${file} is not valid JSON: ${(error as Error).message}`)
    }

    const schema = new Schema(json as Record<string, unknown>)
    const names = builderEntityNames(manifest.vendor, manifest.name, entity)

    for (const name of names) schemas.set(name, { entity: names[0], schema })
  }

  return schemas
}

/** What search may use: the schema's v-indexed fields and Master Data's own, and their types. */
export function entityFields(entity: string, schema?: Schema): EntityFields {
  return {
    entity,
    isIndexed: (field) =>
      (SYSTEM_FIELDS as readonly string[]).includes(field) ||
      !!schema?.indexed.has(field),
    typeOf: (field) => schema?.typeOf(field),
    defaultFields: schema?.defaultFields,
  }
}
