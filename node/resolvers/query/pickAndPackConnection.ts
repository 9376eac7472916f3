import { isAppError } from '../../domain/errors'
import type { Context } from '../../typings/context'
import { pickAndPackCredentials } from '../settings'

/** Whether the configured Api-Key gets a token; the failure is data here, not an error. */
export async function pickAndPackConnection(
  _: unknown,
  __: unknown,
  ctx: Context
) {
  try {
    await ctx.clients.pickAndPack.checkCredentials(
      await pickAndPackCredentials(ctx)
    )

    return { ok: true, code: null, message: null }
  } catch (error) {
    if (isAppError(error)) {
      return { ok: false, code: error.code, message: error.message }
    }

    return {
      ok: false,
      code: 'PNP_UNAVAILABLE',
      message: error instanceof Error ? error.message : 'Unknown error',
    }
  }
}
