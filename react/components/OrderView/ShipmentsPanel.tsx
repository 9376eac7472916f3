import type { CSSProperties, ReactNode } from 'react'
import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Tag } from 'vtex.styleguide'

import ErrorMessage from '../ErrorMessage'
import StaleNotice from '../ErrorMessage/StaleNotice'
import { DateTime } from '../Format'
import Heading from '../Heading'
import PanelLoading from '../PanelLoading'
import Thumbnail from '../Thumbnail'
import { own } from '../../utils/own'
import type { TagTone } from '../../utils/tagColors'
import { TAG_COLORS } from '../../utils/tagColors'
import { isSafeHttpUrl } from '../../utils/urls'
import Section from './Section'
import UpdatedAt from '../UpdatedAt'
import type { PanelQuery } from './usePanelQuery'
import type { Evidence, Shipment } from './types'
import { useOrderText } from './useOrderText'

// An order Pick and Pack does not know has no shipment: the Pick and Pack panel says why.
const NO_SHIPMENTS_CODES = ['PNP_ORDER_NOT_FOUND']

const THUMBNAIL_SIZE = 96

// Labels and values as two grid columns: the labels' one as wide as the longest label, up to
// 40% of the card, where a longer label wraps. A fixed 30% let Spanish "Seguimiento" and
// Portuguese "Observações" run into their values on a phone.
const ROWS: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'fit-content(40%) minmax(0, 1fr)',
  columnGap: '0.75rem',
}

const WRAP_ANYWHERE: CSSProperties = { overflowWrap: 'anywhere' }

const STATUS_TAG: Record<string, TagTone> = {
  DELIVERED: 'success',
  ON_HOLD: 'warning',
  INCIDENT: 'error',
  RETURNED: 'error',
  CANCELLED: 'error',
}

interface Props {
  query: PanelQuery<Shipment[]>
}

function ShipmentsPanel({ query }: Props) {
  return (
    <Section
      id="shipments-panel-title"
      title={<FormattedMessage id="admin/pick-and-pack.shipments.title" />}
      testId="shipments-panel"
      aside={<UpdatedAt at={query.updatedAt} />}
    >
      <ShipmentsContent query={query} />
    </Section>
  )
}

function ShipmentsContent({ query }: Props) {
  const {
    value: shipments,
    loading,
    errorCode,
    refetch: onRetry,
    refreshing: retrying,
  } = query

  const failed = !!errorCode && !NO_SHIPMENTS_CODES.includes(errorCode)

  if (failed && !shipments) {
    return (
      <ErrorMessage
        code={errorCode as string}
        onRetry={onRetry}
        retrying={retrying}
      />
    )
  }

  if (!shipments && loading && !errorCode) {
    return <PanelLoading messageId="admin/pick-and-pack.shipments.loading" />
  }

  if (!shipments || shipments.length === 0) {
    return (
      <p className="t-body c-muted-1" data-testid="shipments-empty">
        <FormattedMessage id="admin/pick-and-pack.shipments.empty" />
      </p>
    )
  }

  return (
    <>
      {failed && (
        <StaleNotice
          code={errorCode as string}
          readAt={query.updatedAt}
          onRetry={onRetry}
          retrying={retrying}
        />
      )}
      <ul className="list ma0 pa0">
        {shipments.map((shipment, i) => (
          <ShipmentCard key={`${shipment.id}-${i}`} shipment={shipment} />
        ))}
      </ul>
    </>
  )
}

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <>
      <dt className="c-muted-1 mb2" style={WRAP_ANYWHERE}>
        {label}
      </dt>
      <dd className="ma0 mb2" style={WRAP_ANYWHERE}>
        {children}
      </dd>
    </>
  )
}

