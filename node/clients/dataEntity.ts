/** Where the app's Master Data documents live: the entity and the schema a call names. */
export interface AppWorkspace {
  workspace: string
  /** Whether the app runs installed in a production workspace (VTEX IO's `ctx.vtex.production`). */
  production: boolean
}

const appId = () => process.env.VTEX_APP_ID ?? 'pnplabs.pick-and-pack-tracking'

/**
 * The data entity the `masterdata` builder creates for `masterdata/{entity}/`: named
 * `{vendor}.{app}_{entity}` with `.`, `-`, `:` and `@` as `_` (as @vtex/clients names it).
 */
export const appDataEntity = (entity: string) => {
  const [app] = appId().split('@')

  return `${app}_${entity}`.replace(/[.\-:@]/g, '_')
}

/**
 * The schema the `masterdata` builder (1.x) made of that folder for the running app version:
 * `{version}` where the app is installed, `{version}-{workspace}` where it is linked (as
 * @vtex/clients' masterDataFor names it). Master Data filters and sorts by a schema's v-indexed
 * fields, and validates a write against it, only when the call names the schema (`_schema`).
 * Undefined when the app id carries no version (never on VTEX IO).
 */
export const appSchema = ({ workspace, production }: AppWorkspace) => {
  const [, version] = appId().split('@')
  const [release] = (version ?? '').split('+')

  if (!release) return undefined

  return production ? release : `${release}-${workspace}`
}
