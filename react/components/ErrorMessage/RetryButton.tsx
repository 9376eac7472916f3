import React from 'react'
import { FormattedMessage } from 'react-intl'
import { Button } from 'vtex.styleguide'

interface Props {
  onRetry: () => void
  retrying?: boolean
  /** Tertiary beside a notice that keeps the page usable; secondary where the panel failed. */
  variation?: 'secondary' | 'tertiary'
}

/** "Try again", the same wherever a read failed. */
function RetryButton({ onRetry, retrying, variation = 'secondary' }: Props) {
  return (
    <Button
      variation={variation}
      size="small"
      onClick={onRetry}
      isLoading={retrying}
    >
      <FormattedMessage id="admin/pick-and-pack.error.retry" />
    </Button>
  )
}

export default RetryButton
