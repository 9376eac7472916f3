import React from 'react'
import type { CSSProperties } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'

import { DateTime } from '../Format'
import Heading from '../Heading'
import Thumbnail from '../Thumbnail'
import { useStatusText } from '../../hooks/useStatusText'
import { parseEvidences } from '../../utils/evidence'
import { normalizeStatus } from '../../utils/statuses'
import { firstNonEmpty } from '../../utils/text'
import { isSafeHttpUrl } from '../../utils/urls'
import type { Shipping, ShippingService } from './types'
import { useOrderText } from './useOrderText'

const EVIDENCE_SIZE = 96

// A long URL or word breaks inside the card on a phone (vtex-tachyons has no word-break class).
const WRAP_ANYWHERE: CSSProperties = { overflowWrap: 'anywhere' }

function ShippingInfo({ shipping }: { shipping: Shipping | null }) {
  const { label } = useStatusText()

  return (
    <div data-testid="shipping">
      <Heading level={3}>
        <FormattedMessage id="admin/pick-and-pack.shipping.title" />
      </Heading>
      {!shipping ? (
        <p className="t-body c-muted-1">
          <FormattedMessage id="admin/pick-and-pack.shipping.empty" />
        </p>
      ) : (
        <>
          <div className="t-body mb3">
            <FormattedMessage
              id="admin/pick-and-pack.shipping.tracking"
              values={{
                trackingId: firstNonEmpty(shipping.trackingId) ?? '—',
                trackingStatus: shipping.trackingStatus
                  ? label(normalizeStatus(shipping.trackingStatus))
                  : '—',
              }}
            />
          </div>
          {shipping.services.length === 0 ? (
            <p className="t-body c-muted-1">
              <FormattedMessage id="admin/pick-and-pack.shipping.noServices" />
            </p>
          ) : (
            <ul className="list ma0 pa0">
              {shipping.services.map((service, i) => (
                <ServiceRow
                  key={`${service.serviceId ?? ''}-${i}`}
                  service={service}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}

function ServiceRow({ service }: { service: ShippingService }) {
  // Service statuses often reuse the order statuses: name them when known, else as sent.
  const { label } = useStatusText()
  const intl = useIntl()
  const { evidenceType, vehicle } = useOrderText()
  const evidences = parseEvidences(service.evidences)

  return (
    <li className="pa4 mb3 br2 ba b--muted-4" data-testid="shipping-service">
      <div className="t-body fw5">
        {firstNonEmpty(service.courier) ?? '—'}
        {service.agent && (
          <span className="fw4">
            {' · '}
            {service.agent}
            {service.vehicle && ` (${vehicle(service.vehicle)})`}
          </span>
        )}
      </div>
      <div className="t-small c-muted-1 mt2">
        {service.serviceStatus
          ? label(normalizeStatus(service.serviceStatus))
          : '—'}
        {' · '}
        <DateTime value={service.createdAt} />
        {isSafeHttpUrl(service.trackingUrl) && (
          <>
            {' · '}
            <a
              href={service.trackingUrl as string}
              target="_blank"
              rel="noopener noreferrer"
              className="c-link link fw5"
            >
              <FormattedMessage id="admin/pick-and-pack.shipping.track" />
            </a>
          </>
        )}
      </div>
      {evidences.length > 0 && (
        <div className="mt3">
          <div className="t-mini c-muted-1 mb2">
            <FormattedMessage id="admin/pick-and-pack.shipping.evidences" />
          </div>
          <div className="flex flex-wrap items-start">
            {evidences.map((evidence, i) => {
              if (evidence.kind === 'image') {
                return (
                  <a
                    key={i}
                    href={evidence.src}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="mr3 mb2"
                    aria-label={intl.formatMessage(
                      { id: 'admin/pick-and-pack.evidence.open' },
                      { type: evidenceType(null) }
                    )}
                  >
                    <Thumbnail
                      src={evidence.src}
                      size={EVIDENCE_SIZE}
                      testId="evidence-image"
                    />
                  </a>
                )
              }

              if (evidence.kind === 'link') {
                return (
                  <a
                    key={i}
                    href={evidence.href}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="c-link link t-small mr3 mb2"
                    style={WRAP_ANYWHERE}
                  >
                    {evidence.href}
                  </a>
                )
              }

              return (
                <span
                  key={i}
                  className="t-small mr3 mb2"
                  style={WRAP_ANYWHERE}
                  data-testid="evidence-text"
                >
                  {evidence.text}
                </span>
              )
            })}
          </div>
        </div>
      )}
    </li>
  )
}

export default ShippingInfo
