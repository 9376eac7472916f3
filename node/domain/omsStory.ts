import type { StatusChangedEvent } from './statusChangedEvent'

export type OmsLanguage = 'en' | 'pt' | 'es'

/**
 * Status names for the OMS interactions, in the language of the `omsLanguage` setting. The
 * admin page holds the same names in messages/ (a test keeps both equal).
 */
export const STATUS_NAMES: Record<OmsLanguage, Record<string, string>> = {
  en: {
    CANCELED: 'Canceled',
    DELIVERED: 'Delivered',
    IDLE: 'Idle (external)',
    INVOICED: 'Invoiced',
    INVOICING: 'Invoicing',
    ON_ROUTE: 'On route',
    PACKING: 'Packing',
    PICKING: 'Picking',
    PREPARING_SHIPPING: 'Preparing shipping',
    READY_FOR_HANDLING: 'Ready for handling',
    READY_FOR_INVOICING: 'Ready for invoicing',
    READY_FOR_PACKING: 'Ready for packing',
    READY_FOR_PICKING: 'Ready for picking',
    READY_FOR_SHIPPING: 'Ready for shipping',
    RETURNED: 'Returned',
    WAITING_FOR_DELIVERY_COMPANY: 'Waiting for courier',
    WAITING_FOR_PICKUP: 'Waiting for pickup',
  },
  pt: {
    CANCELED: 'Cancelado',
    DELIVERED: 'Entregue',
    IDLE: 'Inativo (externo)',
    INVOICED: 'Faturado',
    INVOICING: 'Em faturamento',
    ON_ROUTE: 'Em rota',
    PACKING: 'Em embalagem',
    PICKING: 'Em separação',
    PREPARING_SHIPPING: 'Preparando entrega',
    READY_FOR_HANDLING: 'Pronto para manuseio',
    READY_FOR_INVOICING: 'Pronto para faturamento',
    READY_FOR_PACKING: 'Pronto para embalagem',
    READY_FOR_PICKING: 'Pronto para separação',
    READY_FOR_SHIPPING: 'Pronto para envio',
    RETURNED: 'Devolvido',
    WAITING_FOR_DELIVERY_COMPANY: 'Aguardando transportadora',
    WAITING_FOR_PICKUP: 'Aguardando retirada',
  },
  es: {
    CANCELED: 'Cancelado',
    DELIVERED: 'Entregado',
    IDLE: 'Inactivo (externo)',
    INVOICED: 'Facturado',
    INVOICING: 'En facturación',
    ON_ROUTE: 'En ruta',
    PACKING: 'En empaque',
    PICKING: 'En preparación',
    PREPARING_SHIPPING: 'Preparando envío',
    READY_FOR_HANDLING: 'Listo para gestión',
    READY_FOR_INVOICING: 'Listo para facturación',
    READY_FOR_PACKING: 'Listo para empaque',
    READY_FOR_PICKING: 'Listo para preparación',
    READY_FOR_SHIPPING: 'Listo para envío',
    RETURNED: 'Devuelto',
    WAITING_FOR_DELIVERY_COMPANY: 'Esperando transportista',
    WAITING_FOR_PICKUP: 'Esperando retiro',
  },
}

const WORDS: Record<OmsLanguage, { change: string; see: string }> = {
  en: { change: 'change', see: 'Details' },
  pt: { change: 'alteração', see: 'Detalhes' },
  es: { change: 'cambio', see: 'Detalles' },
}

/**
 * Where the app's order page is, for a person reading the OMS timeline: the Admin's address
 * (navigation.json's path), which shows the page inside the Admin, menu and all.
 */
export const orderPagePath = (orderId: string) =>
  `/admin/pick-and-pack/orders/${encodeURIComponent(orderId)}`

const named = (language: OmsLanguage, status: string | null) =>
  status ? STATUS_NAMES[language][status] ?? status : null

/**
 * One line in the OMS order's interactions for a status change, e.g. "Pick and Pack: Picking →
 * Ready for packing (change 6f531c62). Details: /admin/pick-and-pack/orders/…". The change's
 * id is in it, so that a person can tell a repeat.
 */
export function interactionMessage(
  event: Pick<StatusChangedEvent, 'id' | 'orderId' | 'oldStatus' | 'newStatus'>,
  language: OmsLanguage
): string {
  const from = named(language, event.oldStatus)
  const to = named(language, event.newStatus) as string
  const words = WORDS[language]

  return `Pick and Pack: ${from ? `${from} → ${to}` : to} (${
    words.change
  } ${event.id.slice(0, 8)}). ${words.see}: ${orderPagePath(event.orderId)}`
}

export const INTERACTION_SOURCE = 'Pick and Pack Tracking'
