/**
 * "Link to a source" for a plain blockquote: finds its words in one of the briefing's
 * sources and replaces the blockquote with a quote block of that passage, through
 * `insertSourceQuote` like every insert (so it is verified). A name typed under the
 * words ("— Ana Lima, Port Director") becomes the speaker; when it is not the source's,
 * the block records the person who linked it as having set it, so it shows as changed.
 */
import type { Editor } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { randomId } from '../../../../shared/quotes/ids'
import { findWordsInSources, readTypedQuotation } from '../../../../shared/quotes/locate'
import { findSourceQuote } from '../../../../shared/schema/nodes/sourceQuote'
import { passageAttribution, type Source, sameName } from '../../../../shared/sources'
import { quoteFromSelection } from '../../sources/quoteInput'

/** What linking did: the new quote's id, or why it could not. */
export type LinkResult = { ok: true; quoteId: string } | { ok: false; message: string }

/** The blockquote's paragraphs as plain text. */
function paragraphsOf(node: ProseMirrorNode): string[] {
  const out: string[] = []
  node.descendants((child) => {
    if (child.isTextblock) {
      out.push(child.textContent)
      return false
    }
    return true
  })
  return out
}

/** Links the blockquote at `pos` to the source its words come from; see the module comment. */
export function linkBlockquote(
  editor: Editor,
  pos: number,
  sources: readonly Source[],
  userName: string,
): LinkResult {
  const node = editor.state.doc.nodeAt(pos)
  if (!node || node.type.name !== 'blockquote') {
    return { ok: false, message: 'This quotation is no longer here.' }
  }
  if (sources.length === 0) {
    return { ok: false, message: 'This briefing has no sources yet. Add the source first.' }
  }
  const paragraphs = paragraphsOf(node)
  const typed = readTypedQuotation(paragraphs)
  // A dash inside the words can look like an attribution line; then the whole text is tried.
  const whole = { words: paragraphs.join(' '), speaker: null, speakerRole: null }
  let found = findWordsInSources(sources, typed.words)
  let quotation = typed
  if (!found) {
    found = findWordsInSources(sources, whole.words)
    quotation = whole
  }
  if (!found) {
    return {
      ok: false,
      message: 'These words are not in any source of this briefing, word for word.',
    }
  }
  const importer = passageAttribution(found.source, found.start, found.end)
  const own = quotation.speaker !== null && !sameName(quotation.speaker, importer?.speaker)
  const speaker = own ? quotation.speaker : (importer?.speaker ?? null)
  const speakerRole = own ? quotation.speakerRole : (importer?.speakerRole ?? null)
  const input = quoteFromSelection(found.source, found.start, found.end, { speaker, speakerRole })
  const check = own
    ? { speakerCheckedBy: userName, speakerCheckedAt: new Date().toISOString() }
    : {}
  const quoteId = randomId()
  editor
    .chain()
    .setNodeSelection(pos)
    .insertSourceQuote({ ...input, ...check, quoteId, insertedBy: userName })
    .run()
  return findSourceQuote(editor.state.doc, quoteId)
    ? { ok: true, quoteId }
    : { ok: false, message: 'The passage was found but could not be inserted.' }
}
