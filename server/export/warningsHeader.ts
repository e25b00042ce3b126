/**
 * Export warnings as an HTTP header value. Headers carry Latin-1 at most and must stay
 * short, so the list is JSON with every non-ASCII character escaped (`JSON.parse` gives
 * the messages back) and is cut, with a final note, when it grows too long.
 */

/** Longest header value written; proxies commonly reject headers past 8 KiB. */
const MAX_HEADER_LENGTH = 4000

/** The JSON array header value for `warnings`. */
export function encodeWarningsHeader(warnings: readonly string[]): string {
  const kept: string[] = []
  for (const [i, warning] of warnings.entries()) {
    const next = asciiJson([...kept, warning, `${warnings.length - i - 1} more warnings`])
    if (next.length > MAX_HEADER_LENGTH) {
      kept.push(`${warnings.length - i} more warnings`)
      break
    }
    kept.push(warning)
  }
  return asciiJson(kept)
}

function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
