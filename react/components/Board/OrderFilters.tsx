import React, { useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button, Input } from 'vtex.styleguide'

import StatusFilter from '../StatusFilter'

// What the API accepts as the start of an order id (its ids: 1 to 64 of these).
const PREFIX = /^[A-Za-z0-9_-]{0,64}$/

interface Props {
  status: string
  onStatusChange: (status: string) => void
  // Unknown statuses the board reported, offered after the known ones.
  extraStatuses: readonly string[]
  search: string | null
  onSearch: (prefix: string | null) => void
}

/** The table's status filter and its search by the start of an order id. */
function OrderFilters({
  status,
  onStatusChange,
  extraStatuses,
  search,
  onSearch,
}: Props) {
  const intl = useIntl()
  const [value, setValue] = useState(search ?? '')
  const [invalid, setInvalid] = useState(false)

  // "Clear filters" elsewhere empties the box too.
  useEffect(() => {
    setValue(search ?? '')
    setInvalid(false)
  }, [search])

  const submit = () => {
    const prefix = value.trim()

    if (!PREFIX.test(prefix)) {
      setInvalid(true)

      return
    }

    onSearch(prefix || null)
  }

  return (
    <div className="flex flex-wrap items-start">
      <div
        className="mr5 mb4"
        style={{ minWidth: 220 }}
        data-testid="board-status-filter"
      >
        <StatusFilter
          id="pnp-board-status-filter"
          value={status}
          onChange={onStatusChange}
          extraStatuses={extraStatuses}
        />
      </div>
      <form
        role="search"
        className="flex items-start mb4 flex-auto"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <div className="flex-auto mr3" style={{ maxWidth: 320 }}>
          <Input
            id="pnp-board-search"
            size="small"
            label={intl.formatMessage({
              id: 'admin/pick-and-pack.board.search.label',
            })}
            placeholder={intl.formatMessage({
              id: 'admin/pick-and-pack.board.search.placeholder',
            })}
            value={value}
            maxLength={64}
            error={invalid}
            errorMessage={
              invalid
                ? intl.formatMessage({
                    id: 'admin/pick-and-pack.board.search.invalid',
                  })
                : undefined
            }
            onChange={(e) => {
              setValue(e.target.value)
              setInvalid(false)
            }}
            onKeyDown={(e) => {
              // Enter searches even where the Input is not inside a form (VTEX Admin frames).
              if (e.key === 'Enter') {
                e.preventDefault()
                submit()
              }
            }}
          />
        </div>
        {/* Aligns the buttons with the input below its label. */}
        <div className="flex-none flex" style={{ marginTop: 20 }}>
          <Button type="submit" variation="secondary" size="small">
            <FormattedMessage id="admin/pick-and-pack.board.search.submit" />
          </Button>
          {search && (
            <div className="ml2">
              <Button
                variation="tertiary"
                size="small"
                onClick={() => onSearch(null)}
              >
                <FormattedMessage id="admin/pick-and-pack.board.search.clear" />
              </Button>
            </div>
          )}
        </div>
      </form>
    </div>
  )
}

export default OrderFilters
