// Master Data v2, as `@vtex/api`'s MasterData client calls it, under `/api/dataentities`
// (account from the `an` query parameter):
//   /{entity}/documents/{id}   GET (_fields), PUT (replace), PATCH (merge)
//   /{entity}/documents        POST (create), PUT (create or replace), PATCH (create or merge)
//   /{entity}/search           GET (_where, _sort, _fields, REST-Range), lags writes
// One file per document for durability; every document in memory for search.
import { randomUUID } from 'crypto'
import path from 'path'

import {
  fileName,
  KeyedQueue,
  listFilesSync,
  readSync,
  writeAtomic,
} from './durable'
import type { Reply } from './http'
import { badRequest, json, parseJsonObject, StoreError } from './http'
import { EntityIndex } from './mdIndex'
import { projection, restRange, sortKeys, whereTest } from './mdQuery'
import type { BuilderEntity } from './schemas'
import { entityFields, loadBuilderSchemas } from './schemas'
import type { StoreRequest } from './request'
import { header } from './request'
import type { Doc } from './values'

const ENTITY_NAME = /^[A-Za-z0-9_-]{1,128}$/
/** Fields Master Data keeps itself; a write cannot set them. */
const STAMPED = [
  'id',
  'dataEntityId',
  'accountName',
  'createdIn',
  'lastInteractionIn',
]

interface Entity {
  account: string
  name: string
  dir: string
  index: EntityIndex
}

export interface MasterDataOptions {
  dataDir: string
  appRoot: string
  indexDelayMs: number
}

/** What the app call is, for the stats: SEARCH or the HTTP method. */
export const masterDataOperation = (method: string, segments: string[]) =>
  segments[2] === 'search' ? 'SEARCH' : method

export class MasterDataStore {
  private readonly entities = new Map<string, Entity>()
  private readonly schemas: Map<string, BuilderEntity>
  private readonly queue = new KeyedQueue()
  private readonly root: string

  constructor(private readonly options: MasterDataOptions) {
    this.root = path.join(options.dataDir, 'store', 'masterdata')
    this.schemas = loadBuilderSchemas(options.appRoot)
    this.load()
  }

  private load() {
    for (const file of listFilesSync(path.join(this.root, 'documents'))) {
      const { account, entity, doc } = JSON.parse(
        readSync(file).toString('utf8')
      )

      this.entity(account, entity).index.load(doc.id, doc)
    }
  }

  public idle() {
    return this.queue.idle()
  }

  public async handle(request: StoreRequest): Promise<Reply> {
    const [root, rawEntity, kind, id, extra] = request.segments
    const account = request.query.get('an')

    if (root !== 'dataentities' || !rawEntity || !kind) {
      throw new StoreError(404, 'NotFound', 'No such Master Data route')
    }

    if (!account)
      throw badRequest('The account (query parameter "an") is missing')
    if (!ENTITY_NAME.test(rawEntity)) {
      throw badRequest(`"${rawEntity}" is not a data entity name`)
    }

    // The builder's two spellings of an entity's name share its data.
    const entity = this.entity(
      account,
      this.schemas.get(rawEntity)?.entity ?? rawEntity
    )

    const { method } = request

    if (kind === 'documents' && extra === undefined) {
      if (id === undefined) return this.documents(entity, request)

      return this.document(entity, id, request)
    }

    if (kind === 'search' && id === undefined && method === 'GET') {
      return this.search(entity, request)
    }

    throw new StoreError(
      404,
      'NotFound',
      `No such Master Data route: ${method} ${kind}`
    )
  }

  // ------------------------------------------------------------------ documents

  /** POST (create), PUT (create or replace), PATCH (create or merge): the id in the body. */
  private async documents(
    entity: Entity,
    request: StoreRequest
  ): Promise<Reply> {
    const { method } = request

    if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH') {
      throw new StoreError(
        405,
        'MethodNotAllowed',
        `${method} is not allowed on documents`
      )
    }

