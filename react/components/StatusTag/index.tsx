import React from 'react'
import { Tag } from 'vtex.styleguide'

import { useStatusText } from '../../hooks/useStatusText'
import { PHASE_COLORS, phaseOf } from '../../utils/statuses'
import { readableColors } from './contrast'

interface Props {
  status: string | null | undefined
  size?: 'small' | 'regular' | 'large'
}

/** A status as a Tag coloured by its phase (picking, packing, shipping…). */
function StatusTag({ status, size = 'regular' }: Props) {
  const { label, description } = useStatusText()
  const phase = phaseOf(status)
  // The phase's colours, darkened where white text would not read at 4.5:1.
  const colors = readableColors(PHASE_COLORS[phase])

  return (
    <span
      title={description(status)}
      data-testid="status-tag"
      data-phase={phase}
    >
      <Tag bgColor={colors.bg} color={colors.fg} size={size}>
        {label(status)}
      </Tag>
    </span>
  )
}

export default StatusTag
