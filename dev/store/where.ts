// Master Data's `_where`, read into an SQL condition over a search table's columns. As VTEX
// documents it:
//   field=value   field=val*  (also *val*, *val)   field="a value with spaces"
//   field<>value  field>value  field<value   field between X AND Y   field is [not] null
//   a AND b   a OR b   (...)        AND binds tighter than OR; keywords in any case.
// Fields must be v-indexed; a literal that cannot be of the field's schema type is refused, as
// Master Data refuses it. Anything else is refused with a message that says where and why.

export type FieldType = 'string' | 'number' | 'boolean'

/** The v-indexed fields of an entity, each with its schema type when the schema says one. */
export type IndexedFields = Map<string, FieldType | undefined>

export interface SqlCondition {
  sql: string
  params: unknown[]
}

export class WhereError extends Error {}

const TOKEN =
  /\s*(?:([()])|"((?:[^"\\]|\\.)*)"|(<>|>=|<=|!=|[=<>])|([^\s()=<>!"]+))/y

export const FIELD = /^[A-Za-z_$][\w.$-]*$/

interface Token {
  kind: 'paren' | 'quoted' | 'op' | 'word'
  text: string
  at: number
}

/** The search table's column of a v-indexed field (see mdSearch.ts); `field` must match FIELD. */
export const columnOf = (field: string) =>
  field === 'id' ? 'id' : `"f:${field}"`

export function indexedField(
  field: string,
  fields: IndexedFields,
  use: string
) {
  if (!FIELD.test(field) || !fields.has(field)) {
    throw new WhereError(
      `Field "${field}" cannot be used in ${use}: it is not v-indexed`
    )
  }

  return columnOf(field)
}

export function whereSql(text: string, fields: IndexedFields): SqlCondition {
  const tokens: Token[] = []

  for (TOKEN.lastIndex = 0; text.slice(TOKEN.lastIndex).trim() !== ''; ) {
    const at = TOKEN.lastIndex
    const match = TOKEN.exec(text)

    if (!match) {
      const next = text.slice(at).trim().charAt(0)
      const what =
        next === '"' ? 'unterminated quoted value' : `unexpected "${next}"`

      throw new WhereError(`_where: ${what} at position ${at} of "${text}"`)
    }

    const [, paren, quoted, op, word] = match
    const kind = paren
      ? 'paren'
      : quoted !== undefined
      ? 'quoted'
      : op
      ? 'op'
      : 'word'

    tokens.push({
      kind,
      text: quoted?.replace(/\\(.)/g, '$1') ?? paren ?? op ?? word,
      at,
    })
  }

  if (tokens.length === 0) throw new WhereError('_where is empty')
  let pos = 0
  const params: unknown[] = []
  const peek = () => tokens[pos] as Token | undefined
  const fail = (message: string): never => {
    throw new WhereError(
      `_where: ${message} at position ${peek()?.at ?? text.length} of "${text}"`
    )
  }

  const keyword = (word: string) => {
    const token = peek()
    const found = token?.kind === 'word' && token.text.toUpperCase() === word

    if (found) pos++

    return found
  }

  const value = () => {
    const token = peek()

    if (token?.kind !== 'word' && token?.kind !== 'quoted')
      return fail('expected a value')
    pos++

    return token
  }

  /** The literal as the field's type, or a refusal. */
  const literal = (field: string, raw: string) => {
    const type = fields.get(field)

    if (type === 'number') {
      if (raw.trim() === '' || Number.isNaN(Number(raw)))
        fail(`${field} is a number, "${raw}" is not`)
      params.push(Number(raw))
    } else if (type === 'boolean') {
      if (raw !== 'true' && raw !== 'false')
        fail(`${field} is a boolean, "${raw}" is not`)
      params.push(raw === 'true' ? 1 : 0)
    } else params.push(raw)

    return '?'
  }

  function condition(): string {
    const token = peek()

    if (token?.kind !== 'word' || !FIELD.test(token.text))
      return fail('expected a field name')
    pos++
    const field = token.text
    const sql = indexedField(field, fields, '_where')
    const op = peek()

    if (op?.kind === 'op') {
      pos++
      if (!['=', '<>', '>', '<'].includes(op.text)) {
        fail(
          `the operator ${op.text} is not supported (use >, <, <> or between)`
        )
      }

      const { kind, text: raw } = value()

      if (op.text === '=' && kind === 'word' && raw.includes('*')) {
        params.push(raw.replace(/[?[]/g, '[$&]'))

        return `${sql} GLOB ?`
      }

      return `${sql} ${op.text === '<>' ? 'IS NOT' : op.text} ${literal(
        field,
        raw
      )}`
    }

    if (keyword('IS')) {
      const not = keyword('NOT')

      if (!keyword('NULL')) fail('expected "null" after "is"')

      return `${sql} IS ${not ? 'NOT ' : ''}NULL`
    }

    if (!keyword('BETWEEN'))
      fail(
        `expected an operator (=, <>, >, <, is null, between) after "${field}"`
      )
    const low = literal(field, value().text)

    if (!keyword('AND')) fail('expected AND in "between X AND Y"')

    return `${sql} BETWEEN ${low} AND ${literal(field, value().text)}`
  }

  function unary(): string {
    if (peek()?.text === '(' && peek()?.kind === 'paren') {
      pos++
      const inner = or()

      if (peek()?.text !== ')') fail('expected ")"')
      pos++

      return `(${inner})`
    }

    if (keyword('NOT')) fail('NOT is not supported (use <> or is not null)')

    return condition()
  }

  function and(): string {
    const items = [unary()]

    while (keyword('AND')) items.push(unary())

    return items.join(' AND ')
  }

  function or(): string {
    const items = [and()]

    while (keyword('OR')) items.push(and())

    return items.length === 1 ? items[0] : `(${items.join(' OR ')})`
  }

  const sql = or()

  if (peek())
    fail(
      peek()?.text === ')' ? 'unbalanced ")"' : 'expected AND, OR or the end'
    )

  return { sql, params }
}
