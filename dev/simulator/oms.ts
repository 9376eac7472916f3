// The OMS sandbox: a VTEX OMS "Get order" response for each seeded order,
// shaped after VTEX's published schema (values in cents, integers).
import {
  CUSTOMERS,
  HOSTNAME,
  productById,
  type Product,
  type SeedOrder,
} from './seed'
import { omsChangedAt, omsStateOf, omsStatusOf } from './omsState'
import type { InvoiceUpdate, OrderState } from './state'

export type Json =
  | string
  | number
  | boolean
  | null
  | Json[]
  | { [key: string]: Json }

const SELLER = '1'
const SHIPPING_PER_ORDER = 790
const SALES_CHANNEL = '1'

const plusHours = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * 3600_000).toISOString()

/** When the OMS promises the delivery (or the pickup). */
export const shippingEstimateDate = (seed: SeedOrder): string =>
  plusHours(seed.creationDate, seed.pickup ? 24 : 2)

/** Items total in cents (what was ordered). */
export const itemsTotal = (seed: SeedOrder): number =>
  seed.ordered.reduce(
    (sum, l) => sum + productById(l.sku).price * l.quantity,
    0
  )

/** The order's value in cents: items plus shipping. */
export const orderValue = (seed: SeedOrder): number =>
  itemsTotal(seed) + SHIPPING_PER_ORDER

/** The invoice number the OMS sandbox gives an invoiced order. */
export const invoiceNumber = (seed: SeedOrder): string =>
  seed.invoiceNumber ?? `NF-${seed.orderId.slice(-7, -3)}`

/** The payment (Pix) identifiers, shared with the v1 answer. */
export const paymentIds = (seed: SeedOrder) => ({
  paymentId: `PAY${seed.orderId.replace('-', '')}`,
  transactionId: `TX${seed.orderId.replace('-', '')}`,
})

/** OMS measurement unit and multiplier of a product (integers, per the schema). */
function omsUnit(p: Product): {
  measurementUnit: string
  unitMultiplier: number
} {
  return p.soldByWeight
    ? { measurementUnit: 'g', unitMultiplier: p.soldByWeight.gramsPerUnit }
    : { measurementUnit: 'un', unitMultiplier: 1 }
}

function address(seed: SeedOrder): { [key: string]: Json } {
  const c = CUSTOMERS[seed.customer]

  return {
    addressType: seed.pickup ? 'pickup' : 'residential',
    receiverName: `${c.firstName} ${c.lastName}`,
    addressId: `addr-${seed.orderId}`,
    versionId: null,
    entityId: null,
    postalCode: c.postalCode,
    city: 'São Paulo',
    state: 'SP',
    country: 'BRA',
    street: c.street,
    number: c.number,
    neighborhood: c.neighborhood,
    complement: '',
    reference: null,
    geoCoordinates: [-46.6833, -23.5614],
  }
}

function items(seed: SeedOrder, baseUrl: string): Json[] {
  return seed.ordered.map((line, index) => {
    const p = productById(line.sku)

    return {
      uniqueId: `${seed.orderId.replace(/\D/g, '')}${index}`.slice(-16),
      id: p.id,
      productId: p.productId,
      ean: p.ean,
      lockId: `00-${seed.orderId}`,
      itemAttachment: { content: {}, name: null },
      attachments: [],
      quantity: line.quantity,
      seller: SELLER,
      name: p.name,
      refId: p.refId,
      price: p.price,
      listPrice: p.price,
      manualPrice: null,
      priceTags: [],
      imageUrl: `${baseUrl}/_sandbox/images/${p.refId}.svg`,
      detailUrl: `/${p.refId.toLowerCase()}/p`,
      components: [],
      bundleItems: [],
      params: [],
      offerings: [],
      attachmentOfferings: [],
      sellerSku: p.id,
      priceValidUntil: null,
      commission: 0,
      tax: 0,
      preSaleDate: null,
      additionalInfo: {
        brandName: p.brand,
        brandId: String(2000000 + Number(p.id)),
        categoriesIds: `/${p.category.id}/`,
        categories: [{ id: Number(p.category.id), name: p.category.name }],
        productClusterId: '',
        commercialConditionId: '1',
        dimension: {
          cubicweight: 1,
          height: 10,
          length: 10,
          weight: 1000,
          width: 10,
        },
        offeringInfo: null,
        offeringType: null,
        offeringTypeId: null,
      },
      ...omsUnit(p),
      sellingPrice: p.price,
      isGift: false,
      shippingPrice: null,
      rewardValue: 0,
      freightCommission: 0,
      priceDefinitions: {
        sellingPrices: [{ value: p.price, quantity: line.quantity }],
        calculatedSellingPrice: p.price,
        total: p.price * line.quantity,
      },
      taxCode: null,
      parentItemIndex: null,
      parentAssemblyBinding: null,
      callCenterOperator: null,
      serialNumbers: null,
      assemblies: [],
      costPrice: Math.round(p.price * 0.6),
    }
  })
}

