/**
 * [SUG1]-[SUG6] (and [SUG1b]) Suggested edits on the shared schema: suggesting mode turns edits into signed
 * suggestion marks, accept and reject apply or drop them one at a time or all at once, export
 * reads the document as if every open suggestion were rejected, and quote blocks cannot be
 * changed by a suggestion. The marks round-trip through a Y.Doc, so they sync like any mark.
 */

import { EditorState, NodeSelection, type Transaction } from '@tiptap/pm/state'
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { briefingSchema, DOCUMENT_FRAGMENT } from '../../shared/schema'
import {
  acceptAllSuggestions,
  acceptSuggestion,
  listSuggestions,
  rejectAllSuggestions,
  rejectSuggestion,
  SUGGESTION_DECISION,
  suggestTransaction,
  withSuggestionsRejected,
} from '../../shared/suggestions'
import { ARTICLE, makeSource, quoteAttrs } from '../quotes/fixtures'

const schema = briefingSchema()
const ada = { id: 'u-ada', name: 'Ada' }
const when = new Date('2026-12-07T10:00:00.000Z')
const quote = quoteAttrs(makeSource(ARTICLE), 'Critics said the plan', {})

function start(): EditorState {
  const doc = schema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'The plan is bold and new.' }] },
      { type: 'sourceQuote', attrs: quote },
      { type: 'paragraph', content: [{ type: 'text', text: 'End.' }] },
    ],
  })
  return EditorState.create({ doc })
}

/** Applies `edit` to `state` in suggesting mode; ids are s1, s2, ... */
function suggest(state: EditorState, edit: (s: EditorState) => Transaction): EditorState {
  let n = listSuggestions(state.doc).length
  const outcome = suggestTransaction(state, edit(state), ada, when, () => `s${++n}`)
  if (outcome.kind !== 'suggest') throw new Error(`expected a suggestion, got ${outcome.kind}`)
  return state.apply(outcome.tr)
}

const firstText = (state: EditorState) => state.doc.child(0).textContent
// "The plan is bold and new.": 1 + offset within the first paragraph.
const at = (offset: number) => 1 + offset

/** An insertion of "very " before "bold", and a deletion of " and new" (not adjacent). */
function twoSuggestions(): EditorState {
  let state = suggest(start(), (s) => s.tr.insertText('very ', at(12)))
  const from = at('The plan is very bold'.length)
  state = suggest(state, (s) => s.tr.delete(from, from + ' and new'.length))
  return state
}

