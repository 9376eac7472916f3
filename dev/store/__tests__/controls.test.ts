// The store's loopback controls: injected faults (412 and 500 without committing, and
// "timeout-after-commit"), call stats, and the latency added to every app call.
/* eslint-disable @typescript-eslint/no-explicit-any */ // client errors, checked by the assertions
/* eslint-disable no-await-in-loop */ // one refusal after another on purpose
import { mkdtempSync, rmSync } from 'fs'
import { request } from 'http'
import { tmpdir } from 'os'
import path from 'path'

// VBase reads its app name when @vtex/api loads, as on VTEX IO: set before the imports below.
process.env.VTEX_APP_ID = 'pnplabs.pick-and-pack-tracking@0.1.0'

/* eslint-disable import/first */
import { localContext, storeMasterData, storeVBase } from '../clients'
import type { Store, StoreOptions } from '../server'
import { isLoopbackAddress } from '../../loopback'
import { createStore } from '../server'
/* eslint-enable import/first */

jest.setTimeout(10_000)

const FILES =
  '/vbase/acc/master/buckets/pnplabs.pick-and-pack-tracking/b/files/'

let dataDir: string
let store: Store

async function open(options: StoreOptions = {}) {
  store = await createStore({
    dataDir,
    appRoot: dataDir,
    indexDelayMs: 0,
    ...options,
  })
}

const vbase = (timeout = 3000) =>
  new (storeVBase(store.url))(localContext(), { timeout })

const md = (timeout = 3000) =>
  new (storeMasterData(store.url))(localContext(), { timeout })