    const fields = parseJsonObject(await request.body())
    const id = fields.id === undefined ? randomUUID() : validId(fields.id)

    await this.write(entity, id, { fields, merge: method === 'PATCH' })
    const href = `http://${
      header(request.headers, 'host') ?? '127.0.0.1'
    }/api/dataentities/${entity.name}/documents/${encodeURIComponent(id)}`

    return json(method === 'POST' ? 201 : 200, {
      Id: `${entity.name}-${id}`,
      Href: href,
      DocumentId: id,
    })
  }

  private async document(
    entity: Entity,
    rawId: string,
    request: StoreRequest
  ): Promise<Reply> {
    const id = validId(rawId)

    const { method } = request

    if (method === 'GET') {
      const doc = entity.index.docs.get(id)

      if (!doc) throw notFound(id)

      return json(
        200,
        projection(request.query.get('_fields'), this.fields(entity))(doc)
      )
    }

    if (method === 'PUT' || method === 'PATCH') {
      await this.write(entity, id, {
        fields: parseJsonObject(await request.body()),
        merge: method === 'PATCH',
      })

      return { status: 204 }
    }

    throw new StoreError(405, 'MethodNotAllowed', `${method} is not allowed`)
  }

  /** Replaces (or merges into) a document, stamps Master Data's own fields, then saves it. */
  private write(
    entity: Entity,
    id: string,
    change: { fields: Doc; merge: boolean }
  ) {
    const { fields, merge } = change

    return this.queue.run(`${entity.dir}/${id}`, async () => {
      const existing = entity.index.docs.get(id)
      const own = {
        ...(merge && existing ? ownFields(existing) : {}),
        ...ownFields(fields),
      }

      const now = new Date().toISOString()
      const doc: Doc = {
        ...own,
        id,
        dataEntityId: entity.name,
        accountName: entity.account,
        createdIn: existing?.createdIn ?? now,
        lastInteractionIn: now,
      }

      await writeAtomic(
        this.documentFile(entity, id),
        JSON.stringify({ account: entity.account, entity: entity.name, doc })
      )
      entity.index.commit(id, doc)
    })
  }

  // ------------------------------------------------------------------ search

  private search(entity: Entity, request: StoreRequest): Reply {
    const { query } = request
    const fields = this.fields(entity)
    const test = whereTest(query.get('_where'), fields)
    const sort = sortKeys(query.get('_sort'), fields)
    const project = projection(query.get('_fields'), fields)

    if (query.get('_keyword'))
      throw badRequest('_keyword (full-text search) is not supported here')
    const { from, to } = restRange(header(request.headers, 'rest-range'))
    const { total, docs } = entity.index.search({ test, sort, from, to })
    const end = Math.max(from, Math.min(to, total))

    return {
      status: 200,
      headers: { 'REST-Content-Range': `resources ${from}-${end}/${total}` },
      body: docs.map(project),
    }
  }

  private fields(entity: Entity) {
    return entityFields(entity.name, this.schemas.get(entity.name)?.schema)
  }

  // ------------------------------------------------------------------ storage

  private entity(account: string, name: string): Entity {
    const key = `${account}\0${name}`
    let entity = this.entities.get(key)

    if (!entity) {
      entity = {
        account,
        name,
        dir: path.join(
          this.root,
          'documents',
          fileName(account),
          fileName(name)
        ),
        index: new EntityIndex(this.options.indexDelayMs),
      }
      this.entities.set(key, entity)
    }

    return entity
  }

  private documentFile(entity: Entity, id: string) {
    return path.join(entity.dir, `${fileName(id)}.json`)
  }
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

/** The document's own fields: what the app wrote, without Master Data's stamps. */
function ownFields(doc: Doc): Doc {
  const own = { ...doc }

  for (const field of STAMPED) delete own[field]

  return own
}

function notFound(id: string) {
  return new StoreError(404, 'NotFound', `Document ${id} not found`)
}
