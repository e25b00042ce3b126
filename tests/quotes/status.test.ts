/**
 * A quote block's status: its words against the source, and its speaker against the
 * importer's attribution and what a person confirmed or changed.
 */
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { verifyDocumentQuotes } from '../../shared/quotes/document'
import { quoteStatus, speakerProblem } from '../../shared/quotes/status'
import { verifyQuote } from '../../shared/quotes/verify'
import { briefingSchema, DOCUMENT_FRAGMENT } from '../../shared/schema'
import type { SourceQuoteAttrs } from '../../shared/schema/nodes/sourceQuoteAttrs'
import { sourceBody } from '../../shared/sources/body'
import { addSource } from '../../shared/sources/sourcesMap'
import type { ExtractedQuote, Source } from '../../shared/sources/types'
import { ARTICLE, makeSource, quoteAttrs } from './fixtures'

const TAXES = 'We will not raise taxes this year'
const HOSPITALS = 'We will not cut hospitals.'

function extracted(source: Source, text: string, fields: Partial<ExtractedQuote>): ExtractedQuote {
  const start = sourceBody(source.paragraphs).indexOf(text)
  return {
    text,
    speaker: null,
    speakerRole: null,
    kind: 'full',
    start,
    end: start + text.length,
    paragraph: 1,
    ...fields,
  }
}

/** The article, with the importer confident about the taxes quote and unsure of the hospitals one. */
function attributedSource(): Source {
  const source = makeSource(ARTICLE)
  source.quotes = [
    extracted(source, TAXES, {
      speaker: 'Jane Doe',
      speakerRole: 'Finance Minister',
      attribution: {
        confidence: 0.9,
        method: 'after',
        cue: null,
        introduced: null,
        suggestion: null,
      },
    }),
    extracted(source, HOSPITALS, {
      speaker: null,
      attribution: {
        confidence: 0.3,
        method: 'context',
        cue: null,
        introduced: null,
        suggestion: 'Jane Doe',
      },
    }),
  ]
  return source
}

const unchecked = { attributedSpeaker: null, speakerCheckedBy: null, speakerCheckedAt: null }

function statusOf(source: Source, exact: string, overrides: Partial<SourceQuoteAttrs>) {
  const attrs = quoteAttrs(source, exact, { ...unchecked, ...overrides })
  return quoteStatus(verifyQuote(source, attrs), source, attrs)
}

describe('quote status', () => {
  const source = attributedSource()

  it("[QST1] is verified when the block names the importer's confident speaker", () => {
    const status = statusOf(source, TAXES, { speaker: 'Jane Doe', speakerRole: 'Finance Minister' })
    expect(status).toMatchObject({ status: 'verified', checked: null })
  })

  it('[QST2] ignores case, accents and spacing when comparing names', () => {
    const status = statusOf(source, TAXES, { speaker: ' jane  DOE ', speakerRole: null })
    expect(status.status).toBe('verified')
  })

  it('[QST3] is speaker-unconfirmed when the importer only suggests a speaker and nobody confirmed', () => {
    const status = statusOf(source, HOSPITALS, { speaker: 'Jane Doe', speakerRole: null })
    expect(status).toMatchObject({ status: 'speaker-unconfirmed', probable: 'Jane Doe' })
    expect(speakerProblem(status)).toContain('probably Jane Doe')
  })

  it('[QST4] is speaker-unconfirmed when the block names nobody', () => {
    expect(statusOf(source, HOSPITALS, { speaker: null, speakerRole: null }).status).toBe(
      'speaker-unconfirmed',
    )
  })

  it('[QST5] is verified once a person confirmed the suggested speaker', () => {
    const status = statusOf(source, HOSPITALS, {
      speaker: 'Jane Doe',
      speakerRole: null,
      speakerCheckedBy: 'Ada',
      speakerCheckedAt: '2024-03-03T10:00:00.000Z',
    })
    expect(status).toMatchObject({
      status: 'verified',
      checked: { by: 'Ada', at: '2024-03-03T10:00:00.000Z' },
    })
  })

  it('[QST6] is speaker-changed when the block names someone else, with who and when', () => {
    const status = statusOf(source, TAXES, {
      speaker: 'John Roe',
      speakerRole: 'Opposition leader',
      speakerCheckedBy: 'Ada',
      speakerCheckedAt: '2024-03-03T10:00:00.000Z',
    })
    expect(status).toMatchObject({
      status: 'speaker-changed',
      from: 'Jane Doe, Finance Minister',
      checked: { by: 'Ada' },
    })
    expect(speakerProblem(status)).toBe(
      'speaker changed from Jane Doe, Finance Minister by Ada on 2024-03-03',
    )
  })

  it('[QST7] is speaker-changed for another role of the same speaker', () => {
    const status = statusOf(source, TAXES, { speaker: 'Jane Doe', speakerRole: 'Prime Minister' })
    expect(status.status).toBe('speaker-changed')
  })

  it('[QST8] is speaker-changed when nobody is named where the importer was confident', () => {
    expect(statusOf(source, TAXES, { speaker: null, speakerRole: null }).status).toBe(
      'speaker-changed',
    )
  })

  it('[QST9] reads the importer of a trimmed quote from the quotation it overlaps', () => {
    const status = statusOf(source, 'We will not raise taxes', { speaker: 'Jane Doe' })
    expect(status.status).toBe('verified')
  })

  it('[QST10] falls back to the recorded attribution for a passage the importer did not take', () => {
    const plain = makeSource(ARTICLE)
    const unconfirmed = statusOf(plain, 'Critics said', { speaker: 'Critics', speakerRole: null })
    expect(unconfirmed).toMatchObject({ status: 'speaker-unconfirmed', probable: null })
    const changed = statusOf(plain, 'Critics said', {
      speaker: 'Someone',
      speakerRole: null,
      attributedSpeaker: 'Critics',
    })
    expect(changed).toMatchObject({ status: 'speaker-changed', from: 'Critics' })
  })

  it('[QST11] leaves altered words altered, whoever the speaker', () => {
    const attrs = quoteAttrs(source, TAXES, { ...unchecked, text: 'We will raise taxes' })
    expect(quoteStatus(verifyQuote(source, attrs), source, attrs).status).toBe('altered')
  })

  it('[QST12] gives a block stored before speakers were checked the status its speaker earns', () => {
    const {
      attributedSpeaker: _,
      speakerCheckedBy: __,
      speakerCheckedAt: ___,
      ...old
    } = quoteAttrs(source, TAXES, { quoteId: 'old', speaker: 'Jane Doe' })
    const doc = prosemirrorJSONToYDoc(
      briefingSchema(),
      { type: 'doc', content: [{ type: 'sourceQuote', attrs: old }] },
      DOCUMENT_FRAGMENT,
    )
    addSource(doc, source)
    expect(verifyDocumentQuotes(doc).get('old')?.status).toBe('verified')
  })
})
