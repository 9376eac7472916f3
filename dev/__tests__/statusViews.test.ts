import { statusRank } from '../../node/domain/statuses'
import { v1FlowStatus } from '../../node/domain/v1Order'
import { STATUS_VIEWS } from '../simulator'

/*
 * The simulator says how each flow status shows in v1 (order and shipment status); the app
 * reads v1 back into the flow. Both tables must tell one story: the app reads every status
 * back as itself, or, where v1 is coarser (one PACKED for three invoicing steps), as the
 * nearest earlier step, never a later one.
 */
describe('the simulator and the app read v1 statuses alike', () => {
  it.each(Object.entries(STATUS_VIEWS))('%s', (flowStatus, view) => {
    const read = v1FlowStatus(view.order, [view.shipment])

    if (read === flowStatus) return
    const [readRank, flowRank] = [statusRank(read), statusRank(flowStatus)]

    expect(readRank).not.toBeNull()
    expect(readRank as number).toBeLessThanOrEqual(flowRank as number)
    // Coarser by at most the invoicing steps (READY_FOR_INVOICING, INVOICING, INVOICED)
    // or the wait before picking (READY_FOR_HANDLING, READY_FOR_PICKING).
    expect((flowRank as number) - (readRank as number)).toBeLessThanOrEqual(2)
  })
})
