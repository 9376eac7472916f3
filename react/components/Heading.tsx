import type { ReactNode } from 'react'
import React from 'react'

type Level = 2 | 3 | 4

// One type scale for every title below the page's h1 (PageTitle): sections, their parts, and
// the parts of those, always in order, so that the outline screen readers navigate is the page.
const TYPE: Record<Level, string> = {
  2: 't-heading-4',
  3: 't-heading-5',
  4: 't-heading-6',
}

const SPACING: Record<Level, string> = {
  2: 'mt0 mb5',
  3: 'mt6 mb3',
  4: 'mt4 mb2',
}

interface Props {
  level: Level
  id?: string
  // Spacing only (margins): the type of a level is the same everywhere.
  spacing?: string
  children: ReactNode
}

function Heading({ level, id, spacing, children }: Props) {
  const Tag = `h${level}` as const
  const className = `${TYPE[level]} c-on-base ${spacing ?? SPACING[level]}`

  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  )
}

export default Heading