async function control(method: string, target: string, body?: unknown) {
  const response = await fetch(`${store.url}${target}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  })

  return {
    status: response.status,
    body: response.status === 204 ? undefined : await response.json(),
  }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: any) => error?.response?.status ?? error?.code
  )

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pnp-store-controls-'))
})

afterEach(async () => {
  await store.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('faults', () => {
  it('answers 412 without committing, as many times as asked', async () => {
    await open()
    const fault = {
      method: 'PUT',
      pathPrefix: `${FILES}orders/`,
      answer: 412,
      times: 2,
    }

    expect((await control('POST', '/_store/faults', fault)).status).toBe(201)
    expect(
      await failure(vbase().saveJSON('b', 'orders/1.json', { v: 1 }))
    ).toBe(412)
    expect(await failure(vbase().saveJSON('b', 'other/1.json', { v: 1 }))).toBe(
      'ok'
    )
    expect(await failure(vbase().getJSON('b', 'orders/1.json', true))).toBe(
      'ok'
    )
    expect(await vbase().getJSON('b', 'orders/1.json', true)).toBeNull()
    expect(
      await failure(vbase().saveJSON('b', 'orders/1.json', { v: 2 }))
    ).toBe(412)
    expect(
      await failure(vbase().saveJSON('b', 'orders/1.json', { v: 3 }))
    ).toBe('ok')
    expect(await vbase().getJSON('b', 'orders/1.json')).toEqual({ v: 3 })
  })

  it('answers 500 without committing, for any method with "*"', async () => {
    await open()
    const pathPrefix = '/api/dataentities/orders/documents'

    await control('POST', '/_store/faults', {
      method: '*',
      pathPrefix,
      answer: 500,
      times: 1,
    })
    const write = (id: string) =>
      md().createOrUpdateEntireDocument({
        dataEntity: 'orders',
        id,
        fields: { n: 1 },
      })

    expect(await failure(write('a'))).toBe(500)
    expect(
      await failure(
        md().getDocument({ dataEntity: 'orders', id: 'a', fields: ['n'] })
      )
    ).toBe(404)
    expect(await failure(write('a'))).toBe('ok')
  })

  it('commits and never answers on "timeout-after-commit"', async () => {
    await open()
    await control('POST', '/_store/faults', {
      method: 'PUT',
      pathPrefix: FILES,
      answer: 'timeout-after-commit',
    })
    await control('POST', '/_store/faults', {
      method: 'PATCH',
      pathPrefix: '/api/dataentities/',
      answer: 'timeout-after-commit',
    })

    const started = Date.now()

    expect(await failure(vbase(300).saveJSON('b', 'late.json', { v: 1 }))).toBe(
      'ECONNABORTED'
    )
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    expect(await vbase().getJSON('b', 'late.json')).toEqual({ v: 1 })

    const patch = md(300).createOrUpdatePartialDocument({
      dataEntity: 'orders',
      id: 'p',
      fields: { n: 2 },
    })

    expect(await failure(patch)).toBe('ECONNABORTED')
    expect(
      await md().getDocument({ dataEntity: 'orders', id: 'p', fields: ['n'] })
    ).toEqual({
      n: 2,
    })
  })

  it('drops a held call after holdMs, and close() ends held calls at once', async () => {
    await open({ holdMs: 300 })
    await control('POST', '/_store/faults', {
      method: 'GET',
      pathPrefix: '/vbase/',
      answer: 'timeout-after-commit',
      times: 2,
    })
    const raw = () =>
      new Promise<string>((resolve) => {
        request(`${store.url}${FILES}x.json`, (res) =>
          resolve(`answered ${res.statusCode}`)
        )
          .on('error', (error: any) => resolve(error.code))
          .end()
      })

    const started = Date.now()

    expect(await raw()).toBe('ECONNRESET')
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    const held = raw()

    await new Promise((resolve) => setTimeout(resolve, 50))
    await store.close()
    expect(await held).toBe('ECONNRESET')
    await open() // for afterEach
  })

  it('clears faults, and refuses malformed ones', async () => {
    await open()
    await control('POST', '/_store/faults', {
      pathPrefix: '/',
      answer: 500,
      times: 5,
    })
    expect((await control('DELETE', '/_store/faults')).status).toBe(204)
    expect(await failure(vbase().saveJSON('b', 'x.json', {}))).toBe('ok')

    for (const bad of [
      { answer: 404 },
      { answer: 500, times: 0 },
      { answer: 500, pathPrefix: 'vbase' },
      { answer: 500, method: 'P UT' },
    ]) {
      const refused = await control('POST', '/_store/faults', bad)

      expect(refused.status).toBe(400)
      expect(refused.body.message).toBeTruthy()
    }
  })
})

describe('stats', () => {
  it('counts app calls by API and operation, not control calls', async () => {
    await open()
    await control('POST', '/_store/stats/reset')
    await vbase().saveJSON('b', 'x.json', { v: 1 })
    await vbase().getJSON('b', 'x.json')
    await vbase().getJSON('b', 'missing.json', true)
    await vbase().listFiles('b')
    await vbase().deleteFile('b', 'x.json')
    await md().createDocument({ dataEntity: 'e', fields: { a: 1 } })
    await md().searchDocuments({
      dataEntity: 'e',
      fields: ['id'],
      pagination: { page: 1, pageSize: 10 },
    })
    await control('POST', '/_store/faults', { answer: 500, pathPrefix: '/x' })

    const { body } = await control('GET', '/_store/stats')

    expect(body).toEqual({
      vbase: { GET: 2, PUT: 1, DELETE: 1, LIST: 1 },
      masterdata: { GET: 0, POST: 1, PUT: 0, PATCH: 0, SEARCH: 1 },
      total: 7,
    })
    await control('POST', '/_store/stats/reset')
    expect((await control('GET', '/_store/stats')).body.total).toBe(0)
  })
})

describe('latency', () => {
  it('is added to every app call, not to control calls', async () => {
    await open({ latencyMs: 150 })
    let started = Date.now()

    await vbase().saveJSON('b', 'x.json', { v: 1 })
    expect(Date.now() - started).toBeGreaterThanOrEqual(145)
    started = Date.now()
    await md()
      .getDocument({ dataEntity: 'e', id: 'x', fields: ['id'] })
      .catch(() => null)
    expect(Date.now() - started).toBeGreaterThanOrEqual(145)
    started = Date.now()
    await control('GET', '/_store/stats')
    expect(Date.now() - started).toBeLessThan(145)
  })
})

describe('one store per DATA_DIR', () => {
  it('refuses a second store on a folder in use, until the first closes', async () => {
    await open()
    await expect(createStore({ dataDir, appRoot: dataDir })).rejects.toThrow(
      /in use/
    )
    await store.close()
    await open()
    expect((await control('GET', '/_store/stats')).status).toBe(200)
  })
})

describe('loopback', () => {
  it('knows loopback addresses (the controls answer only those)', () => {
    expect(
      ['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'].every(
        isLoopbackAddress
      )
    ).toBe(true)
    expect(
      ['10.0.0.1', '::ffff:10.0.0.1', '192.168.1.2', undefined].some(
        isLoopbackAddress
      )
    ).toBe(false)
  })
})
