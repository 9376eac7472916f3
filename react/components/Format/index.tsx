import React from 'react'
import { useIntl } from 'react-intl'

import { parseDate } from '../../utils/dates'

interface MoneyProps {
  value: number | null | undefined
  currency?: string | null
}

/** Money already in major units (38.75); without a currency it is a plain 2-decimal number. */
export function Money({ value, currency }: MoneyProps) {
  const intl = useIntl()

  if (value === null || value === undefined) return <>—</>

  if (currency) {
    try {
      return <>{intl.formatNumber(value, { style: 'currency', currency })}</>
    } catch {
      // An invalid ISO code makes Intl throw: fall back to the number and the raw code.
    }
  }

  const number = intl.formatNumber(value, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })

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

  if (!date) return <>{value || '—'}</>

  const text = intl.formatDate(date, {
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    ...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit' }),
  })

  return <time dateTime={date.toISOString()}>{text}</time>
}
