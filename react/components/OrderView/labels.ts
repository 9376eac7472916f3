// Pick and Pack's codes this view names in the merchant's language (units, reasons, v1 picking
// and shipment statuses, evidence types), written out literally so that every id can be found
// with grep and is checked against messages/en.json. A code missing here is shown as received.
import type { CodedMessage } from '../../utils/failureCodes'
import { httpStatusOf } from '../../utils/failureCodes'
import { own } from '../../utils/own'

/** Short unit labels: "{quantity} kg". */
export const UNIT_MESSAGES: Record<string, string> = {
  UNITS: 'admin/pick-and-pack.unit.UNITS',
  KILOGRAMS: 'admin/pick-and-pack.unit.KILOGRAMS',
  GRAMS: 'admin/pick-and-pack.unit.GRAMS',
  POUNDS: 'admin/pick-and-pack.unit.POUNDS',
  OUNCES: 'admin/pick-and-pack.unit.OUNCES',
  LITERS: 'admin/pick-and-pack.unit.LITERS',
  MILLILITERS: 'admin/pick-and-pack.unit.MILLILITERS',
  METERS: 'admin/pick-and-pack.unit.METERS',
  CENTIMETERS: 'admin/pick-and-pack.unit.CENTIMETERS',
}

// Spellings seen beside the documented plural names.
const UNIT_ALIASES: Record<string, string> = {
  UN: 'UNITS',
  UNIT: 'UNITS',
  KG: 'KILOGRAMS',
  KILOGRAM: 'KILOGRAMS',
  G: 'GRAMS',
  GRAM: 'GRAMS',
  LB: 'POUNDS',
  POUND: 'POUNDS',
  OZ: 'OUNCES',
  OUNCE: 'OUNCES',
  L: 'LITERS',
  LITER: 'LITERS',
  LITRE: 'LITERS',
  LITRES: 'LITERS',
  ML: 'MILLILITERS',
  MILLILITER: 'MILLILITERS',
  M: 'METERS',
  METER: 'METERS',
  CM: 'CENTIMETERS',
  CENTIMETER: 'CENTIMETERS',
}

/** The message id of a unit of measure, or undefined for a unit this page does not know. */
export function unitMessage(
  unit: string | null | undefined
): string | undefined {
  if (!unit) return undefined
  const code = unit.trim().toUpperCase()

  return own(UNIT_MESSAGES, own(UNIT_ALIASES, code) ?? code)
}

/** Why Pick and Pack did not pick a line. */
export const REASON_MESSAGES: Record<string, string> = {
  OUT_OF_STOCK: 'admin/pick-and-pack.reason.OUT_OF_STOCK',
  DAMAGED: 'admin/pick-and-pack.reason.DAMAGED',
  EXPIRED: 'admin/pick-and-pack.reason.EXPIRED',
  NOT_FOUND: 'admin/pick-and-pack.reason.NOT_FOUND',
  CUSTOMER_REQUEST: 'admin/pick-and-pack.reason.CUSTOMER_REQUEST',
}

const reasonCode = (text: string) =>
  text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_')

export type Reason =
  | { kind: 'known'; id: string; detail?: string }
  | { kind: 'raw'; text: string }

/**
 * A reason as the API gives it ("OUT_OF_STOCK", "out-of-stock", or "type: detail" where either
 * side may be the code): the message of the code it names, with any other detail kept; else
 * the text as received.
 */
export function parseReason(reason: string): Reason {
  const colon = reason.indexOf(':')
  const parts =
    colon < 0
      ? [reason.trim()]
      : [reason.slice(0, colon).trim(), reason.slice(colon + 1).trim()]

  const [first, second] = parts
  const firstId = own(REASON_MESSAGES, reasonCode(first))
  const secondId = second ? own(REASON_MESSAGES, reasonCode(second)) : undefined

  // "1509750516095-01: out-of-stock": the detail names the reason, the type is an id.
  if (secondId) return { kind: 'known', id: secondId }
  if (firstId) {
    return second
      ? { kind: 'known', id: firstId, detail: second }
      : { kind: 'known', id: firstId }
  }

  return { kind: 'raw', text: reason.trim() }
}

/** v1 order statuses (pickingStatus). */
export const PICKING_STATUS_MESSAGES: Record<string, string> = {
  PENDING: 'admin/pick-and-pack.picking.PENDING',
  IN_PROGRESS: 'admin/pick-and-pack.picking.IN_PROGRESS',
  COLLECTED: 'admin/pick-and-pack.picking.COLLECTED',
  COMPLETED: 'admin/pick-and-pack.picking.COMPLETED',
  READY_FOR_PACKING: 'admin/pick-and-pack.picking.READY_FOR_PACKING',
  PACKING: 'admin/pick-and-pack.picking.PACKING',
  PACKED: 'admin/pick-and-pack.picking.PACKED',
  SORTING: 'admin/pick-and-pack.picking.SORTING',
  CANCELLED: 'admin/pick-and-pack.picking.CANCELLED',
  REJECTED: 'admin/pick-and-pack.picking.REJECTED',
}

