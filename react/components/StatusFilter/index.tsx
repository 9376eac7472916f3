import React from 'react'
import { useIntl } from 'react-intl'
import { Dropdown } from 'vtex.styleguide'

import { useStatusText } from '../../hooks/useStatusText'
import { KNOWN_STATUSES } from '../../utils/statuses'

export const ALL_STATUSES = ''

interface Props {
  // Unique on the page: the home page has more than one filter.
  id: string
  value: string
  onChange: (status: string) => void
  // Statuses to offer beside the known ones (an unknown status the API reported).
  extraStatuses?: readonly string[]
}

/** A status picker: "All statuses", every known status in flow order, then any others. */
function StatusFilter({ id, value, onChange, extraStatuses = [] }: Props) {
  const intl = useIntl()
  const { label } = useStatusText()
  const extra = extraStatuses.filter(
    (status, i) =>
      status &&
      !KNOWN_STATUSES.includes(status) &&
      extraStatuses.indexOf(status) === i
  )

  const options = [
    {
      value: ALL_STATUSES,
      label: intl.formatMessage({
        id: 'admin/pick-and-pack.recent.filter.all',
      }),
    },
    ...[...KNOWN_STATUSES, ...extra].map((status) => ({
      value: status,
      label: label(status),
    })),
  ]

  return (
    <Dropdown
      id={id}
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
