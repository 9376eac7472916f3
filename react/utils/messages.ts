// Message ids picked at runtime, written out literally so every id can be found with grep
// and checked against messages/en.json by the tests.
export interface Described {
  title: string
  description: string
}

export const STATUS_MESSAGES: Record<string, Described> = {
  READY_FOR_HANDLING: {
    title: 'admin/pick-and-pack.status.READY_FOR_HANDLING',
    description: 'admin/pick-and-pack.status.READY_FOR_HANDLING.description',
  },
  READY_FOR_PICKING: {
    title: 'admin/pick-and-pack.status.READY_FOR_PICKING',
    description: 'admin/pick-and-pack.status.READY_FOR_PICKING.description',
  },
  PICKING: {
    title: 'admin/pick-and-pack.status.PICKING',
    description: 'admin/pick-and-pack.status.PICKING.description',
  },
  READY_FOR_PACKING: {
    title: 'admin/pick-and-pack.status.READY_FOR_PACKING',
    description: 'admin/pick-and-pack.status.READY_FOR_PACKING.description',
  },
  PACKING: {
    title: 'admin/pick-and-pack.status.PACKING',
    description: 'admin/pick-and-pack.status.PACKING.description',
  },
  READY_FOR_INVOICING: {
    title: 'admin/pick-and-pack.status.READY_FOR_INVOICING',
    description: 'admin/pick-and-pack.status.READY_FOR_INVOICING.description',
  },
  INVOICING: {
    title: 'admin/pick-and-pack.status.INVOICING',
    description: 'admin/pick-and-pack.status.INVOICING.description',
  },
  INVOICED: {
    title: 'admin/pick-and-pack.status.INVOICED',
    description: 'admin/pick-and-pack.status.INVOICED.description',
  },
  PREPARING_SHIPPING: {
    title: 'admin/pick-and-pack.status.PREPARING_SHIPPING',
    description: 'admin/pick-and-pack.status.PREPARING_SHIPPING.description',
  },
  READY_FOR_SHIPPING: {
    title: 'admin/pick-and-pack.status.READY_FOR_SHIPPING',
    description: 'admin/pick-and-pack.status.READY_FOR_SHIPPING.description',
  },
  WAITING_FOR_DELIVERY_COMPANY: {
    title: 'admin/pick-and-pack.status.WAITING_FOR_DELIVERY_COMPANY',
    description:
      'admin/pick-and-pack.status.WAITING_FOR_DELIVERY_COMPANY.description',
  },
  ON_ROUTE: {
    title: 'admin/pick-and-pack.status.ON_ROUTE',
    description: 'admin/pick-and-pack.status.ON_ROUTE.description',
  },
  DELIVERED: {
    title: 'admin/pick-and-pack.status.DELIVERED',
    description: 'admin/pick-and-pack.status.DELIVERED.description',
  },
  WAITING_FOR_PICKUP: {
    title: 'admin/pick-and-pack.status.WAITING_FOR_PICKUP',
    description: 'admin/pick-and-pack.status.WAITING_FOR_PICKUP.description',
  },
  IDLE: {
    title: 'admin/pick-and-pack.status.IDLE',
    description: 'admin/pick-and-pack.status.IDLE.description',
  },
  RETURNED: {
    title: 'admin/pick-and-pack.status.RETURNED',
    description: 'admin/pick-and-pack.status.RETURNED.description',
  },
  CANCELED: {
    title: 'admin/pick-and-pack.status.CANCELED',
    description: 'admin/pick-and-pack.status.CANCELED.description',
  },
}

export type ErrorAction = 'settings' | 'retry' | 'none'

export const ERROR_MESSAGES: Record<
  string,
  Described & {
    action: ErrorAction
    // Raised by VTEX (@vtex/api's @auth), not this app: its message is English for developers.
    platform?: true
  }