/** v1 shipment statuses. */
export const SHIPMENT_STATUS_MESSAGES: Record<string, string> = {
  CREATED: 'admin/pick-and-pack.shipment.status.CREATED',
  PENDING: 'admin/pick-and-pack.shipment.status.PENDING',
  ASSIGNED: 'admin/pick-and-pack.shipment.status.ASSIGNED',
  PICKED: 'admin/pick-and-pack.shipment.status.PICKED',
  ON_ROUTE: 'admin/pick-and-pack.shipment.status.ON_ROUTE',
  INCIDENT: 'admin/pick-and-pack.shipment.status.INCIDENT',
  RETURNED: 'admin/pick-and-pack.shipment.status.RETURNED',
  DELIVERED: 'admin/pick-and-pack.shipment.status.DELIVERED',
  CANCELLED: 'admin/pick-and-pack.shipment.status.CANCELLED',
  ON_HOLD: 'admin/pick-and-pack.shipment.status.ON_HOLD',
  TRANSFER: 'admin/pick-and-pack.shipment.status.TRANSFER',
}

/** Proof-of-delivery kinds. */
export const EVIDENCE_TYPE_MESSAGES: Record<string, string> = {
  PHOTO: 'admin/pick-and-pack.evidence.PHOTO',
  IMAGE: 'admin/pick-and-pack.evidence.PHOTO',
  SIGNATURE: 'admin/pick-and-pack.evidence.SIGNATURE',
  COMMENT: 'admin/pick-and-pack.evidence.COMMENT',
}

/** The courier's vehicle (v1's agent.vehicle enum, and the legacy service's). */
export const VEHICLE_MESSAGES: Record<string, string> = {
  BIKE: 'admin/pick-and-pack.vehicle.BIKE',
  MOTORCYCLE: 'admin/pick-and-pack.vehicle.MOTORCYCLE',
  CAR: 'admin/pick-and-pack.vehicle.CAR',
  SCOOTER: 'admin/pick-and-pack.vehicle.SCOOTER',
  TRUCK: 'admin/pick-and-pack.vehicle.TRUCK',
  VAN: 'admin/pick-and-pack.vehicle.VAN',
  WALK: 'admin/pick-and-pack.vehicle.WALK',
  DRONE: 'admin/pick-and-pack.vehicle.DRONE',
}

// Spellings seen beside the documented names.
const VEHICLE_ALIASES: Record<string, string> = {
  BICYCLE: 'BIKE',
  MOTORBIKE: 'MOTORCYCLE',
  MOTO: 'MOTORCYCLE',
  ON_FOOT: 'WALK',
  WALKING: 'WALK',
}

/** The message id of a vehicle, or undefined for one this page does not know. */
export function vehicleMessage(
  vehicle: string | null | undefined
): string | undefined {
  if (!vehicle) return undefined
  const code = vehicle
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_')

  return own(VEHICLE_MESSAGES, own(VEHICLE_ALIASES, code) ?? code)
}

/** Where the invoice tracking stands in the OMS (OmsSync.tracking). */
export const OMS_TRACKING_MESSAGES: Record<string, string> = {
  SENT: 'admin/pick-and-pack.omsSync.tracking.SENT',
  WAITING: 'admin/pick-and-pack.omsSync.tracking.WAITING',
  FAILED: 'admin/pick-and-pack.omsSync.tracking.FAILED',
  OFF: 'admin/pick-and-pack.omsSync.tracking.OFF',
}

/** The last OMS failure's words by its code (OmsSync.lastErrorCode); HTTP statuses below. */
export const OMS_ERROR_MESSAGES: Record<string, string> = {
  timeout: 'admin/pick-and-pack.omsSync.error.timeout',
  unreadable: 'admin/pick-and-pack.omsSync.error.unreadable',
}

/** Statuses with their own advice; another status gets the generic words. */
const OMS_HTTP_ERROR_MESSAGES: Record<string, string> = {
  '401': 'admin/pick-and-pack.omsSync.error.refused',
  '403': 'admin/pick-and-pack.omsSync.error.refused',
  '404': 'admin/pick-and-pack.omsSync.error.notFound',
}

/**
 * The message of an OMS failure code (`timeout`, `unreadable`, `http:<status>`, as the server
 * words them in node/domain/omsSync.ts), or undefined for a code this page does not know: the
 * server's own sentence is shown then.
 */
export function omsErrorMessage(
  code: string | null | undefined
): CodedMessage | undefined {
  if (!code) return undefined
  const key = code.trim().toLowerCase()
  const status = httpStatusOf(key)

  if (status) {
    return {
      id:
        own(OMS_HTTP_ERROR_MESSAGES, status) ??
        'admin/pick-and-pack.omsSync.error.http',
      values: { status },
    }
  }

  const id = own(OMS_ERROR_MESSAGES, key)

  return id ? { id } : undefined
}

/** How the app learned of a change other than by the webhook (StatusChange.source). */
export const CHANGE_SOURCE_MESSAGES: Record<string, string> = {
  sweep: 'admin/pick-and-pack.history.source.sweep',
  view: 'admin/pick-and-pack.history.source.view',
  backfill: 'admin/pick-and-pack.history.source.backfill',
}

/** Whole hours and minutes of a duration in minutes (rounded to the minute). */
export function splitMinutes(minutes: number): {
  hours: number
  minutes: number
} {
  const total = Math.max(0, Math.round(minutes))

  return { hours: Math.floor(total / 60), minutes: total % 60 }
}
