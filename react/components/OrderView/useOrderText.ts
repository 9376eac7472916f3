import { useIntl } from 'react-intl'

import { useStatusText } from '../../hooks/useStatusText'
import { own } from '../../utils/own'
import {
  EVIDENCE_TYPE_MESSAGES,
  PICKING_STATUS_MESSAGES,
  SHIPMENT_STATUS_MESSAGES,
  parseReason,
  splitMinutes,
  unitMessage,
  vehicleMessage,
} from './labels'

const code = (value: string) => value.trim().toUpperCase()

/**
 * Quantities, reasons, durations and Pick and Pack's codes in the page's language and number
 * format. Whatever this page does not know is shown as received, never hidden.
 */
export function useOrderText() {
  const intl = useIntl()
  const { label: flowStatus } = useStatusText()

  // Weights to the gram (or the unit's thousandth), as Pick and Pack measures them.
  const number = (value: number) =>
    intl.formatNumber(value, { maximumFractionDigits: 3 })

  return {
    /** "3" for a line counted in units; "1.25 kg" (or "1,25 kg") for a weighable one. */
    quantity(
      value: number | null | undefined,
      weighable: boolean,
      unit: string | null | undefined
    ): string {
      if (value === null || value === undefined) return '—'
      if (!weighable || !unit) return number(value)
      const id = unitMessage(unit)

      return id
        ? intl.formatMessage({ id }, { quantity: number(value) })
        : intl.formatMessage(
            { id: 'admin/pick-and-pack.unit.other' },
            { quantity: number(value), unit }
          )
    },

    reason(text: string): string {
      const reason = parseReason(text)

      if (reason.kind === 'raw') return reason.text
      const name = intl.formatMessage({ id: reason.id })

      return reason.detail
        ? intl.formatMessage(
            { id: 'admin/pick-and-pack.reason.withDetail' },
            { reason: name, detail: reason.detail }
          )
        : name
    },

    /** "12 min", "1 h 5 min", "2 h". */
    duration(minutes: number | null | undefined): string {
      if (
        minutes === null ||
        minutes === undefined ||
        !Number.isFinite(minutes)
      )
        return '—'
      if (minutes > 0 && minutes < 0.5)
        return intl.formatMessage({
          id: 'admin/pick-and-pack.duration.underMinute',
        })
      const parts = splitMinutes(minutes)

      if (parts.hours === 0)
        return intl.formatMessage(
          { id: 'admin/pick-and-pack.duration.minutes' },
          { minutes: intl.formatNumber(parts.minutes) }
        )

      return parts.minutes === 0
        ? intl.formatMessage(
            { id: 'admin/pick-and-pack.duration.hours' },
            { hours: intl.formatNumber(parts.hours) }
          )
        : intl.formatMessage(
            { id: 'admin/pick-and-pack.duration.hoursMinutes' },
            {
              hours: intl.formatNumber(parts.hours),
              minutes: intl.formatNumber(parts.minutes),
            }
          )
    },

    pickingStatus(status: string | null | undefined): string {
      if (!status) return '—'
      const id = own(PICKING_STATUS_MESSAGES, code(status))

      return id ? intl.formatMessage({ id }) : status
    },

    /** A v1 shipment status; a legacy one often reuses the order statuses. */
    shipmentStatus(status: string | null | undefined): string {
      if (!status) return '—'
      const id = own(SHIPMENT_STATUS_MESSAGES, code(status))

      return id ? intl.formatMessage({ id }) : flowStatus(status)
    },

    /** A vehicle in the page's language; one this page does not know, as received. */
    vehicle(vehicle: string | null | undefined): string {
      if (!vehicle) return '—'
      const id = vehicleMessage(vehicle)

      return id ? intl.formatMessage({ id }) : vehicle
    },

    evidenceType(type: string | null | undefined): string {
      if (!type)
        return intl.formatMessage({ id: 'admin/pick-and-pack.evidence.other' })
      const id = own(EVIDENCE_TYPE_MESSAGES, code(type))

      return id ? intl.formatMessage({ id }) : type
    },
  }
}
