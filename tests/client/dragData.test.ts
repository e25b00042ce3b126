/** The quote drag payload: what the panel writes, the editor reads back, and nothing else. */
import { describe, expect, it } from 'vitest'
import {
  parseQuoteDrag,
  QUOTE_DRAG_TYPE,
  readQuoteDrag,
  writeQuoteDrag,
} from '../../client/src/sources/dragData'
import { quoteFromExtracted } from '../../client/src/sources/quoteInput'
import { ARTICLE, makeSource } from '../quotes/fixtures'

const source = makeSource(ARTICLE)
const quote = quoteFromExtracted(source, {
  text: 'We will not cut hospitals.',
  speaker: 'Jane Doe',
  speakerRole: 'Finance Minister',
  kind: 'full',
  start: ARTICLE.join('\n\n').indexOf('We will not cut hospitals.'),
  end:
    ARTICLE.join('\n\n').indexOf('We will not cut hospitals.') +
    'We will not cut hospitals.'.length,
  paragraph: 2,
})

/** The parts of DataTransfer the payload uses, in memory. */
function fakeTransfer() {
  const data = new Map<string, string>()
  return {
    effectAllowed: 'none',
    get types() {
      return [...data.keys()]
    },
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
  } as unknown as DataTransfer
}

describe('quote drag data', () => {
  it('round-trips a quote and offers a plain-text form', () => {
    const transfer = fakeTransfer()
    writeQuoteDrag(transfer, quote)
    expect(transfer.types).toContain(QUOTE_DRAG_TYPE)
    expect(transfer.getData('text/plain')).toBe('“We will not cut hospitals.” — Jane Doe')
    expect(readQuoteDrag(transfer)).toEqual(quote)
  })

  it('carries only the quote’s own fields', () => {
    const transfer = fakeTransfer()
    writeQuoteDrag(transfer, { ...quote, insertedBy: 'mallory' } as typeof quote)
    expect(readQuoteDrag(transfer)).not.toHaveProperty('insertedBy')
  })

  it('rejects payloads that are not JSON, not objects, or have a bad field', () => {
    expect(parseQuoteDrag('{')).toBeNull()
    expect(parseQuoteDrag('[1]')).toBeNull()
    expect(parseQuoteDrag(JSON.stringify({ ...quote, kind: 'most' }))).toBeNull()
    expect(parseQuoteDrag(JSON.stringify({ ...quote, text: '' }))).toBeNull()
    const { speaker: _, ...noSpeaker } = quote
    expect(parseQuoteDrag(JSON.stringify(noSpeaker))).toBeNull()
    expect(readQuoteDrag(null)).toBeNull()
  })
})
