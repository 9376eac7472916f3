// Every schema of every data entity: the app's own (masterdata builder) and those saved at run
// time through PUT /schemas/{name} (kept on disk, per account). Together they say what search
// may filter and sort by, and what a write with `_schema` must fit.
import path from 'path'

import { fileName, listFilesSync, readSync, writeAtomic } from './durable'
import { badRequest } from './http'
import type { EntityFields } from './mdQuery'
import type { BuilderEntity } from './schemas'
import { loadBuilderSchemas, Schema, SYSTEM_FIELDS } from './schemas'

export class EntitySchemas {
  private readonly builder: Map<string, BuilderEntity>
  /** Saved schemas by account + entity, then by name. */
  private readonly saved = new Map<string, Map<string, Schema>>()

  constructor(private readonly root: string, appRoot: string) {
    this.builder = loadBuilderSchemas(appRoot)
    for (const file of listFilesSync(root)) {
      const { account, entity, name, schema } = JSON.parse(
        readSync(file).toString('utf8')
      )

      this.savedOf(account, entity).set(name, new Schema(schema))
    }
  }

  /** The name an entity's data is kept under: the builder's names share one. */
  public canonical(entity: string) {
    return this.builder.get(entity)?.entity ?? entity
  }

  /** A saved schema by name, else the app's own. */
  public get(account: string, entity: string, name: string) {
    return (
      this.savedOf(account, entity).get(name) ??
      this.builder.get(entity)?.schema
    )
  }

  public async save(
    owner: { account: string; entity: string },
    name: string,
    json: Record<string, unknown>
  ) {
    const { account, entity } = owner

    await writeAtomic(
      path.join(this.root, fileName(account), fileName(entity), fileName(name)),
      JSON.stringify({ account, entity, name, schema: json })
    )
    this.savedOf(account, entity).set(name, new Schema(json))
  }

  /** `_schema` names the schema a write must fit; none named, nothing to fit. */
  public toValidate(account: string, entity: string, name: string | null) {
    if (!name) return undefined
    const schema = this.get(account, entity, name)

    if (!schema) {
      throw badRequest(`Schema ${name} not found in data entity ${entity}`)
    }

    return schema
  }

  /** What search may use: the v-indexed fields of every schema of the entity, and the types. */
  public fields(account: string, entity: string): EntityFields {
    const own = this.builder.get(entity)?.schema
    const schemas = [
      ...(own ? [own] : []),
      ...this.savedOf(account, entity).values(),
    ]

    return {
      entity,
      isIndexed: (field) =>
        (SYSTEM_FIELDS as readonly string[]).includes(field) ||
        schemas.some((s) => s.indexed.has(field)),
      typeOf: (field) => {
        for (const schema of schemas) {
          const type = schema.typeOf(field)

          if (type) return type
        }

        return undefined
      },
      defaultFields: schemas.find((s) => s.defaultFields)?.defaultFields,
    }
  }

  private savedOf(account: string, entity: string) {
    const key = `${account}\0${entity}`
    let schemas = this.saved.get(key)

    if (!schemas) {
      schemas = new Map()
      this.saved.set(key, schemas)
    }

    return schemas
  }
}
