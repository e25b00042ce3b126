/**
 * A structural compare of two versions of a briefing, from their ProseMirror JSON: which
 * top-level blocks stayed, which were inserted or deleted, and, for a block that changed in
 * place, which words were inserted or deleted. A quote block is compared by its quoted words
 * (held in its `text` attribute, not in child nodes) and by its speaker, so a corrected
 * attribution shows as such and not as an unexplained change. Pure, so the server answers
 * `/compare` with it and the history panel could draw the same result offline.
 */
import { alignSequences } from './sequenceDiff'

/** A ProseMirror node as JSON (`node.toJSON()`), read without a schema. */
export interface NodeJSON {
  type: string
  attrs?: Record<string, unknown>
  content?: NodeJSON[]
  text?: string
  marks?: unknown[]
}

export interface WordRun {
  op: 'same' | 'inserted' | 'deleted'
  text: string
}

/** Who a quote block says spoke, before and after. */
export interface SpeakerChange {
  from: string | null
  to: string | null
}

export type BlockDiff =
  | { op: 'same' | 'inserted' | 'deleted'; block: NodeJSON }
  | {
      op: 'changed'
      from: NodeJSON
      to: NodeJSON
      /** The block's words, old and new interleaved in reading order. */
      words: WordRun[]
      /** Set on a quote block whose speaker or speaker's role changed. */
      speaker?: SpeakerChange
      /** Attributes that changed besides words and speaker (heading level, link, ...). */
      attrs: string[]
    }

export interface DocumentDiff {
  blocks: BlockDiff[]
  /** Words inserted and deleted across the document, for a one-line summary. */
  stats: { insertedWords: number; deletedWords: number; changedBlocks: number }
}

const QUOTE = 'sourceQuote'

/** Attributes a quote block carries that the compare reports as words or speaker instead. */
const QUOTE_WORD_ATTRS = new Set(['text', 'speaker', 'speakerRole'])

/** Compares `from` (the older document) with `to`. */
export function diffDocuments(from: NodeJSON, to: NodeJSON): DocumentDiff {
  const a = from.content ?? []
  const b = to.content ?? []
  const steps = alignSequences(a.map(blockKey), b.map(blockKey))
  const blocks: BlockDiff[] = []
  let deleted: NodeJSON[] = []
  let inserted: NodeJSON[] = []
  const flush = () => {
    blocks.push(...pairChanges(deleted, inserted))
    deleted = []
    inserted = []
  }
  for (const step of steps) {
    if (step.op === 'same') {
      flush()
      blocks.push({ op: 'same', block: b[step.b]! })
    } else if (step.op === 'deleted') deleted.push(a[step.a]!)
    else inserted.push(b[step.b]!)
  }
  flush()
  return { blocks, stats: statsOf(blocks) }
}

/**
 * Blocks deleted and inserted between the same two unchanged blocks: the k-th deleted and
 * the k-th inserted block of the same type are one block edited in place; the rest were
 * deleted or inserted whole. Deletions come first, as they stood before the insertions.
 */
function pairChanges(deleted: NodeJSON[], inserted: NodeJSON[]): BlockDiff[] {
  const out: BlockDiff[] = []
  const count = Math.min(deleted.length, inserted.length)
  let k = 0
  for (; k < count && deleted[k]!.type === inserted[k]!.type; k++) {
    out.push(changedBlock(deleted[k]!, inserted[k]!))
  }
  for (let i = k; i < deleted.length; i++) out.push({ op: 'deleted', block: deleted[i]! })
  for (let j = k; j < inserted.length; j++) out.push({ op: 'inserted', block: inserted[j]! })
  return out
}

function changedBlock(from: NodeJSON, to: NodeJSON): BlockDiff {
  const change: BlockDiff = {
    op: 'changed',
    from,
    to,
    words: diffWords(blockText(from), blockText(to)),
    attrs: changedAttrs(from, to),
  }
  if (from.type === QUOTE) {
    const before = speakerOf(from)
    const after = speakerOf(to)
    if (before !== after) change.speaker = { from: before, to: after }
  }
  return change
}

/** The words of two texts, aligned: unchanged, deleted and inserted runs in reading order. */
export function diffWords(from: string, to: string): WordRun[] {
  const a = tokens(from)
  const b = tokens(to)
  const runs: WordRun[] = []
  const push = (op: WordRun['op'], text: string) => {
    const last = runs[runs.length - 1]
    if (last && last.op === op) last.text += text
    else runs.push({ op, text })
  }
  for (const step of alignSequences(a, b)) {
    if (step.op === 'same') push('same', b[step.b]!)
    else if (step.op === 'deleted') push('deleted', a[step.a]!)
    else push('inserted', b[step.b]!)
  }
  return runs
}

/** Words and the spaces between them, so runs put back together give the text exactly. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? []
}

/** A block's identity for alignment: two blocks are the same only if every part is. */
function blockKey(block: NodeJSON): string {
  return JSON.stringify(block)
}

/** The words a reader sees in a block: its text nodes, and a quote block's quoted words. */
export function blockText(node: NodeJSON): string {
  if (node.type === QUOTE) return String(node.attrs?.text ?? '')
  if (node.type === 'text') return node.text ?? ''
  const parts = (node.content ?? []).map(blockText)
  // Blocks inside a block (list items, quoted paragraphs) read as separate lines.
  return node.content?.some((child) => child.type !== 'text') ? parts.join('\n') : parts.join('')
}

function speakerOf(node: NodeJSON): string | null {
  const speaker = node.attrs?.speaker
  const role = node.attrs?.speakerRole
  if (typeof speaker !== 'string' || speaker === '') return null
  return typeof role === 'string' && role !== '' ? `${speaker}, ${role}` : speaker
}

function changedAttrs(from: NodeJSON, to: NodeJSON): string[] {
  const keys = new Set([...Object.keys(from.attrs ?? {}), ...Object.keys(to.attrs ?? {})])
  const ignored = from.type === QUOTE ? QUOTE_WORD_ATTRS : new Set<string>()
  return [...keys]
    .filter((key) => !ignored.has(key))
    .filter((key) => JSON.stringify(from.attrs?.[key]) !== JSON.stringify(to.attrs?.[key]))
    .sort()
}

function statsOf(blocks: readonly BlockDiff[]): DocumentDiff['stats'] {
  const stats = { insertedWords: 0, deletedWords: 0, changedBlocks: 0 }
  const count = (text: string) => tokens(text).filter((token) => token.trim() !== '').length
  for (const block of blocks) {
    if (block.op === 'inserted') stats.insertedWords += count(blockText(block.block))
    else if (block.op === 'deleted') stats.deletedWords += count(blockText(block.block))
    else if (block.op === 'changed') {
      stats.changedBlocks++
      for (const run of block.words) {
        if (run.op === 'inserted') stats.insertedWords += count(run.text)
        if (run.op === 'deleted') stats.deletedWords += count(run.text)
      }
    }
  }
  return stats
}
