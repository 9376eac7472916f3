import { mkdtempSync, readFileSync, rmSync, statSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import { FileVBase, readStoreFiles } from '../host/fileVBase'

let dataDir: string
const stores: FileVBase[] = []

const open = (compactAtBytes?: number) => {
  const store = new FileVBase(dataDir, compactAtBytes)

  stores.push(store)

  return store
}

const history = (entries: number) => ({
  orderId: 'o-1',
  entries: Array.from({ length: entries }, (_, i) => ({
    id: `e${i}`,
    note: 'x'.repeat(200),
  })),
})

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pnp-filevbase-'))
})

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()))
  rmSync(dataDir, { recursive: true, force: true })
})

describe('FileVBase', () => {
  it('answers a stale If-Match with 412 and keeps the newer version', async () => {
    const store = open()

    await store.saveJSON('b', 'doc.json', { v: 1 })
    const first = await store.getRawJSON<{ v: number }>('b', 'doc.json')

    await store.saveJSON(
      'b',
      'doc.json',
      { v: 2 },
      undefined,
      String(first.headers.etag)
    )
    await expect(
      store.saveJSON(
        'b',
        'doc.json',
        { v: 3 },
        undefined,
        String(first.headers.etag)
      )
    ).rejects.toMatchObject({ response: { status: 412 } })
    expect((await store.getRawJSON('b', 'doc.json')).data).toEqual({ v: 2 })
  })

  it('refuses paths that leave the bucket', async () => {
    const store = open()

    for (const file of [
      '../x.json',
      'a/../../x.json',
      '/abs.json',
      'a//b.json',
    ]) {
      // eslint-disable-next-line no-await-in-loop
      await expect(store.saveJSON('b', file, {})).rejects.toMatchObject({
        response: { status: 400 },
      })
    }

    for (const bucket of ['b/c', '..', '']) {
      // eslint-disable-next-line no-await-in-loop
      await expect(store.saveJSON(bucket, 'x.json', {})).rejects.toMatchObject({
        response: { status: 400 },
      })
    }

    // A path checked once is checked the same way the next time.
    await store.saveJSON('b', 'ok.json', {})
    await expect(store.saveJSON('b', '../ok.json', {})).rejects.toMatchObject({
      response: { status: 400 },
    })
  })

  it('folds a long journal into the snapshot while running, and loses nothing', async () => {
    const store = open(64 * 1024)

    for (let i = 1; i <= 60; i++) {
      // eslint-disable-next-line no-await-in-loop
      await store.saveJSON('b', 'orders/o-1.json', history(i))
    }

    await store.saveJSON('b', 'recent/0.json', { entries: [{ id: 'r' }] })
    await store.close()

    const dir = path.join(dataDir, 'vbase')

    // Compacted at least once: the journal holds only what came after the last fold.
    expect(statSync(path.join(dir, 'journal.ndjson')).size).toBeLessThan(
      64 * 1024
    )
    expect(
      Object.keys(
        JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8'))
      )
    ).toContain('b/orders/o-1.json')

    const files = readStoreFiles(dataDir)

    expect(JSON.parse(files.get('b/orders/o-1.json') ?? '')).toEqual(
      history(60)
    )
    expect(JSON.parse(files.get('b/recent/0.json') ?? '')).toEqual({
      entries: [{ id: 'r' }],
    })

    const reopened = open()

    expect((await reopened.getRawJSON('b', 'orders/o-1.json')).data).toEqual(
      history(60)
    )
  })
})
