/** Random ids for quote blocks and citations, created where they are inserted. */

/**
 * A random RFC 4122 version 4 UUID. Built on `crypto.getRandomValues` rather than
 * `crypto.randomUUID`, because browsers only offer the latter in secure contexts and a
 * briefing may be served over plain http on a LAN.
 */
export function randomId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
