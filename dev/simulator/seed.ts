// Deterministic sandbox data: a small grocery catalogue and orders that,
// together, cover every Pick and Pack status and every way the picked items
// can differ from the OMS order.
import type { FulfillmentStatus } from './statuses'

export const HOSTNAME = 'sandboxstore'

export type Temperature = 'COLD' | 'FROZEN' | 'AMBIENT' | 'HOT'

export interface Product {
  id: string
  productId: string
  refId: string
  ean: string
  name: string
  /** Price of one OMS unit, in cents (for goods sold by weight: of one portion). */
  price: number
  brand: string
  category: { id: string; name: string }
  temperature: Temperature
  /**
   * Sold by weight: the OMS sells portions of `gramsPerUnit` grams
   * (measurementUnit "g", unitMultiplier gramsPerUnit: VTEX's OMS schema types
   * unitMultiplier as an integer), Pick and Pack weighs it in KILOGRAMS.
   */
  soldByWeight?: { gramsPerUnit: number }
}

/** EAN-13 with a valid check digit, so clients that verify it are happy. */
function ean13(twelveDigits: string): string {
  const sum = twelveDigits
    .split('')
    .reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0)

  return twelveDigits + String((10 - (sum % 10)) % 10)
}

const FRUIT = { id: '10', name: 'Fruits and vegetables' }
const DAIRY = { id: '20', name: 'Dairy' }
const BAKERY = { id: '30', name: 'Bakery' }
const PANTRY = { id: '40', name: 'Pantry' }

// eslint-disable-next-line max-params -- a catalogue row: the list below reads as a table
function product(
  n: number,
  refId: string,
  name: string,
  price: number,
  brand: string,
  category: Product['category'],
  soldByWeight?: Product['soldByWeight']
): Product {
  return {
    id: String(n),
    productId: String(100 + n),
    refId,
    ean: ean13(`7891000100${String(n).padStart(2, '0')}`),
    name,
    price,
    brand,
    category,
    temperature: category === DAIRY ? 'COLD' : 'AMBIENT',
    ...(soldByWeight && { soldByWeight }),
  }
}

export const CATALOGUE: readonly Product[] = [
  product(1, 'BAN-1', 'Banana 1kg', 1050, 'Fazenda Boa', FRUIT),
  product(2, 'MLK-1', 'Milk 1L', 425, 'Leite Sul', DAIRY),
  product(3, 'BRD-1', 'Bread', 300, 'Padaria Central', BAKERY),
  product(4, 'COF-500', 'Coffee 500g', 1890, 'Café Serra', PANTRY),
  product(5, 'EGG-12', 'Eggs 12', 1290, 'Granja Feliz', DAIRY),
  product(6, 'RIC-5', 'Rice 5kg', 2590, 'Grão Bom', PANTRY),
  product(7, 'OLV-500', 'Olive oil 500ml', 3490, 'Oliva Real', PANTRY),
  product(8, 'TOM-1', 'Tomato 1kg', 799, 'Fazenda Boa', FRUIT),
  product(9, 'OAT-1', 'Oat milk 1L', 1190, 'Aveia Viva', DAIRY),
  product(10, 'APL-1', 'Apple 1kg', 899, 'Fazenda Boa', FRUIT),
  // R$ 69.90 a kilogram, sold in 100 g portions of R$ 6.99.
  product(
    11,
    'CHS-KG',
    'Minas cheese (by weight)',
    699,
    'Laticínios Serra',
    DAIRY,
    {
      gramsPerUnit: 100,
    }
  ),
  product(12, 'BUT-200', 'Butter 200g', 1150, 'Leite Sul', DAIRY),
  product(13, 'MRG-250', 'Margarine 250g', 690, 'Cremosa', DAIRY),
]

export function productById(id: string): Product {
  const p = CATALOGUE.find((c) => c.id === id)

  if (!p) throw new Error(`seed refers to unknown product ${id}`)

  return p
}

export interface OrderLine {
  sku: string
  quantity: number
}

