// The store's VBase, driven through `@vtex/api`'s own VBase client with only its base URL
// changed: ETags and If-Match, listing by prefix with paging, and the store's own refusals.
/* eslint-disable @typescript-eslint/no-explicit-any */ // client errors, checked by the assertions
/* eslint-disable no-await-in-loop */ // sequential writes and pages on purpose
import { mkdtempSync, rmSync } from 'fs'
import { request } from 'http'
import { tmpdir } from 'os'
import path from 'path'

// VBase reads its app name when @vtex/api loads, as on VTEX IO: set before the imports below.
process.env.VTEX_APP_ID = 'pnplabs.pick-and-pack-tracking@0.1.0'

/* eslint-disable import/first */
import { localContext, storeVBase } from '../clients'
import type { Store } from '../server'
import { createStore } from '../server'
/* eslint-enable import/first */

jest.setTimeout(10_000)

const APP = 'pnplabs.pick-and-pack-tracking'
let dataDir: string
let store: Store

const vbase = (account = 'acc') => {
  const StoreVBase = storeVBase(store.url)

  // A new client per use: @vtex/api memoizes GETs per client, as per request on VTEX IO.
  return new StoreVBase(localContext(account), { timeout: 3000 })
}

interface Raw {
  status: number
  headers: Record<string, unknown>
  body: string
}

const JSON_TYPE = { 'Content-Type': 'application/json' }

/** A raw call, for what the client cannot send. */
function call(
  method: string,
  target: string,
  init: { body?: string | Buffer; headers?: Record<string, string> } = {}
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    // Options, not a URL: a URL would resolve ".." before it is sent.
    const options = {
      host: '127.0.0.1',
      port: store.port,
      path: target,
      method,
    }

    const req = request({ ...options, headers: init.headers }, (res) => {
      const chunks: Buffer[] = []

      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        })
      )
    })

    req.on('error', reject)
    req.end(init.body)
  })
}

const byText = (a: unknown, b: unknown) => String(a).localeCompare(String(b))

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: any) => error?.response?.status ?? error?.code
  )

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pnp-store-vbase-'))
  store = await createStore({ dataDir, appRoot: dataDir })
})

