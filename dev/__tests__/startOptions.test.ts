// `npm start`'s command line (--fresh, --auto) and the wipe --fresh does.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import path from 'path'

import { parseStartArgs, wipeDataDir } from '../startOptions'

describe('parseStartArgs', () => {
  it('reads --fresh and --auto <ms>, in any order', () => {
    expect(parseStartArgs([])).toEqual({ fresh: false })
    expect(parseStartArgs(['--fresh'])).toEqual({ fresh: true })
    expect(parseStartArgs(['--auto', '5000', '--fresh'])).toEqual({
      fresh: true,
      autoMs: 5000,
    })
  })

  it('refuses an unknown argument and --auto without a number', () => {
    expect(() => parseStartArgs(['--frsh'])).toThrow(/unknown argument/)
    expect(() => parseStartArgs(['--auto'])).toThrow(/milliseconds/)
    expect(() => parseStartArgs(['--auto', 'soon'])).toThrow(/milliseconds/)
  })
})

describe('wipeDataDir', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'pnp-start-'))
  const app = path.join(root, 'app')

  beforeAll(() => mkdirSync(app))

  it('deletes the data folder with everything in it', () => {
    const data = path.join(app, '.data')

    mkdirSync(path.join(data, 'store'), { recursive: true })
    writeFileSync(path.join(data, 'sandbox-replay.json'), '{}')
    writeFileSync(path.join(data, 'store', 'LOCK'), '999999999')

    expect(wipeDataDir(data, app)).toBe(true)
    expect(existsSync(data)).toBe(false)
    expect(wipeDataDir(data, app)).toBe(false) // nothing left to delete
  })

  it('refuses the app folder or one of its parents', () => {
    expect(() => wipeDataDir(app, app)).toThrow(/holds the app/)
    expect(() => wipeDataDir(root, app)).toThrow(/holds the app/)
    expect(existsSync(app)).toBe(true)
  })

  it('refuses a folder whose store a live process holds', () => {
    const data = path.join(app, 'busy')

    mkdirSync(path.join(data, 'store'), { recursive: true })
    writeFileSync(path.join(data, 'store', 'LOCK'), String(process.ppid))

    expect(() => wipeDataDir(data, app)).toThrow(/is using it/)
    expect(existsSync(data)).toBe(true)
  })
})
