import { readAppSettings } from '../clients/appSettings'
import type { PickAndPackCredentials } from '../clients/pickAndPack'
import { requireApiKey } from '../domain/settings'
import type { Context } from '../typings/context'

/** The Pick and Pack credentials from the app settings, or NOT_CONFIGURED. */
export async function pickAndPackCredentials(
  ctx: Context
): Promise<PickAndPackCredentials> {
  const settings = await readAppSettings(ctx.clients.apps, ctx.vtex)

  return { apiKey: requireApiKey(settings), environment: settings.environment }
}
