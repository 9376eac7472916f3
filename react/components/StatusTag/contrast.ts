// WCAG 2 contrast, so that a status tag's text stays readable (4.5:1) whatever its phase colour.

export const MIN_CONTRAST = 4.5

function channels(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim())

  if (!m) return null
  const n = parseInt(m[1], 16)

  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function luminance([r, g, b]: [number, number, number]): number {
  const [lr, lg, lb] = [r, g, b].map((c) => {
    const s = c / 255

    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })

  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb
}

/** The contrast ratio of two #rrggbb colours (1 to 21); null when one does not parse. */
export function contrastRatio(a: string, b: string): number | null {
  const ca = channels(a)
  const cb = channels(b)

  if (!ca || !cb) return null
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x)

  return (hi + 0.05) / (lo + 0.05)
}

const hex = (c: [number, number, number]) =>
  `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`

/**
 * The same colours when they already read at 4.5:1; else the background darkened step by step
 * (light text) or lightened (dark text) until they do. Unparsable colours are kept as given.
 */
export function readableColors(colors: { bg: string; fg: string }): {
  bg: string
  fg: string
} {
  let bg = channels(colors.bg)
  const fg = channels(colors.fg)

  if (!bg || !fg) return colors
  const lightText = luminance(fg) > 0.5

  for (let i = 0; i < 40; i++) {
    const ratio = contrastRatio(hex(bg), colors.fg)

    if (ratio !== null && ratio >= MIN_CONTRAST) {
      return i === 0 ? colors : { bg: hex(bg), fg: colors.fg }
    }

    bg = bg.map((c) => (lightText ? c * 0.92 : c + (255 - c) * 0.15)) as [
      number,
      number,
      number
    ]
  }

  return { bg: hex(bg), fg: colors.fg }
}
