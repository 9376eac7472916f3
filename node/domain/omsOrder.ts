import { isRecord, toNumber, toRecords, toText } from './normalize'
import type { OmsItem, OmsOrder, RawOmsOrder } from './omsTypes'

/** OMS keeps money in cents (or the currency's minor unit). */
function fromMinor(value: unknown, digits: number): number | null {
  const minor = toNumber(value)

  return minor === null ? null : minor / 10 ** digits
}

function decimalDigits(raw: RawOmsOrder): number {
  const digits = toNumber(
    raw.storePreferencesData?.currencyFormatInfo?.CurrencyDecimalDigits
  )

  return digits !== null && digits >= 0 && digits <= 4 ? digits : 2
}

export function toOmsOrder(raw: unknown, requestedOrderId: string): OmsOrder {
  const order: RawOmsOrder = isRecord(raw) ? raw : {}
  const digits = decimalDigits(order)
  const profile = isRecord(order.clientProfileData)
    ? order.clientProfileData
    : {}

  const name = [toText(profile.firstName), toText(profile.lastName)]
    .filter(Boolean)
    .join(' ')

  const items: OmsItem[] = toRecords(order.items).map((item) => ({
    id: toText(item.id),
    refId: toText(item.refId),
    ean: toText(item.ean),
    name: toText(item.name),
    quantity: toNumber(item.quantity),
    sellingPrice: fromMinor(item.sellingPrice ?? item.price, digits),
    imageUrl: toText(item.imageUrl),
    unitMultiplier: toNumber(item.unitMultiplier),
    measurementUnit: toText(item.measurementUnit),
  }))

  return {
    orderId: toText(order.orderId) ?? requestedOrderId,
    status: toText(order.status),
    statusDescription: toText(order.statusDescription),
    creationDate: toText(order.creationDate),
    value: fromMinor(order.value, digits),
    currencyCode: toText(order.storePreferencesData?.currencyCode),
    customerName: name || null,
    customerEmail: toText(profile.email),
    items,
  }
}