> = {
  NOT_CONFIGURED: {
    title: 'admin/pick-and-pack.error.NOT_CONFIGURED.title',
    description: 'admin/pick-and-pack.error.NOT_CONFIGURED.description',
    action: 'settings',
  },
  PNP_UNAUTHORIZED: {
    title: 'admin/pick-and-pack.error.PNP_UNAUTHORIZED.title',
    description: 'admin/pick-and-pack.error.PNP_UNAUTHORIZED.description',
    action: 'settings',
  },
  PNP_ORDER_NOT_FOUND: {
    title: 'admin/pick-and-pack.error.PNP_ORDER_NOT_FOUND.title',
    description: 'admin/pick-and-pack.error.PNP_ORDER_NOT_FOUND.description',
    action: 'none',
  },
  PNP_UNAVAILABLE: {
    title: 'admin/pick-and-pack.error.PNP_UNAVAILABLE.title',
    description: 'admin/pick-and-pack.error.PNP_UNAVAILABLE.description',
    action: 'retry',
  },
  // Pick and Pack answered, but nothing this app can read: not a timeout.
  PNP_BAD_ANSWER: {
    title: 'admin/pick-and-pack.error.PNP_BAD_ANSWER.title',
    description: 'admin/pick-and-pack.error.PNP_BAD_ANSWER.description',
    action: 'retry',
  },
  OMS_ORDER_NOT_FOUND: {
    title: 'admin/pick-and-pack.error.OMS_ORDER_NOT_FOUND.title',
    description: 'admin/pick-and-pack.error.OMS_ORDER_NOT_FOUND.description',
    action: 'none',
  },
  OMS_UNAVAILABLE: {
    title: 'admin/pick-and-pack.error.OMS_UNAVAILABLE.title',
    description: 'admin/pick-and-pack.error.OMS_UNAVAILABLE.description',
    action: 'retry',
  },
  // The app lacks an OMS policy: only accepting its permissions helps, not a retry.
  OMS_UNAUTHORIZED: {
    title: 'admin/pick-and-pack.error.OMS_UNAUTHORIZED.title',
    description: 'admin/pick-and-pack.error.OMS_UNAUTHORIZED.description',
    action: 'none',
  },
  STORE_UNAVAILABLE: {
    title: 'admin/pick-and-pack.error.STORE_UNAVAILABLE.title',
    description: 'admin/pick-and-pack.error.STORE_UNAVAILABLE.description',
    action: 'retry',
  },
  SETTINGS_UNAVAILABLE: {
    title: 'admin/pick-and-pack.error.SETTINGS_UNAVAILABLE.title',
    description: 'admin/pick-and-pack.error.SETTINGS_UNAVAILABLE.description',
    action: 'retry',
  },
  BAD_USER_INPUT: {
    title: 'admin/pick-and-pack.error.BAD_USER_INPUT.title',
    description: 'admin/pick-and-pack.error.BAD_USER_INPUT.description',
    action: 'none',
  },
  // The Admin user's roles lack the resource the query or action needs: a retry cannot help.
  FORBIDDEN: {
    title: 'admin/pick-and-pack.error.FORBIDDEN.title',
    description: 'admin/pick-and-pack.error.FORBIDDEN.description',
    action: 'none',
    platform: true,
  },
  // No valid VTEX ID session (expired, signed out): only signing in again helps.
  UNAUTHENTICATED: {
    title: 'admin/pick-and-pack.error.UNAUTHENTICATED.title',
    description: 'admin/pick-and-pack.error.UNAUTHENTICATED.description',
    action: 'none',
    platform: true,
  },
  NETWORK_ERROR: {
    title: 'admin/pick-and-pack.error.NETWORK_ERROR.title',
    description: 'admin/pick-and-pack.error.NETWORK_ERROR.description',
    action: 'retry',
  },
  UNKNOWN_ERROR: {
    title: 'admin/pick-and-pack.error.UNKNOWN_ERROR.title',
    description: 'admin/pick-and-pack.error.UNKNOWN_ERROR.description',
    action: 'retry',
  },
}

/** The home page panels that read their own state, each with its own words for a failure. */
export type Panel = 'webhook' | 'maintenance' | 'board' | 'boardOrders'

/**
 * A panel's own words for an error code where the shared ones (ERROR_MESSAGES) would mislead:
 * with the store down, STORE_UNAVAILABLE speaks of the status history and says nothing is lost,
 * while these panels could not read their own state and the webhook answers 503 meanwhile.
 * The action stays the code's own (ERROR_MESSAGES).
 */
export const PANEL_ERROR_MESSAGES: Record<Panel, Record<string, Described>> = {
  webhook: {
    STORE_UNAVAILABLE: {
      title: 'admin/pick-and-pack.webhook.error.STORE_UNAVAILABLE.title',
      description:
        'admin/pick-and-pack.webhook.error.STORE_UNAVAILABLE.description',
    },
  },
  maintenance: {
    STORE_UNAVAILABLE: {
      title: 'admin/pick-and-pack.maintenance.error.STORE_UNAVAILABLE.title',
      description:
        'admin/pick-and-pack.maintenance.error.STORE_UNAVAILABLE.description',
    },
  },
  // The board reads order summaries and their counts, not any order's status history.
  board: {
    STORE_UNAVAILABLE: {
      title: 'admin/pick-and-pack.board.error.STORE_UNAVAILABLE.title',
      description:
        'admin/pick-and-pack.board.error.STORE_UNAVAILABLE.description',
    },
  },
  boardOrders: {
    STORE_UNAVAILABLE: {
      title: 'admin/pick-and-pack.board.ordersError.STORE_UNAVAILABLE.title',
      description:
        'admin/pick-and-pack.board.ordersError.STORE_UNAVAILABLE.description',
    },
  },
}

/** VTEX OMS status codes the page names in the merchant's language. */
export const OMS_STATUS_MESSAGES: Record<string, string> = {
  'order-created': 'admin/pick-and-pack.oms.statuses.order-created',
  'payment-pending': 'admin/pick-and-pack.oms.statuses.payment-pending',
  'payment-approved': 'admin/pick-and-pack.oms.statuses.payment-approved',
  'window-to-cancel': 'admin/pick-and-pack.oms.statuses.window-to-cancel',
  'ready-for-handling': 'admin/pick-and-pack.oms.statuses.ready-for-handling',
  'start-handling': 'admin/pick-and-pack.oms.statuses.start-handling',
  handling: 'admin/pick-and-pack.oms.statuses.handling',
  invoice: 'admin/pick-and-pack.oms.statuses.invoice',
  invoiced: 'admin/pick-and-pack.oms.statuses.invoiced',
  'cancellation-requested':
    'admin/pick-and-pack.oms.statuses.cancellation-requested',
  cancel: 'admin/pick-and-pack.oms.statuses.cancel',
  canceled: 'admin/pick-and-pack.oms.statuses.canceled',
}

/** Why the board says Pick and Pack and the OMS disagree on an order (OrderSummary.drift). */
export const DRIFT_MESSAGES: Record<string, string> = {
  OMS_CANCELED: 'admin/pick-and-pack.drift.OMS_CANCELED',
  OMS_INVOICED_EARLY: 'admin/pick-and-pack.drift.OMS_INVOICED_EARLY',
  IDLE: 'admin/pick-and-pack.drift.IDLE',
  OMS_STATUS_MISMATCH: 'admin/pick-and-pack.drift.OMS_STATUS_MISMATCH',
}
