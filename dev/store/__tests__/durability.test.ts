// A write the store answered survives SIGKILL: the CLI runs as its own process, takes writes
// through `@vtex/api`'s clients, is killed without warning, and a new process on the same
// DATA_DIR serves every answered write (GET and search).
/* eslint-disable @typescript-eslint/no-explicit-any */ // documents, checked by the assertions
import type { ChildProcess } from 'child_process'
import { spawn } from 'child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

// VBase reads its app name when @vtex/api loads, as on VTEX IO: set before the imports below.
process.env.VTEX_APP_ID = 'pnplabs.pick-and-pack-tracking@0.1.0'

/* eslint-disable import/first */
import { appRoot } from '../../appRoot'
import { localContext, storeMasterData, storeVBase } from '../clients'
/* eslint-enable import/first */

jest.setTimeout(30_000)

const ENTITY = 'pnplabs_pick-and-pack-tracking_orders'
const DOCS = 300
const FILES = 100
let root: string
const children: ChildProcess[] = []

/** Starts `dev/store/cli.ts` (through tsx, no build) and resolves with its URL. */
function startCli(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', 'dev/store/cli.ts'], {
    cwd: appRoot(),
    env: {
      ...process.env,
      STORE_PORT: '0',
      DATA_DIR: path.join(root, 'data'),
      APP_ROOT: root,
      STORE_INDEX_DELAY_MS: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })

  children.push(child)

  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(
      () => reject(new Error(`store did not start: ${output}`)),
      15_000
    )

    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = / on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)

      if (match) {
        clearTimeout(timer)
        resolve({ url: match[1], child })
      }
    }

    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`store exited (${code}): ${output}`))
    })
  })
}

function kill(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else {
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    }
  })
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'pnp-store-durable-'))
  writeFileSync(
    path.join(root, 'manifest.json'),
    JSON.stringify({
      vendor: 'pnplabs',
      name: 'pick-and-pack-tracking',
      version: '1.0.0',
    })
  )
  mkdirSync(path.join(root, 'masterdata', 'orders'), { recursive: true })
  writeFileSync(
    path.join(root, 'masterdata', 'orders', 'schema.json'),
    JSON.stringify({
      properties: { n: { type: 'integer' } },
      'v-indexed': ['n'],
    })
  )
})

afterAll(async () => {
  await Promise.all(children.map(kill))
  rmSync(root, { recursive: true, force: true })
})

test('keeps every answered write across SIGKILL', async () => {
  const first = await startCli()
  const md = new (storeMasterData(first.url))(localContext(), { timeout: 5000 })
  const vbase = new (storeVBase(first.url))(localContext(), { timeout: 5000 })

  await Promise.all([
    ...Array.from({ length: DOCS }, (_, n) =>
      md.createOrUpdateEntireDocument({
        dataEntity: ENTITY,
        id: `doc-${n}`,
        fields: { n },
      })
    ),
    ...Array.from({ length: FILES }, (_, n) =>
      vbase.saveJSON('history', `orders/${n}.json`, { n, version: 1 })
    ),
  ])
  // Overwrites too: the last answered version is the one that must come back.
  await Promise.all(
    Array.from({ length: FILES }, (_, n) =>
      vbase.saveJSON('history', `orders/${n}.json`, { n, version: 2 })
    )
  )
  await kill(first.child)

  const second = await startCli()
  const md2 = new (storeMasterData(second.url))(localContext(), {
    timeout: 5000,
  })

  const vbase2 = new (storeVBase(second.url))(localContext(), { timeout: 5000 })

  const docs = await Promise.all(
    Array.from({ length: DOCS - 1 }, (_, i) =>
      md2.getDocument<any>({
        dataEntity: ENTITY,
        id: `doc-${i + 1}`,
        fields: ['n'],
      })
    )
  )

  expect(docs.map((doc) => doc.n)).toEqual(
    Array.from({ length: DOCS - 1 }, (_, i) => i + 1)
  )
  // What was on disk before the restart is searchable at once.
  const found = await md2.searchDocumentsWithPaginationInfo<any>({
    dataEntity: ENTITY,
    schema: '1.0.0',
    fields: ['n'],
    where: 'n>0',
    sort: 'n ASC',
    pagination: { page: 1, pageSize: 10 },
  })

  expect(found.pagination.total).toBe(DOCS - 1)
  expect(found.data[0]).toEqual({ n: 1 })
  const files = await vbase2.listFiles('history', {
    prefix: 'orders/',
    limit: 1000,
  })

  expect(files.data).toHaveLength(FILES)
  const contents = await Promise.all(
    files.data.map((file) => vbase2.getJSON<any>('history', file.path))
  )

  expect(contents.every((content) => content.version === 2)).toBe(true)
  await kill(second.child)
})
