import { isSafeHttpUrl } from './urls'

// Shipping evidences arrive as one free-text string: URLs (photos, signatures) or notes.

const IMAGE_EXTENSION = /\.(png|jpe?g|gif|webp|bmp|svg|avif|heic)$/i
const LOOKS_LIKE_IMAGE =
  /(\/image[s]?\/|[?&](format|fm|ext)=(png|jpe?g|gif|webp)\b|\/photo)/i

export type Evidence =
  | { kind: 'image'; src: string }
  | { kind: 'link'; href: string }
  | { kind: 'text'; text: string }

export function classifyEvidence(value: string): Evidence {
  const text = value.trim()

  if (isSafeHttpUrl(text)) {
    const { pathname } = new URL(text)

    if (IMAGE_EXTENSION.test(pathname) || LOOKS_LIKE_IMAGE.test(text)) {
      return { kind: 'image', src: text }
    }

    return { kind: 'link', href: text }
  }

  return { kind: 'text', text }
}

const URL_IN_TEXT = /https?:\/\/[^\s,;|]+/gi
const SEPARATORS = /^[\s,;|]+|[\s,;|]+$/g

/** Several URLs may come in one string, between notes or separated by spaces or commas. */
export function parseEvidences(value: string | null | undefined): Evidence[] {
  if (!value?.trim()) return []

  const result: Evidence[] = []
  const pushText = (text: string) => {
    const clean = text.replace(SEPARATORS, '')

    if (clean) result.push({ kind: 'text', text: clean })
  }

  let last = 0

  value.replace(URL_IN_TEXT, (url: string, offset: number) => {
    pushText(value.slice(last, offset))
    result.push(classifyEvidence(url))
    last = offset + url.length

    return url
  })
  pushText(value.slice(last))

  return result
}
