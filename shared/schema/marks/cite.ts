/**
 * The cite mark: paraphrased text attributed to a source. Unlike a quote block, the words
 * are the author's own, so nothing is verified; the mark records which source (and,
 * optionally, which paragraph of it) the claim rests on, and takes part in numbering.
 *
 * HTML form: <span data-type="cite" data-source-id="…" data-paragraph="3" data-citation-id="…">
 */
import { Mark, mergeAttributes } from '@tiptap/core'
import { randomId } from '../../quotes/ids'

/** The mark's name in the schema and in the Y.Doc. */
export const CITE = 'cite'

/** Where in the source the claim is supported. */
export interface CiteLocator {
  /** 1-based paragraph number in the source body. */
  paragraph: number
}

/** A cite mark's attributes. */
export interface CiteAttrs {
  sourceId: string
  locator: CiteLocator | null
  /** Identifies this citation (for comments and links); generated when absent. */
  citationId: string
}

/** What `setCite` takes: a source, optionally a locator and an id. */
export type CiteInput = Pick<CiteAttrs, 'sourceId'> &
  Partial<Pick<CiteAttrs, 'locator' | 'citationId'>>

/** Options for Cite. */
export interface CiteOptions {
  HTMLAttributes: Record<string, unknown>
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    cite: {
      /** Attributes the selection to a source. Throws a RangeError on malformed attrs. */
      setCite: (attrs: CiteInput) => ReturnType
      /** Removes attribution from the selection (or the cited range around the cursor). */
      unsetCite: () => ReturnType
    }
  }
}

function fail(name: string, value: unknown, expected: string): never {
  throw new RangeError(
    `Invalid cite attribute ${name}: ${JSON.stringify(value)} (expected ${expected})`,
  )
}

function checkId(name: string, value: unknown): void {
  if (typeof value !== 'string' || value === '' || value.length > 200) {
    fail(name, value, 'a non-empty string of at most 200 characters')
  }
}

function checkLocator(value: unknown): void {
  if (value === null) return
  if (typeof value !== 'object' || Array.isArray(value))
    fail('locator', value, 'null or {paragraph}')
  const { paragraph } = value as Record<string, unknown>
  if (!Number.isSafeInteger(paragraph) || (paragraph as number) < 1) {
    fail('locator.paragraph', paragraph, 'an integer >= 1')
  }
}

/** Returns `attrs` as CiteAttrs, or throws a RangeError naming the first bad value. */
export function validateCiteAttrs(attrs: unknown): CiteAttrs {
  if (typeof attrs !== 'object' || attrs === null) fail('attrs', attrs, 'an object')
  const record = attrs as Record<string, unknown>
  checkId('sourceId', record.sourceId)
  checkLocator(record.locator)
  checkId('citationId', record.citationId)
  return record as unknown as CiteAttrs
}

/** The cite mark, as listed in `briefingExtensions()`. */
export const Cite = Mark.create<CiteOptions>({
  name: CITE,
  // Typing at the end of an attributed passage writes new, unattributed words.
  inclusive: false,

  addOptions() {
    return { HTMLAttributes: {} }
  },

  addAttributes() {
    return {
      sourceId: {
        default: null,
        validate: (v: unknown) => checkId('sourceId', v),
        parseHTML: (element) => element.getAttribute('data-source-id'),
        renderHTML: (attrs) => (attrs.sourceId ? { 'data-source-id': attrs.sourceId } : {}),
      },
      locator: {
        default: null,
        validate: checkLocator,
        parseHTML: (element) => {
          const raw = element.getAttribute('data-paragraph')
          return raw !== null && /^\d+$/.test(raw) && Number(raw) >= 1
            ? { paragraph: Number(raw) }
            : null
        },
        renderHTML: (attrs) =>
          attrs.locator
            ? { 'data-paragraph': String((attrs.locator as CiteLocator).paragraph) }
            : {},
      },
      citationId: {
        default: null,
        validate: (v: unknown) => checkId('citationId', v),
        parseHTML: (element) => element.getAttribute('data-citation-id'),
        renderHTML: (attrs) => (attrs.citationId ? { 'data-citation-id': attrs.citationId } : {}),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'span[data-type="cite"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { 'data-type': 'cite' }),
      0,
    ]
  },

  addCommands() {
    return {
      setCite:
        (input) =>
        ({ commands }) => {
          const attrs = validateCiteAttrs({
            locator: null,
            ...input,
            citationId: input.citationId ?? randomId(),
          })
          return commands.setMark(this.name, attrs)
        },
      unsetCite:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name, { extendEmptyMarkRange: true }),
    }
  },
})
