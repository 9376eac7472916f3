// Master Data v2, as `@vtex/api`'s MasterData client calls it, under `/api/dataentities` (the
// account in the `an` query parameter):
//   /{entity}/documents/{id}  GET (_fields), PUT (replace), PATCH (merge)
//   /{entity}/documents       POST (create), PUT (create or replace), PATCH (create or merge),
//                             the id in the body
//   /{entity}/search          GET: _where, _sort, _fields, REST-Range (100 a page, the first
//                             10,000 reachable); it sees a write `indexDelayMs` after it, as
//                             Master Data's index lags its writes, while GET by id sees it at once
// The schemas are the app's (`masterdata/{entity}/schema.json`, the masterdata builder's layout,
// entity `{vendor}_{app}_{entity}`, schema `{version}` installed or `{version}-{workspace}`
// linked). As on Master Data, a call uses a schema only when it names it (`_schema`): search
// then filters and sorts by its v-indexed fields (otherwise by the fields Master Data keeps
// itself only) and a write must validate against it.
import { randomUUID } from 'crypto'
import { readdirSync, readFileSync } from 'fs'
import path from 'path'

import Ajv from 'ajv'
import type { ValidateFunction } from 'ajv'

import type { Call, Reply } from './call'
import { badRequest, parseJsonObject, StoreError } from './call'
import type { Db } from './database'
import { SearchIndex } from './mdSearch'
import type { FieldType, IndexedFields } from './where'
import { FIELD, indexedField, whereSql, WhereError } from './where'

const PAGE_MAX = 100
const REACHABLE_MAX = 10_000
/** Fields Master Data keeps itself: a write cannot set them, search can use them. */
const STAMPED = [
  'id',
  'dataEntityId',
  'accountName',
  'createdIn',
  'lastInteractionIn',
]

type Doc = Record<string, unknown>

export interface Entity {
  /** The name its data is kept under: both builder spellings share one. */
  name: string
  indexed: IndexedFields
  defaultFields: string[]
  /** The app's schema: named by the app version it came with, and its validation. */
  schema?: { version: string; validate: ValidateFunction }
}

const systemFields = (): IndexedFields =>
  new Map(STAMPED.map((field) => [field, 'string']))

const fieldType = (type: string): FieldType | undefined =>
  type === 'integer' || type === 'number'
    ? 'number'
    : type === 'boolean' || type === 'string'
    ? type
    : undefined

/** What a call is, for the stats: SEARCH or its method. */
export const masterDataOperation = (method: string, parts: string[]) =>
  parts[2] === 'search' ? 'SEARCH' : method

