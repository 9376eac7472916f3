// Master Data's `_where`, parsed and compiled into a predicate. Pure: no I/O, no store state.
// Supported, as VTEX documents them:
//   field=value   field=val*  (also *val*, *val)   field="a value with spaces"
//   field<>value  field>value  field<value   field between X AND Y   field is [not] null
//   a AND b   a OR b   (...)        AND binds tighter than OR; keywords in any case.
// Anything else is refused with a message that says where and why.
import type { Doc } from './values'
import { fieldValue, isMissing } from './values'

export type Where =
  | { kind: 'and' | 'or'; items: Where[] }
  | {
      kind: 'compare'
      field: string
      op: '=' | '<>' | '>' | '<'
      value: string
      /** An unquoted "=" value with "*" in it. */
      wildcard: boolean
    }
  | { kind: 'null'; field: string; not: boolean }
  | { kind: 'between'; field: string; low: string; high: string }

export type FieldType = 'string' | 'number' | 'boolean'

export class WhereError extends Error {}

const FIELD = /[A-Za-z_$][\w.$-]*/y
const SPACE = /\s/

class Parser {
  private pos = 0

  constructor(private readonly text: string) {}

  public parse(): Where {
    const where = this.or()

    this.skipSpace()
    if (this.pos < this.text.length) {
      throw this.error(
        this.text[this.pos] === ')'
          ? 'unbalanced ")"'
          : 'expected AND, OR or the end'
      )
    }

    return where
  }

  private or(): Where {
    const items = [this.and()]

    while (this.keyword('OR')) items.push(this.and())

    return items.length === 1 ? items[0] : { kind: 'or', items }
  }

  private and(): Where {
    const items = [this.unary()]

    while (this.keyword('AND')) items.push(this.unary())

    return items.length === 1 ? items[0] : { kind: 'and', items }
  }

  private unary(): Where {
    this.skipSpace()
    if (this.text[this.pos] === '(') {
      this.pos++
      const inner = this.or()

      this.skipSpace()
      if (this.text[this.pos] !== ')') throw this.error('expected ")"')
      this.pos++

      return inner
    }

    if (this.keyword('NOT'))
      throw this.error('NOT is not supported (use <> or is not null)')

    return this.condition()
  }

  private condition(): Where {
    FIELD.lastIndex = this.pos
    const match = FIELD.exec(this.text)

    if (!match) throw this.error('expected a field name')
    const [field] = match

    this.pos = FIELD.lastIndex
    const afterField = this.pos

    this.skipSpace()
    const operator = /^(<>|>=|<=|!=|=|>|<)/.exec(
      this.text.slice(this.pos, this.pos + 2)
    )

    if (operator) {
      const [, op] = operator

      if (op === '>=' || op === '<=' || op === '!=') {
        throw this.error(
          `the operator ${op} is not supported (use >, <, <> or between)`
        )
      }

      this.pos += op.length
      this.skipSpace()
      const { value, quoted } = this.value()

      return {
        kind: 'compare',
        field,
        op: op as '=' | '<>' | '>' | '<',
        value,
        wildcard: op === '=' && !quoted && value.includes('*'),
      }
    }

    this.pos = afterField
    if (this.keyword('IS')) {
      const not = this.keyword('NOT')

      if (!this.keyword('NULL')) throw this.error('expected "null" after "is"')

      return { kind: 'null', field, not }
    }

    if (this.keyword('BETWEEN')) {
      this.skipSpace()
      const low = this.value().value

      if (!this.keyword('AND'))
        throw this.error('expected AND in "between X AND Y"')
      this.skipSpace()
      const high = this.value().value

      return { kind: 'between', field, low, high }
    }

    throw this.error(
      `expected an operator (=, <>, >, <, is null, between) after "${field}"`
    )
  }

  /** A value: "quoted" (\" and \\ escaped), or raw up to a space or ")". */
  private value(): { value: string; quoted: boolean } {
    const { text } = this

    if (text[this.pos] === '"') {
      let value = ''

      for (let i = this.pos + 1; i < text.length; i++) {
        if (text[i] === '\\' && i + 1 < text.length) value += text[++i]
        else if (text[i] === '"') {
          this.pos = i + 1

          return { value, quoted: true }
        } else value += text[i]
      }

      throw this.error('unterminated quoted value')
    }

    const start = this.pos

    while (
      this.pos < text.length &&
      !SPACE.test(text[this.pos]) &&
      text[this.pos] !== ')'
    ) {
      this.pos++
    }

    if (this.pos === start) throw this.error('expected a value')

    return { value: text.slice(start, this.pos), quoted: false }
  }

  /** Consumes `word` (any case) when it stands alone: followed by a space, a parenthesis or the end. */
  private keyword(word: string): boolean {
    const start = this.pos

    this.skipSpace()
    const next = this.text[this.pos + word.length]

    if (
      this.text.slice(this.pos, this.pos + word.length).toUpperCase() ===
        word &&
      (next === undefined || SPACE.test(next) || next === '(' || next === ')')
    ) {
      this.pos += word.length

      return true
    }

    this.pos = start

    return false
  }

