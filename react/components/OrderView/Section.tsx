import type { ReactNode } from 'react'
import React from 'react'

import Heading from '../Heading'

interface Props {
  // The heading's id: the section is a landmark named by its title.
  id: string
  title: ReactNode
  testId?: string
  children: ReactNode
}

/** One part of the order view: a region with a level-2 title, all titles alike. */
function Section({ id, title, testId, children }: Props) {
  return (
    <section aria-labelledby={id} data-testid={testId}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  )
}

export default Section
