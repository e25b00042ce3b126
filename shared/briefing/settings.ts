/**
 * A briefing's export settings: the handling marking printed on every page, whether
 * citations become footnotes or endnotes, and the citation style. They live in the Y.Doc's
 * Y.Map named SETTINGS_MAP so they sync with the document and travel with it (an export
 * from the CLI or another instance sees what the editors chose).
 *
 * Values are written through `writeBriefingSettings`, which rejects bad ones; any peer can
 * still write the map directly, so `readBriefingSettings` checks again and falls back to
 * the default, reporting which value it ignored.
 */
import type * as Y from 'yjs'

/** Name of the Y.Map in the briefing's Y.Doc that holds settings. */
export const SETTINGS_MAP = 'settings'

export const NOTE_PLACEMENTS = ['footnotes', 'endnotes'] as const
export type NotePlacement = (typeof NOTE_PLACEMENTS)[number]

/**
 * Citation styles a briefing can choose. `chicago` is Chicago full notes; the others are
 * the CSL styles citation-js bundles (author-date APA and Harvard, numeric Vancouver).
 */
export const CITATION_STYLES = ['chicago', 'apa', 'harvard', 'vancouver'] as const
export type CitationStyle = (typeof CITATION_STYLES)[number]

/** Longest handling marking accepted; a marking is a short caveat, not a paragraph. */
export const MAX_MARKING_LENGTH = 120

export interface BriefingSettings {
  /** Handling marking, e.g. "OFFICIAL-SENSITIVE"; null prints none. */
  marking: string | null
  notes: NotePlacement
  citationStyle: CitationStyle
}

export const DEFAULT_SETTINGS: Readonly<BriefingSettings> = Object.freeze({
  marking: null,
  notes: 'footnotes',
  citationStyle: 'chicago',
})

// biome-ignore lint/suspicious/noControlCharactersInRegex: a marking is one printed line
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

const VALIDATORS: { [K in keyof BriefingSettings]: (value: unknown) => string | null } = {
  marking: (value) => {
    if (value === null) return null
    if (typeof value !== 'string') return 'a string or null'
    if (value.trim() === '') return 'a non-blank string (use null for no marking)'
    if (value.length > MAX_MARKING_LENGTH) return `at most ${MAX_MARKING_LENGTH} characters`
    if (CONTROL.test(value)) return 'a single line without control characters'
    return null
  },
  notes: (value) =>
    (NOTE_PLACEMENTS as readonly unknown[]).includes(value) ? null : NOTE_PLACEMENTS.join(' | '),
  citationStyle: (value) =>
    (CITATION_STYLES as readonly unknown[]).includes(value) ? null : CITATION_STYLES.join(' | '),
}

const KEYS = Object.keys(VALIDATORS) as (keyof BriefingSettings)[]

function describe(value: unknown): string {
  const shown = JSON.stringify(value)
  return shown === undefined ? String(value) : shown.slice(0, 80)
}

/** The settings map of `doc`. Values are `unknown` because any peer may have written them. */
export function settingsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SETTINGS_MAP)
}

/** What `readBriefingSettings` found: usable settings, and each stored value it ignored. */
export interface ReadSettings {
  settings: BriefingSettings
  /** One message per ignored value, naming the setting and the value. */
  problems: string[]
}

/** The document's settings, with defaults for absent values and for malformed ones. */
export function readBriefingSettings(doc: Y.Doc): ReadSettings {
  const map = settingsMap(doc)
  const settings: BriefingSettings = { ...DEFAULT_SETTINGS }
  const problems: string[] = []
  for (const key of KEYS) {
    if (!map.has(key)) continue
    const value = map.get(key)
    const expected = VALIDATORS[key](value)
    if (expected === null) (settings as unknown as Record<string, unknown>)[key] = value
    else {
      problems.push(
        `setting ${key} is ${describe(value)} (expected ${expected}); used ${describe(DEFAULT_SETTINGS[key])}`,
      )
    }
  }
  return { settings, problems }
}

/**
 * Writes the given settings in one transaction. Throws a RangeError naming the first
 * unknown key or bad value, before anything is written.
 */
export function writeBriefingSettings(
  doc: Y.Doc,
  patch: Partial<BriefingSettings>,
  origin?: unknown,
): void {
  if (typeof patch !== 'object' || patch === null) {
    throw new RangeError(`Invalid briefing settings: ${describe(patch)} (expected an object)`)
  }
  for (const [key, value] of Object.entries(patch)) {
    const validate = VALIDATORS[key as keyof BriefingSettings]
    if (!validate) throw new RangeError(`Invalid briefing setting ${key}: no such setting`)
    const expected = validate(value)
    if (expected !== null) {
      throw new RangeError(
        `Invalid briefing setting ${key}: ${describe(value)} (expected ${expected})`,
      )
    }
  }
  const map = settingsMap(doc)
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) map.set(key, value)
  }, origin)
}
