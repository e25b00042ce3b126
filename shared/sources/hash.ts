/**
 * Content hashes of source bodies. They must come out identical in the browser and in Node,
 * so this uses lib0's SHA-256 (already a Yjs dependency), which resolves to WebCrypto-free
 * pure JS in browsers and to node:crypto on the server; both are synchronous.
 */
import { digest } from 'lib0/hash/sha256'
import { sourceBody } from './body'
import type { Source } from './types'

const HASH_PREFIX = 'sha256:'

/** `sha256:` + lowercase hex SHA-256 of the UTF-8 body (`paragraphs.join('\n\n')`). */
export function computeContentHash(paragraphs: readonly string[]): string {
  const bytes = digest(new TextEncoder().encode(sourceBody(paragraphs)))
  let hex = ''
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0')
  return HASH_PREFIX + hex
}

/**
 * True when the source's text is the text its hash was taken over. A source whose
 * paragraphs were swapped after it was added (for instance by a raw Y.Doc update) fails.
 */
export function verifySourceIntegrity(source: Pick<Source, 'paragraphs' | 'contentHash'>): boolean {
  if (!Array.isArray(source.paragraphs) || typeof source.contentHash !== 'string') return false
  if (!source.paragraphs.every((p) => typeof p === 'string')) return false
  return computeContentHash(source.paragraphs) === source.contentHash
}
