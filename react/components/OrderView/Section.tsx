import type { ReactNode } from 'react'
import React from 'react'

import Heading from '../Heading'

interface Props {
  // The heading's id: the section is a landmark named by its title.
  id: string
  title: ReactNode
  testId?: string
  // Beside the title: when the section's data was read.
  aside?: ReactNode
  children: ReactNode
}

/** One part of the order view: a region with a level-2 title, all titles alike. */
function Section({ id, title, testId, aside, children }: Props) {
  return (
    <section aria-labelledby={id} data-testid={testId}>
      <div className="flex items-baseline justify-between flex-wrap">
        <Heading level={2} id={id}>
          {title}
        </Heading>
        {aside && <div className="ml3 mb5">{aside}</div>}
      </div>
      {children}
    </section>
  )
}

export default Section
