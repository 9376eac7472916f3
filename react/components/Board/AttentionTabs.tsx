import type { KeyboardEvent, ReactNode } from 'react'
import React, { useRef } from 'react'
import { useIntl } from 'react-intl'

import type { Attention } from './types'

export const BOARD_PANEL_ID = 'pnp-board-panel'

export const tabId = (attention: Attention | null) =>
  `pnp-board-tab-${attention ? attention.toLowerCase() : 'all'}`

interface Tab {
  attention: Attention | null
  label: string
  count?: number
}

interface Props {
  value: Attention | null
  onChange: (attention: Attention | null) => void
  late?: number
  drift?: number
  children: ReactNode
}

/**
 * All / Late / Disagrees with OMS, as a WAI-ARIA tab list (the Styleguide's Tabs have no
 * roles): arrow keys, Home and End move between tabs; the panel holds the table.
 */
function AttentionTabs({ value, onChange, late, drift, children }: Props) {
  const intl = useIntl()
  const refs = useRef<Array<HTMLButtonElement | null>>([])
  const tabs: Tab[] = [
    {
      attention: null,
      label: intl.formatMessage({ id: 'admin/pick-and-pack.board.tab.all' }),
    },
    {
      attention: 'LATE',
      label: intl.formatMessage({ id: 'admin/pick-and-pack.board.tab.late' }),
      count: late,
    },
    {
      attention: 'DRIFT',
      label: intl.formatMessage({ id: 'admin/pick-and-pack.board.tab.drift' }),
      count: drift,
    },
  ]

  const selectAt = (index: number) => {
    const next = (index + tabs.length) % tabs.length

    onChange(tabs[next].attention)
    refs.current[next]?.focus()
  }

  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    }

    if (!(e.key in moves)) return
    e.preventDefault()
    selectAt(moves[e.key])
  }

  return (
    <div>
      <div
        role="tablist"
        aria-label={intl.formatMessage({
          id: 'admin/pick-and-pack.board.tabs.label',
        })}
        className="flex flex-row bb b--muted-4"
      >
        {tabs.map((tab, index) => {
          const selected = tab.attention === value

          // At least (not exactly) the regular height: a label that wraps on a phone
          // ("Diverge do OMS") makes its tab taller instead of spilling over the panel.

          return (
            <button
              key={tabId(tab.attention)}
              ref={(el) => {
                refs.current[index] = el
              }}
              type="button"
              role="tab"
              id={tabId(tab.attention)}
              aria-selected={selected}
              aria-controls={BOARD_PANEL_ID}
              tabIndex={selected ? 0 : -1}
              onClick={() => onChange(tab.attention)}
              onKeyDown={(e) => onKeyDown(e, index)}
              className={`bt-0 bl-0 br-0 bw1 ph4 ph6-ns pv2 min-h-regular t-body bg-transparent pointer ${
                selected
                  ? 'b--solid b--emphasis c-on-muted fw5'
                  : 'b--transparent c-muted-1 hover-c-action-primary'
              }`}
            >
              {tab.label}
              {tab.count !== undefined && ' '}
              {tab.count !== undefined && (
                <span
                  className={`ml2 ph2 br-pill t-mini ${
                    tab.count > 0
                      ? 'bg-danger c-on-danger'
                      : 'bg-muted-4 c-muted-1'
                  }`}
                >
                  {intl.formatNumber(tab.count)}
                </span>
              )}
            </button>
          )
        })}
      </div>
      <div
        role="tabpanel"
        id={BOARD_PANEL_ID}
        aria-labelledby={tabId(value)}
        className="pt5"
      >
        {children}
      </div>
    </div>
  )
}

export default AttentionTabs
