/**
 * The file name in a `Content-Disposition` header (RFC 6266). Servers send a plain
 * `filename="..."` that older clients can read and, when the name is not Latin-1, an
 * RFC 8187 `filename*=UTF-8''...` that carries it exactly; the extended form wins when it
 * decodes. The name is reduced to a bare file name, since a header is input like any other.
 */

/** The file name `header` gives, or null when it gives none that can be used. */
export function filenameFromContentDisposition(header: string | null): string | null {
  if (!header) return null
  const params = dispositionParams(header)
  const extended = params.get('filename*')
  const name =
    (extended !== undefined ? decodeExtValue(extended) : null) ?? params.get('filename') ?? null
  return name === null ? null : safeFilename(name)
}

/**
 * The parameters after the disposition type, names lower-cased, values unquoted. A value is a
 * token or a quoted string with backslash escapes; the first occurrence of a name counts.
 */
function dispositionParams(header: string): Map<string, string> {
  const params = new Map<string, string>()
  let at = header.indexOf(';')
  while (at !== -1 && at < header.length) {
    const eq = header.indexOf('=', at + 1)
    if (eq === -1) break
    const next = header.indexOf(';', at + 1)
    if (next !== -1 && next < eq) {
      // A parameter without a value; skip it.
      at = next
      continue
    }
    const name = header
      .slice(at + 1, eq)
      .trim()
      .toLowerCase()
    let rest = eq + 1
    while (header[rest] === ' ' || header[rest] === '\t') rest++
    let value: string
    if (header[rest] === '"') {
      value = ''
      let i = rest + 1
      for (; i < header.length && header[i] !== '"'; i++) {
        value += header[i] === '\\' && i + 1 < header.length ? header[++i] : header[i]
      }
      at = header.indexOf(';', i + 1)
    } else {
      const end = header.indexOf(';', rest)
      value = header.slice(rest, end === -1 ? undefined : end).trim()
      at = end
    }
    if (name && !params.has(name)) params.set(name, value)
  }
  return params
}

/** Decodes an RFC 8187 `charset'language'percent-encoded` value; null if it cannot. */
function decodeExtValue(value: string): string | null {
  const match = /^([\w!#$%&+^`{}~-]+)'[\w-]*'(.*)$/.exec(value)
  if (!match) return null
  const charset = match[1]!.toLowerCase()
  const encoded = match[2]!
  try {
    if (charset === 'utf-8') return decodeURIComponent(encoded)
    if (charset === 'iso-8859-1') {
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      )
    }
  } catch {
    // A malformed escape: fall back to the plain filename parameter.
  }
  return null
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

/** The last path segment of `name` without control characters; null when nothing is left. */
function safeFilename(name: string): string | null {
  const base = name.split(/[/\\]/).pop() ?? ''
  const clean = base.replace(CONTROL, '').trim()
  return clean === '' || clean === '.' || clean === '..' ? null : clean
}
