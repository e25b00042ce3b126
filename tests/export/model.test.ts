/**
 * [EXM] The export model, built from a Y.Doc without a server: numbering, note markers,
 * verification verdicts, settings and the warnings that travel with an export.
 */
import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type BriefingFacts, modelFromDoc } from '../../server/export'
import type { Block, ExportModel, Inline } from '../../server/export/model'
import {
  DEFAULT_SETTINGS,
  readBriefingSettings,
  settingsMap,
  writeBriefingSettings,
} from '../../shared/briefing/settings'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { briefingSchema } from '../../shared/schema/schema'
import { addSource, sourcesMap } from '../../shared/sources/sourcesMap'
import { briefingContent, harborSource, ministrySource, quoteNode } from './fixture'

const facts: BriefingFacts = {
  briefing: {
    id: 'b-1',
    teamId: 't-1',
    title: 'Model test',
    teamRole: 'editor',
    createdBy: 'u-1',
    createdAt: '2024-03-06T08:00:00Z',
    updatedAt: '2024-03-06T12:30:00Z',
    epoch: 'e-1',
  },
  team: 'Desk',
  authors: ['Ada'],
}

function docWith(content: JSONContent, withSources = true): Y.Doc {
  const doc = new Y.Doc()
  if (withSources) {
    addSource(doc, harborSource())
    addSource(doc, ministrySource())
  }
  prosemirrorJSONToYXmlFragment(briefingSchema(), content, doc.getXmlFragment(DOCUMENT_FRAGMENT))
  return doc
}

function model(doc: Y.Doc): ExportModel {
  return modelFromDoc(doc, briefingSchema(), facts, new Date('2024-03-07T10:00:00Z'))
}

function inlines(block: Block | undefined): Inline[] {
  if (block?.type !== 'paragraph') throw new Error(`expected a paragraph, got ${block?.type}`)
  return block.content
}