afterEach(async () => {
  await store.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('VBase files', () => {
  it('saves and reads JSON with an ETag that names the content', async () => {
    await vbase().saveJSON('history', 'orders/1.json', { v: 1 })
    const read = await vbase().getRawJSON<{ v: number }>(
      'history',
      'orders/1.json'
    )

    expect(read.data).toEqual({ v: 1 })
    expect(read.headers.etag).toMatch(/^"[0-9a-f]{40}"$/)
    expect(await vbase().getJSON('history', 'missing.json', true)).toBeNull()
    expect(await statusOf(vbase().getJSON('history', 'missing.json'))).toBe(404)
  })

  it('answers 412 to a stale If-Match and keeps the newer version', async () => {
    await vbase().saveJSON('history', 'o.json', { v: 1 })
    const first = await vbase().getRawJSON('history', 'o.json')
    const etag = String(first.headers.etag)

    await vbase().saveJSON('history', 'o.json', { v: 2 }, undefined, etag)
    expect(
      await statusOf(
        vbase().saveJSON('history', 'o.json', { v: 3 }, undefined, etag)
      )
    ).toBe(412)
    expect(await vbase().getJSON('history', 'o.json')).toEqual({ v: 2 })
  })

  it('answers 412 to any If-Match on a file that does not exist', async () => {
    expect(
      await statusOf(
        vbase().saveJSON('history', 'new.json', { v: 1 }, undefined, '"abc"')
      )
    ).toBe(412)
    expect(await vbase().getJSON('history', 'new.json', true)).toBeNull()
  })

  it('lets exactly one of two writers with the same ETag win', async () => {
    await vbase().saveJSON('history', 'race.json', { n: 0 })
    const etag = String(
      (await vbase().getRawJSON('history', 'race.json')).headers.etag
    )

    const results = await Promise.all(
      [1, 2].map((n) =>
        statusOf(
          vbase().saveJSON('history', 'race.json', { n }, undefined, etag)
        )
      )
    )

    expect(results.sort(byText)).toEqual([200, 412])
  })

  it('deletes, honouring If-Match', async () => {
    await vbase().saveJSON('history', 'd.json', { v: 1 })
    const { etag } = (await vbase().getRawJSON('history', 'd.json')).headers

    expect(
      await statusOf(
        vbase().deleteFile('history', 'd.json', undefined, '"stale"')
      )
    ).toBe(412)
    await vbase().deleteFile('history', 'd.json', undefined, String(etag))
    expect(await vbase().getJSON('history', 'd.json', true)).toBeNull()
    expect(await statusOf(vbase().deleteFile('history', 'd.json'))).toBe(404)
  })

  it('keeps accounts, workspaces, apps and buckets apart', async () => {
    await vbase('acc').saveJSON('b1', 'x.json', { who: 'acc/b1' })
    await vbase('acc').saveJSON('b2', 'x.json', { who: 'acc/b2' })
    await vbase('other').saveJSON('b1', 'x.json', { who: 'other/b1' })

    expect(await vbase('acc').getJSON('b1', 'x.json')).toEqual({
      who: 'acc/b1',
    })
    expect(await vbase('acc').getJSON('b2', 'x.json')).toEqual({
      who: 'acc/b2',
    })
    expect(await vbase('other').getJSON('b1', 'x.json')).toEqual({
      who: 'other/b1',
    })
    const dev = await call(
      'GET',
      `/vbase/acc/dev/buckets/${APP}/b1/files/x.json`
    )

    expect(dev.status).toBe(404)
  })

  it('accepts an empty app segment (VTEX_APP_ID unset)', async () => {
    const target = '/vbase/acc/master/buckets//b/files/k.json'
    const put = await call('PUT', target, {
      body: '{"v":1}',
      headers: JSON_TYPE,
    })

    expect(put.status).toBe(200)
    expect(JSON.parse((await call('GET', target)).body)).toEqual({ v: 1 })
    expect(
      (await call('GET', `/vbase/acc/master/buckets/${APP}/b/files/k.json`))
        .status
    ).toBe(404)
  })
})

describe('VBase listing', () => {
  it('lists by prefix in path order, page by page', async () => {
    const paths = [
      'orders/b',
      'orders/a',
      'orders/c/1',
      'other/x',
      'orders/d',
      'ordersX',
    ]

    for (const p of paths) await vbase().saveJSON('idx', p, { p })

    const seen: string[] = []
    let next: string | undefined

    for (let page = 0; page < 10; page++) {
      const result = await vbase().listFiles('idx', {
        prefix: 'orders/',
        limit: 2,
        next,
      })

      expect(result.data.length).toBeLessThanOrEqual(2)
      seen.push(...result.data.map((f) => f.path))
      next = result.next
      if (!next) break
    }

    expect(seen).toEqual(['orders/a', 'orders/b', 'orders/c/1', 'orders/d'])
    const all = await vbase().listFiles('idx')

    expect(all.data.map((f) => f.path)).toEqual([...paths].sort(byText))
    expect(all.next).toBeUndefined()
    expect(all.data[0].hash).toMatch(/^[0-9a-f]{40}$/)
  })

  it('caps a page at 1000 and refuses a marker it did not give', async () => {
    const listed = await call(
      'GET',
      `/vbase/acc/master/buckets/${APP}/idx/files?limit=5000`
    )

    expect(listed.status).toBe(200)
    const bad = await call(
      'GET',
      `/vbase/acc/master/buckets/${APP}/idx/files?next=%%%`
    )

    expect(bad.status).toBe(400)
  })
})

describe('VBase refusals', () => {
  const target = `/vbase/acc/master/buckets/${APP}/b/files`

  it('refuses invalid JSON, encoded bodies, path traversal and bodies over 1 MiB', async () => {
    const put = (file: string, body: string | Buffer) =>
      call('PUT', `${target}/${file}`, { body, headers: JSON_TYPE }).then(
        (r) => r.status
      )

    expect(await put('x.json', '{nope')).toBe(400)
    expect(await put('a/../x.json', '{}')).toBe(400)
    expect(await put('a/%2E%2E/x.json', '{}')).toBe(400)
    expect(await put('big.json', Buffer.alloc(1024 * 1024 + 10, 0x20))).toBe(
      413
    )
    const chunked = await call('PUT', `${target}/big.txt`, {
      body: Buffer.alloc(1024 * 1024 + 10, 0x61),
      headers: { 'Transfer-Encoding': 'chunked' },
    })

    expect(chunked.status).toBe(413)
    const encoded = await call('PUT', `${target}/z.txt`, {
      body: 'plain',
      headers: { 'Content-Encoding': 'gzip' },
    })

    expect(encoded.status).toBe(415)
    expect((await call('GET', '/vbase/acc')).status).toBe(404)
  })
})
