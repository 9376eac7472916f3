// VBase, as `@vtex/api`'s VBase client calls it, under `/vbase/{account}/{workspace}`:
//   /buckets/{app}/{bucket}/files/{path...}  GET, PUT (If-Match), DELETE (If-Match)
//   /buckets/{app}/{bucket}/files            GET: by `prefix`, `limit` a page, then `next`
// If-Match with a stale ETag, or with any ETag on a missing file, is 412, as on VBase.
import { createHash } from 'crypto'

import type { Call, Reply } from './call'
import { badRequest, parseJson, StoreError } from './call'
import type { Db } from './database'

const LIST_DEFAULT = 100
const LIST_MAX = 1000

interface StoredFile {
  type: string
  body: Buffer
  hash: string
}

/** What a call is, for the stats: its method, or LIST for a listing. */
export const vbaseOperation = (method: string, parts: string[]) =>
  method === 'GET' && parts.length === 6 ? 'LIST' : method

export function vbase(db: Db) {
  const read = db.prepare(
    'SELECT type, body, hash FROM files WHERE bucket = ? AND path = ?'
  )

  const save = db.prepare('INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)')
  const remove = db.prepare('DELETE FROM files WHERE bucket = ? AND path = ?')
  const list = db.prepare(
    `SELECT path, hash FROM files WHERE bucket = @bucket AND path >= @from
      AND substr(path, 1, length(@prefix)) = @prefix ORDER BY path LIMIT @limit`
  )

  function listing(bucket: string, query: URLSearchParams): Reply {
    const prefix = query.get('prefix') ?? ''
    const limit = Number(query.get('limit') ?? LIST_DEFAULT)
    const next = query.get('next')
    const after = next ? Buffer.from(next, 'base64url').toString('utf8') : ''

    if (!Number.isInteger(limit) || limit < 1) {
      throw badRequest(
        `limit must be a positive whole number, got "${query.get('limit')}"`
      )
    }

    if (next && Buffer.from(after).toString('base64url') !== next) {
      throw badRequest('next is not a marker this store gave')
    }

    // The first path after the marker, or the prefix itself, whichever comes later.
    const from = next ? `${after}\0` : ''
    const rows = list.all({
      bucket,
      from: from > prefix ? from : prefix,
      prefix,
      limit: Math.min(limit, LIST_MAX) + 1,
    }) as Array<{ path: string; hash: string }>

    const data = rows.slice(0, Math.min(limit, LIST_MAX))
    const last = data[data.length - 1]

    return {
      status: 200,
      body:
        rows.length > data.length
          ? { data, next: Buffer.from(last.path).toString('base64url') }
          : { data },
    }
  }

  return (call: Call): Reply => {
    const [account, workspace, buckets, app, bucketName, files, ...rest] =
      call.parts

    if (
      !account ||
      !workspace ||
      buckets !== 'buckets' ||
      !bucketName ||
      files !== 'files'
    ) {
      throw new StoreError(404, 'No such VBase route')
    }

    const bucket = JSON.stringify([account, workspace, app, bucketName])

    if (rest.length === 0 && call.method === 'GET')
      return listing(bucket, call.query)
    if (
      rest.length === 0 ||
      rest.some((s) => s === '' || s === '.' || s === '..')
    ) {
      throw badRequest('A file path has no empty, "." or ".." segments')
    }

    const path = rest.join('/')
    const file = read.get(bucket, path) as StoredFile | undefined
    const ifMatch = call.header('if-match')

    if (call.method === 'GET') {
      if (!file) throw new StoreError(404, `File ${path} not found`)

      return {
        status: 200,
        headers: { 'Content-Type': file.type, ETag: `"${file.hash}"` },
        body: file.body,
      }
    }

    if (
      ifMatch !== undefined &&
      !(
        file &&
        (ifMatch.trim() === '*' ||
          ifMatch.trim().replace(/^W\/|"/g, '') === file.hash)
      )
    ) {
      throw new StoreError(
        412,
        file
          ? `${path} changed since ETag ${ifMatch}`
          : `${path} does not exist, so no ETag matches`
      )
    }

    if (call.method === 'PUT') {
      const type = call.header('content-type') ?? 'application/octet-stream'
      const hash = createHash('sha1').update(call.body).digest('hex')

      if (/json/i.test(type)) parseJson(call.body)
      save.run(bucket, path, type, call.body, hash)

      return {
        status: 200,
        headers: { ETag: `"${hash}"` },
        body: [{ path, hash }],
      }
    }

    if (call.method !== 'DELETE')
      throw new StoreError(405, `${call.method} is not allowed`)
    if (!file) throw new StoreError(404, `File ${path} not found`)
    remove.run(bucket, path)

    return { status: 204 }
  }
}
