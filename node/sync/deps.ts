import type { IOContext } from '@vtex/api'

import type { Clients } from '../clients'

/** What the app's work needs of a request's or an event's context: its clients and account. */
export interface AppDeps {
  clients: Clients
  vtex: IOContext
}
