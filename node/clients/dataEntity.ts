/**
 * The data entity the `masterdata` builder creates for `masterdata/{entity}/`: named
 * `{vendor}.{app}_{entity}` with `.`, `-`, `:` and `@` as `_` (as @vtex/clients names it).
 */
export const appDataEntity = (entity: string) => {
  const [app] = (
    process.env.VTEX_APP_ID ?? 'pnplabs.pick-and-pack-tracking'
  ).split('@')

  return `${app}_${entity}`.replace(/[.\-:@]/g, '_')
}