export function masterData(
  db: Db,
  options: { appRoot: string; indexDelayMs: number }
) {
  const entities = appEntities(options.appRoot)
  const entityOf = (name: string): Entity =>
    entities.get(name) ?? {
      name,
      indexed: systemFields(),
      defaultFields: ['id'],
    }

  const index = new SearchIndex(db, options.indexDelayMs, entityOf, [
    ...new Set([...entities.values()].map(({ name }) => name)),
  ])

  const read = db
    .prepare('SELECT doc FROM docs WHERE account = ? AND entity = ? AND id = ?')
    .pluck()

  const save = db.prepare('INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?)')
  const write = db.transaction(
    ({
      account,
      entity,
      id,
      fields,
      merge,
      validated,
    }: {
      account: string
      entity: Entity
      id: string
      fields: Doc
      merge: boolean
      validated: boolean
    }) => {
      const raw = read.get(account, entity.name, id) as string | undefined
      const existing = raw === undefined ? undefined : (JSON.parse(raw) as Doc)
      const now = new Date().toISOString()

      if (validated) validate({ ...(merge ? existing : {}), ...fields }, entity)
      const doc = JSON.stringify({
        ...(merge ? existing : {}),
        ...fields,
        id,
        dataEntityId: entity.name,
        accountName: account,
        createdIn: existing?.createdIn ?? now,
        lastInteractionIn: now,
      })

      index.queue(account, entity.name, id, doc)
      save.run(account, entity.name, id, doc)
    }
  )

  function search(call: Call, account: string, entity: Entity): Reply {
    const { query } = call
    const indexed = namesSchema(call, entity) ? entity.indexed : systemFields()
    const where = query.get('_where')
    const filter = where?.trim() ? whereSql(where, indexed) : undefined

    const order = (query.get('_sort') ?? '')
      .split(',')
      .filter((part) => part.trim())
      .map((part) => {
        const [field, direction = 'ASC', extra] = part.trim().split(/\s+/)

        if (extra || !/^(ASC|DESC)$/i.test(direction)) {
          throw badRequest(
            `_sort: expected "field ASC" or "field DESC", got "${part.trim()}"`
          )
        }

        const sql = indexedField(field, indexed, '_sort')

        // SQLite's order: documents without the field first ascending, last descending.
        return `${sql} ${direction.toUpperCase()}, `
      })
      .join('')

    const { from, to } = restRange(call.header('rest-range'))
    const { total, docs } = index.search(account, entity.name, {
      filter,
      order,
      from,
      to,
    })

    return {
      status: 200,
      headers: {
        'REST-Content-Range': `resources ${from}-${Math.max(
          from,
          Math.min(to, total)
        )}/${total}`,
      },
      body: docs.map((doc) =>
        project(JSON.parse(doc), query.get('_fields'), entity)
      ),
    }
  }

  return (call: Call): Reply => {
    const [root, entityName, kind, id, extra] = call.parts
    const account = call.query.get('an')
    const { method } = call

    if (root !== 'dataentities' || !entityName || extra !== undefined) {
      throw new StoreError(404, 'No such Master Data route')
    }

    if (!account) {
      throw badRequest('The account (query parameter "an") is missing')
    }

    if (!/^[\w-]{1,128}$/.test(entityName)) {
      throw badRequest(`"${entityName}" is not a data entity name`)
    }

    const entity = entityOf(entityName)

    if (kind === 'search' && id === undefined && method === 'GET') {
      try {
        return search(call, account, entity)
      } catch (error) {
        if (!(error instanceof WhereError)) throw error
        const hint =
          entity.schema && !call.query.has('_schema')
            ? ` (a schema's v-indexed fields are searchable only when the call names the schema: _schema=${entity.schema.version})`
            : ''

        throw badRequest(`${error.message}${hint}`)
      }
    }

    if (kind !== 'documents') {
      throw new StoreError(404, `No such Master Data route: ${method} ${kind}`)
    }

    if (method === 'GET' && id !== undefined) {
      const doc = read.get(account, entity.name, validId(id))

      if (doc === undefined)
        throw new StoreError(404, `Document ${id} not found`)

      return {
        status: 200,
        body: project(
          JSON.parse(doc as string),
          call.query.get('_fields'),
          entity
        ),
      }
    }

    if (
      !['POST', 'PUT', 'PATCH'].includes(method) ||
      (method === 'POST' && id !== undefined)
    ) {
      throw new StoreError(405, `${method} is not allowed here`)
    }

    const fields = parseJsonObject(call.body)
    const docId = validId(id ?? fields.id ?? randomUUID())

    for (const field of STAMPED) delete fields[field]
    write({
      account,
      entity,
      id: docId,
      fields,
      merge: method === 'PATCH',
      validated: namesSchema(call, entity),
    })
    if (id !== undefined) return { status: 204 }

    return {
      status: method === 'POST' ? 201 : 200,
      body: {
        Id: `${entity.name}-${docId}`,
        Href: `/api/dataentities/${entity.name}/documents/${docId}`,
        DocumentId: docId,
      },
    }
  }
}

/** Whether the call names the entity's schema (`_schema`); 400 when it names one not there. */
function namesSchema(call: Call, entity: Entity) {
  const named = call.query.get('_schema')

  if (named === null) return false
  const version = entity.schema?.version
  const workspace =
    version && named.startsWith(`${version}-`)
      ? named.slice(version.length + 1)
      : ''

  if (version && (named === version || /^[\w-]+$/.test(workspace))) return true

  throw badRequest(
    `Schema "${named}" not found in data entity ${entity.name}${
      version
        ? `: the masterdata builder names it "${version}" where the app is installed, "${version}-{workspace}" where it is linked`
        : ''
    }`
  )
}

