import React, { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from 'vtex.styleguide'
import { useRuntime } from 'vtex.render-runtime'

import { isValidOrderId } from '../../utils/statuses'
import { orderPath } from '../../utils/orderRoutes'

const INPUT_ID = 'pnp-order-search'
const ERROR_ID = 'pnp-order-search-error'

// The Styleguide Input's look, with what its props cannot carry: the error tied to the
// input (aria-describedby, aria-invalid) instead of inside its label.
const INPUT =
  'w-100 h-regular ph5 br2 ba bw1 bg-base c-on-base t-body border-box'

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
      role="search"
      aria-label={intl.formatMessage({
        id: 'admin/pick-and-pack.search.title',
      })}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <label htmlFor={INPUT_ID} className="db mb3 t-small c-on-base">
        <FormattedMessage id="admin/pick-and-pack.search.label" />
      </label>
      {/* On a phone the button goes below the input, which beside it could not show a whole
          order id. */}
      <div className="flex flex-wrap flex-nowrap-ns items-start">
        <div className="w-100 w-auto-ns flex-auto-ns mr4-ns">
          <input
            id={INPUT_ID}
            type="text"
            className={`${INPUT} ${
              invalid
                ? 'b--danger hover-b--danger'
                : 'b--muted-4 hover-b--muted-3'
            }`}
            placeholder={intl.formatMessage({
              id: 'admin/pick-and-pack.search.placeholder',
            })}
            value={value}
            maxLength={64}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid}
            aria-describedby={invalid ? ERROR_ID : undefined}
            onChange={(e) => {
              setValue(e.target.value)
              setInvalid(false)
            }}
            onKeyDown={(e) => {
              // Enter submits even where the input is not inside a form (VTEX Admin frames).
              if (e.key === 'Enter') {
                e.preventDefault()
                submit()
              }
            }}
          />
          {/* Always in the page, so that the message is announced when it appears. */}
          <div
            id={ERROR_ID}
            className="c-danger t-small mt3 lh-title"
            role="alert"
          >
            {invalid && (
              <FormattedMessage id="admin/pick-and-pack.search.invalid" />
            )}
          </div>
        </div>
        <div className="flex-none">
          <Button type="submit" variation="primary">
            <FormattedMessage id="admin/pick-and-pack.search.submit" />
          </Button>
        </div>
      </div>
    </form>
  )
}

export default OrderSearch
