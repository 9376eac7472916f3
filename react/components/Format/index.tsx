import React from 'react'
import { useIntl } from 'react-intl'

import { parseDate } from '../../utils/dates'
import { firstNonEmpty } from '../../utils/text'

interface MoneyProps {
  value: number | null | undefined
  currency?: string | null
}

// An ISO 4217 code: Intl formats any well-formed one, and react-intl swallows what it cannot.
const CURRENCY_CODE = /^[A-Z]{3}$/

// "narrowSymbol" (ES2020) is missing from the React builder's lib (es2019): typed by hand.
const narrowSymbol = (currency: string) =>
  ({
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
  } as unknown as Intl.NumberFormatOptions & Parameters<FormatNumber>[1])

let narrowSymbolSupported: boolean | undefined

function supportsNarrowSymbol(): boolean {
  if (narrowSymbolSupported === undefined) {
    try {
      new Intl.NumberFormat('en', narrowSymbol('USD')).format(1)
      narrowSymbolSupported = true
    } catch {
      narrowSymbolSupported = false
    }
  }

  return narrowSymbolSupported
}

type FormatNumber = ReturnType<typeof useIntl>['formatNumber']

/**
 * Money in the page's locale and the order's currency, the same style in every language:
 * R$46.65 in English, R$ 46,65 in Portuguese, 46,65 R$ in Spanish. Where the locale has no
 * symbol of its own for the currency (Spanish for BRL writes "46,65 BRL") the currency's own
 * narrow symbol is used, unless that is a bare "$", which several currencies share.
 */
export function formatMoney(
  formatNumber: FormatNumber,
  value: number,
  currency: string
): string {
  const symbol = formatNumber(value, { style: 'currency', currency })

  if (!symbol.includes(currency) || !supportsNarrowSymbol()) return symbol
  const narrow = formatNumber(value, narrowSymbol(currency))

  const sign = narrow.replace(/[\d\s.,\u00a0\u202f+-]/g, '')

  return sign && sign !== '$' ? narrow : symbol
}

/** Money already in major units (38.75); without a currency it is a plain 2-decimal number. */
export function Money({ value, currency }: MoneyProps) {
  const intl = useIntl()

  if (value === null || value === undefined) return <>—</>
  const code = currency ? currency.trim().toUpperCase() : ''

  if (CURRENCY_CODE.test(code)) {
    return <>{formatMoney(intl.formatNumber, value, code)}</>
  }

  const number = intl.formatNumber(value, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })

  // A code that is no ISO code is shown as received beside the number.
  return <>{currency ? `${currency} ${number}` : number}</>
}

interface DateTimeProps {
  value: string | null | undefined
  dateOnly?: boolean
}

/** A date from the API; an unparsable one is shown as it came rather than "Invalid Date". */
export function DateTime({ value, dateOnly = false }: DateTimeProps) {
  const intl = useIntl()
  const date = parseDate(value)

  if (!date) return <>{firstNonEmpty(value) ?? '—'}</>

  const text = intl.formatDate(date, {
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    ...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit' }),
  })

  return <time dateTime={date.toISOString()}>{text}</time>
}
