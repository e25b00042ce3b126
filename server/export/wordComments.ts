/**
 * Comment threads as real Word comments in a DOCX export (the `comments=1` option). The
 * export reads a copy of the document; on that copy each open thread's range is marked with
 * two private-use characters (start and end, each followed by the thread's number), which
 * the DOCX writer turns into `w:commentRangeStart`/`End` and a comment reference. Marks go in
 * through the anchors' relative positions, so marking one thread never moves another.
 * Only range anchors of open threads whose text is still there are exported; a thread on a
 * whole quote block has no text run to hold a Word range (the block is printed from its
 * attributes), and resolved threads are left out as Word's reviewers would have closed them.
 */

import { fromBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import type { CommentRecord, ThreadRecord } from '../store/commentStore'

/** One Word comment: a whole thread, its replies as further paragraphs. */
export interface WordComment {
  id: number
  author: string
  date: Date
  /** "Body" for the first comment, "Name: body" for each reply. */
  paragraphs: string[]
}

const START = '\uE000'
const END = '\uE001'
/** The thread's number rides on one private-use character after the mark. */
const NUMBER_BASE = 0xe100
const MAX_COMMENTS = 0x1000

/** Marks each exportable thread's range on `doc` (a copy); returns the Word comments. */
export function markThreads(doc: Y.Doc, threads: readonly ThreadRecord[]): WordComment[] {
  const comments: WordComment[] = []
  for (const thread of threads) {
    if (comments.length >= MAX_COMMENTS) break
    if (thread.status !== 'open' || thread.anchor.kind !== 'range') continue
    const id = comments.length
    const code = String.fromCharCode(NUMBER_BASE + id)
    const end = resolve(doc, thread.anchor.end)
    const start = resolve(doc, thread.anchor.start)
    if (!start || !end || start.type !== end.type || start.index >= end.index) continue
    // The end first: inserting there leaves the start's index as it was.
    start.type.insert(end.index, END + code)
    start.type.insert(start.index, START + code)
    comments.push(wordComment(id, thread.comments))
  }
  return comments
}

function resolve(doc: Y.Doc, encoded: string): { type: Y.XmlText; index: number } | null {
  const absolute = Y.createAbsolutePositionFromRelativePosition(
    Y.decodeRelativePosition(fromBase64(encoded)),
    doc,
  )
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return null
  return { type: absolute.type, index: absolute.index }
}

function wordComment(id: number, comments: readonly CommentRecord[]): WordComment {
  const [first, ...replies] = comments
  return {
    id,
    author: first?.author.name ?? 'Unknown',
    date: new Date(first?.createdAt ?? 0),
    paragraphs: [
      first?.body ?? '',
      ...replies.map((reply) => `${reply.author.name}: ${reply.body}`),
    ],
  }
}

/** A piece of a text run: plain text, or where a Word comment's range starts or ends. */
export type RunPiece =
  | { kind: 'text'; text: string }
  | { kind: 'start'; id: number }
  | { kind: 'end'; id: number }

/** Splits a run's text at the marks `markThreads` put in; text without marks is one piece. */
export function splitMarks(text: string): RunPiece[] {
  if (!text.includes(START) && !text.includes(END)) return [{ kind: 'text', text }]
  const pieces: RunPiece[] = []
  let plain = ''
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if ((char === START || char === END) && i + 1 < text.length) {
      if (plain) pieces.push({ kind: 'text', text: plain })
      plain = ''
      const id = text.charCodeAt(i + 1) - NUMBER_BASE
      pieces.push({ kind: char === START ? 'start' : 'end', id })
      i++
      continue
    }
    plain += char
  }
  if (plain) pieces.push({ kind: 'text', text: plain })
  return pieces
}

/** The text without its marks, where a Word range cannot go (a code block's lines). */
export function stripMarks(text: string): string {
  return splitMarks(text)
    .flatMap((piece) => (piece.kind === 'text' ? [piece.text] : []))
    .join('')
}
