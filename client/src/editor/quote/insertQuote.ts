/**
 * Inserting a quote block where the user means it: at the cursor (from the sources panel) or
 * where a quote was dropped. Tiptap inserts a block at the selection, which has two traps:
 * a selected block (including the quote just inserted, which Tiptap leaves selected) would be
 * replaced, and a drop in the middle of a paragraph would split it. So the cursor is placed
 * first, and afterwards moved past the new block, ready for the next insert or for typing.
 * The insertion itself goes through `insertSourceQuote`, which refuses unfaithful quotes.
 */
import type { Editor } from '@tiptap/core'
import { GapCursor } from '@tiptap/pm/gapcursor'
import type { ResolvedPos } from '@tiptap/pm/model'
import { NodeSelection, Selection, TextSelection, type Transaction } from '@tiptap/pm/state'
import { randomId } from '../../../../shared/quotes/ids'
import { findSourceQuote } from '../../../../shared/schema/nodes/sourceQuote'
import type { SourceQuoteInput } from '../../../../shared/schema/nodes/sourceQuoteAttrs'

/**
 * Inserts `input` at the cursor, or at document position `at` (a drop), under a fresh
 * quoteId. Returns that id, or null when the command refused the quote (it does not verify).
 */
export function insertQuote(
  editor: Editor,
  input: Omit<SourceQuoteInput, 'quoteId'>,
  at?: number,
): string | null {
  const quoteId = randomId()
  // Success is read from the document, not the chain's result: `focus` reports false where
  // there is nothing to focus (a headless editor), though the insert itself went through.
  editor
    .chain()
    .focus(undefined, { scrollIntoView: false })
    .command(({ tr }) => {
      placeCursor(tr, at)
      return true
    })
    .insertSourceQuote({ ...input, quoteId })
    .command(({ tr }) => {
      moveCursorPast(tr, quoteId)
      return true
    })
    .scrollIntoView()
    .run()
  return findSourceQuote(editor.state.doc, quoteId) ? quoteId : null
}

/** Puts an empty cursor where a block may go without replacing anything. */
function placeCursor(tr: Transaction, at: number | undefined): void {
  const { selection, doc } = tr
  if (at !== undefined) {
    const $at = doc.resolve(Math.max(0, Math.min(at, doc.content.size)))
    setCursor(tr, $at.parent.inlineContent ? textblockEdge($at) : $at)
    return
  }
  if (selection instanceof NodeSelection) {
    setCursor(tr, doc.resolve(selection.to))
  } else if (!selection.empty) {
    // Inserting must not delete the words someone had selected.
    setCursor(tr, selection.$to)
  }
}

/** The nearer edge (start or end) of the textblock holding `$pos`, for drops. */
function textblockEdge($pos: ResolvedPos): ResolvedPos {
  const nearStart = $pos.parentOffset * 2 < $pos.parent.content.size
  return $pos.doc.resolve(nearStart ? $pos.start() : $pos.end())
}

function setCursor(tr: Transaction, $pos: ResolvedPos): void {
  if ($pos.parent.inlineContent) tr.setSelection(TextSelection.create(tr.doc, $pos.pos))
  // Between blocks: a gap cursor makes Tiptap insert exactly there.
  else tr.setSelection(new GapCursor($pos))
}

/**
 * Moves the cursor just past the block `quoteId`: into the textblock after it, or onto a gap
 * cursor when it is followed by another atom or nothing, so a second insert lands after it.
 */
function moveCursorPast(tr: Transaction, quoteId: string): void {
  const found = findSourceQuote(tr.doc, quoteId)
  if (!found) return
  const $after = tr.doc.resolve(found.pos + found.node.nodeSize)
  const next = $after.nodeAfter
  if (next?.isTextblock) tr.setSelection(TextSelection.create(tr.doc, $after.pos + 1))
  else if (!next || next.isAtom) tr.setSelection(new GapCursor($after))
  else tr.setSelection(Selection.near($after, 1))
}
