import type { ReactNode } from 'react'
import React from 'react'

/**
 * The Styleguide's PageHeader shows its title as plain text: wrapped in this, the page has the
 * top-level heading screen readers navigate by, with the header's own type size.
 */
function PageTitle({ children }: { children: ReactNode }) {
  return <h1 className="ma0 t-heading-2">{children}</h1>
}

export default PageTitle
