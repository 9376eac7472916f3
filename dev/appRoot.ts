import { existsSync } from 'fs'
import path from 'path'

/**
 * The app's root folder (the one with manifest.json), found from wherever this code runs: the
 * TypeScript sources or the sandbox bundles in dist/.
 */
export function appRoot(from: string = __dirname): string {
  let dir = from

  for (let i = 0; i < 10; i++) {
    if (existsSync(path.join(dir, 'manifest.json'))) return dir
    const parent = path.dirname(dir)

    if (parent === dir) break
    dir = parent
  }

  throw new Error(`Cannot find the app root (manifest.json) above ${from}`)
}
