// Generated images and tracking pages, so the admin page works offline.
import { CATALOGUE, SEED_ORDERS } from './seed'

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function hue(text: string): number {
  let h = 0

  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) % 360

  return h
}

function svg(label: string, caption: string, color: number): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" ' +
    'viewBox="0 0 120 120">' +
    `<rect width="120" height="120" rx="12" fill="hsl(${color},60%,85%)"/>` +
    `<text x="60" y="58" font-family="sans-serif" font-size="26" ` +
    `text-anchor="middle" fill="hsl(${color},50%,30%)">${escape(
      label
    )}</text>` +
    `<text x="60" y="88" font-family="sans-serif" font-size="11" ` +
    `text-anchor="middle" fill="#333">${escape(caption)}</text></svg>`
  )
}

/** The SVG for `/_sandbox/images/{name}.svg`, or null when unknown. */
export function imageSvg(name: string): string | null {
  const product = CATALOGUE.find((p) => p.refId === name)

  if (product) {
    const initials = product.name
      .split(/\s+/)
      .map((w) => w[0])
      .join('')
      .slice(0, 3)

    return svg(initials, product.name, hue(product.refId))
  }

  const evidence = /^evidence-(.+)$/.exec(name)

  if (evidence && SEED_ORDERS.some((o) => o.orderId === evidence[1])) {
    return svg('✓', `Delivered ${evidence[1]}`, 120)
  }

  const signature = /^signature-(.+)$/.exec(name)
  const signed = signature
    ? SEED_ORDERS.find((o) => o.orderId === signature[1])?.shipping?.evidence
    : undefined

  if (signature && signed?.kind === 'photo-and-signature') {
    return signatureSvg(signed.receivedBy, signature[1])
  }

  return null
}

/** A handwritten-looking stroke over the signer's name. */
function signatureSvg(signer: string, orderId: string): string {
  const h = hue(signer)
  const wave = [0, 1, 2, 3, 4, 5]
    .map((i) => {
      const x = 20 + i * 32
      const y = 50 + (((h >> i) & 3) - 1.5) * 14

      return `${i === 0 ? 'M' : 'S'}${x - 12},${y - 18} ${x},${y}`
    })
    .join(' ')

  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120" ' +
    'viewBox="0 0 240 120">' +
    '<rect width="240" height="120" fill="#fff" stroke="#ccc"/>' +
    `<path d="${wave}" fill="none" stroke="#123" stroke-width="2.5" ` +
    'stroke-linecap="round"/>' +
    '<line x1="16" y1="82" x2="224" y2="82" stroke="#999"/>' +
    `<text x="120" y="100" font-family="sans-serif" font-size="11" ` +
    `text-anchor="middle" fill="#333">${escape(signer)}</text>` +
    `<text x="120" y="114" font-family="sans-serif" font-size="8" ` +
    `text-anchor="middle" fill="#777">Order ${escape(orderId)}</text></svg>`
  )
}

/** A tiny tracking page for `/_sandbox/track/{trackingId}`. */
export function trackingPage(
  trackingId: string,
  status: string | null
): string | null {
  const order = SEED_ORDERS.find((o) => o.shipping?.trackingId === trackingId)

  if (!order?.shipping) return null
  const s = order.shipping

  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<title>Tracking ${escape(trackingId)}</title></head>` +
    '<body style="font-family:sans-serif;max-width:32em;margin:2em auto">' +
    `<h1>${escape(s.courier)}</h1>` +
    `<p>Tracking <strong>${escape(trackingId)}</strong> for order ` +
    `${escape(order.orderId)}</p>` +
    `<p>Status: <strong>${escape(status ?? 'unknown')}</strong></p>` +
    `<p>Driver: ${escape(s.agent)} (${escape(s.vehicle)})</p>` +
    '<p><small>Pick and Pack sandbox</small></p></body></html>'
  )
}
