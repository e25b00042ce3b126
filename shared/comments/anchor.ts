/**
 * Where a comment thread points in the document: a text range held as two Yjs relative
 * positions, or a whole quote block named by its `quoteId`. Relative positions name the Yjs
 * items of the first and last anchored character, so they follow that text through any
 * concurrent edit, and they live beside the document rather than in it: a commenter, whose
 * socket may not write the document, can still anchor a thread (docs/ARCHITECTURE.md,
 * Comments). Pure functions over a Y.Doc, used by the server and the client alike.
 */
import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../schema/extensions'
import { SOURCE_QUOTE } from '../schema/nodes/sourceQuoteAttrs'

/** A stored anchor: a range between two encoded relative positions (base64), or a quote block. */
export type Anchor =
  | { kind: 'range'; start: string; end: string }
  | { kind: 'quote'; quoteId: string }

/** Where an anchor is now: its place in document order, or removed with its text. */
export type AnchorPlace = { removed: false; order: number } | { removed: true }

/** The anchor is not in the document: the range is empty, the text or quote is not there. */
export class AnchorNotFound extends RangeError {
  override name = 'AnchorNotFound'
}

/** Each live text and element of the document with its offset in document order. */
interface Layout {
  offsets: Map<object, number>
  /** Live texts in document order, with their offsets. */
  texts: Array<{ text: Y.XmlText; offset: number }>
  quotes: Map<string, number>
}

/**
 * Offsets in document order: every element opens and closes one unit, every visible
 * character is one. Only order matters here, so embeds and leaf nodes need no exact sizes.
 */
function layout(doc: Y.Doc): Layout {
  const result: Layout = { offsets: new Map(), texts: [], quotes: new Map() }
  let at = 0
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    result.offsets.set(node, at)
    if (node instanceof Y.XmlText) {
      result.texts.push({ text: node, offset: at })
      at += node.length
      return
    }
    if (!(node instanceof Y.XmlElement)) return
    if (node.nodeName === SOURCE_QUOTE) {
      const quoteId = node.getAttribute('quoteId') as unknown
      if (typeof quoteId === 'string' && !result.quotes.has(quoteId)) result.quotes.set(quoteId, at)
    }
    at += 1
    for (const child of node.toArray()) visit(child)
    at += 1
  }
  for (const child of doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray()) visit(child)
  return result
}

const encode = (pos: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(pos))

function decode(value: string): Y.RelativePosition {
  try {
    return Y.decodeRelativePosition(fromBase64(value))
  } catch {
    throw new AnchorNotFound('is not an encoded Yjs relative position')
  }
}

/** The document offset a relative position resolves to, or null when its text is gone. */
function resolve(doc: Y.Doc, at: Layout, encoded: string): number | null {
  const absolute = Y.createAbsolutePositionFromRelativePosition(decode(encoded), doc)
  if (!absolute) return null
  const base = at.offsets.get(absolute.type)
  return base === undefined ? null : base + absolute.index
}

/** The text between two document offsets, paragraphs joined by a line break. */
function textBetween(at: Layout, from: number, to: number): string {
  const parts: string[] = []
  for (const { text, offset } of at.texts) {
    if (offset + text.length <= from || offset >= to) continue
    parts.push(plainText(text).slice(Math.max(0, from - offset), to - offset))
  }
  return parts.join('\n')
}

/** The range an anchor covers now, as document offsets; null once all of its text is gone. */
function rangeOf(doc: Y.Doc, at: Layout, anchor: Anchor): { from: number; to: number } | null {
  if (anchor.kind === 'quote') {
    const offset = at.quotes.get(anchor.quoteId)
    return offset === undefined ? null : { from: offset, to: offset + 1 }
  }
  const from = resolve(doc, at, anchor.start)
  const to = resolve(doc, at, anchor.end)
  if (from === null || to === null || from >= to) return null
  return { from, to }
}

/** Where `anchor` is in `doc` now. */
export function placeAnchor(doc: Y.Doc, anchor: Anchor): AnchorPlace {
  const range = rangeOf(doc, layout(doc), anchor)
  return range ? { removed: false, order: range.from } : { removed: true }
}

/** Places every anchor against one layout of the document (one walk for a whole list). */
export function placeAnchors(doc: Y.Doc, anchors: readonly Anchor[]): AnchorPlace[] {
  const at = layout(doc)
  return anchors.map((anchor) => {
    const range = rangeOf(doc, at, anchor)
    return range ? { removed: false, order: range.from } : { removed: true }
  })
}

/**
 * The text `anchor` covers in `doc` now: what a thread quotes. A quote block's is its quoted
 * words. Throws AnchorNotFound when the anchor covers nothing.
 */
export function anchoredText(doc: Y.Doc, anchor: Anchor): string {
  const at = layout(doc)
  const range = rangeOf(doc, at, anchor)
  if (!range) throw new AnchorNotFound('does not cover any text of the briefing')
  if (anchor.kind === 'quote') return quoteText(doc, anchor.quoteId)
  return textBetween(at, range.from, range.to)
}

function quoteText(doc: Y.Doc, quoteId: string): string {
  const walk = (node: Y.XmlElement | Y.XmlFragment): string | null => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      if (child.nodeName === SOURCE_QUOTE && child.getAttribute('quoteId') === quoteId) {
        const text = child.getAttribute('text') as unknown
        return typeof text === 'string' ? text : ''
      }
      const inner = walk(child)
      if (inner !== null) return inner
    }
    return null
  }
  return walk(doc.getXmlFragment(DOCUMENT_FRAGMENT)) ?? ''
}

/**
 * The anchor of a text range inside one paragraph's text, `[index, index + length)`: the
 * start holds to the first character, the end to the last, so typing just outside the range
 * never widens it.
 */
export function rangeAnchor(text: Y.XmlText, index: number, length: number): Anchor {
  return {
    kind: 'range',
    start: encode(Y.createRelativePositionFromTypeIndex(text, index, 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(text, index + length, -1)),
  }
}

/** An anchor on the first occurrence of `needle` within one paragraph of the document. */
export function anchorOnText(doc: Y.Doc, needle: string): Anchor {
  for (const { text } of layout(doc).texts) {
    const index = plainText(text).indexOf(needle)
    if (index >= 0) return rangeAnchor(text, index, needle.length)
  }
  throw new AnchorNotFound(`"${needle}" does not occur in the briefing's text`)
}

/** A text's characters without formatting; an embedded node counts as one character. */
function plainText(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
    .join('')
}

/** An anchor on a whole quote block; throws AnchorNotFound when the document has none by that id. */
export function anchorOnQuote(doc: Y.Doc, quoteId: string): Anchor {
  if (!layout(doc).quotes.has(quoteId)) {
    throw new AnchorNotFound(`the briefing has no quote block ${quoteId}`)
  }
  return { kind: 'quote', quoteId }
}
