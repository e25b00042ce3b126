/**
 * The suggestion marks of track changes: `insertion` (words someone proposes to add),
 * `deletion` (words someone proposes to remove, still in the document until accepted) and
 * `modification` (a proposed change of a node's attributes or formatting). Their names,
 * `excludes` and `id` follow @handlewithcare/prosemirror-suggest-changes, which turns edits
 * into these marks and accepts or rejects them; `by`, `byName` and `at` are Briefing's own, so the
 * review panel can say who proposed what and when.
 *
 * HTML form: <ins data-suggestion-id="…" data-by="…" data-by-name="…" data-at="…">, <del …>, and
 * <span data-type="modification" …>. No inline styles (the page's CSP forbids them).
 */
import { Mark, mergeAttributes } from '@tiptap/core'

/** The three mark names, as the library looks them up. */
export const INSERTION = 'insertion'
export const DELETION = 'deletion'
export const MODIFICATION = 'modification'
export const SUGGESTION_MARKS = [INSERTION, DELETION, MODIFICATION] as const

/** Longest `by` or `id` string a suggestion may carry; anything longer is not ours. */
const MAX_ATTR = 200

/** Attributes every suggestion mark carries. */
export interface SuggestionAttrs {
  /** Groups the pieces of one suggestion (accepted or rejected together). */
  id: string | number
  /** The user id of whoever made the suggestion; null for ones made without an author. */
  by: string | null
  /** The author's name when they made it, for the review panel. */
  byName: string | null
  /** ISO 8601 time of the suggestion; null when unknown. */
  at: string | null
}

function checkId(value: unknown): void {
  const ok =
    (typeof value === 'string' && value !== '' && value.length <= MAX_ATTR) ||
    (typeof value === 'number' && Number.isSafeInteger(value))
  if (!ok) throw new RangeError(`Invalid suggestion id: ${JSON.stringify(value)}`)
}

function checkOptionalString(name: string, value: unknown): void {
  if (value === null) return
  if (typeof value !== 'string' || value.length > MAX_ATTR) {
    throw new RangeError(`Invalid suggestion ${name}: ${JSON.stringify(value)}`)
  }
}

const commonAttributes = {
  id: {
    default: null,
    validate: checkId,
    parseHTML: (element: HTMLElement) => parseId(element.getAttribute('data-suggestion-id')),
    renderHTML: (attrs: Record<string, unknown>) => ({
      'data-suggestion-id': String(attrs.id),
    }),
  },
  by: {
    default: null,
    validate: (value: unknown) => checkOptionalString('by', value),
    parseHTML: (element: HTMLElement) => element.getAttribute('data-by'),
    renderHTML: (attrs: Record<string, unknown>) => (attrs.by ? { 'data-by': attrs.by } : {}),
  },
  byName: {
    default: null,
    validate: (value: unknown) => checkOptionalString('byName', value),
    parseHTML: (element: HTMLElement) => element.getAttribute('data-by-name'),
    renderHTML: (attrs: Record<string, unknown>) =>
      attrs.byName ? { 'data-by-name': attrs.byName } : {},
  },
  at: {
    default: null,
    validate: (value: unknown) => checkOptionalString('at', value),
    parseHTML: (element: HTMLElement) => element.getAttribute('data-at'),
    renderHTML: (attrs: Record<string, unknown>) => (attrs.at ? { 'data-at': attrs.at } : {}),
  },
}

function parseId(raw: string | null): string | number | null {
  if (raw === null || raw === '') return null
  return /^\d+$/.test(raw) ? Number(raw) : raw
}

/** Proposed new content. */
export const Insertion = Mark.create({
  name: INSERTION,
  inclusive: false,
  excludes: `${DELETION} ${MODIFICATION} ${INSERTION}`,
  addAttributes: () => commonAttributes,
  parseHTML: () => [{ tag: 'ins[data-suggestion-id]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'ins',
    mergeAttributes(HTMLAttributes, { class: 'suggestion-insertion' }),
    0,
  ],
})

/** Content proposed for removal; it stays in the document until the deletion is accepted. */
export const Deletion = Mark.create({
  name: DELETION,
  inclusive: false,
  excludes: `${INSERTION} ${MODIFICATION} ${DELETION}`,
  addAttributes: () => commonAttributes,
  parseHTML: () => [{ tag: 'del[data-suggestion-id]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'del',
    mergeAttributes(HTMLAttributes, { class: 'suggestion-deletion' }),
    0,
  ],
})

/** A proposed change of formatting or of a node's attribute (a quote's speaker, say). */
export const Modification = Mark.create({
  name: MODIFICATION,
  inclusive: false,
  excludes: `${DELETION} ${INSERTION}`,
  addAttributes: () => ({
    ...commonAttributes,
    type: { default: 'attr', rendered: false },
    attrName: { default: null, rendered: false },
    previousValue: { default: null, rendered: false },
    newValue: { default: null, rendered: false },
  }),
  parseHTML: () => [{ tag: 'span[data-type="modification"][data-suggestion-id]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    mergeAttributes(HTMLAttributes, {
      'data-type': 'modification',
      class: 'suggestion-modification',
    }),
    0,
  ],
})
