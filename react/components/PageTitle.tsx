import type { ReactNode } from 'react'
import React, { useEffect } from 'react'

const FOCUS_STYLE_ID = 'pnp-focus-ring'

// A clear focus ring for the keyboard (:focus-visible, not on click): the Styleguide's inputs
// remove the outline (tachyons' outline-0) and only tint their border. Its Dropdown hides the
// real <select> (opacity 0) over a drawn box: the box gets the ring while the select has focus.
export const FOCUS_CSS = `
input:focus-visible, textarea:focus-visible, select:focus-visible, button:focus-visible,
a:focus-visible, summary:focus-visible, [role="tab"]:focus-visible, [tabindex]:focus-visible {
  outline: 2px solid #134cd8 !important;
  outline-offset: 2px !important;
}
.vtex-dropdown__container:focus-within {
  outline: 2px solid #134cd8;
  outline-offset: 2px;
}
`

/** Adds the page's focus ring once, to the document the page runs in (the Admin's frame). */
function useFocusRing() {
  useEffect(() => {
    if (document.getElementById(FOCUS_STYLE_ID)) return
    const style = document.createElement('style')

    style.id = FOCUS_STYLE_ID
    style.textContent = FOCUS_CSS
    document.head.appendChild(style)
  }, [])
}

/**
 * The Styleguide's PageHeader shows its title as plain text: wrapped in this, the page has the
 * top-level heading screen readers navigate by, with the header's own type size. Every page has
 * one, so it also brings the page's focus ring.
 */
function PageTitle({ children }: { children: ReactNode }) {
  useFocusRing()

  return <h1 className="ma0 t-heading-2">{children}</h1>
}

export default PageTitle
