/**
 * The sourceQuote block: a verbatim quotation from a source, inserted as one atom so the
 * quoted words cannot be typed over. Its words and provenance are attributes (see
 * ./sourceQuoteAttrs); they change only through commands that keep the quote faithful:
 * leaving words out behind an elision, or adding `[bracketed]` clarifications.
 *
 * HTML form (used for clipboard, export and parsing back):
 *   <figure data-type="source-quote" data-quote-id … data-exact … data-start …>
 *     <blockquote>the quoted text</blockquote>
 *     <figcaption>Speaker, Role</figcaption>
 *   </figure>
 */
import { mergeAttributes, Node } from '@tiptap/core'
import { Fragment, type Node as ProseMirrorNode, Slice } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { applyClarification, checkQuoteEdit, type TextRange } from '../../quotes/edit'
import { randomId } from '../../quotes/ids'
import { verifyQuote } from '../../quotes/verify'
import type { Source } from '../../sources/types'
import {
  type QuoteSpeakerAttrs,
  quoteAttribution,
  SOURCE_QUOTE,
  type SourceQuoteAttrs,
  type SourceQuoteInput,
  sourceQuoteAttrValidators,
  validateSourceQuoteAttrs,
} from './sourceQuoteAttrs'
import { isWellFormedQuoteElement, sourceQuoteHtmlAttributes } from './sourceQuoteHtml'

/** A person's answer to "who said this?" for `setQuoteSpeaker`. */
export interface QuoteSpeakerChange {
  speaker: string | null
  speakerRole: string | null
  /** Who answered (user name). */
  checkedBy: string
  /** ISO 8601; now when absent. */
  checkedAt?: string
}

/** Options for SourceQuote; the client sets `getSource` with `.configure()`. */
export interface SourceQuoteOptions {
  HTMLAttributes: Record<string, unknown>
  /**
   * Looks up a source so commands can refuse a quote that does not verify against it. The
   * client configures it to read the Y.Doc's sources; without it, commands check edits
   * against the quote's previous text only and verification is left to `verifyQuote`.
   */
  getSource: ((sourceId: string) => Source | undefined) | null
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    sourceQuote: {
      /**
       * Inserts a quote block at the selection. Throws a RangeError on malformed attrs;
       * returns false if the quoteId is taken or (with `getSource`) the quote does not verify.
       */
      insertSourceQuote: (attrs: SourceQuoteInput) => ReturnType
      /**
       * Replaces a quote's text with `newText` if that only leaves words out (marked `…`
       * inside the quote) or adds or replaces `[clarifications]`; otherwise returns false.
       */
      trimSourceQuote: (quoteId: string, newText: string) => ReturnType
      /**
       * Replaces `range` of the quote's text (an empty range inserts) with `[clarification]`.
       * Throws a RangeError on a bad range or clarification; false if the result is not faithful.
       */
      setQuoteClarification: (
        quoteId: string,
        range: TextRange,
        clarification: string,
      ) => ReturnType
      /**
       * Sets who said the quote (or confirms who the block already names), recording who
       * checked it and when. An attribute change like any other: it syncs and is undoable.
       * Throws a RangeError on a bad value; false if there is no such quote.
       */
      setQuoteSpeaker: (quoteId: string, speaker: QuoteSpeakerChange) => ReturnType
    }
  }
}

/** The quote block with id `quoteId` and its position, or null. */
export function findSourceQuote(
  doc: ProseMirrorNode,
  quoteId: string,
): { node: ProseMirrorNode; pos: number } | null {
  let found: { node: ProseMirrorNode; pos: number } | null = null
  doc.descendants((node, pos) => {
    if (node.type.name === SOURCE_QUOTE && node.attrs.quoteId === quoteId) found = { node, pos }
    return !found
  })
  return found
}

function isFaithful(options: SourceQuoteOptions, attrs: SourceQuoteAttrs): boolean {
  if (!options.getSource) return true
  return verifyQuote(options.getSource(attrs.sourceId), attrs).status === 'verified'
}

function editQuoteText(
  options: SourceQuoteOptions,
  tr: Transaction,
  dispatch: unknown,
  quoteId: string,
  nextText: (text: string) => string,
): boolean {
  const found = findSourceQuote(tr.doc, quoteId)
  if (!found) return false
  const attrs = found.node.attrs as SourceQuoteAttrs
  const text = nextText(attrs.text)
  if (text === attrs.text) return true
  if (!checkQuoteEdit(attrs.text, text).ok) return false
  try {
    sourceQuoteAttrValidators.text(text)
  } catch {
    return false
  }
  const updated = { ...attrs, text }
  if (!isFaithful(options, updated)) return false
  if (dispatch) tr.setNodeMarkup(found.pos, undefined, updated)
  return true
}