describe('export model', () => {
  it('[EXM1] every citation is its own note in document order, with its own paragraph; punctuation precedes the marker', () => {
    const m = model(docWith(briefingContent(harborSource(), ministrySource())))
    const first = inlines(m.blocks[1])
    // "…breakwater" + "." then the marker: it moved past the full stop.
    expect(first.slice(3, 6)).toEqual([
      { type: 'text', text: 'the storm damaged the northern breakwater' },
      { type: 'text', text: '.' },
      { type: 'noteRef', number: 1 },
    ])
    const [harborQuote, ministryQuote] = m.blocks.filter((b) => b.type === 'quote')
    expect(harborQuote).toMatchObject({ status: 'verified', paragraph: 3, note: { number: 2 } })
    expect(ministryQuote).toMatchObject({ status: 'verified', paragraph: 2, note: { number: 3 } })
    // Harbor para. 2, harbor para. 3, ministry para. 2, harbor para. 4: four citations, four notes.
    expect(m.notes.map((n) => [n.number, n.sourceId])).toEqual([
      [1, 'src-harbor'],
      [2, 'src-harbor'],
      [3, 'src-ministry'],
      [4, 'src-harbor'],
    ])
    const noteText = m.notes.map((n) => n.text.map((r) => r.text).join(''))
    // Chicago: the full note the first time, a short note after ("ibid." form right after).
    expect(noteText[0]).toBe(
      'Jo Smith, “Harbor Closes after Storm,” Coastal Times, March 5, 2024, para. 2, accessed March 6, 2024, https://news.example/harbor-closes.',
    )
    expect(noteText[1]).toBe('Jo Smith, para. 3.')
    expect(noteText[2]).toContain(
      '“Заява щодо порту” (Міністерство інфраструктури, March 5, 2024), para. 2',
    )
    expect(noteText[3]).toBe('Jo Smith, “Harbor Closes after Storm,” para. 4.')
    // The Sources list still has each source once, numbered by its first citation.
    expect(m.sources.map((s) => [s.number, s.sourceId])).toEqual([
      [1, 'src-harbor'],
      [2, 'src-ministry'],
    ])
    expect(m.appendSourcesList).toBe(false)
    expect(m.unverifiedQuotes).toBe(0)
    expect(m.meta).toMatchObject({
      title: 'Model test',
      dateLabel: '7 March 2024',
      updatedLabel: '6 March 2024, 12:30 UTC',
      citationStyle: 'chicago',
      notes: 'footnotes',
      marking: null,
    })
    expect(m.meta.version).toMatch(/^[0-9a-f]{10}$/)
  })

  it('[EXM2] a cited source missing from the briefing is a warning and an explicit note', () => {
    const harbor = harborSource()
    const doc = docWith(
      {
        type: 'doc',
        content: [quoteNode(harbor, 'We will reopen on Monday', 'q-1', 'Ana Lima', null)],
      },
      false,
    )
    const m = model(doc)
    expect(m.blocks[0]).toMatchObject({ type: 'quote', status: 'source-missing' })
    expect(m.unverifiedQuotes).toBe(1)
    expect(m.sources[0]).toMatchObject({ missing: true })
    expect(m.warnings).toContain(
      'citation 1 refers to source "src-harbor", which is not in the briefing',
    )
    // No sourcesList node: the list goes at the end.
    expect(m.appendSourcesList).toBe(true)
  })

  it('[EXM3] a source whose text was swapped after it was added fails its quotes', () => {
    const doc = docWith(briefingContent(harborSource(), ministrySource()))
    const tampered = { ...harborSource(), paragraphs: ['Something else entirely.'] }
    sourcesMap(doc).set('src-harbor', tampered)
    const m = model(doc)
    const quote = m.blocks.find((b) => b.type === 'quote' && b.quoteId === 'q-harbor')
    expect(quote).toMatchObject({ status: 'source-missing' })
    expect(m.unverifiedQuotes).toBe(1)
  })

  it('[EXM4] unsafe links are exported as text, with a warning', () => {
    const doc = docWith({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'ok',
              marks: [{ type: 'link', attrs: { href: 'https://a.example' } }],
            },
            {
              type: 'text',
              text: ' bad',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
            },
          ],
        },
      ],
    })
    const m = model(doc)
    expect(inlines(m.blocks[0])).toEqual([
      { type: 'text', text: 'ok', link: 'https://a.example' },
      { type: 'text', text: ' bad' },
    ])
    expect(m.warnings).toContain('a link to "javascript:alert(1)" was exported as plain text')
  })

  it('[EXM7] author-date and numeric styles give their own citation form per note, each with its paragraph', () => {
    const notesIn = (citationStyle: 'apa' | 'vancouver') => {
      const doc = docWith(briefingContent(harborSource(), ministrySource()))
      writeBriefingSettings(doc, { citationStyle })
      return model(doc).notes.map((n) => n.text.map((r) => r.text).join(''))
    }
    expect(notesIn('apa')).toEqual([
      '(Jo Smith, 2024, para. 2)',
      '(Jo Smith, 2024, para. 3)',
      '(Заява щодо порту, 2024, para. 2)',
      '(Jo Smith, 2024, para. 4)',
    ])
    // Vancouver's citation is the source's number alone; the paragraph is added after it.
    expect(notesIn('vancouver')).toEqual([
      '(1) para. 2.',
      '(1) para. 3.',
      '(2) para. 2.',
      '(1) para. 4.',
    ])
  })
})

describe('briefing settings', () => {
  it('[EXM5] settings come from the Y.Doc; malformed values fall back and are reported', () => {
    const doc = new Y.Doc()
    expect(readBriefingSettings(doc)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] })
    writeBriefingSettings(doc, { marking: 'OFFICIAL', notes: 'endnotes', citationStyle: 'apa' })
    expect(readBriefingSettings(doc).settings).toEqual({
      marking: 'OFFICIAL',
      notes: 'endnotes',
      citationStyle: 'apa',
    })
    // A peer writing the map directly is not held to the writer's checks.
    settingsMap(doc).set('citationStyle', 'mla')
    const read = readBriefingSettings(doc)
    expect(read.settings.citationStyle).toBe('chicago')
    expect(read.problems).toEqual([
      'setting citationStyle is "mla" (expected chicago | apa | harvard | vancouver); used "chicago"',
    ])
  })

  it('[EXM6] writing a bad setting throws naming it, and writes nothing', () => {
    const doc = new Y.Doc()
    expect(() => writeBriefingSettings(doc, { notes: 'sidenotes' as never })).toThrow(
      'Invalid briefing setting notes: "sidenotes" (expected footnotes | endnotes)',
    )
    expect(() => writeBriefingSettings(doc, { marking: 'TOP\nSECRET' })).toThrow(
      /Invalid briefing setting marking/,
    )
    expect(() => writeBriefingSettings(doc, { colour: 'red' } as never)).toThrow(
      'Invalid briefing setting colour: no such setting',
    )
    expect(settingsMap(doc).size).toBe(0)
  })
})
