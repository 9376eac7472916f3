/**
 * Tag colours that read at 4.5:1 or better (WCAG AA): the Styleguide's own success and danger
 * tags put white text on light green and red, which does not.
 */
export const TAG_COLORS = {
  success: { bgColor: '#dff5d6', color: '#1e5b1e' },
  warning: { bgColor: '#fff1c2', color: '#6b4d00' },
  error: { bgColor: '#fde2e1', color: '#9b1c1c' },
  info: { bgColor: '#1f5fb8', color: '#ffffff' },
  neutral: { bgColor: '#e3e4e6', color: '#3f3f40' },
  light: { bgColor: '#cce8ff', color: '#25354d' },
} as const

export type TagTone = keyof typeof TAG_COLORS
