/**
 * A briefing written through a real y-websocket client, as an analyst's editor would: two
 * sources in the sources map, quote blocks from each, a paraphrase with a cite mark, a
 * heading, nested lists, Cyrillic and Greek text and text that looks like Typst or Markdown
 * markup. Export tests read it back in every format.
 */
import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { type BriefingSettings, writeBriefingSettings } from '../../shared/briefing/settings'
import { selectorsForRange } from '../../shared/quotes/selectors'
import { briefingSchema } from '../../shared/schema/schema'
import { sourceBody } from '../../shared/sources/body'
import { addSource } from '../../shared/sources/sourcesMap'
import type { Source } from '../../shared/sources/types'
import { createSource } from '../../shared/sources/validate'
import { connectClient, type TestClient, waitSynced } from '../helpers/clients'
import type { TestServer } from '../helpers/server'
import { rememberToken } from '../helpers/tokens'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

/** Text that means something in Typst or Markdown, and must print as written. */
export const MARKUP_TEXT =
  'Literal: #read("/etc/passwd") $x^2$ *bold* _under_ @ref <label> back\\slash #set page(width: 1pt) [^9]'

export const HARBOR_PARAGRAPHS = [
  'ODESA — The harbor closed on Tuesday after a storm swept the coast.',
  'The storm damaged the northern breakwater, officials said on Wednesday.',
  '“We will reopen on Monday,” said Port Director Ana Lima. “The damage is limited.”',
  'Insurers expect claims to exceed $40 million.',
]

export const MINISTRY_PARAGRAPHS = [
  'Міністерство інфраструктури повідомляє про стан порту.',
  '«Порт відкриється в понеділок», — сказала речниця Олена Іваненко.',
]

export function harborSource(): Source {
  return createSource(
    {
      kind: 'article',
      title: 'Harbor closes after storm',
      byline: 'By Jo Smith',
      publisher: 'Coastal Times',
      publishedAt: '2024-03-05T08:00:00Z',
      url: 'https://news.example/harbor-closes',
      paragraphs: HARBOR_PARAGRAPHS,
    },
    { id: 'src-harbor', addedBy: 'owner', retrievedAt: '2024-03-06T09:30:00Z' },
  )
}

export function ministrySource(): Source {
  return createSource(
    {
      kind: 'statement',
      title: 'Заява щодо порту',
      byline: null,
      publisher: 'Міністерство інфраструктури',
      publishedAt: '2024-03-05T12:00:00Z',
      url: 'https://ministry.example/port',
      paragraphs: MINISTRY_PARAGRAPHS,
    },
    { id: 'src-ministry', addedBy: 'owner', retrievedAt: '2024-03-06T10:00:00Z' },
  )
}

/** sourceQuote JSON for the first occurrence of `exact` in `source`. */
export function quoteNode(
  source: Source,
  exact: string,
  quoteId: string,
  speaker: string | null,
  speakerRole: string | null,
): JSONContent {
  const start = sourceBody(source.paragraphs).indexOf(exact)
  if (start === -1) throw new Error(`fixture: ${exact} is not in ${source.id}`)
  return {
    type: 'sourceQuote',
    attrs: {
      quoteId,
      sourceId: source.id,
      text: exact,
      ...selectorsForRange(source.paragraphs, start, start + exact.length),
      speaker,
      speakerRole,
      // These sources list no quotations, so it is the analyst who vouches for the speaker.
      ...(speaker ? { speakerCheckedBy: 'owner', speakerCheckedAt: '2024-03-06T11:00:00Z' } : {}),
      kind: 'partial',
      insertedBy: 'owner',
      insertedAt: '2024-03-06T11:00:00Z',
    },
  }
}

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
})
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content })
const cite = (sourceId: string, paragraphNo: number, citationId: string) => [
  { type: 'cite', attrs: { sourceId, locator: { paragraph: paragraphNo }, citationId } },
]

/** The fixture document as ProseMirror JSON. */
export function briefingContent(harbor: Source, ministry: Source): JSONContent {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [text('Summary')] },
      paragraph(
        text('The port of '),
        text('Odesa', [{ type: 'bold' }]),
        text(' closed after '),
        text('the storm damaged the northern breakwater', cite(harbor.id, 2, 'cite-1')),
        text('. Officials were '),
        text('cautious', [{ type: 'italic' }]),
        text(' about the timetable.'),
      ),
      quoteNode(harbor, 'We will reopen on Monday', 'q-harbor', 'Ana Lima', 'Port Director'),
      paragraph(text('Київ і Одеса: порт відкриється. Ελληνικά: λιμάνι.')),
      quoteNode(
        ministry,
        'Порт відкриється в понеділок',
        'q-ministry',
        'Олена Іваненко',
        'речниця',
      ),
      { type: 'heading', attrs: { level: 2 }, content: [text('Markup')] },
      paragraph(text(MARKUP_TEXT)),
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [paragraph(text('Watch the reopening'))] },
          {
            type: 'listItem',
            content: [
              paragraph(text('Check the claims')),
              {
                type: 'orderedList',
                attrs: { start: 1 },
                content: [
                  { type: 'listItem', content: [paragraph(text('Nested first'))] },
                  { type: 'listItem', content: [paragraph(text('Nested second'))] },
                ],
              },
            ],
          },
        ],
      },
      paragraph(
        text('Insurers are '),
        text('bracing for large claims', cite(harbor.id, 4, 'cite-2')),
        text('.'),
      ),
      { type: 'sourcesList' },
    ],
  }
}

export interface ExportBriefing {
  owner: TestUser
  briefingId: string
  client: TestClient
  harbor: Source
  ministry: Source
}

/**
 * Creates the fixture briefing on `server` through a real client and waits until the
 * server's room holds all of it.
 */
export async function createExportBriefing(
  server: TestServer,
  settings: Partial<BriefingSettings> = {},
  content?: (harbor: Source, ministry: Source) => JSONContent,
): Promise<ExportBriefing> {
  const owner = await signUp(server.url, { name: 'Ada Analyst' })
  const briefingId = await createBriefingAs(owner, 'Harbor closure: #what $it /means')
  rememberToken(briefingId, await collabToken(owner, briefingId))
  const client = connectClient(server.wsUrl, briefingId)
  await waitSynced(client)
  const harbor = harborSource()
  const ministry = ministrySource()
  addSource(client.doc, harbor)
  addSource(client.doc, ministry)
  writeBriefingSettings(client.doc, settings)
  const json = (content ?? briefingContent)(harbor, ministry)
  client.doc.transact(() => {
    prosemirrorJSONToYXmlFragment(briefingSchema(), json, client.fragment)
  })
  const expected = Y.encodeStateVector(client.doc)
  await waitFor(() => {
    const room = server.registry.get(briefingId)
    return room && equalBytes(Y.encodeStateVector(room.doc), expected)
  }, 'the server holds the whole briefing')
  return { owner, briefingId, client, harbor, ministry }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}

/** Changes a quote's words by a raw Y.Doc edit, as a client bypassing the editor could. */
export function tamperQuoteText(client: TestClient, quoteId: string, newText: string): void {
  for (const node of client.fragment.toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === 'sourceQuote') {
      if (node.getAttribute('quoteId') === quoteId) {
        node.setAttribute('text', newText)
        return
      }
    }
  }
  throw new Error(`fixture: no quote ${quoteId}`)
}
