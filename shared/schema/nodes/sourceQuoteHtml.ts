/**
 * How each sourceQuote attribute maps to the HTML form: scalars and the two selectors as
 * `data-*` attributes on the <figure>, the quoted text as the <blockquote>'s content. Kept
 * apart from the node so the round trip (render, then parse back to the same attrs) can be
 * read in one place.
 */
import type { Attribute, Attributes } from '@tiptap/core'
import type { TextPositionSelector, TextQuoteSelector } from '../../quotes/selectors'
import {
  type SourceQuoteAttrs,
  sourceQuoteAttrValidators,
  validateSourceQuoteAttrs,
} from './sourceQuoteAttrs'

function stringAttr(key: keyof SourceQuoteAttrs, html: string): Attributes[string] {
  return {
    default: null,
    validate: sourceQuoteAttrValidators[key],
    parseHTML: (element) => element.getAttribute(html),
    renderHTML: (attrs) => (attrs[key] == null ? {} : { [html]: attrs[key] }),
  }
}

function intAttr(element: HTMLElement, name: string): number | null {
  const raw = element.getAttribute(name)
  if (raw === null || !/^\d+$/.test(raw)) return null
  return Number(raw)
}

/** The Tiptap attribute specs for sourceQuote. */
export function sourceQuoteHtmlAttributes(): Attributes {
  return {
    quoteId: stringAttr('quoteId', 'data-quote-id'),
    sourceId: stringAttr('sourceId', 'data-source-id'),
    text: {
      default: null,
      validate: sourceQuoteAttrValidators.text,
      // Rendered as the blockquote's content by the node, not as an attribute.
      rendered: false,
      parseHTML: (element) => element.querySelector('blockquote')?.textContent ?? null,
    },
    selector: {
      default: null,
      validate: sourceQuoteAttrValidators.selector,
      parseHTML: (element): TextQuoteSelector | null => {
        const exact = element.getAttribute('data-exact')
        if (exact === null) return null
        return {
          exact,
          prefix: element.getAttribute('data-prefix') ?? '',
          suffix: element.getAttribute('data-suffix') ?? '',
        }
      },
      renderHTML: (attrs) => {
        const selector = attrs.selector as TextQuoteSelector | null
        if (!selector) return {}
        return {
          'data-exact': selector.exact,
          'data-prefix': selector.prefix,
          'data-suffix': selector.suffix,
        }
      },
    },
    position: {
      default: null,
      validate: sourceQuoteAttrValidators.position,
      parseHTML: (element): TextPositionSelector | null => {
        const start = intAttr(element, 'data-start')
        const end = intAttr(element, 'data-end')
        const paragraph = intAttr(element, 'data-paragraph')
        if (start === null || end === null || paragraph === null) return null
        return { start, end, paragraph }
      },
      renderHTML: (attrs) => {
        const position = attrs.position as TextPositionSelector | null
        if (!position) return {}
        return {
          'data-start': String(position.start),
          'data-end': String(position.end),
          'data-paragraph': String(position.paragraph),
        }
      },
    },
    speaker: stringAttr('speaker', 'data-speaker'),
    speakerRole: stringAttr('speakerRole', 'data-speaker-role'),
    attributedSpeaker: stringAttr('attributedSpeaker', 'data-attributed-speaker'),
    speakerCheckedBy: stringAttr('speakerCheckedBy', 'data-speaker-checked-by'),
    speakerCheckedAt: stringAttr('speakerCheckedAt', 'data-speaker-checked-at'),
    kind: stringAttr('kind', 'data-kind'),
    insertedBy: stringAttr('insertedBy', 'data-inserted-by'),
    insertedAt: stringAttr('insertedAt', 'data-inserted-at'),
  }
}

/**
 * Whether a <figure data-type="source-quote"> carries a complete, well-formed quote. The
 * parse rule skips figures that do not, so pasting a damaged or hand-made figure cannot
 * throw inside the parser (the schema validates attributes as nodes are created); such a
 * figure falls through to the ordinary blockquote rule and arrives as plain, unverified text.
 */
export function isWellFormedQuoteElement(element: HTMLElement): boolean {
  const attrs: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(sourceQuoteHtmlAttributes()) as [string, Attribute][]) {
    attrs[name] = spec.parseHTML?.(element) ?? null
  }
  try {
    validateSourceQuoteAttrs(attrs)
    return true
  } catch {
    return false
  }
}
