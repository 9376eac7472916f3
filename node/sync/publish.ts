import type { Events } from '@vtex/api'

import {
  STATUS_CHANGED_EVENT,
  statusChangedEvent,
} from '../domain/statusChangedEvent'
import type { Publish } from '../storage/historyStore'
import { StorageError } from '../storage/jsonStore'

/** Publishes a recorded change as the IO event `pick-and-pack.status-changed`. */
export const publishStatusChange =
  (events: Events): Publish =>
  async (change, currentStatus) => {
    try {
      await events.sendEvent(
        '',
        STATUS_CHANGED_EVENT,
        statusChangedEvent(change, currentStatus, change.source ?? 'webhook')
      )
    } catch {
      // The events client's error carries request headers (the app token).
      throw new StorageError('The status change event could not be sent')
    }
  }
