/**
 * Reading a DOM selection in the source reader as a range of the source body. Each
 * paragraph's text sits in an element carrying `data-body-start` (its body offset) and
 * nothing else, so an offset inside it is the length of the text before the point.
 */

/** The attribute on each paragraph's text element holding its body offset (SourceReader sets it). */
const BODY_START_ATTRIBUTE = 'data-body-start'

/** Body offsets [start, end) of `range` within the reader `root`, or null if it holds no text. */
export function bodyRangeOf(
  root: HTMLElement,
  range: Range,
): { start: number; end: number } | null {
  const texts = [...root.querySelectorAll<HTMLElement>(`[${BODY_START_ATTRIBUTE}]`)].filter((el) =>
    range.intersectsNode(el),
  )
  const first = texts[0]
  const last = texts.at(-1)
  if (!first || !last) return null
  const start = first.contains(range.startContainer)
    ? offsetIn(first, range.startContainer, range.startOffset)
    : bodyStart(first)
  const end = last.contains(range.endContainer)
    ? offsetIn(last, range.endContainer, range.endOffset)
    : bodyStart(last) + (last.textContent?.length ?? 0)
  return end > start ? { start, end } : null
}

function bodyStart(element: HTMLElement): number {
  return Number(element.getAttribute(BODY_START_ATTRIBUTE))
}

function offsetIn(element: HTMLElement, node: Node, offset: number): number {
  const before = element.ownerDocument.createRange()
  before.selectNodeContents(element)
  before.setEnd(node, offset)
  return bodyStart(element) + before.toString().length
}
