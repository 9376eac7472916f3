/*
 * The app's identity, as VTEX IO gives it to a running service. Imported first by the host's
 * entry points: `@vtex/api` reads VTEX_APP_ID once, when it loads (VBase names buckets by it).
 */
import { readFileSync } from 'fs'
import path from 'path'

import { appRoot } from '../appRoot'

const manifest = JSON.parse(
  readFileSync(path.join(appRoot(), 'manifest.json'), 'utf8')
) as { vendor: string; name: string; version: string }

/** `vendor.name`: the sender of the app's own IO events. */
export const APP_NAME = `${manifest.vendor}.${manifest.name}`

process.env.VTEX_APP_ID =
  process.env.VTEX_APP_ID ?? `${APP_NAME}@${manifest.version}`
