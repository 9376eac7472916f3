import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'

import { useStatusText } from '../../hooks/useStatusText'
import { isExceptionStatus, progressOf } from '../../utils/statuses'
import { firstNonEmpty } from '../../utils/text'

const DOT = 12

const DOT_CLASS = {
  done: 'bg-action-primary',
  current: 'bg-base ba bw2 b--action-primary',
  todo: 'bg-muted-4',
}

/**
 * The fulfillment flow as a row of steps with the current one marked. Statuses outside the
 * flow (IDLE, RETURNED, CANCELED) are exceptions, and an unknown one is shown as is.
 */
function StatusProgress({ status }: { status: string | null | undefined }) {
  const intl = useIntl()
  const { label, description } = useStatusText()

  if (isExceptionStatus(status)) {
    return (
      <div
        className="pa4 br2 bg-danger--faded c-on-base"
        data-testid="progress-exception"
      >
        <div className="t-body fw5">
          <FormattedMessage
            id="admin/pick-and-pack.progress.exception"
            values={{ status: label(status) }}
          />
        </div>
        <div className="t-small c-muted-1 mt2">{description(status)}</div>
      </div>
    )
  }

  const { steps, currentIndex, total } = progressOf(status)

  if (!steps) {
    return (
      <div
        className="pa4 br2 bg-muted-5 c-on-base"
        data-testid="progress-unknown"
      >
        <FormattedMessage
          id="admin/pick-and-pack.progress.unknown"
          values={{ status: firstNonEmpty(status) ?? '—' }}
        />
      </div>
    )
  }

  const end = steps[steps.length - 1].status

  return (
    <div data-testid="progress">
      <ol
        aria-label={intl.formatMessage({
          id: 'admin/pick-and-pack.progress.label',
        })}
        className="list ma0 pa0 flex items-center"
      >
        {steps.map((step, i) => (
          <li
            key={step.status}
            title={label(step.status)}
            aria-current={step.state === 'current' ? 'step' : undefined}
            data-state={step.state}
            className={`flex items-center ${
              i === 0 ? 'flex-none' : 'flex-auto'
            }`}
          >
            {i > 0 && (
              <span
                aria-hidden="true"
                className={`flex-auto bt bw1 ${
                  step.state === 'todo' ? 'b--muted-4' : 'b--action-primary'
                }`}
              />
            )}
            <span
              aria-hidden="true"
              className={`flex-none br-100 ${DOT_CLASS[step.state]}`}
              style={{ width: DOT, height: DOT, boxSizing: 'border-box' }}
            />
            <span className="clip">{label(step.status)}</span>
          </li>
        ))}
      </ol>
      <div className="flex justify-between mt3 t-small c-muted-1">
        <span>
          <FormattedMessage
            id="admin/pick-and-pack.progress.step"
            values={{ current: currentIndex + 1, total, status: label(status) }}
          />
        </span>
        {/* The end to reach, unless the order is already there. */}
        {currentIndex < total - 1 && <span>{label(end)}</span>}
      </div>
    </div>
  )
}

export default StatusProgress
