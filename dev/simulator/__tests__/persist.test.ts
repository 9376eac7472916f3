// The simulator's state file (npm start keeps it in DATA_DIR): a restart resumes the orders as
// the last run left them, their OMS override, invoice writes and interactions included.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { startSimulator } from '../index'
import { post } from './helpers'

const ON_ROUTE = '1253881550433-01'
const PICKING = '1253881550452-01' // READY_FOR_PICKING, OMS handling

test('restarts with the statuses, OMS overrides and interactions of the last run', async () => {
  const stateFile = path.join(
    mkdtempSync(path.join(tmpdir(), 'pnp-sim-')),
    'sandbox-simulator.json'
  )

  const first = await startSimulator({ port: 0, stateFile })

  expect(first.restoredOrders).toBe(0)
  await first.advance(ON_ROUTE)
  await post(`${first.url}/_sandbox/orders/${PICKING}/oms`, {
    action: 'cancel',
  })
  await post(`${first.url}/api/oms/pvt/orders/${ON_ROUTE}/interactions`, {
    source: 'test',
    message: 'delivered',
  })
  await first.close()
  expect(JSON.parse(readFileSync(stateFile, 'utf8')).version).toBe(1)

  const second = await startSimulator({ port: 0, stateFile })

  try {
    const orders = second.orders()

    expect(second.restoredOrders).toBe(orders.length)
    expect(orders.find((o) => o.orderId === ON_ROUTE)?.status).toBe('DELIVERED')
    expect(orders.find((o) => o.orderId === PICKING)?.omsStatus).toBe(
      'canceled'
    )
    const interactions = await (
      await fetch(`${second.url}/_sandbox/orders/${ON_ROUTE}/interactions`)
    ).json()

    expect(interactions).toEqual([
      expect.objectContaining({ source: 'test', message: 'delivered' }),
    ])
  } finally {
    await second.close()
  }
})

test('starts from the seed without a state file, and with an unreadable one', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pnp-sim-'))
  const sim = await startSimulator({
    port: 0,
    stateFile: path.join(dir, 'missing.json'),
  })

  try {
    expect(sim.restoredOrders).toBe(0)
    expect(sim.orders().find((o) => o.orderId === ON_ROUTE)?.status).toBe(
      'ON_ROUTE'
    )
  } finally {
    await sim.close()
  }
})
