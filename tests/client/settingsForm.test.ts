/**
 * The document settings form: what it shows while collaborators change settings under it,
 * what it writes, and that every marking it accepts the shared validator accepts too.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CITATION_STYLE_LABELS,
  MARKING_PRESETS,
  NOTE_LABELS,
  parseMarking,
  settingsPatch,
  settingsSummary,
  settingsView,
} from '../../client/src/export/settingsForm'
import {
  type BriefingSettings,
  CITATION_STYLES,
  DEFAULT_SETTINGS,
  MAX_MARKING_LENGTH,
  NOTE_PLACEMENTS,
  readBriefingSettings,
  writeBriefingSettings,
} from '../../shared/briefing/settings'

const live: BriefingSettings = { marking: 'OFFICIAL', notes: 'footnotes', citationStyle: 'chicago' }

describe('settingsView', () => {
  it('follows the live settings for every field the user has not touched', () => {
    expect(settingsView(live, {})).toEqual({
      markingText: 'OFFICIAL',
      notes: 'footnotes',
      citationStyle: 'chicago',
    })
    const remote = { ...live, citationStyle: 'apa' as const }
    expect(settingsView(remote, { notes: 'endnotes' })).toEqual({
      markingText: 'OFFICIAL',
      notes: 'endnotes',
      citationStyle: 'apa',
    })
    expect(settingsView({ ...live, marking: null }, {}).markingText).toBe('')
  })
})

describe('settingsPatch', () => {
  it('writes only what the user changed to something new', () => {
    expect(settingsPatch(live, {})).toEqual({ patch: {} })
    expect(settingsPatch(live, { notes: 'footnotes', markingText: ' OFFICIAL ' })).toEqual({
      patch: {},
    })
    expect(
      settingsPatch(live, { notes: 'endnotes', citationStyle: 'vancouver', markingText: '' }),
    ).toEqual({ patch: { notes: 'endnotes', citationStyle: 'vancouver', marking: null } })
  })

  it('leaves a collaborator’s concurrent change to another field alone', () => {
    const doc = new Y.Doc()
    writeBriefingSettings(doc, live)
    const draft = { markingText: 'CONFIDENTIAL - TEAM ONLY' }
    // Someone else switches to endnotes while the dialog is open.
    writeBriefingSettings(doc, { notes: 'endnotes' })
    const result = settingsPatch(readBriefingSettings(doc).settings, draft)
    if (!('patch' in result)) throw new Error(result.error)
    writeBriefingSettings(doc, result.patch)
    expect(readBriefingSettings(doc).settings).toEqual({
      marking: 'CONFIDENTIAL - TEAM ONLY',
      notes: 'endnotes',
      citationStyle: 'chicago',
    })
  })

  it('refuses an unusable marking and writes nothing', () => {
    expect(
      settingsPatch(live, { markingText: 'x'.repeat(MAX_MARKING_LENGTH + 1), notes: 'endnotes' }),
    ).toEqual({
      error: `A marking can be at most ${MAX_MARKING_LENGTH} characters.`,
    })
  })
})

describe('parseMarking', () => {
  it('accepts exactly what the shared validator accepts', () => {
    const samples = [
      '',
      '   ',
      'OFFICIAL-SENSITIVE',
      '  SECRET  ',
      'x'.repeat(MAX_MARKING_LENGTH),
      'x'.repeat(MAX_MARKING_LENGTH + 1),
      'TOP\tSECRET',
      'LINE\u2028BREAK',
      'ÜBER – VERTRAULICH',
    ]
    for (const text of samples) {
      const parsed = parseMarking(text)
      const doc = new Y.Doc()
      if ('marking' in parsed) {
        expect(() => writeBriefingSettings(doc, { marking: parsed.marking }), text).not.toThrow()
        expect(parsed.marking).toBe(text.trim() === '' ? null : text.trim())
      } else {
        expect(() => writeBriefingSettings(doc, { marking: text.trim() }), text).toThrow(RangeError)
      }
    }
  })

  it('offers presets the shared validator accepts, starting with none', () => {
    expect(MARKING_PRESETS[0]).toEqual({ label: 'None', marking: null })
    for (const preset of MARKING_PRESETS) {
      expect(() => writeBriefingSettings(new Y.Doc(), { marking: preset.marking })).not.toThrow()
    }
  })
})

describe('labels', () => {
  it('name every style and placement the shared settings allow', () => {
    expect(Object.keys(CITATION_STYLE_LABELS)).toEqual([...CITATION_STYLES])
    expect(Object.keys(NOTE_LABELS)).toEqual([...NOTE_PLACEMENTS])
    expect(settingsSummary(DEFAULT_SETTINGS)).toBe('Chicago · footnotes')
    expect(settingsSummary({ ...live, notes: 'endnotes', citationStyle: 'apa' })).toBe(
      'APA · endnotes',
    )
  })
})
