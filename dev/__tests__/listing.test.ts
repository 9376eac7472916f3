// The App Store listing (public/metadata), as VTEX's distribution guide lays it out: a messages
// file and a license per locale, and screenshots.
import { existsSync, readdirSync, readFileSync, statSync } from 'fs'
import path from 'path'

const METADATA = path.join(__dirname, '..', '..', 'public', 'metadata')
const LOCALES = ['en-US', 'pt-BR', 'es-AR']
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

describe.each(LOCALES)('%s', (locale) => {
  const messages = JSON.parse(
    readFileSync(path.join(METADATA, 'messages', `${locale}.json`), 'utf8')
  ) as Record<string, unknown>

  it('has a name of at most 26 characters and a headline of at most 120', () => {
    expect(typeof messages.name).toBe('string')
    expect((messages.name as string).length).toBeGreaterThan(0)
    expect((messages.name as string).length).toBeLessThanOrEqual(26)
    expect(typeof messages.headline).toBe('string')
    expect((messages.headline as string).length).toBeGreaterThan(0)
    expect((messages.headline as string).length).toBeLessThanOrEqual(120)
  })

  it('has an overview and features', () => {
    expect(typeof messages.overview).toBe('string')
    expect((messages.overview as string).length).toBeGreaterThan(0)
    const { features } = messages

    expect(
      (Array.isArray(features) &&
        features.length > 0 &&
        features.every((f) => typeof f === 'string' && f.length > 0)) ||
        (typeof features === 'string' && features.length > 0)
    ).toBe(true)
  })

  it('has license terms', () => {
    const license = path.join(METADATA, 'licenses', `${locale}.md`)

    expect(existsSync(license)).toBe(true)
    expect(readFileSync(license, 'utf8').trim().length).toBeGreaterThan(100)
  })
})

test('has the same keys in every locale', () => {
  const keys = LOCALES.map((locale) =>
    Object.keys(
      JSON.parse(
        readFileSync(path.join(METADATA, 'messages', `${locale}.json`), 'utf8')
      )
    ).sort((a, b) => a.localeCompare(b))
  )

  expect(keys[1]).toEqual(keys[0])
  expect(keys[2]).toEqual(keys[0])
})

test('has an icon and PNG screenshots', () => {
  const dir = path.join(METADATA, 'images', 'screenshots')
  const shots = readdirSync(dir).filter((f) => f.endsWith('.png'))

  expect(shots.length).toBeGreaterThanOrEqual(2)
  for (const file of [
    ...shots.map((f) => path.join(dir, f)),
    path.join(METADATA, 'images', 'icon.png'),
  ]) {
    expect(statSync(file).size).toBeGreaterThan(1000)
    expect(readFileSync(file).subarray(0, 8).equals(PNG)).toBe(true)
  }
})