function logisticsInfo(seed: SeedOrder): Json[] {
  const pickup = seed.pickup === true
  const slaId = pickup ? 'Pickup in store' : 'Express'
  const channel = pickup ? 'pickup-in-point' : 'delivery'
  const perItem = Math.floor(SHIPPING_PER_ORDER / seed.ordered.length)
  const pickupStoreInfo = {
    additionalInfo: pickup ? 'Ask at the pickup counter' : null,
    address: null,
    dockId: pickup ? '1' : null,
    friendlyName: pickup ? 'Sandbox Store Pinheiros' : null,
    isPickupStore: pickup,
  }

  return seed.ordered.map((_line, itemIndex) => {
    // The last item carries the rounding remainder so the sum is exact.
    const price =
      itemIndex === seed.ordered.length - 1
        ? SHIPPING_PER_ORDER - perItem * (seed.ordered.length - 1)
        : perItem

    return {
      itemIndex,
      selectedSla: slaId,
      lockTTL: '10d',
      price,
      listPrice: price,
      sellingPrice: price,
      deliveryWindow: null,
      deliveryCompany: pickup ? 'Sandbox Store' : 'FastCourier',
      shippingEstimate: pickup ? '1bd' : '2h',
      shippingEstimateDate: shippingEstimateDate(seed),
      slas: [
        {
          id: slaId,
          name: slaId,
          shippingEstimate: pickup ? '1bd' : '2h',
          deliveryWindow: null,
          price,
          selectedDeliveryChannel: channel,
          pickupStoreInfo,
          polygonName: null,
          lockTTL: '10d',
          pickupPointId: pickup ? '1_pinheiros' : '',
          transitTime: pickup ? '0bd' : '2h',
          pickupDistance: 0,
        },
      ],
      shipsTo: ['BRA'],
      deliveryIds: [
        {
          courierId: pickup ? '1b2c' : '1a2b',
          courierName: pickup ? 'Sandbox Store' : 'FastCourier',
          dockId: '1',
          quantity: seed.ordered[itemIndex].quantity,
          warehouseId: '1_1',
          accountCarrierName: HOSTNAME,
          kitItemDetails: [],
        },
      ],
      deliveryChannels: [
        { id: 'delivery', stockBalance: 100 },
        { id: 'pickup-in-point', stockBalance: 100 },
      ],
      selectedDeliveryChannel: channel,
      pickupStoreInfo,
      addressId: `addr-${seed.orderId}`,
      versionId: null,
      entityId: null,
      polygonName: null,
      pickupPointId: pickup ? '1_pinheiros' : null,
      transitTime: pickup ? '0bd' : '2h',
    }
  })
}

/** The invoice numbers in the order's `packageAttachment` (one once invoiced in the OMS). */
export const invoiceNumbersOf = (order: OrderState): string[] =>
  omsStatusOf(order) === 'invoiced' ? [invoiceNumber(order.seed)] : []

const seedCourier = (seed: SeedOrder): string =>
  seed.pickup ? 'Sandbox Store' : 'FastCourier'

/** What the order's invoice shows now: the seed's, then what the OMS calls set. */
export function invoiceTracking(order: OrderState, number: string) {
  const { seed } = order
  const update: Partial<InvoiceUpdate> = order.invoices?.get(number) ?? {}

  return {
    courier: update.courier === undefined ? seedCourier(seed) : update.courier,
    trackingNumber:
      update.trackingNumber ??
      (seed.shipping ? seed.shipping.trackingId : null),
    trackingUrl: update.trackingUrl ?? null,
    courierStatus: update.courierStatus ?? null,
  }
}

