/** Sources in the Y.Doc: hashing, integrity, and write-once storage. */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { paragraphAtOffset } from '../../shared/sources/body'
import { computeContentHash, verifySourceIntegrity } from '../../shared/sources/hash'
import {
  addSource,
  getSource,
  listSources,
  SourceExistsError,
  sourcesMap,
} from '../../shared/sources/sourcesMap'
import { SOURCES_MAP } from '../../shared/sources/types'
import { createSource } from '../../shared/sources/validate'
import { ARTICLE, makeSource } from './fixtures'

describe('computeContentHash', () => {
  it('[SH1] is sha256: + hex of the paragraphs joined by a blank line', () => {
    expect(computeContentHash([''])).toBe(
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
    expect(computeContentHash(['abc'])).toBe(
      'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    const paragraphs = ['Zoë said “no”.', '— 😀 —']
    const expected = createHash('sha256').update(paragraphs.join('\n\n'), 'utf8').digest('hex')
    expect(computeContentHash(paragraphs)).toBe(`sha256:${expected}`)
  })

  it('[SH2] verifySourceIntegrity fails once the text or hash is changed', () => {
    const source = makeSource(ARTICLE)
    expect(verifySourceIntegrity(source)).toBe(true)
    expect(verifySourceIntegrity({ ...source, paragraphs: [...ARTICLE, 'extra'] })).toBe(false)
    expect(verifySourceIntegrity({ ...source, contentHash: 'sha256:00' })).toBe(false)
    expect(verifySourceIntegrity({ ...source, paragraphs: [1, 2] as unknown as string[] })).toBe(
      false,
    )
  })
})

describe('sources map', () => {
  it('[SM1] adds, reads and lists sources, oldest first', () => {
    const doc = new Y.Doc()
    const later = { ...makeSource(['Later.'], 'b'), retrievedAt: '2024-05-01T00:00:00Z' }
    const earlier = makeSource(['Earlier.'], 'c')
    addSource(doc, later)
    addSource(doc, earlier)
    expect(getSource(doc, 'b')).toEqual(later)
    expect(getSource(doc, 'missing')).toBeUndefined()
    expect(listSources(doc).map((s) => s.id)).toEqual(['c', 'b'])
    expect(doc.getMap(SOURCES_MAP).size).toBe(2)
  })

  it('[SM2] refuses to overwrite an existing id, even with identical content', () => {
    const doc = new Y.Doc()
    const source = makeSource(ARTICLE, 'dup')
    addSource(doc, source)
    expect(() => addSource(doc, makeSource(['Replacement text.'], 'dup'))).toThrow(
      SourceExistsError,
    )
    expect(() => addSource(doc, source)).toThrow(/already exists/)
    expect(getSource(doc, 'dup')?.paragraphs).toEqual(ARTICLE)
  })

  it('[SM3] refuses malformed sources and hashes that do not match, naming the field', () => {
    const doc = new Y.Doc()
    expect(() =>
      addSource(doc, { ...makeSource(ARTICLE), contentHash: `sha256:${'a'.repeat(64)}` }),
    ).toThrow(/contentHash/)
    expect(() => addSource(doc, { ...makeSource(ARTICLE), kind: 'tweet' as never })).toThrow(
      /kind: "tweet"/,
    )
    expect(() => addSource(doc, { ...makeSource(ARTICLE), paragraphs: ['a', 3 as never] })).toThrow(
      /paragraphs\[1\]/,
    )
    expect(sourcesMap(doc).size).toBe(0)
  })

  it('[SM4] stores a copy, so later mutation of the caller’s object changes nothing', () => {
    const doc = new Y.Doc()
    const source = makeSource(['Original.'], 'm')
    addSource(doc, source)
    source.paragraphs.push('Sneaked in.')
    expect(getSource(doc, 'm')?.paragraphs).toEqual(['Original.'])
  })

  it('[SM5] skips values a peer wrote that are not sources', () => {
    const doc = new Y.Doc()
    sourcesMap(doc).set('junk', { id: 'junk' })
    sourcesMap(doc).set('num', 42)
    addSource(doc, makeSource(ARTICLE, 'ok'))
    expect(getSource(doc, 'junk')).toBeUndefined()
    expect(listSources(doc).map((s) => s.id)).toEqual(['ok'])
  })

  it('[SM6] sources sync between peers like the rest of the document', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    addSource(a, makeSource(ARTICLE, 'shared'))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(getSource(b, 'shared')).toEqual(makeSource(ARTICLE, 'shared'))
    expect(verifySourceIntegrity(getSource(b, 'shared')!)).toBe(true)
  })

  it('[SM7] createSource hashes an imported document', () => {
    const source = createSource(
      {
        kind: 'statement',
        title: 'T',
        byline: null,
        publisher: null,
        publishedAt: null,
        url: null,
        paragraphs: ARTICLE,
      },
      { id: 'new', addedBy: 'ada', retrievedAt: '2024-01-01T00:00:00Z' },
    )
    expect(source.contentHash).toBe(computeContentHash(ARTICLE))
    expect(source.quotes).toEqual([])
  })
})

describe('paragraphAtOffset', () => {
  it('[SB1] maps body offsets to 1-based paragraphs; a separator belongs to the next one', () => {
    const paragraphs = ['ab', 'cd', 'ef']
    expect([0, 1, 2, 3, 4, 5, 6, 8, 9].map((o) => paragraphAtOffset(paragraphs, o))).toEqual([
      1, 1, 2, 2, 2, 2, 3, 3, 3,
    ])
  })
})
