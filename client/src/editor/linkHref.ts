/**
 * Turns what someone typed into the link box into an href the schema's link mark accepts
 * (http, https, mailto), or explains why it cannot be one.
 */

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** `example.com/x` becomes `https://example.com/x`; `javascript:` and friends are refused. */
export function normalizeLinkHref(raw: string): { href: string } | { error: string } {
  const text = raw.trim()
  if (!text) return { error: 'Enter a web address.' }
  const looksLikeEmail = /^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(text)
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text)
  const candidate = looksLikeEmail ? `mailto:${text}` : hasScheme ? text : `https://${text}`
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return { error: 'That does not look like a web address.' }
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    return { error: 'Links must start with http://, https:// or mailto:.' }
  }
  if (url.protocol !== 'mailto:' && !url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { error: 'That does not look like a web address.' }
  }
  return { href: url.href }
}