export interface PickedLine extends OrderLine {
  /**
   * Which identifiers the picked side keeps: 'ean' drops refId (matched by
   * EAN only), 'id' drops refId and EAN (matched by SKU id only). Legacy
   * answers only: v1 lines always carry every identifier.
   */
  keep?: 'all' | 'ean' | 'id'
  /** A substitute: the SKU of the ordered line it replaces. */
  replaces?: string
  /**
   * Goods sold by weight: what the scale said, in kilograms (`quantity` then
   * counts pieces, e.g. 1 piece of cheese weighing 1.25 kg).
   */
  weightKg?: number
}

/** Why an ordered line was not picked (v1 `reasons`). */
export interface Rejection {
  sku: string
  reasonType: string
  reasonDetail: string
}

export type Vehicle = 'BIKE' | 'CAR' | 'MOTORCYCLE'

export type EvidencePlan =
  /** A photo: /_sandbox/images/evidence-{orderId}.svg. */
  | { kind: 'image' }
  /** Text (legacy `evidences`; a v1 note, since v1 evidences are URLs). */
  | { kind: 'text'; text: string }
  /** A photo and the receiver's signature (/_sandbox/images/signature-…). */
  | { kind: 'photo-and-signature'; receivedBy: string }

export interface ShippingPlan {
  trackingId: string
  courier: string
  agent: string
  vehicle: Vehicle
  /** Proof of delivery, shown once DELIVERED (or RETURNED). */
  evidence?: EvidencePlan
  /** Driver notes (v1 `notes`), each shown once the order reached `at`. */
  notes?: Array<{ at: FulfillmentStatus; text: string }>
}

export interface Customer {
  firstName: string
  lastName: string
  email: string
  document: string
  phone: string
  street: string
  number: string
  neighborhood: string
  postalCode: string
}

export interface SeedOrder {
  orderId: string
  description: string
  status: FulfillmentStatus
  /** Furthest flow status reached, for orders now outside the flow. */
  reached?: FulfillmentStatus
  pickup?: boolean
  ordered: OrderLine[]
  /** What Pick and Pack picks (shown from PICKING on); default: as ordered. */
  picked?: PickedLine[]
  /** Reasons of ordered lines not picked (or replaced), for v1 `reasons`. */
  rejected?: Rejection[]
  /** Shipping from PREPARING_SHIPPING on; null: the API omits `shipping`. */
  shipping?: ShippingPlan | null
  /** Send sellingPrice and quantity as strings, as the docs allow. */
  numbersAsStrings?: boolean
  omitCategories?: boolean
  /** Exists in the OMS only: Pick and Pack answers 404 / 1001. */
  omsOnly?: boolean
  /**
   * The invoice's number once invoiced; default `NF-{4 digits}`. Real ones may hold "/" and
   * spaces, which the OMS calls carry URL-encoded in their path.
   */
  invoiceNumber?: string
  customer: number
  /** ISO creation date (Nov 2026). */
  creationDate: string
}

export const CUSTOMERS: readonly Customer[] = [
  {
    firstName: 'Jane',
    lastName: 'Doe',
    email: 'jane.doe@example.com',
    document: '11144477735',
    phone: '+5511987650001',
    street: 'Rua das Flores',
    number: '120',
    neighborhood: 'Pinheiros',
    postalCode: '05422-010',
  },
  {
    firstName: 'João',
    lastName: 'Silva',
    email: 'joao.silva@example.com',
    document: '52998224725',
    phone: '+5511987650002',
    street: 'Avenida Paulista',
    number: '1578',
    neighborhood: 'Bela Vista',
    postalCode: '01310-200',
  },
  {
    firstName: 'Maria',
    lastName: 'Souza',
    email: 'maria.souza@example.com',
    document: '39053344705',
    phone: '+5511987650003',
    street: 'Rua Augusta',
    number: '900',
    neighborhood: 'Consolação',
    postalCode: '01304-001',
  },
]

const basket = (...lines: Array<[string, number]>): OrderLine[] =>
  lines.map(([sku, quantity]) => ({ sku, quantity }))

const day = (d: number, hh: number, mm = 0): string =>
  new Date(Date.UTC(2026, 10, d, hh + 3, mm)).toISOString() // 09:00 in São Paulo

// eslint-disable-next-line max-params -- a shipping row: the orders below read as a table
function ship(
  n: number,
  courier: string,
  agent: string,
  vehicle: Vehicle,
  evidence?: ShippingPlan['evidence']
): ShippingPlan {
  return { trackingId: `TRK-${n}`, courier, agent, vehicle, evidence }
}

