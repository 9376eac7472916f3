import type {
  EventContext as IOEventContext,
  RecorderState,
  ServiceContext,
} from '@vtex/api'

import type { Clients } from '../clients'
import type { RecordResult } from '../storage/historyStore'
import type { HistoryEntry } from '../domain/history'
import type { StatusNotification } from '../domain/notification'
import type { AppSettings } from '../domain/settings'

/** What the webhook pipeline passes from one middleware to the next. */
export interface State extends RecorderState {
  settings?: AppSettings
  notification?: StatusNotification
  entry?: HistoryEntry
  recorded?: RecordResult
}

export type Context = ServiceContext<Clients, State>

/** An IO event's handler context: the event's payload is `ctx.body`. */
export type EventContext = IOEventContext<Clients>
