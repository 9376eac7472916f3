import { existsSync, readFileSync } from 'fs'
import path from 'path'

import { appRoot } from '../appRoot'

/**
 * dev/schemas/vtex/ holds copies of the team's shared/vtex/ schemas, so that the tests run in
 * any clone. Beside shared/ (the team's checkout), a copy that drifted fails here.
 */
const shared = path.join(appRoot(), '..', 'shared', 'vtex')
const copies = path.join(appRoot(), 'dev', 'schemas', 'vtex')
const describeBesideShared = existsSync(shared) ? describe : describe.skip

describeBesideShared('VTEX schema copies', () => {
  test.each([
    'manifest.schema.json',
    'oms-get-order.schema.json',
    'oms-orders.openapi.json',
    'pick-and-pack-v1.openapi.json',
  ])('%s equals the shared one', (file) => {
    expect(readFileSync(path.join(copies, file), 'utf8')).toBe(
      readFileSync(path.join(shared, file), 'utf8')
    )
  })
})
