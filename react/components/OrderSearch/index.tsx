import React, { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button, Input } from 'vtex.styleguide'
import { useRuntime } from 'vtex.render-runtime'

import { isValidOrderId } from '../../utils/statuses'
import { orderPath } from '../../utils/orderRoutes'

/** Finds an order by id: checked here first, so a malformed id never reaches the API. */
function OrderSearch() {
  const intl = useIntl()
  const { navigate } = useRuntime()
  const [value, setValue] = useState('')
  const [invalid, setInvalid] = useState(false)

  const submit = () => {
    const orderId = value.trim()

    if (!isValidOrderId(orderId)) {
      setInvalid(true)

      return
    }

    navigate({ to: orderPath(orderId) })
  }

  return (
    <form
      className="flex items-start"
      role="search"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <div className="flex-auto mr4">
        <Input
          id="pnp-order-search"
          label={intl.formatMessage({ id: 'admin/pick-and-pack.search.label' })}
          placeholder={intl.formatMessage({
            id: 'admin/pick-and-pack.search.placeholder',
          })}
          value={value}
          maxLength={64}
          error={invalid}
          errorMessage={
            invalid
              ? intl.formatMessage({ id: 'admin/pick-and-pack.search.invalid' })
              : undefined
          }
          onChange={(e) => {
            setValue(e.target.value)
            setInvalid(false)
          }}
          onKeyDown={(e) => {
            // Enter submits even where the Input is not inside a form (VTEX Admin frames).
            if (e.key === 'Enter') {
              e.preventDefault()
              submit()
            }
          }}
        />
      </div>
      {/* Aligns the button with the input below the label. */}
      <div className="flex-none" style={{ marginTop: 22 }}>
        <Button type="submit" variation="primary">
          <FormattedMessage id="admin/pick-and-pack.search.submit" />
        </Button>
      </div>
    </form>
  )
}

export default OrderSearch
