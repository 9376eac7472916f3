import type { Schedule } from '../clients/scheduler'

export const SWEEP_SCHEDULE_ID = 'pick-and-pack-sweep'
/** Every ten minutes: a missed webhook waits at most `sweepAfterMinutes` plus this. */
export const SWEEP_EXPRESSION = '*/10 * * * *'

/**
 * The Scheduler's request to the app's sweep route, with the app's token in a header (the
 * route checks it). The route is reached on the account's own host, in this workspace.
 */
export function sweepSchedule(input: {
  account: string
  workspace: string
  token: string
  tokenHeader: string
}): Schedule {
  const host =
    input.workspace === 'master'
      ? `${input.account}.myvtex.com`
      : `${input.workspace}--${input.account}.myvtex.com`

  return {
    id: SWEEP_SCHEDULE_ID,
    scheduler: {
      expression: SWEEP_EXPRESSION,
      endDate: '2099-12-31T23:59:59Z',
    },
    retry: { delay: { addMinutes: 1 }, times: 2, backOffRate: 1 },
    request: {
      uri: `https://${host}/_v/pick-and-pack/sweep`,
      method: 'POST',
      headers: { [input.tokenHeader]: input.token },
      body: {},
    },
  }
}