function invoicePackage(
  order: OrderState,
  total: number,
  issued: string
): Json {
  const { seed } = order
  const number = invoiceNumber(seed)
  const tracking = invoiceTracking(order, number)

  return {
    items: seed.ordered.map((line, itemIndex) => ({
      itemIndex,
      quantity: line.quantity,
      price: productById(line.sku).price,
      description: productById(line.sku).name,
      unitMultiplier: omsUnit(productById(line.sku)).unitMultiplier,
    })),
    courier: tracking.courier,
    invoiceNumber: number,
    invoiceValue: total,
    invoiceUrl: null,
    issuanceDate: issued,
    trackingNumber: tracking.trackingNumber,
    invoiceKey: null,
    trackingUrl: tracking.trackingUrl,
    embeddedInvoice: '',
    type: 'Output',
    courierStatus: tracking.courierStatus,
    cfop: null,
    restitutions: {},
    volumes: 1,
    EnableInferItems: null,
  }
}

/** The OMS "Get order" JSON for an order in its current state. */
export function omsOrder(order: OrderState, baseUrl: string): Json {
  const { seed } = order
  const customer = CUSTOMERS[seed.customer]
  const { status, description } = omsStateOf(order)
  const value = orderValue(seed)
  const sequence = seed.orderId.split('-')[0].slice(-7)
  const invoiced = status === 'invoiced'
  const canceled = status === 'canceled'
  const lastChange = omsChangedAt(order)
  // Invoiced or canceled in the OMS by a sandbox control: then; else on the seed's timeline.
  const omsDate = order.oms?.at ?? plusHours(seed.creationDate, 1)
  const addr = address(seed)
  const itemList = items(seed, baseUrl)

  return {
    orderId: seed.orderId,
    sequence,
    marketplaceOrderId: '',
    marketplaceServicesEndpoint: `http://oms.vtexinternal.com.br/api/oms?an=${HOSTNAME}`,
    sellerOrderId: `00-${seed.orderId}`,
    origin: 'Marketplace',
    affiliateId: '',
    salesChannel: SALES_CHANNEL,
    merchantName: null,
    status,
    workflowIsInError: false,
    statusDescription: description,
    value,
    creationDate: seed.creationDate,
    lastChange,
    orderGroup: seed.orderId.split('-')[0],
    followUpEmail: `${seed.orderId.replace('-', '')}@ct.vtex.com.br`,
    lastMessage: null,
    hostname: HOSTNAME,
    isCompleted: true,
    roundingError: 0,
    orderFormId: `of${seed.orderId.replace('-', '')}`,
    allowCancellation: !invoiced && !canceled,
    allowEdition: false,
    isCheckedIn: false,
    authorizedDate: plusHours(seed.creationDate, 0.1),
    invoicedDate: invoiced ? omsDate : null,
    cancelReason: canceled ? 'Customer asked to cancel' : null,
    checkedInPickupPointId: null,
    totals: [
      { id: 'Items', name: 'Total dos Itens', value: itemsTotal(seed) },
      { id: 'Discounts', name: 'Total dos Descontos', value: 0 },
      { id: 'Shipping', name: 'Total do Frete', value: SHIPPING_PER_ORDER },
      { id: 'Tax', name: 'Total da Taxa', value: 0 },
    ],
    sellers: [
      {
        id: SELLER,
        name: 'Sandbox Store',
        logo: null,
        fulfillmentEndpoint: `http://fulfillment.vtexcommerce.com.br/api/fulfillment?an=${HOSTNAME}`,
      },
    ],
    clientPreferencesData: { locale: 'pt-BR', optinNewsLetter: false },
    cancellationData: canceled
      ? {
          RequestedByUser: true,
          RequestedBySystem: false,
          RequestedBySellerNotification: false,
          RequestedByPaymentNotification: false,
          Reason: 'Customer asked to cancel',
          CancellationDate: omsDate,
        }
      : null,
    taxData: null,
    subscriptionData: null,
    itemMetadata: {
      Items: seed.ordered.map((line) => {
        const p = productById(line.sku)

        return {
          Id: p.id,
          Seller: SELLER,
          Name: p.name,
          SkuName: p.name,
          ProductId: p.productId,
          RefId: p.refId,
          Ean: p.ean,
          ImageUrl: `${baseUrl}/_sandbox/images/${p.refId}.svg`,
          DetailUrl: `/${p.refId.toLowerCase()}/p`,
          AssemblyOptions: [],
        }
      }),
    },
    marketplace: {
      baseURL: `http://oms.vtexinternal.com.br/api/oms?an=${HOSTNAME}`,
      isCertified: null,
      name: HOSTNAME,
    },
    storePreferencesData: {
      countryCode: 'BRA',
      currencyCode: 'BRL',
      currencyFormatInfo: {
        CurrencyDecimalDigits: 2,
        CurrencyDecimalSeparator: ',',
        CurrencyGroupSeparator: '.',
        CurrencyGroupSize: 3,
        StartsWithCurrencySymbol: true,
      },
      currencyLocale: 1046,
      currencySymbol: 'R$',
      timeZone: 'E. South America Standard Time',
    },
    customData: null,
    commercialConditionData: null,
    openTextField: null,
    invoiceData: null,
    changesAttachment: null,
    callCenterOperatorData: null,
    packageAttachment: {
      packages: invoiced ? [invoicePackage(order, value, omsDate)] : [],
    },
    paymentData: {
      giftCards: [],
      transactions: [
        {
          isActive: true,
          transactionId: paymentIds(seed).transactionId,
          merchantName: HOSTNAME.toUpperCase(),
          payments: [
            {
              id: paymentIds(seed).paymentId,
              paymentSystem: '125',
              paymentSystemName: 'Pix',
              value,
              installments: 1,
              referenceValue: value,
              cardHolder: null,
              cardNumber: null,
              firstDigits: null,
              lastDigits: null,
              cvv2: null,
              expireMonth: null,
              expireYear: null,
              url: null,
              giftCardId: null,
              giftCardName: null,
              giftCardCaption: null,
              redemptionCode: null,
              group: 'instantPayment',
              tid: `TID${sequence}`,
              dueDate: null,
              connectorResponses: {},
              giftCardProvider: null,
              giftCardAsDiscount: null,
              koinUrl: null,
              accountId: null,
              parentAccountId: null,
              bankIssuedInvoiceIdentificationNumber: null,
              bankIssuedInvoiceIdentificationNumberFormatted: null,
              bankIssuedInvoiceBarCodeNumber: null,
              bankIssuedInvoiceBarCodeType: null,
              billingAddress: null,
              paymentOrigin: null,
            },
          ],
        },
      ],
    },
    shippingData: {
      id: 'shippingData',
      address: addr,
      logisticsInfo: logisticsInfo(seed),
      trackingHints: null,
      selectedAddresses: [
        {
          addressId: `addr-${seed.orderId}`,
          versionId: null,
          entityId: null,
          addressType: addr.addressType as string,
          receiverName: addr.receiverName as string,
          street: customer.street,
          number: customer.number,
          complement: '',
          neighborhood: customer.neighborhood,
          postalCode: customer.postalCode,
          city: 'São Paulo',
          state: 'SP',
          country: 'BRA',
          reference: null,
          geoCoordinates: [-46.6833, -23.5614],
        },
      ],
      contactInformation: [],
    },
    ratesAndBenefitsData: {
      id: 'ratesAndBenefitsData',
      rateAndBenefitsIdentifiers: [],
    },
    marketingData: null,
    giftRegistryData: null,
    clientProfileData: {
      id: 'clientProfileData',
      email: customer.email,
      firstName: customer.firstName,
      lastName: customer.lastName,
      documentType: 'cpf',
      document: customer.document,
      phone: customer.phone,
      corporateName: null,
      tradeName: null,
      corporateDocument: null,
      stateInscription: null,
      corporatePhone: null,
      isCorporate: false,
      userProfileId: `user-${seed.customer + 1}`,
      userProfileVersion: null,
      customerClass: null,
      customerCode: null,
    },
    items: itemList,
    marketplaceItems: [],
    authorizationPolicyData: [],
  }
}

export const OMS_NOT_FOUND = {
  error: { code: 'OMS003', message: 'Order not found' },
} as const
