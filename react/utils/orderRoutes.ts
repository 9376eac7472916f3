// Admin v4 serves app pages under /admin/app/… inside its frame.
export const HOME_PATH = '/admin/app/pick-and-pack'
export const SETTINGS_PATH =
  '/admin/apps/pnplabs.pick-and-pack-tracking@0.x/setup'

export function orderPath(orderId: string): string {
  return `${HOME_PATH}/orders/${encodeURIComponent(orderId)}`
}

export function omsOrderPath(orderId: string): string {
  return `/admin/orders/${encodeURIComponent(orderId)}`
}
