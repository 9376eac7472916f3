// A board row shows a Pick and Pack status beside the OMS one: in every language, an OMS
// status name must never be another Pick and Pack status's name, and the OMS status that is
// the same step as a Pick and Pack one must read the same.
import fs from 'fs'
import path from 'path'

import { OMS_STATUS_MESSAGES, STATUS_MESSAGES } from '../../../utils/messages'

const root = path.resolve(__dirname, '../../../..')
const read = (name: string): Record<string, string> =>
  JSON.parse(
    fs.readFileSync(path.join(root, 'messages', `${name}.json`), 'utf8')
  )

// OMS status → the Pick and Pack status that is the same step.
const SAME_STEP: Record<string, string> = {
  'ready-for-handling': 'READY_FOR_HANDLING',
  invoiced: 'INVOICED',
  canceled: 'CANCELED',
}

describe.each(['en', 'pt', 'es'])('status names in %s', (language) => {
  const messages = read(language)
  const pickAndPack = Object.entries(STATUS_MESSAGES).map(
    ([status, ids]) => [status, messages[ids.title]] as const
  )

  it.each(Object.entries(OMS_STATUS_MESSAGES))(
    'the OMS status %s names no other Pick and Pack status',
    (omsStatus, id) => {
      const name = messages[id].trim().toLowerCase()
      const same = pickAndPack
        .filter(([, label]) => label.trim().toLowerCase() === name)
        .map(([status]) => status)

      expect(same).toEqual(SAME_STEP[omsStatus] ? [SAME_STEP[omsStatus]] : [])
    }
  )
})
