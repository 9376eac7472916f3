import fs from 'fs'
import path from 'path'

import { ERROR_MESSAGES, STATUS_MESSAGES } from '../utils/messages'
import { KNOWN_STATUSES } from '../utils/statuses'

const root = path.resolve(__dirname, '../..')
const read = (name: string): Record<string, string> =>
  JSON.parse(
    fs.readFileSync(path.join(root, 'messages', `${name}.json`), 'utf8')
  )

const byText = (a: string, b: string) => a.localeCompare(b)
const en = read('en')
const files = { en, pt: read('pt'), es: read('es'), context: read('context') }

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)

    if (entry.isDirectory())
      return entry.name === '__tests__' ? [] : sourceFiles(full)

    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [full]
      : []
  })
}

describe('messages', () => {
  it.each(['pt', 'es', 'context'] as const)(
    '%s.json has exactly the keys of en.json',
    (name) => {
      expect(Object.keys(files[name]).sort(byText)).toEqual(
        Object.keys(en).sort(byText)
      )
    }
  )

  it.each(Object.entries(files))(
    '%s.json has no empty value and only admin/ keys',
    (_, messages) => {
      for (const [key, value] of Object.entries(messages)) {
        expect(key).toMatch(/^admin\/pick-and-pack\./)
        expect(typeof value).toBe('string')
        expect(value.trim()).not.toBe('')
      }
    }
  )

  it('every message id written in react/ exists in en.json', () => {
    const ids = new Set<string>()

    for (const file of sourceFiles(path.join(root, 'react'))) {
      const source = fs.readFileSync(file, 'utf8')

      for (const match of source.matchAll(/['"`](admin\/[\w.-]+)['"`]/g))
        ids.add(match[1])
    }

    expect(ids.size).toBeGreaterThan(50)
    expect([...ids].filter((id) => !(id in en))).toEqual([])
  })

  it('every known status has a name and a description', () => {
    for (const status of KNOWN_STATUSES) {
      expect(STATUS_MESSAGES[status]).toBeDefined()
      expect(en[STATUS_MESSAGES[status].title]).toBeTruthy()
      expect(en[STATUS_MESSAGES[status].description]).toBeTruthy()
    }
  })

  it('every error code has words', () => {
    for (const code of [
      'NOT_CONFIGURED',
      'PNP_UNAUTHORIZED',
      'PNP_ORDER_NOT_FOUND',
      'PNP_UNAVAILABLE',
      'OMS_ORDER_NOT_FOUND',
      'OMS_UNAVAILABLE',
      'OMS_UNAUTHORIZED',
      'STORE_UNAVAILABLE',
      'SETTINGS_UNAVAILABLE',
      'BAD_USER_INPUT',
      'FORBIDDEN',
      'UNAUTHENTICATED',
    ]) {
      expect(en[ERROR_MESSAGES[code].title]).toBeTruthy()
      expect(en[ERROR_MESSAGES[code].description]).toBeTruthy()
    }
  })

  it('the admin navigation label exists', () => {
    const navigation = JSON.parse(
      fs.readFileSync(path.join(root, 'admin/navigation.json'), 'utf8')
    )

    for (const entry of navigation) expect(en[entry.titleId]).toBeTruthy()
  })
})
