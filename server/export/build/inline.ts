/**
 * The inline content of a paragraph or heading as runs: text with its marks, line breaks,
 * and a note marker at the end of each cited passage. A passage is a run of text nodes
 * carrying the same cite mark (same citationId), as the editor's numbering decorations
 * treat it. Following Chicago (and most house styles), a marker goes after the punctuation
 * that ends the cited words, not before it.
 */
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model'
import { CITE } from '../../../shared/schema/marks/cite'
import type { Inline, TextRun } from '../model'
import type { NoteTracker } from './noteTracker'

/** Link schemes kept in exports; the editor allows the same ones. */
const SAFE_LINK = /^(https?:|mailto:)/i

/** Punctuation a note marker moves past. */
const CLOSING_PUNCTUATION = /^[.,;:!?…)\]»”’"']+/

interface OpenCitation {
  citationId: unknown
  sourceId: unknown
  paragraph: number | null
}

/** Converts the inline children of `node`; dropped unsafe links are reported to `warn`. */
export function inlineContent(
  node: ProseMirrorNode,
  notes: NoteTracker,
  warn: (message: string) => void,
): Inline[] {
  const out: Inline[] = []
  let open: OpenCitation | null = null
  const close = () => {
    if (open) {
      const ref = notes.cite(open.sourceId, open.paragraph)
      if (ref) out.push(ref)
    }
    open = null
  }
  node.forEach((child) => {
    const cite = child.marks.find((mark) => mark.type.name === CITE)
    if (open && (!cite || cite.attrs.citationId !== open.citationId)) close()
    if (child.isText) out.push(textRun(child.text ?? '', child.marks, warn))
    else if (child.type.name === 'hardBreak') out.push({ type: 'break' })
    else throw new Error(`export does not know inline node type ${child.type.name}`)
    if (cite && !open) {
      const locator = cite.attrs.locator as { paragraph?: unknown } | null
      open = {
        citationId: cite.attrs.citationId,
        sourceId: cite.attrs.sourceId,
        paragraph: typeof locator?.paragraph === 'number' ? locator.paragraph : null,
      }
    }
  })
  close()
  return movePunctuationBeforeMarkers(out)
}

function textRun(text: string, marks: readonly Mark[], warn: (message: string) => void): TextRun {
  const run: TextRun = { type: 'text', text }
  for (const mark of marks) {
    switch (mark.type.name) {
      case 'bold':
        run.bold = true
        break
      case 'italic':
        run.italic = true
        break
      case 'underline':
        run.underline = true
        break
      case 'strike':
        run.strike = true
        break
      case 'highlight':
        run.highlight = true
        break
      case 'code':
        run.code = true
        break
      case 'link': {
        const href = typeof mark.attrs.href === 'string' ? mark.attrs.href.trim() : ''
        if (SAFE_LINK.test(href)) run.link = href
        else warn(`a link to ${JSON.stringify(href.slice(0, 80))} was exported as plain text`)
        break
      }
      case CITE:
        break
      default:
        throw new Error(`export does not know mark type ${mark.type.name}`)
    }
  }
  return run
}

function movePunctuationBeforeMarkers(items: Inline[]): Inline[] {
  const out: Inline[] = []
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    if (item.type !== 'noteRef') {
      out.push(item)
      continue
    }
    // Collect consecutive markers, then the punctuation after them.
    const markers: Inline[] = [item]
    while (items[i + 1]?.type === 'noteRef') markers.push(items[++i]!)
    const next = items[i + 1]
    const punctuation = next?.type === 'text' ? CLOSING_PUNCTUATION.exec(next.text)?.[0] : undefined
    if (next?.type === 'text' && punctuation) {
      out.push({ ...next, text: punctuation })
      const rest = next.text.slice(punctuation.length)
      out.push(...markers)
      if (rest) out.push({ ...next, text: rest })
      i++
    } else out.push(...markers)
  }
  return out
}
