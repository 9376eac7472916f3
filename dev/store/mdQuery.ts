// The query side of Master Data's search: `_where`, `_sort`, `_fields` and
// `REST-Range`, read and checked against what the entity's schemas index.
import { badRequest } from './http'
import type { SortKey } from './mdIndex'
import type { Doc } from './values'
import { fieldValue } from './values'
import type { FieldType } from './where'
import { compileWhere, parseWhere, whereFields, WhereError } from './where'

export const PAGE_MAX = 100
export const REACHABLE_MAX = 10_000
/** Without REST-Range, Master Data answers the first page of its default size. */
const DEFAULT_RANGE = { from: 0, to: 15 }

export interface EntityFields {
  entity: string
  isIndexed(field: string): boolean
  typeOf(field: string): FieldType | undefined
  defaultFields?: string[]
}

function requireIndexed(fields: EntityFields, field: string, use: string) {
  if (!fields.isIndexed(field)) {
    throw badRequest(
      `Field "${field}" cannot be used in ${use}: it is not v-indexed in data entity ${fields.entity}`,
      'NotIndexed'
    )
  }
}

export function whereTest(raw: string | null, fields: EntityFields) {
  if (raw === null || raw.trim() === '') return undefined
  try {
    const where = parseWhere(raw)

    for (const field of whereFields(where))
      requireIndexed(fields, field, '_where')

    return compileWhere(where, (field) => fields.typeOf(field))
  } catch (error) {
    if (error instanceof WhereError)
      throw badRequest(error.message, 'InvalidWhere')
    throw error
  }
}

/** `_sort=field ASC|DESC[, field2 ...]`; the direction defaults to ASC. */
export function sortKeys(raw: string | null, fields: EntityFields): SortKey[] {
  if (raw === null || raw.trim() === '') return []

  return raw.split(',').map((part) => {
    const words = part.trim().split(/\s+/)
    const [field, direction = 'ASC'] = words

    if (!field || words.length > 2 || !/^(ASC|DESC)$/i.test(direction)) {
      throw badRequest(
        `_sort: expected "field ASC" or "field DESC", got "${part.trim()}"`
      )
    }

    requireIndexed(fields, field, '_sort')

    return { field, desc: direction.toUpperCase() === 'DESC' }
  })
}

/** `REST-Range: resources=x-y` (y exclusive, as VTEX's documentation and `@vtex/api` use it). */
export function restRange(raw: string | undefined): {
  from: number
  to: number
} {
  if (raw === undefined || raw.trim() === '') return DEFAULT_RANGE
  const match = /^\s*resources\s*=\s*(\d+)\s*-\s*(\d+)\s*$/.exec(raw)

  if (!match) {
    throw badRequest(`REST-Range must be "resources=from-to", got "${raw}"`)
  }

  const from = Number(match[1])
  const to = Number(match[2])

  if (to < from) throw badRequest(`REST-Range ${raw}: "to" is before "from"`)
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

/**
 * `_fields=a,b` picks fields, `_all` every one; without it, the schema's `v-default-fields`,
 * else the id alone (so a caller that forgets `_fields` sees it, as on VTEX).
 */
export function projection(
  raw: string | null,
  fields: EntityFields
): (doc: Doc) => Doc {
  const wanted =
    raw === null || raw.trim() === ''
      ? fields.defaultFields ?? ['id']
      : raw
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean)

  if (wanted.includes('_all')) return (doc) => doc

  return (doc) => {
    const out: Doc = {}

    for (const field of wanted) {
      const value = fieldValue(doc, field)

      if (value !== undefined) out[field] = value
    }

    return out
  }
}
