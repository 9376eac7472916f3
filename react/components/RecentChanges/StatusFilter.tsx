import React from 'react'
import { useIntl } from 'react-intl'
import { Dropdown } from 'vtex.styleguide'

import { useStatusText } from '../../hooks/useStatusText'
import { KNOWN_STATUSES } from '../../utils/statuses'

export const ALL_STATUSES = ''

interface Props {
  value: string
  onChange: (status: string) => void
}

function StatusFilter({ value, onChange }: Props) {
  const intl = useIntl()
  const { label } = useStatusText()
  const options = [
    {
      value: ALL_STATUSES,
      label: intl.formatMessage({
        id: 'admin/pick-and-pack.recent.filter.all',
      }),
    },
    ...KNOWN_STATUSES.map((status) => ({
      value: status,
      label: label(status),
    })),
  ]

  return (
    <Dropdown
      id="pnp-status-filter"
      label={intl.formatMessage({
        id: 'admin/pick-and-pack.recent.filter.label',
      })}
      size="small"
      options={options}
      value={value}
      onChange={(_: unknown, next: string) => onChange(next)}
    />
  )
}

export default StatusFilter
