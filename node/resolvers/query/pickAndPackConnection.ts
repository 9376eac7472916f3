import { isAppError } from '../../domain/errors'
import type { Context } from '../../typings/context'
import { pickAndPackCredentials } from '../settings'

/** Whether Pick and Pack takes the configured Api-Key now; the failure is data here, not an error. */
export async function pickAndPackConnection(
  _: unknown,
  __: unknown,
  ctx: Context
) {
  const checkedAt = new Date().toISOString()

  try {
    await ctx.clients.pickAndPack.checkCredentials(
      await pickAndPackCredentials(ctx)
    )

    return { ok: true, code: null, message: null, checkedAt }
  } catch (error) {
    if (isAppError(error)) {
      return { ok: false, code: error.code, message: error.message, checkedAt }
    }

    return {
      ok: false,
      code: 'PNP_UNAVAILABLE',
      message: 'Pick and Pack could not be reached. Try again in a moment.',
      checkedAt,
    }
  }
}