/** A write that names the schema: the document (without Master Data's own fields) must fit it. */
function validate(doc: Doc, entity: Entity) {
  const own = Object.fromEntries(
    Object.entries(doc).filter(([field]) => !STAMPED.includes(field))
  )

  if (entity.schema?.validate(own)) return
  const problems = (entity.schema?.validate.errors ?? [])
    .map(({ instancePath, message }) => `${instancePath || '/'} ${message}`)
    .join('; ')

  throw badRequest(
    `The document does not fit schema "${entity.schema?.version}": ${problems}`
  )
}

/** `_fields=a,b` picks fields, `_all` every one; without it, the schema's default fields. */
function project(doc: Doc, fields: string | null, entity: Entity): Doc {
  const wanted = fields?.trim()
    ? fields.split(',').map((field) => field.trim())
    : entity.defaultFields

  if (wanted.includes('_all')) return doc

  return Object.fromEntries(
    wanted
      .filter((field) => doc[field] !== undefined)
      .map((field) => [field, doc[field]])
  )
}

/** `REST-Range: resources=x-y` (y exclusive, as VTEX's documentation and `@vtex/api` use it). */
function restRange(raw: string | undefined) {
  if (!raw?.trim()) return { from: 0, to: 15 }
  const match = /^\s*resources\s*=\s*(\d+)\s*-\s*(\d+)\s*$/.exec(raw)
  const [from, to] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN]

  if (!(from <= to)) {
    throw badRequest(
      `REST-Range must be "resources=from-to", from before to; got "${raw}"`
    )
  }

  if (to - from > PAGE_MAX) {
    throw badRequest(`REST-Range ${raw}: at most ${PAGE_MAX} documents a page`)
  }

  if (to > REACHABLE_MAX) {
    throw badRequest(
      `REST-Range ${raw}: search reaches the first ${REACHABLE_MAX} documents only`
    )
  }

  return { from, to }
}

function validId(id: unknown): string {
  if (typeof id === 'number' && Number.isFinite(id)) return String(id)
  if (
    typeof id !== 'string' ||
    id === '' ||
    id.length > 256 ||
    id.includes('/')
  ) {
    throw badRequest(
      'A document id is a non-empty string of at most 256 characters, without "/"'
    )
  }

  return id
}

const ajv = new Ajv({
  strict: false,
  allErrors: true,
  logger: false,
}).addFormat(
  'date-time',
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i
)

/** The app's entities by both names the masterdata builder gives them; none without a manifest. */
export function appEntities(appRoot: string) {
  const entities = new Map<string, Entity>()
  let manifest: { vendor: string; name: string; version: string }
  let folders: string[] = []

  try {
    manifest = JSON.parse(
      readFileSync(path.join(appRoot, 'manifest.json'), 'utf8')
    )
    folders = readdirSync(path.join(appRoot, 'masterdata'))
  } catch {
    return entities
  }

  for (const folder of folders) {
    const file = path.join(appRoot, 'masterdata', folder, 'schema.json')
    const schema = JSON.parse(readFileSync(file, 'utf8')) as {
      $schema?: string
      properties?: Record<string, { type?: string | string[] }>
      'v-indexed'?: string[]
      'v-default-fields'?: string[]
    }

    const name = `${manifest.vendor}_${manifest.name}_${folder}`
    const indexed = systemFields()

    for (const field of (schema['v-indexed'] ?? []).filter((f) =>
      FIELD.test(f)
    )) {
      const types = [schema.properties?.[field]?.type ?? []]
        .flat()
        .filter((type) => type !== 'null')

      indexed.set(field, types.length === 1 ? fieldType(types[0]) : undefined)
    }

    // The draft named by `$schema` is Ajv's default one; the v- keywords are Master Data's own.
    const { $schema: _draft, ...rules } = schema
    const entity = {
      name,
      indexed,
      defaultFields: schema['v-default-fields'] ?? ['id'],
      schema: { version: manifest.version, validate: ajv.compile(rules) },
    }

    entities.set(name, entity).set(name.replace(/-/g, '_'), entity)
  }

  return entities
}
