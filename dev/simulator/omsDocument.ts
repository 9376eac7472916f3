// Request bodies of the OMS writes, checked against VTEX's own document of the calls the app
// makes (oms-orders.openapi.json), so that the sandbox refuses what the document does not allow.
// Stricter in one way: a field the document does not name is refused too (a typo would
// otherwise pass here and be silently ignored by VTEX).
import { readFileSync } from 'node:fs'
import path from 'node:path'

import Ajv from 'ajv'
import type { ErrorObject } from 'ajv'

import { appRoot } from '../appRoot'

const FILE = 'oms-orders.openapi.json'
const COMPONENTS = '#/components/schemas/'

export type OmsBodySchema =
  | 'Updatepartialinvoice.SendTrackingNumber.Request'
  | 'UpdateTrackingStatusRequest'

type Schema = {
  $ref?: string
  properties?: Record<string, Schema>
  items?: Schema
}

interface Document {
  components: { schemas: Record<string, Schema> }
}

/** The repository's copy, beside the other VTEX documents (dev/schemas/README.md). */
function documentPath(): string {
  return path.join(appRoot(), 'dev', 'schemas', 'vtex', FILE)
}

let loaded: { doc: Document; ajv: Ajv } | undefined

/** Read and compiled on first use only: most simulator runs never see an OMS write. */
function load(): { doc: Document; ajv: Ajv } {
  if (!loaded) {
    const doc = JSON.parse(readFileSync(documentPath(), 'utf8')) as Document
    // Ajv's default draft understands OpenAPI's `nullable`; strict off for its other keywords.
    const ajv = new Ajv({ strict: false, allErrors: true, logger: false })

    ajv.addSchema(doc, 'oms')
    loaded = { doc, ajv }
  }

  return loaded
}

function resolve(doc: Document, schema: Schema): Schema {
  const name = schema.$ref?.startsWith(COMPONENTS)
    ? schema.$ref.slice(COMPONENTS.length)
    : undefined

  return name ? doc.components.schemas[name] ?? {} : schema
}

/** Fields the document does not name, as paths (`events.0.town`); the first 5. */
function unknownFields(
  doc: Document,
  schema: Schema,
  value: unknown
): string[] {
  const found: string[] = []
  const walk = (at: Schema, node: unknown, where: string[]) => {
    const s = resolve(doc, at)

    if (where.length > 8 || found.length >= 5) return
    if (Array.isArray(node)) {
      const { items } = s

      if (items) {
        node
          .slice(0, 100)
          .forEach((item, i) => walk(items, item, [...where, `${i}`]))
      }

      return
    }

    if (!s.properties || typeof node !== 'object' || node === null) return
    for (const [key, child] of Object.entries(node)) {
      const property = s.properties[key]

      if (!property) found.push([...where, key].join('.'))
      else walk(property, child, [...where, key])
    }
  }

  walk(schema, value, [])

  return found.slice(0, 5)
}

const sentence = (e: ErrorObject): string =>
  `body${e.instancePath.replace(/\//g, '.')} ${e.message ?? 'is invalid'}`

/** null when `value` is valid against the document's component `name`; else why not. */
export function omsSchemaProblem(name: string, value: unknown): string | null {
  const validate = load().ajv.getSchema(`oms${COMPONENTS}${name}`)

  if (!validate) throw new Error(`VTEX's ${FILE} has no schema ${name}`)
  if (validate(value)) return null

  return (validate.errors ?? []).slice(0, 5).map(sentence).join('; ')
}

/** null when `body` is what the document asks for (and names no other field); else what is wrong. */
export function omsBodyProblem(
  name: OmsBodySchema,
  body: unknown
): string | null {
  const problem = omsSchemaProblem(name, body)

  if (problem) return problem
  const unknown = unknownFields(
    load().doc,
    { $ref: `${COMPONENTS}${name}` },
    body
  )

  return unknown.length > 0
    ? `VTEX's document has no field ${unknown.join(', ')}`
    : null
}
