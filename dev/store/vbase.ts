// VBase, as `@vtex/api`'s VBase client calls it, under `/vbase/{account}/{workspace}`:
//   /buckets/{app}/{bucket}/files/{path...}   GET, PUT (If-Match), DELETE (If-Match)
//   /buckets/{app}/{bucket}/files             GET (list by prefix, paged)
// Files live in memory for reads and on disk (one file each) for durability.
import { createHash } from 'crypto'
import path from 'path'

import {
  fileName,
  KeyedQueue,
  listFilesSync,
  readSync,
  removeFile,
  writeAtomic,
} from './durable'
import type { Reply } from './http'
import { badRequest, json, parseJson, StoreError } from './http'
import type { StoreRequest } from './request'
import { header } from './request'
import {
  compareStrings,
  insertSorted,
  lowerBound,
  removeSorted,
  upperBound,
} from './sorted'

const LIST_DEFAULT = 100
const LIST_MAX = 1000

interface StoredFile {
  path: string
  type: string
  body: Buffer
  /** The content's hash; the ETag is this, quoted. */
  hash: string
}

interface Bucket {
  dir: string
  files: Map<string, StoredFile>
  /** Every path, in lexicographic order, for listing by prefix. */
  paths: string[]
}

interface Address {
  account: string
  workspace: string
  app: string
  bucket: string
}

const hashOf = (body: Buffer) => createHash('sha1').update(body).digest('hex')

const etagOf = (file: StoredFile) => `"${file.hash}"`

/** An ETag as sent back (quoted or not, weak or not) compared by its hash alone. */
const bareTag = (tag: string) =>
  tag.trim().replace(/^W\//, '').replace(/"/g, '')

/** What the app call is, for the stats: the HTTP method, or LIST for a listing (`segments` as in handle). */
export function vbaseOperation(method: string, segments: string[]) {
  return method === 'GET' &&
    segments[2] === 'buckets' &&
    segments[5] === 'files' &&
    segments.length === 6
    ? 'LIST'
    : method
}

export class VBaseStore {
  private readonly buckets = new Map<string, Bucket>()
  private readonly queue = new KeyedQueue()
  private readonly root: string

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'store', 'vbase')
    this.load()
  }

  /** Reads every stored file back: the file header holds its real address and type. */
  private load() {
    for (const file of listFilesSync(this.root)) {
      const raw = readSync(file)
      const newline = raw.indexOf(10)

      if (newline < 0) continue
      const meta = JSON.parse(raw.subarray(0, newline).toString('utf8')) as {
        address: Address
        path: string
        type: string
      }

      const body = raw.subarray(newline + 1)
      const bucket = this.bucket(meta.address)

      bucket.files.set(meta.path, {
        path: meta.path,
        type: meta.type,
        body,
        hash: hashOf(body),
      })
      bucket.paths.push(meta.path)
    }

    for (const bucket of this.buckets.values())
      bucket.paths.sort(compareStrings)
  }

  public idle() {
    return this.queue.idle()
  }

  public async handle(request: StoreRequest): Promise<Reply> {
    const { method, segments } = request
    const [account, workspace, buckets, app, bucketName, kind] = segments

    if (
      segments.length < 5 ||
      buckets !== 'buckets' ||
      !account ||
      !workspace ||
      !bucketName
    ) {
      throw new StoreError(404, 'NotFound', 'No such VBase route')
    }

    const address = { account, workspace, app, bucket: bucketName }

    if (kind !== 'files') {
      throw new StoreError(404, 'NotFound', 'No such VBase route')
    }

    if (segments.length === 6) {
      if (method === 'GET') return this.list(address, request.query)
      throw new StoreError(405, 'MethodNotAllowed', `${method} is not allowed`)
    }

    const filePath = validPath(segments.slice(6))

    if (method === 'GET') return this.read(address, filePath)

    switch (method) {
      case 'PUT':
        return this.save(address, filePath, request)

      case 'DELETE':
        return this.remove(
          address,
          filePath,
          header(request.headers, 'if-match')
        )

      default:
        throw new StoreError(
          405,
          'MethodNotAllowed',
          `${method} is not allowed`
        )
    }
  }

  private bucket(address: Address): Bucket {
    const key = [
      address.account,
      address.workspace,
      address.app,
      address.bucket,
    ].join('\0')

    let bucket = this.buckets.get(key)

    if (!bucket) {
      bucket = {
        dir: path.join(
          this.root,
          fileName(address.account),
          fileName(address.workspace),
          fileName(address.app),
          fileName(address.bucket)
        ),
        files: new Map(),
        paths: [],
      }
      this.buckets.set(key, bucket)
    }

    return bucket
  }

  private read(address: Address, filePath: string): Reply {
    const file = this.bucket(address).files.get(filePath)

    if (!file) throw notFound(filePath)

    return {
      status: 200,
      headers: { 'Content-Type': file.type, ETag: etagOf(file) },
      body: file.body,
    }
  }

  private async save(
    address: Address,
    filePath: string,
    request: StoreRequest
  ) {
    const type =
      header(request.headers, 'content-type') ?? 'application/octet-stream'

    const body = await request.body()

    if (/json/i.test(type)) parseJson(body)
    const bucket = this.bucket(address)
    const ifMatch = header(request.headers, 'if-match')

    return this.queue.run(`${bucket.dir}/${filePath}`, async () => {
      checkIfMatch(bucket.files.get(filePath), ifMatch, filePath)
      const file = { path: filePath, type, body, hash: hashOf(body) }
      const meta = JSON.stringify({ address, path: filePath, type })

      await writeAtomic(
        path.join(bucket.dir, fileName(filePath)),
        Buffer.concat([Buffer.from(`${meta}\n`), body])
      )
      if (!bucket.files.has(filePath)) {
        insertSorted(bucket.paths, filePath, compareStrings)
      }

      bucket.files.set(filePath, file)

      return {
        status: 200,
        headers: { ETag: etagOf(file) },
        body: [{ path: filePath, hash: file.hash }],
      }
    })
  }

  private remove(address: Address, filePath: string, ifMatch?: string) {
    const bucket = this.bucket(address)

    return this.queue.run(`${bucket.dir}/${filePath}`, async () => {
      const file = bucket.files.get(filePath)

      if (!file) throw notFound(filePath)
      checkIfMatch(file, ifMatch, filePath)
      await removeFile(path.join(bucket.dir, fileName(filePath)))
      bucket.files.delete(filePath)
      removeSorted(bucket.paths, filePath, compareStrings)

      return { status: 204 }
    })
  }

  /**
   * Files whose path starts with `prefix`, in lexicographic order, `limit` at a time; `next`
   * (the last path of the page, opaque to the caller) asks for the page after it.
   */
  private list(address: Address, query: URLSearchParams): Reply {
    const { paths, files } = this.bucket(address)
    const prefix = query.get('prefix') ?? ''
    const marker = query.get('next') ?? query.get('marker')
    const limit = listLimit(query.get('limit'))
    let at = lowerBound(paths, prefix, compareStrings)

    if (marker) {
      at = Math.max(at, upperBound(paths, decodeMarker(marker), compareStrings))
    }

    const data: Array<{ path: string; hash: string }> = []

    for (; at < paths.length && data.length < limit; at++) {
      if (!paths[at].startsWith(prefix)) break
      data.push({
        path: paths[at],
        hash: (files.get(paths[at]) as StoredFile).hash,
      })
    }

    const more = at < paths.length && paths[at].startsWith(prefix)

    return json(200, {
      data,
      ...(more && data.length > 0
        ? { next: encodeMarker(data[data.length - 1].path) }
        : {}),
    })
  }
}

