import type { ClientsConfig, ParamsContext } from '@vtex/api'
import { Service, method } from '@vtex/api'

import { Clients } from './clients'
import { authenticateWebhook } from './middlewares/authenticateWebhook'
import { parseNotification } from './middlewares/parseNotification'
import { publishStatusChange } from './middlewares/publishStatusChange'
import { recordStatusChange } from './middlewares/recordStatusChange'
import { methodNotAllowed, webhookErrors } from './middlewares/webhookErrors'
import { resolvers } from './resolvers'
import type { State } from './typings/context'

const clients: ClientsConfig<Clients> = {
  implementation: Clients,
  options: {
    // Infrastructure clients (apps, vbase, events): retry network errors, fail fast.
    // VBase gets no memory cache: histories are read-modify-written with their ETag.
    default: {
      retries: 2,
      timeout: 3000,
    },
  },
}

const webhook = [
  webhookErrors,
  authenticateWebhook,
  parseNotification,
  recordStatusChange,
  publishStatusChange,
]

export default new Service<Clients, State, ParamsContext>({
  clients,
  routes: {
    webhook: method({
      POST: webhook,
      PUT: webhook,
      DEFAULT: [webhookErrors, methodNotAllowed],
    }),
  },
  graphql: {
    resolvers,
  },
})