function setSpeaker(
  tr: Transaction,
  dispatch: unknown,
  quoteId: string,
  change: QuoteSpeakerChange,
) {
  const found = findSourceQuote(tr.doc, quoteId)
  if (!found) return false
  const next: QuoteSpeakerAttrs = {
    speaker: change.speaker?.trim() || null,
    speakerRole: change.speakerRole?.trim() || null,
    attributedSpeaker: found.node.attrs.attributedSpeaker ?? null,
    speakerCheckedBy: change.checkedBy,
    speakerCheckedAt: change.checkedAt ?? new Date().toISOString(),
  }
  for (const key of Object.keys(next) as (keyof QuoteSpeakerAttrs)[]) {
    sourceQuoteAttrValidators[key](next[key])
  }
  if (dispatch) tr.setNodeMarkup(found.pos, undefined, { ...found.node.attrs, ...next })
  return true
}

/**
 * Gives pasted or dropped quote blocks whose ids are already taken (in the document, or
 * earlier in the same slice) fresh ids, so quoteIds stay unique. Moving a block by drag
 * keeps its id: the original is deleted.
 */
export function uniqueQuoteIdsOnPaste(): Plugin {
  return new Plugin({
    key: new PluginKey('sourceQuoteUniqueIds'),
    props: {
      transformPasted(slice, view) {
        if (view.dragging?.move) return slice
        const taken = new Set<unknown>()
        view.state.doc.descendants((node) => {
          if (node.type.name === SOURCE_QUOTE) taken.add(node.attrs.quoteId)
        })
        const renamed = mapQuotes(slice.content, (node) => {
          if (!taken.has(node.attrs.quoteId)) {
            taken.add(node.attrs.quoteId)
            return node
          }
          return node.type.create({ ...node.attrs, quoteId: randomId() })
        })
        return renamed.eq(slice.content)
          ? slice
          : new Slice(renamed, slice.openStart, slice.openEnd)
      },
    },
  })
}

function mapQuotes(fragment: Fragment, map: (node: ProseMirrorNode) => ProseMirrorNode): Fragment {
  const children: ProseMirrorNode[] = []
  fragment.forEach((child) => {
    if (child.type.name === SOURCE_QUOTE) children.push(map(child))
    else if (child.isLeaf) children.push(child)
    else children.push(child.copy(mapQuotes(child.content, map)))
  })
  return Fragment.fromArray(children)
}

/** The sourceQuote node, as listed in `briefingExtensions()`. */
export const SourceQuote = Node.create<SourceQuoteOptions>({
  name: SOURCE_QUOTE,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { HTMLAttributes: {}, getSource: null }
  },

  addAttributes() {
    return sourceQuoteHtmlAttributes()
  },

  parseHTML() {
    return [
      {
        tag: 'figure[data-type="source-quote"]',
        getAttrs: (element) => (isWellFormedQuoteElement(element) ? null : false),
      },
    ]
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as SourceQuoteAttrs
    return [
      'figure',
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { 'data-type': 'source-quote' }),
      ['blockquote', {}, attrs.text ?? ''],
      ['figcaption', {}, quoteAttribution(attrs)],
    ]
  },

  renderText({ node }) {
    const attrs = node.attrs as SourceQuoteAttrs
    const attribution = quoteAttribution(attrs)
    return `\u201C${attrs.text}\u201D${attribution ? ` \u2014 ${attribution}` : ''}`
  },

  addCommands() {
    return {
      insertSourceQuote:
        (input) =>
        ({ state, commands }) => {
          const attrs = validateSourceQuoteAttrs({
            speaker: null,
            speakerRole: null,
            attributedSpeaker: null,
            speakerCheckedBy: null,
            speakerCheckedAt: null,
            ...input,
            quoteId: input.quoteId ?? randomId(),
            insertedAt: input.insertedAt ?? new Date().toISOString(),
          })
          if (findSourceQuote(state.doc, attrs.quoteId)) return false
          if (!isFaithful(this.options, attrs)) return false
          return commands.insertContent({ type: this.name, attrs })
        },
      trimSourceQuote:
        (quoteId, newText) =>
        ({ tr, dispatch }) =>
          editQuoteText(this.options, tr, dispatch, quoteId, () => newText),
      setQuoteClarification:
        (quoteId, range, clarification) =>
        ({ tr, dispatch }) =>
          editQuoteText(this.options, tr, dispatch, quoteId, (text) =>
            applyClarification(text, range, clarification),
          ),
      setQuoteSpeaker:
        (quoteId, change) =>
        ({ tr, dispatch }) =>
          setSpeaker(tr, dispatch, quoteId, change),
    }
  },

  addProseMirrorPlugins() {
    return [uniqueQuoteIdsOnPaste()]
  },
})
