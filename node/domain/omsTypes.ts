/** The parts of VTEX's OMS "Get order" response this app reads (values in cents). */
export interface RawOmsItem {
  id?: unknown
  productId?: unknown
  refId?: unknown
  ean?: unknown
  name?: unknown
  quantity?: unknown
  price?: unknown
  sellingPrice?: unknown
  imageUrl?: unknown
  unitMultiplier?: unknown
  measurementUnit?: unknown
}

export interface RawOmsOrder {
  orderId?: unknown
  status?: unknown
  statusDescription?: unknown
  creationDate?: unknown
  value?: unknown
  items?: unknown
  clientProfileData?: {
    firstName?: unknown
    lastName?: unknown
    email?: unknown
  } | null
  storePreferencesData?: {
    currencyCode?: unknown
    currencyFormatInfo?: { CurrencyDecimalDigits?: unknown } | null
  } | null
}

/** The GraphQL `OmsOrder`: money in the currency's major unit. */
export interface OmsItem {
  id: string | null
  refId: string | null
  ean: string | null
  name: string | null
  quantity: number | null
  sellingPrice: number | null
  imageUrl: string | null
  /** What one unit holds (0.1 for items sold in 100 g units, with measurementUnit "kg"). */
  unitMultiplier: number | null
  measurementUnit: string | null
}

export interface OmsOrder {
  orderId: string
  status: string | null
  statusDescription: string | null
  creationDate: string | null
  value: number | null
  currencyCode: string | null
  customerName: string | null
  customerEmail: string | null
  items: OmsItem[]
}