  private skipSpace() {
    while (this.pos < this.text.length && SPACE.test(this.text[this.pos]))
      this.pos++
  }

  private error(message: string) {
    return new WhereError(
      `_where: ${message} at position ${this.pos} of "${this.text}"`
    )
  }
}

export function parseWhere(text: string): Where {
  if (text.trim() === '') throw new WhereError('_where is empty')

  return new Parser(text).parse()
}

/** Every field a filter reads (each must be v-indexed). */
export function whereFields(where: Where): string[] {
  if ('items' in where) return [...new Set(where.items.flatMap(whereFields))]

  return [where.field]
}

type Test = (doc: Doc) => boolean

/**
 * A predicate over documents. `typeOf` (the schema's type of a field, when it says one) makes a
 * literal that cannot be of that type a 400, as Master Data does; comparisons follow the
 * document's own value: numbers numerically, strings as strings, an array if any item matches.
 * Search scans every document per query, so the predicate is built to be cheap per document.
 */
export function compileWhere(
  where: Where,
  typeOf: (field: string) => FieldType | undefined = () => undefined
): Test {
  if ('items' in where) {
    const items = where.items.map((item) => compileWhere(item, typeOf))
    const all = where.kind === 'and'

    return (doc) => {
      for (const item of items) if (item(doc) !== all) return !all

      return all
    }
  }

  switch (where.kind) {
    case 'null': {
      const { not } = where
      const get = getter(where.field)

      return (doc) => isMissing(get(doc)) !== not
    }

    case 'between': {
      checkLiteral(where.field, where.low, typeOf)
      checkLiteral(where.field, where.high, typeOf)
      const low = comparer(where.low)
      const high = comparer(where.high)

      return matcher(where.field, (v) => low(v) >= 0 && high(v) <= 0)
    }

    default:
      return compileCompare(where, typeOf)
  }
}

function compileCompare(
  where: Extract<Where, { kind: 'compare' }>,
  typeOf: (field: string) => FieldType | undefined
): Test {
  const { field, op, value } = where

  if (where.wildcard) return matcher(field, wildcardTest(value))
  checkLiteral(field, value, typeOf)
  const compare = comparer(value)

  switch (op) {
    case '=':
      return matcher(field, (v) =>
        typeof v === 'string' ? v === value : compare(v) === 0
      )

    case '<>': {
      // Documents without the field differ from any value, as in SQL's "is distinct from".
      const equal = matcher(field, (v) => compare(v) === 0)

      return (doc) => !equal(doc)
    }

    case '>':
      return matcher(field, (v) => compare(v) > 0)

    default:
      return matcher(field, (v) => compare(v) < 0)
  }
}

/** `val*` is a prefix test; any other use of "*" a pattern. Strings only. */
function wildcardTest(value: string): (v: unknown) => boolean {
  const stars = value.split('*')

  if (stars.length === 2 && stars[1] === '') {
    const [prefix] = stars

    return (v) => typeof v === 'string' && v.startsWith(prefix)
  }

  const pattern = new RegExp(`^${stars.map(escapeRegExp).join('.*')}$`, 's')

  return (v) => typeof v === 'string' && pattern.test(v)
}

function getter(field: string): (doc: Doc) => unknown {
  return field.includes('.')
    ? (doc) => fieldValue(doc, field)
    : (doc) => doc[field]
}

/** A test of a document's field: of any item when it holds an array, never when it is null. */
function matcher(field: string, test: (value: unknown) => boolean): Test {
  const get = getter(field)

  return (doc) => {
    const value = get(doc)

    if (Array.isArray(value)) return value.some(test)

    return value !== undefined && value !== null && test(value)
  }
}

/**
 * A document value against a query literal, the literal read as the value's type. NaN when
 * they cannot be compared (a number field against "abc"), which fails every test.
 */
function comparer(literal: string): (value: unknown) => number {
  const number = literal.trim() === '' ? NaN : Number(literal)
  const bool =
    literal === 'true' ? true : literal === 'false' ? false : undefined

  return (value) => {
    if (typeof value === 'string') {
      return value < literal ? -1 : value > literal ? 1 : 0
    }

    if (typeof value === 'number') {
      return value < number
        ? -1
        : value > number
        ? 1
        : value === number
        ? 0
        : NaN
    }

    if (typeof value === 'boolean' && bool !== undefined) {
      return Number(value) - Number(bool)
    }

    return NaN
  }
}

function checkLiteral(
  field: string,
  literal: string,
  typeOf: (field: string) => FieldType | undefined
) {
  const type = typeOf(field)

  if (
    type === 'number' &&
    (literal.trim() === '' || Number.isNaN(Number(literal)))
  ) {
    throw new WhereError(`_where: ${field} is a number, "${literal}" is not`)
  }

  if (type === 'boolean' && literal !== 'true' && literal !== 'false') {
    throw new WhereError(`_where: ${field} is a boolean, "${literal}" is not`)
  }
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