export const SEED_ORDERS: readonly SeedOrder[] = [
  {
    orderId: '1253881550433-01',
    description:
      'ON_ROUTE: short pick (Banana 3→2), missing Bread, FastCourier on a bike',
    status: 'ON_ROUTE',
    ordered: basket(['1', 3], ['2', 1], ['3', 1]),
    picked: [
      { sku: '1', quantity: 2 },
      { sku: '2', quantity: 1 },
    ],
    shipping: ship(88, 'FastCourier', 'Ana Driver', 'BIKE'),
    customer: 0,
    creationDate: day(20, 9),
  },
  {
    orderId: '1253881550441-01',
    description: 'READY_FOR_HANDLING: just arrived, nothing picked yet',
    status: 'READY_FOR_HANDLING',
    ordered: basket(['4', 1], ['5', 2]),
    shipping: ship(441, 'Loggo Express', 'Bruno Rider', 'MOTORCYCLE'),
    customer: 1,
    creationDate: day(24, 8, 30),
  },
  {
    orderId: '1253881550452-01',
    description:
      'READY_FOR_PICKING: pickup order, advance it to WAITING_FOR_PICKUP',
    status: 'READY_FOR_PICKING',
    pickup: true,
    ordered: basket(['6', 1], ['7', 1]),
    shipping: ship(452, 'Store pickup', 'Counter team', 'CAR'),
    customer: 2,
    creationDate: day(24, 8, 45),
  },
  {
    orderId: '1253881550463-01',
    description: 'PICKING: numbers sent as strings ("10.50", "2")',
    status: 'PICKING',
    ordered: basket(['1', 2], ['8', 1]),
    numbersAsStrings: true,
    shipping: ship(463, 'FastCourier', 'Carla Moto', 'MOTORCYCLE'),
    customer: 0,
    creationDate: day(23, 10),
  },
  {
    orderId: '1253881550474-01',
    description: 'READY_FOR_PACKING: Milk substituted by Oat milk',
    status: 'READY_FOR_PACKING',
    ordered: basket(['2', 2], ['3', 1]),
    picked: [
      { sku: '9', quantity: 2, replaces: '2' },
      { sku: '3', quantity: 1 },
    ],
    shipping: ship(474, 'Loggo Express', 'Diego Car', 'CAR'),
    customer: 1,
    creationDate: day(23, 11),
  },
  {
    orderId: '1253881550485-01',
    description: 'PACKING: Coffee matched by EAN only, no categories sent',
    status: 'PACKING',
    ordered: basket(['4', 2], ['10', 1]),
    picked: [
      { sku: '4', quantity: 2, keep: 'ean' },
      { sku: '10', quantity: 1 },
    ],
    omitCategories: true,
    shipping: ship(485, 'FastCourier', 'Ana Driver', 'BIKE'),
    customer: 2,
    creationDate: day(22, 9),
  },
  {
    orderId: '1253881550496-01',
    description: 'READY_FOR_INVOICING: Rice matched by SKU id only',
    status: 'READY_FOR_INVOICING',
    ordered: basket(['6', 1], ['5', 1]),
    picked: [
      { sku: '6', quantity: 1, keep: 'id' },
      { sku: '5', quantity: 1 },
    ],
    shipping: ship(496, 'Loggo Express', 'Bruno Rider', 'MOTORCYCLE'),
    customer: 0,
    creationDate: day(22, 10),
  },
  {
    orderId: '1253881550507-01',
    description: 'INVOICING: an extra Apple picked that was never ordered',
    status: 'INVOICING',
    ordered: basket(['8', 2], ['3', 2]),
    picked: [
      { sku: '8', quantity: 2 },
      { sku: '3', quantity: 2 },
      { sku: '10', quantity: 1 },
    ],
    shipping: ship(507, 'FastCourier', 'Carla Moto', 'MOTORCYCLE'),
    customer: 1,
    creationDate: day(21, 9),
  },
  {
    orderId: '1253881550518-01',
    description: 'INVOICED: complete pick, numbers as strings',
    status: 'INVOICED',
    ordered: basket(['7', 1], ['1', 1]),
    numbersAsStrings: true,
    shipping: ship(518, 'Loggo Express', 'Diego Car', 'CAR'),
    customer: 2,
    creationDate: day(21, 10),
  },
  {
    orderId: '1253881550529-01',
    description: 'PREPARING_SHIPPING: shipping created, no driver yet',
    status: 'PREPARING_SHIPPING',
    ordered: basket(['5', 1], ['2', 3]),
    shipping: ship(529, 'FastCourier', 'Ana Driver', 'BIKE'),
    customer: 0,
    creationDate: day(20, 11),
  },
  {
    orderId: '1253881550530-01',
    description: 'READY_FOR_SHIPPING: the API sends no shipping object',
    status: 'READY_FOR_SHIPPING',
    ordered: basket(['3', 2], ['4', 1]),
    shipping: null,
    customer: 1,
    creationDate: day(20, 12),
  },
  {
    orderId: '1253881550541-01',
    description: 'WAITING_FOR_DELIVERY_COMPANY: driver assigned, by car',
    status: 'WAITING_FOR_DELIVERY_COMPANY',
    ordered: basket(['6', 2], ['7', 1]),
    shipping: ship(541, 'Loggo Express', 'Diego Car', 'CAR'),
    customer: 2,
    creationDate: day(19, 9),
  },
  {
    orderId: '1253881550552-01',
    description: 'DELIVERED: photo evidence',
    status: 'DELIVERED',
    ordered: basket(['1', 1], ['2', 2], ['5', 1]),
    shipping: ship(552, 'FastCourier', 'Ana Driver', 'BIKE', { kind: 'image' }),
    customer: 0,
    creationDate: day(18, 9),
  },
  {
    orderId: '1253881550563-01',
    description: 'DELIVERED: text evidence "Left with the doorman"',
    status: 'DELIVERED',
    ordered: basket(['8', 1], ['10', 2]),
    shipping: ship(563, 'Loggo Express', 'Bruno Rider', 'MOTORCYCLE', {
      kind: 'text',
      text: 'Left with the doorman',
    }),
    customer: 1,
    creationDate: day(18, 10),
  },
  {
    orderId: '1253881550574-01',
    description:
      'WAITING_FOR_PICKUP: pickup-in-point order, ready at the store',
    status: 'WAITING_FOR_PICKUP',
    pickup: true,
    ordered: basket(['4', 1], ['3', 1]),
    shipping: ship(574, 'Store pickup', 'Counter team', 'CAR'),
    customer: 2,
    creationDate: day(17, 9),
  },
  {
    orderId: '1253881550585-01',
    description: 'IDLE: fulfilled outside Pick and Pack',
    status: 'IDLE',
    ordered: basket(['6', 1]),
    customer: 0,
    creationDate: day(17, 10),
  },
  {
    orderId: '1253881550596-01',
    description: 'RETURNED: delivered, then returned by the customer',
    status: 'RETURNED',
    reached: 'DELIVERED',
    ordered: basket(['7', 2]),
    shipping: ship(596, 'FastCourier', 'Carla Moto', 'MOTORCYCLE'),
    customer: 1,
    creationDate: day(16, 9),
  },
  {
    orderId: '1253881550607-01',
    description: 'CANCELED: canceled before picking',
    status: 'CANCELED',
    reached: 'READY_FOR_PICKING',
    ordered: basket(['2', 1], ['3', 1]),
    customer: 2,
    creationDate: day(16, 10),
  },
  {
    orderId: '1253881550618-01',
    description:
      'PACKING: Coffee rejected as out of stock (v1 reason OUT_OF_STOCK), the rest picked',
    status: 'PACKING',
    ordered: basket(['4', 1], ['5', 1], ['8', 2]),
    picked: [
      { sku: '5', quantity: 1 },
      { sku: '8', quantity: 2 },
    ],
    rejected: [
      { sku: '4', reasonType: 'OUT_OF_STOCK', reasonDetail: 'out-of-stock' },
    ],
    shipping: ship(618, 'FastCourier', 'Ana Driver', 'BIKE'),
    customer: 0,
    creationDate: day(24, 9, 15),
  },
  {
    orderId: '1253881550629-01',
    description:
      'INVOICED: Butter (out of stock) substituted by Margarine, v1 replacedBy',
    status: 'INVOICED',
    ordered: basket(['12', 2], ['3', 1], ['2', 1]),
    picked: [
      { sku: '13', quantity: 2, replaces: '12' },
      { sku: '3', quantity: 1 },
      { sku: '2', quantity: 1 },
    ],
    rejected: [
      { sku: '12', reasonType: 'OUT_OF_STOCK', reasonDetail: 'out-of-stock' },
    ],
    shipping: ship(629, 'Loggo Express', 'Diego Car', 'CAR'),
    customer: 1,
    creationDate: day(23, 12),
  },
  {
    orderId: '1253881550640-01',
    description:
      'READY_FOR_PACKING: cheese sold by weight, 1.2 kg ordered (12 × 100 g), 1.25 kg picked',
    status: 'READY_FOR_PACKING',
    ordered: basket(['11', 12], ['10', 1]),
    picked: [
      { sku: '11', quantity: 1, weightKg: 1.25 },
      { sku: '10', quantity: 1 },
    ],
    shipping: ship(640, 'FastCourier', 'Carla Moto', 'MOTORCYCLE'),
    customer: 2,
    creationDate: day(24, 10),
  },
  {
    orderId: '1253881550651-01',
    description:
      'DELIVERED: proof of delivery (photo and signature), Butter substituted by Margarine, Coffee out of stock',
    status: 'DELIVERED',
    ordered: basket(['6', 1], ['7', 1], ['12', 1], ['4', 1]),
    picked: [
      { sku: '6', quantity: 1 },
      { sku: '7', quantity: 1 },
      { sku: '13', quantity: 1, replaces: '12' },
    ],
    rejected: [
      { sku: '12', reasonType: 'OUT_OF_STOCK', reasonDetail: 'out-of-stock' },
      { sku: '4', reasonType: 'OUT_OF_STOCK', reasonDetail: 'out-of-stock' },
    ],
    shipping: ship(651, 'Loggo Express', 'Bruno Rider', 'MOTORCYCLE', {
      kind: 'photo-and-signature',
      receivedBy: 'Maria Souza',
    }),
    invoiceNumber: 'NF 651/1',
    customer: 2,
    creationDate: day(19, 10),
  },
  {
    orderId: '1253881550662-01',
    description:
      'RETURNED: nobody at home twice, back at the store, with driver notes',
    status: 'RETURNED',
    reached: 'ON_ROUTE',
    ordered: basket(['1', 2], ['9', 1]),
    shipping: {
      ...ship(662, 'FastCourier', 'Carla Moto', 'MOTORCYCLE'),
      notes: [
        { at: 'ON_ROUTE', text: 'Nobody at home at 11:40, will try again' },
        {
          at: 'RETURNED',
          text: 'Nobody at home at the second attempt either: returned to the store',
        },
      ],
    },
    customer: 0,
    creationDate: day(19, 11),
  },
  {
    orderId: '1253881559901-01',
    description: 'OMS only: Pick and Pack answers 404 / 1001',
    status: 'IDLE',
    omsOnly: true,
    ordered: basket(['1', 1], ['4', 1]),
    customer: 0,
    creationDate: day(15, 9),
  },
  {
    orderId: '1253881559912-01',
    description: 'OMS only, invoiced: Pick and Pack answers 404 / 1001',
    status: 'INVOICED',
    omsOnly: true,
    ordered: basket(['5', 2]),
    customer: 1,
    creationDate: day(15, 10),
  },
]

export interface SeededOrderSummary {
  orderId: string
  description: string
  /** Current Pick and Pack status (the seed's, in SEEDED_ORDERS). */
  status: FulfillmentStatus
  /** false for the OMS-only orders. */
  inPickAndPack: boolean
  /** The OMS status now (GET /_sandbox/orders only). */
  omsStatus?: string
}

/** Order ids to try, one line each (printed by `npm start`). */
export const SEEDED_ORDERS: readonly SeededOrderSummary[] = SEED_ORDERS.map(
  (o) => ({
    orderId: o.orderId,
    description: o.description,
    status: o.status,
    inPickAndPack: !o.omsOnly,
  })
)
