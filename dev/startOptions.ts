// `npm start`'s command line, and what `--fresh` does: the sandbox's data folder (DATA_DIR,
// `.data`) wiped before anything starts, so that the store, the replay anchor and the
// simulator's saved state all begin again from the seed.
import { existsSync, readFileSync, rmSync } from 'fs'
import path from 'path'

export interface StartOptions {
  /** `--auto <ms>`: advance a random order every ms (undefined: not given). */
  autoMs?: number
  /** `--fresh`: wipe DATA_DIR first. */
  fresh: boolean
}

/** Reads `npm start -- [--fresh] [--auto <ms>]`; throws on anything else. */
export function parseStartArgs(args: readonly string[]): StartOptions {
  const options: StartOptions = { fresh: false }

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]

    if (arg === '--fresh') {
      options.fresh = true
    } else if (arg === '--auto') {
      const value = Number(args[i + 1])

      if (!args[i + 1] || !Number.isFinite(value) || value < 0) {
        throw new Error(
          '--auto needs a number of milliseconds, e.g. --auto 5000'
        )
      }

      options.autoMs = value
      i += 1
    } else {
      throw new Error(
        `unknown argument "${arg}": npm start -- [--fresh] [--auto <ms>]`
      )
    }
  }

  return options
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)

    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}

/**
 * Deletes the data folder and everything in it (nothing when it does not exist). Refuses a
 * folder that holds the app (`appRoot` or one of its parents: a DATA_DIR of `.` or `..`) and
 * one whose store another live process holds (its `store/LOCK`). Answers whether it deleted.
 */
export function wipeDataDir(dataDir: string, appRoot: string): boolean {
  const dir = path.resolve(dataDir)
  const root = path.resolve(appRoot)
  const relative = path.relative(dir, root)

  if (
    relative === '' ||
    (!relative.startsWith('..') && !path.isAbsolute(relative))
  ) {
    throw new Error(
      `--fresh refuses to delete ${dir}: it holds the app itself (check DATA_DIR)`
    )
  }

  if (!existsSync(dir)) return false

  const lock = path.join(dir, 'store', 'LOCK')

  if (existsSync(lock)) {
    const owner = Number(readFileSync(lock, 'utf8'))

    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(
        `--fresh refuses to delete ${dir}: a sandbox (process ${owner}) is using it; stop it first`
      )
    }
  }

  rmSync(dir, { recursive: true, force: true })

  return true
}
