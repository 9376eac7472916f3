import type { ClientsConfig, ParamsContext } from '@vtex/api'
import { Service, method } from '@vtex/api'

import { Clients } from './clients'
import { appSetup } from './events/appSetup'
import { omsStatusChanged } from './events/omsStatusChanged'
import { statusChanged } from './events/statusChanged'
import { acknowledgeNotification } from './middlewares/acknowledgeNotification'
import { authenticateWebhook } from './middlewares/authenticateWebhook'
import { parseNotification } from './middlewares/parseNotification'
import { recordStatusChange } from './middlewares/recordStatusChange'
import { sweepRoute } from './middlewares/sweepRoute'
import { methodNotAllowed, webhookErrors } from './middlewares/webhookErrors'
import { resolvers } from './resolvers'
import type { State } from './typings/context'

const clients: ClientsConfig<Clients> = {
  implementation: Clients,
  options: {
    // Infrastructure clients (apps, events): retry network errors, fail fast.
    default: {
      retries: 2,
      timeout: 3000,
    },
    // The history store retries whole read-write sequences itself: a blind retry of a write
    // that landed but timed out could overwrite another replica's. No memoized reads either:
    // a re-read after a conflict must reach VBase.
    vbase: {
      retries: 0,
      timeout: 3000,
      memoizable: false,
    },
  },
}

const webhook = [
  webhookErrors,
  authenticateWebhook,
  parseNotification,
  recordStatusChange,
  acknowledgeNotification,
]

export default new Service<Clients, State, ParamsContext>({
  clients,
  routes: {
    webhook: method({
      POST: webhook,
      PUT: webhook,
      DEFAULT: [webhookErrors, methodNotAllowed],
    }),
    // Public so that VTEX's Scheduler can call it; it checks the app's own token.
    sweep: sweepRoute,
  },
  graphql: {
    resolvers,
  },
  // Names as in service.json "events".
  events: {
    statusChanged,
    omsStatus: omsStatusChanged,
    appSetup,
  },
})
