// No relative link in the repository's markdown points outside the repository or at a file
// that is not there.
import { existsSync, readdirSync, readFileSync } from 'fs'
import path from 'path'

const ROOT = path.join(__dirname, '..', '..')
const SKIP = new Set(['node_modules', 'dist', '.data', '.git'])

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return []
    const full = path.join(dir, entry.name)

    if (entry.isDirectory()) return markdownFiles(full)

    return entry.name.endsWith('.md') ? [full] : []
  })
}

/** `[text](target)` and `![alt](target)` targets, without titles and anchors. */
function relativeTargets(text: string): string[] {
  const targets: string[] = []
  const withoutCode = text
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')

  for (const match of withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = match[1].replace(/^<|>$/g, '')

    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue
    targets.push(decodeURIComponent(target.split('#')[0]))
  }

  return targets
}

const files = markdownFiles(ROOT)

test('finds the markdown files', () => {
  expect(files.map((f) => path.relative(ROOT, f))).toEqual(
    expect.arrayContaining(['README.md', path.join('docs', 'README.md')])
  )
})

test.each(files.map((f) => [path.relative(ROOT, f), f]))(
  '%s links only to files inside the repository',
  (_name, file) => {
    const problems = relativeTargets(readFileSync(file, 'utf8')).flatMap(
      (target) => {
        const resolved = target.startsWith('/')
          ? path.join(ROOT, target)
          : path.resolve(path.dirname(file), target)

        const relative = path.relative(ROOT, resolved)

        if (relative.startsWith('..') || path.isAbsolute(relative)) {
          return [`${target}: outside the repository`]
        }

        return existsSync(resolved) ? [] : [`${target}: no such file`]
      }
    )

    expect(problems).toEqual([])
  }
)
