/**
 * An HTML element's text as paragraphs: each block element (p, h2, li, blockquote, ...) gives
 * one paragraph, `<br><br>` splits one, and media, captions and form controls give none.
 */

const BLOCK = new Set(
  'P DIV SECTION ARTICLE MAIN BLOCKQUOTE LI UL OL H1 H2 H3 H4 H5 H6 PRE DD DT DL TABLE TBODY THEAD TFOOT TR TD TH HEADER ADDRESS HR CENTER BODY'.split(
    ' ',
  ),
)
const SKIP = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE FIGURE FIGCAPTION PICTURE IMG SVG BUTTON IFRAME VIDEO AUDIO CANVAS INPUT SELECT TEXTAREA OPTION ASIDE NAV FOOTER DIALOG MENU OBJECT EMBED'.split(
    ' ',
  ),
)

const TEXT_NODE = 3
const ELEMENT_NODE = 1

/** The paragraphs of `root`, in document order, whitespace left for the caller to normalise. */
export function htmlParagraphs(root: Node): string[] {
  const out: string[] = []
  let buffer = ''
  const flush = () => {
    for (const piece of buffer.split(/\n[ \t]*\n/)) {
      if (piece.trim() !== '') out.push(piece)
    }
    buffer = ''
  }
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        buffer += (child.textContent ?? '').replace(/\n/g, ' ')
        continue
      }
      if (child.nodeType !== ELEMENT_NODE) continue
      const tag = (child as Element).tagName.toUpperCase()
      if (SKIP.has(tag)) continue
      if (tag === 'BR') {
        buffer += '\n'
        continue
      }
      if (BLOCK.has(tag)) {
        flush()
        walk(child)
        flush()
      } else {
        walk(child)
      }
    }
  }
  walk(root)
  flush()
  return out
}
