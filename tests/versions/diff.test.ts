/**
 * [VD] The structural compare of two versions (shared/versions/diff.ts): blocks kept, inserted
 * and deleted; a block edited in place by words; a quote block by its words and its speaker.
 */
import { describe, expect, it } from 'vitest'
import { blockText, diffDocuments, type diffWords, type NodeJSON } from '../../shared/versions/diff'
import { MAX_ALIGN_CELLS } from '../../shared/versions/sequenceDiff'

const p = (text: string): NodeJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const h = (text: string): NodeJSON => ({
  type: 'heading',
  attrs: { level: 2 },
  content: [{ type: 'text', text }],
})
const quote = (
  text: string,
  speaker: string | null,
  speakerRole: string | null = null,
): NodeJSON => ({
  type: 'sourceQuote',
  attrs: { quoteId: 'q1', sourceId: 's1', text, speaker, speakerRole },
})
const doc = (...content: NodeJSON[]): NodeJSON => ({ type: 'doc', content })

/** A side of the word runs put back together: what the reader saw before or after. */
const side = (runs: ReturnType<typeof diffWords>, which: 'before' | 'after') =>
  runs
    .filter((run) => run.op === 'same' || run.op === (which === 'before' ? 'deleted' : 'inserted'))
    .map((run) => run.text)
    .join('')

describe('[VD] comparing versions', () => {
  it('[VD1] unchanged blocks stay, new and removed ones are marked, an edited one is compared by words', () => {
    const before = doc(h('Outlook'), p('The talks resume on Monday.'), p('Dropped later.'))
    const after = doc(
      h('Outlook'),
      p('The talks resume on Tuesday in Geneva.'),
      p('A new closing line.'),
    )
    const diff = diffDocuments(before, after)
    expect(diff.blocks.map((b) => b.op)).toEqual(['same', 'changed', 'changed'])
    const edited = diff.blocks[1]!
    if (edited.op !== 'changed') throw new Error('expected a change')
    expect(edited.words.filter((r) => r.op !== 'same')).toEqual([
      { op: 'deleted', text: 'Monday.' },
      { op: 'inserted', text: 'Tuesday in Geneva.' },
    ])
    expect(side(edited.words, 'before')).toBe('The talks resume on Monday.')
    expect(side(edited.words, 'after')).toBe('The talks resume on Tuesday in Geneva.')

    const grown = diffDocuments(before, doc(p('First.'), ...before.content!, h('Annex')))
    expect(grown.blocks.map((b) => b.op)).toEqual(['inserted', 'same', 'same', 'same', 'inserted'])
    expect(grown.stats).toEqual({ insertedWords: 2, deletedWords: 0, changedBlocks: 0 })

    const shrunk = diffDocuments(before, doc(h('Outlook'), p('Dropped later.')))
    expect(shrunk.blocks.map((b) => b.op)).toEqual(['same', 'deleted', 'same'])
    expect(shrunk.stats.deletedWords).toBe(5)
    // A block whose type changed is a deletion and an insertion, not an edit.
    expect(diffDocuments(doc(p('Outlook')), doc(h('Outlook'))).blocks.map((b) => b.op)).toEqual([
      'deleted',
      'inserted',
    ])
    expect(diffDocuments(after, after).blocks.every((b) => b.op === 'same')).toBe(true)
  })

  it('[VD2] a quote block is compared by its quoted words and by its speaker', () => {
    const before = doc(quote('We will not yield, not now, not ever.', 'Ana Lima', 'minister'))
    const after = doc(quote('We will not yield […] ever.', 'Rui Costa', 'minister'))
    const [block] = diffDocuments(before, after).blocks
    if (block?.op !== 'changed') throw new Error('expected the quote to be changed in place')
    expect(block.speaker).toEqual({ from: 'Ana Lima, minister', to: 'Rui Costa, minister' })
    expect(side(block.words, 'before')).toBe('We will not yield, not now, not ever.')
    expect(side(block.words, 'after')).toBe('We will not yield […] ever.')
    expect(block.attrs).toEqual([])

    const speakerOnly = diffDocuments(
      before,
      doc(quote('We will not yield, not now, not ever.', 'Ana Lima', null)),
    )
    const only = speakerOnly.blocks[0]!
    if (only.op !== 'changed') throw new Error('expected a change')
    expect(only.speaker).toEqual({ from: 'Ana Lima, minister', to: 'Ana Lima' })
    expect(only.words.every((run) => run.op === 'same')).toBe(true)
    expect(blockText(quote('Words.', null))).toBe('Words.')
  })

  it('[VD3] two unrelated long documents compare in bounded memory, block by block', () => {
    const count = Math.ceil(Math.sqrt(MAX_ALIGN_CELLS)) + 10
    const a = doc(...Array.from({ length: count }, (_, i) => p(`old ${i}`)))
    const b = doc(...Array.from({ length: count }, (_, i) => p(`new ${i}`)))
    const diff = diffDocuments(a, b)
    // Same-type blocks pair up in order; none is reported as kept.
    expect(diff.blocks).toHaveLength(count)
    expect(diff.blocks.every((block) => block.op === 'changed')).toBe(true)
    expect(diff.stats.changedBlocks).toBe(count)
  })
})
