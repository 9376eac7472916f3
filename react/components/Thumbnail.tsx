import React, { useState } from 'react'
import { IconImage } from 'vtex.styleguide'

import { isSafeHttpUrl } from '../utils/urls'

interface Props {
  src: string | null | undefined
  // Empty when the image is decorative (its name is written beside it).
  alt?: string
  size: number
  testId?: string
}

/**
 * A square image, or a neutral grey box with an image icon when there is no usable URL or the
 * image fails to load: a broken image would show its alt text squeezed into the box.
 */
function Thumbnail({ src, alt = '', size, testId }: Props) {
  // The URL that failed: a new URL for the same slot gets its own chance.
  const [failed, setFailed] = useState<string | null>(null)
  const box = { width: size, height: size }

  if (!src || !isSafeHttpUrl(src) || failed === src) {
    return (
      <span
        className="flex items-center justify-center bg-muted-5 c-muted-3 br2"
        style={box}
        aria-hidden="true"
        data-testid="image-placeholder"
      >
        <IconImage size={Math.round(size / 2.5)} />
      </span>
    )
  }

  return (
    <img
      src={src}
      alt={alt}
      width={size}
      height={size}
      className="db br2 ba b--muted-4"
      style={{ ...box, objectFit: 'cover' }}
      onError={() => setFailed(src)}
      data-testid={testId}
    />
  )
}

export default Thumbnail
