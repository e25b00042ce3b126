/**
 * [QS] A quote's speaker is part of its verification, over the real server: a block naming
 * someone other than the source's attribution is `speaker-changed`, one whose speaker the
 * source does not confirm is `speaker-unconfirmed`; both are reported by the verification
 * route, counted in X-Unverified-Quotes and marked in every export format.
 */
import type { JSONContent } from '@tiptap/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addSource } from '../../shared/sources/sourcesMap'
import type { ExtractedQuote, Source } from '../../shared/sources/types'
import { createSource } from '../../shared/sources/validate'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'
import { createExportBriefing, type ExportBriefing, quoteNode } from './fixture'
import { docxParts, pdfText, wordText } from './read'

const PARAGRAPHS = [
  '“The quay will be rebuilt by June,” said Port Director Ana Lima on Thursday.',
  'Crews worked through the night. “Nobody was hurt,” a spokesperson added later.',
]

function extracted(body: string, text: string, fields: Partial<ExtractedQuote>): ExtractedQuote {
  const start = body.indexOf(text)
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

/** A source whose importer is sure of Ana Lima and only guesses the second speaker. */
function quaySource(): Source {
  const body = PARAGRAPHS.join('\n\n')
  return createSource(
    {
      kind: 'article',
      title: 'Quay to be rebuilt',
      byline: null,
      publisher: 'Coastal Times',
      publishedAt: '2024-03-07T08:00:00Z',
      url: 'https://news.example/quay',
      paragraphs: PARAGRAPHS,
    },
    {
      id: 'src-quay',
      addedBy: 'owner',
      retrievedAt: '2024-03-07T09:00:00Z',
      quotes: [
        extracted(body, 'The quay will be rebuilt by June,', {
          speaker: 'Ana Lima',
          speakerRole: 'Port Director',
          attribution: {
            confidence: 0.95,
            method: 'after',
            cue: null,
            introduced: null,
            suggestion: null,
          },
        }),
        extracted(body, 'Nobody was hurt,', {
          attribution: {
            confidence: 0.3,
            method: 'context',
            cue: null,
            introduced: null,
            suggestion: 'Ana Lima',
          },
        }),
      ],
    },
  )
}

/** A quote block with no speaker check, as an old document or a raw edit would hold it. */
function uncheckedQuote(source: Source, exact: string, quoteId: string, speaker: string | null) {
  const node = quoteNode(source, exact, quoteId, speaker, null)
  const { speakerCheckedBy: _, speakerCheckedAt: __, ...attrs } = node.attrs ?? {}
  return { ...node, attrs }
}

describe('speaker status over HTTP', () => {
  let server: TestServer
  let b: ExportBriefing
  const quay = quaySource()

  beforeAll(async () => {
    server = await startTestServer()
    b = await createExportBriefing(
      server,
      {},
      (harbor): JSONContent => ({
        type: 'doc',
        content: [
          quoteNode(harbor, 'We will reopen on Monday', 'q-harbor', 'Ana Lima', 'Port Director'),
          uncheckedQuote(quay, 'The quay will be rebuilt by June', 'q-right', 'Ana Lima'),
          uncheckedQuote(quay, 'The quay will be rebuilt', 'q-changed', 'Bo Chen'),
          uncheckedQuote(quay, 'Nobody was hurt', 'q-unconfirmed', null),
        ],
      }),
    )
    addSource(b.client.doc, quay)
    await waitFor(async () => {
      const res = await b.owner.api(`/api/briefings/${b.briefingId}/export?format=md`)
      return res.headers.get('x-unverified-quotes') === '2'
    }, 'the server sees the added quotes')
  })
  afterAll(async () => {
    b.client.destroy()
    await server.close()
  })

  it('[QS1] the verification route gives each block its speaker status', async () => {
    const res = await b.owner.api(`/api/briefings/${b.briefingId}/quotes/verification`)
    expect(res.status).toBe(200)
    const { quotes } = (await res.json()) as { quotes: Record<string, Record<string, unknown>> }
    expect(quotes['q-harbor']?.status).toBe('verified')
    expect(quotes['q-right']).toMatchObject({ status: 'verified', checked: null })
    expect(quotes['q-changed']).toMatchObject({
      status: 'speaker-changed',
      from: 'Ana Lima, Port Director',
    })
    expect(quotes['q-unconfirmed']).toMatchObject({
      status: 'speaker-unconfirmed',
      probable: 'Ana Lima',
    })
  })

  it('[QS2] export counts and marks them in every format', async () => {
    for (const format of ['pdf', 'docx', 'md', 'html'] as const) {
      const res = await b.owner.api(`/api/briefings/${b.briefingId}/export?format=${format}`)
      expect(res.status, format).toBe(200)
      expect(res.headers.get('x-unverified-quotes'), format).toBe('2')
      const body = Buffer.from(await res.arrayBuffer())
      const text =
        format === 'pdf'
          ? (await pdfText(body)).text
          : format === 'docx'
            ? wordText((await docxParts(body)).document)
            : body.toString('utf8')
      const flat = text.replace(/\s+/g, ' ')
      expect(flat, format).toContain('speaker changed from Ana Lima, Port Director')
      expect(flat, format).toContain('speaker unconfirmed')
      expect(flat, format).toContain('Bo Chen')
    }
  })
})