function ShipmentCard({ shipment }: { shipment: Shipment }) {
  const { shipmentStatus, vehicle } = useOrderText()
  const code = shipment.status ? shipment.status.trim().toUpperCase() : ''
  const withUrl = shipment.evidences.filter((e) => isSafeHttpUrl(e.url))
  const withoutUrl = shipment.evidences.filter((e) => !isSafeHttpUrl(e.url))

  return (
    <li className="pa5 mb4 br2 ba b--muted-4" data-testid="shipment">
      <div className="flex items-center justify-between">
        <Heading level={3} spacing="mt0 mb3">
          {shipment.carrier ?? (
            <FormattedMessage
              id="admin/pick-and-pack.shipments.shipment"
              values={{ id: shipment.id }}
            />
          )}
        </Heading>
        <span
          data-testid="shipment-status"
          title={shipment.status ?? undefined}
        >
          <Tag
            size="small"
            bgColor={TAG_COLORS[own(STATUS_TAG, code) ?? 'neutral'].bgColor}
            color={TAG_COLORS[own(STATUS_TAG, code) ?? 'neutral'].color}
          >
            {shipmentStatus(shipment.status)}
          </Tag>
        </span>
      </div>
      <dl className="ma0 t-body lh-copy" style={ROWS}>
        {shipment.carrier && (
          <Row
            label={<FormattedMessage id="admin/pick-and-pack.shipments.id" />}
          >
            <span className="t-small">{shipment.id}</span>
          </Row>
        )}
        {shipment.courier && (
          <Row
            label={
              <FormattedMessage id="admin/pick-and-pack.shipments.courier" />
            }
          >
            {shipment.courier}
          </Row>
        )}
        {shipment.vehicle && (
          <Row
            label={
              <FormattedMessage id="admin/pick-and-pack.shipments.vehicle" />
            }
          >
            <span title={shipment.vehicle}>{vehicle(shipment.vehicle)}</span>
          </Row>
        )}
        {shipment.deliveredDate && (
          <Row
            label={
              <FormattedMessage id="admin/pick-and-pack.shipments.delivered" />
            }
          >
            <DateTime value={shipment.deliveredDate} />
          </Row>
        )}
        {isSafeHttpUrl(shipment.trackingUrl) && (
          <Row
            label={
              <FormattedMessage id="admin/pick-and-pack.shipments.tracking" />
            }
          >
            <a
              href={shipment.trackingUrl as string}
              target="_blank"
              rel="noopener noreferrer"
              className="c-link link fw5"
            >
              <FormattedMessage id="admin/pick-and-pack.shipping.track" />
            </a>
          </Row>
        )}
        {shipment.notes.length > 0 && (
          <Row
            label={
              <FormattedMessage id="admin/pick-and-pack.shipments.notes" />
            }
          >
            <ul className="list ma0 pa0" data-testid="shipment-notes">
              {shipment.notes.map((note, i) => (
                <li key={i} className="mb1">
                  {note}
                </li>
              ))}
            </ul>
          </Row>
        )}
      </dl>
      {shipment.evidences.length > 0 && (
        <>
          <Heading level={4}>
            <FormattedMessage id="admin/pick-and-pack.shipments.evidences" />
          </Heading>
          <div className="flex flex-wrap items-start">
            {withUrl.map((evidence, i) => (
              <EvidenceThumbnail key={i} evidence={evidence} />
            ))}
          </div>
          {withoutUrl.length > 0 && (
            <ul className="list ma0 pa0 t-small">
              {withoutUrl.map((evidence, i) => (
                <li key={i} className="mb2" data-testid="evidence-text">
                  <EvidenceCaption evidence={evidence} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </li>
  )
}

/** A proof of delivery: its thumbnail opens the full image in a new tab. */
function EvidenceThumbnail({ evidence }: { evidence: Evidence }) {
  const intl = useIntl()
  const { evidenceType } = useOrderText()

  return (
    <figure className="ma0 mr4 mb3" data-testid="evidence">
      <a
        href={evidence.url as string}
        target="_blank"
        rel="noopener noreferrer"
        className="db"
        style={{ width: THUMBNAIL_SIZE }}
        aria-label={intl.formatMessage(
          { id: 'admin/pick-and-pack.evidence.open' },
          { type: evidenceType(evidence.type) }
        )}
      >
        <Thumbnail
          src={evidence.url}
          size={THUMBNAIL_SIZE}
          testId="evidence-thumbnail"
        />
      </a>
      <figcaption
        className="t-small c-muted-1 mt2"
        style={{ maxWidth: THUMBNAIL_SIZE * 2 }}
      >
        <EvidenceCaption evidence={evidence} stacked />
      </figcaption>
    </figure>
  )
}

/** Type, date and author, as text. */
function EvidenceCaption({
  evidence,
  stacked = false,
}: {
  evidence: Evidence
  stacked?: boolean
}) {
  const { evidenceType } = useOrderText()
  const Part = stacked ? 'div' : 'span'
  const separator = stacked ? null : ' · '

  return (
    <>
      <Part className="c-on-base">{evidenceType(evidence.type)}</Part>
      {evidence.date && (
        <Part>
          {separator}
          <DateTime value={evidence.date} />
        </Part>
      )}
      {evidence.author && (
        <Part>
          {separator}
          <FormattedMessage
            id="admin/pick-and-pack.evidence.author"
            values={{ author: evidence.author }}
          />
        </Part>
      )}
    </>
  )
}

export default ShipmentsPanel