/** A file path as VBase keys it: non-empty segments, never "." or "..". */
function validPath(segments: string[]): string {
  if (segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw badRequest('A file path has no empty, "." or ".." segments')
  }

  return segments.join('/')
}

/** If-Match must name the stored version: a stale ETag, or any ETag of a missing file, is 412. */
function checkIfMatch(
  file: StoredFile | undefined,
  ifMatch: string | undefined,
  filePath: string
) {
  if (ifMatch === undefined) return
  if (file && (ifMatch.trim() === '*' || bareTag(ifMatch) === file.hash)) return
  throw new StoreError(
    412,
    'PreconditionFailed',
    file
      ? `${filePath} changed since ETag ${ifMatch}`
      : `${filePath} does not exist, so no ETag matches`
  )
}

function listLimit(raw: string | null) {
  if (raw === null || raw === '') return LIST_DEFAULT
  const limit = Number(raw)

  if (!Number.isInteger(limit) || limit < 1) {
    throw badRequest(`limit must be a positive whole number, got "${raw}"`)
  }

  return Math.min(limit, LIST_MAX)
}

function encodeMarker(lastPath: string) {
  return Buffer.from(lastPath, 'utf8').toString('base64url')
}

function decodeMarker(marker: string) {
  const decoded = Buffer.from(marker, 'base64url').toString('utf8')

  if (encodeMarker(decoded) !== marker) {
    throw badRequest('next is not a marker this store gave')
  }

  return decoded
}

function notFound(filePath: string) {
  return new StoreError(404, 'FileNotFound', `File ${filePath} not found`)
}
