// Every class the page names in a className must exist in vtex-tachyons, the only stylesheet
// VTEX Admin gives an app page: a class it lacks silently does nothing (a long URL then
// overflows on a phone). Only literals inside className={…} / className="…" are read.
import { readFileSync, readdirSync } from 'fs'
import { join, relative } from 'path'

const ROOT = join(__dirname, '..')
// Read from disk: jest maps a required .css to a stub.
const TACHYONS = join(ROOT, '../node_modules/vtex-tachyons/tachyons.css')

// The Styleguide's own hook classes (vtex-button__label…): named for its CSS, not tachyons'.
const OWN_PREFIX = /^vtex-/

function definedClasses(): Set<string> {
  const css = readFileSync(TACHYONS, 'utf8')
  const names = css.match(/\.(?:[A-Za-z0-9_-]|\\.)+/g) ?? []

  return new Set(names.map((name) => name.slice(1).replace(/\\/g, '')))
}

/** The text of each className attribute: a string, or a {…} expression with its braces. */
function classNameExpressions(source: string): string[] {
  const found: string[] = []
  const attribute = /className=/g
  let match: RegExpExecArray | null

  while ((match = attribute.exec(source))) {
    const start = match.index + match[0].length
    const open = source[start]

    if (open === '"' || open === "'") {
      found.push(source.slice(start, source.indexOf(open, start + 1) + 1))
      continue
    }

    let depth = 0
    let end = start

    for (; end < source.length; end++) {
      if (source[end] === '{') depth++
      if (source[end] === '}' && --depth === 0) break
    }

    found.push(source.slice(start, end + 1))
  }

  return found
}

function classesIn(expression: string): string[] {
  const literals = expression.match(/'[^']*'|"[^"]*"|`[^`]*`/g) ?? []

  return literals.flatMap((literal) =>
    literal
      .slice(1, -1)
      .replace(/\$\{[^}]*\}/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
  )
}

const pageFiles = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.tsx') && !file.includes('__tests__'))
  .map((file) => join(ROOT, file))

describe('class names', () => {
  it('reads the page files and the stylesheet', () => {
    // A scan that read nothing would pass whatever the page does.
    expect(pageFiles.length).toBeGreaterThan(20)
    expect(definedClasses().has('flex')).toBe(true)
  })

  it('every class the page uses is defined by vtex-tachyons', () => {
    const defined = definedClasses()
    const unknown = pageFiles.flatMap((file) =>
      classNameExpressions(readFileSync(file, 'utf8'))
        .flatMap(classesIn)
        .filter((name) => !defined.has(name) && !OWN_PREFIX.test(name))
        .map((name) => `${relative(ROOT, file)}: ${name}`)
    )

    expect(unknown).toEqual([])
  })
})