describe('suggested edits', () => {
  it('[SUG1] in suggesting mode an insertion and a deletion become signed suggestions and change no words', () => {
    const state = twoSuggestions()
    expect(firstText(state)).toBe('The plan is very bold and new.')
    const list = listSuggestions(state.doc)
    expect(list).toEqual([
      expect.objectContaining({ inserted: 'very ', deleted: '', by: 'u-ada', byName: 'Ada' }),
      expect.objectContaining({ inserted: '', deleted: ' and new', at: when.toISOString() }),
    ])
    expect(list[0]?.id).not.toBe(list[1]?.id)
  })

  it('[SUG1b] typing on inside one’s own suggestion keeps it one suggestion with one signature', () => {
    let state = suggest(start(), (s) => s.tr.insertText('v', at(12)))
    const later = new Date(when.getTime() + 60_000)
    const tr = state.tr.insertText('ery ', at(13))
    const outcome = suggestTransaction(state, tr, ada, later, () => 'other')
    if (outcome.kind !== 'suggest') throw new Error(outcome.kind)
    state = state.apply(outcome.tr)
    expect(listSuggestions(state.doc)).toEqual([
      expect.objectContaining({ inserted: 'very ', at: when.toISOString() }),
    ])
    const runs: string[] = []
    state.doc.child(0).forEach((node) => {
      runs.push(node.text ?? '')
    })
    expect(runs).toEqual(['The plan is ', 'very ', 'bold and new.'])
  })

  it('[SUG2] accepting one keeps its words; rejecting the other leaves the text as it was', () => {
    let state = twoSuggestions()
    const [insertion, deletion] = listSuggestions(state.doc)
    state = state.apply(acceptSuggestion(state, deletion!.id)!)
    expect(firstText(state)).toBe('The plan is very bold.')
    state = state.apply(rejectSuggestion(state, insertion!.id)!)
    expect(firstText(state)).toBe('The plan is bold.')
    expect(listSuggestions(state.doc)).toEqual([])
  })

  it('[SUG3] accept all and reject all settle every suggestion at once', () => {
    const state = twoSuggestions()
    const accepted = state.apply(acceptAllSuggestions(state)!)
    expect(firstText(accepted)).toBe('The plan is very bold.')
    expect(listSuggestions(accepted.doc)).toEqual([])
    const rejected = state.apply(rejectAllSuggestions(state)!)
    expect(rejected.doc.eq(start().doc)).toBe(true)
  })

  it('[SUG4] export reads the document as if every open suggestion were rejected, and counts them', () => {
    const { doc, open } = withSuggestionsRejected(twoSuggestions().doc)
    expect(open).toBe(2)
    expect(doc.eq(start().doc)).toBe(true)
    const untouched = start().doc
    expect(withSuggestionsRejected(untouched)).toEqual({ doc: untouched, open: 0 })
  })

  it('[SUG5] a quote block cannot be changed by a suggestion: not its words, not its speaker, not its existence', () => {
    const state = start()
    const pos = state.doc.child(0).nodeSize
    expect(state.doc.nodeAt(pos)?.type.name).toBe('sourceQuote')
    const edits: ((s: EditorState) => Transaction)[] = [
      (s) => s.tr.setNodeMarkup(pos, undefined, { ...quote, text: 'Critics … plan' }),
      (s) => s.tr.setNodeMarkup(pos, undefined, { ...quote, speaker: 'Someone Else' }),
      (s) => s.tr.setSelection(NodeSelection.create(s.doc, pos)).deleteSelection(),
    ]
    for (const edit of edits) {
      expect(suggestTransaction(state, edit(state), ada, when, () => 'x').kind).toBe('refuse')
    }
    // Accepting and rejecting, and edits marked to skip, pass through unchanged.
    const skipped = state.tr.insertText('x', 1).setMeta(SUGGESTION_DECISION, true)
    expect(suggestTransaction(state, skipped, ada, when, () => 'x')).toEqual({
      kind: 'pass',
      tr: skipped,
    })
  })

  it('[SUG6] suggestion marks, author and time included, survive a round trip through a Y.Doc', () => {
    const doc = twoSuggestions().doc
    const ydoc = prosemirrorJSONToYDoc(schema, doc.toJSON(), DOCUMENT_FRAGMENT)
    const back = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(DOCUMENT_FRAGMENT), schema)
    expect(back.eq(doc)).toBe(true)
    back.check()
  })

  it('[SUG6b] the schema check refuses a suggestion mark with a malformed id, author or time', () => {
    const withMark = (attrs: Record<string, unknown>) =>
      schema.nodeFromJSON({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'x', marks: [{ type: 'insertion', attrs }] }],
          },
        ],
      })
    expect(() =>
      withMark({ id: 's1', by: 'u', byName: 'Ada', at: when.toISOString() }).check(),
    ).not.toThrow()
    expect(() => withMark({ id: '' }).check()).toThrow(/suggestion id: ""/)
    expect(() => withMark({ id: null }).check()).toThrow(/suggestion id: null/)
    expect(() => withMark({ id: 's1', by: 7 }).check()).toThrow(/suggestion by: 7/)
    expect(() => withMark({ id: 's1', at: 'x'.repeat(300) }).check()).toThrow(/suggestion at/)
  })
})
