/**
 * The document settings form as plain data: the choices it offers, and how a draft (only the
 * fields this user changed) becomes the patch written to the Y.Doc. Fields the user has not
 * touched keep following the live document, so a collaborator's change made while the dialog
 * is open is neither hidden nor overwritten.
 */
import {
  type BriefingSettings,
  type CitationStyle,
  MAX_MARKING_LENGTH,
  type NotePlacement,
} from '../../../shared/briefing/settings'

/** Markings offered with one click; any other single line can be typed. */
export const MARKING_PRESETS: readonly { label: string; marking: string | null }[] = [
  { label: 'None', marking: null },
  { label: 'OFFICIAL-SENSITIVE', marking: 'OFFICIAL-SENSITIVE' },
  { label: 'CONFIDENTIAL - TEAM ONLY', marking: 'CONFIDENTIAL - TEAM ONLY' },
]

interface ChoiceLabel {
  label: string
  description: string
}

/** Keyed by the shared type, so a style added in shared/ cannot be missing here. */
export const CITATION_STYLE_LABELS: Record<CitationStyle, ChoiceLabel> = {
  chicago: { label: 'Chicago', description: 'Full notes and bibliography (default)' },
  apa: { label: 'APA', description: 'Author–date, 7th edition' },
  harvard: { label: 'Harvard', description: 'Author–date' },
  vancouver: { label: 'Vancouver', description: 'Numbered references' },
}

export const NOTE_LABELS: Record<NotePlacement, ChoiceLabel> = {
  footnotes: { label: 'Footnotes', description: 'At the foot of the page that cites them' },
  endnotes: { label: 'Endnotes', description: 'Together in a Notes section at the end' },
}

/** What the user changed in the dialog; absent fields follow the live settings. */
export interface SettingsDraft {
  /** The marking field as typed (blank means no marking). */
  markingText?: string
  notes?: NotePlacement
  citationStyle?: CitationStyle
}

/** What the form shows: the live settings with the user's changes on top. */
export interface SettingsView {
  markingText: string
  notes: NotePlacement
  citationStyle: CitationStyle
}

export function settingsView(live: BriefingSettings, draft: SettingsDraft): SettingsView {
  return {
    markingText: draft.markingText ?? live.marking ?? '',
    notes: draft.notes ?? live.notes,
    citationStyle: draft.citationStyle ?? live.citationStyle,
  }
}

/**
 * The marking a typed value stands for (surrounding space dropped, blank is none), or a
 * sentence saying why it cannot be used. Mirrors the shared validator, in the user's words.
 */
export function parseMarking(text: string): { marking: string | null } | { error: string } {
  const marking = text.trim()
  if (marking === '') return { marking: null }
  if (marking.length > MAX_MARKING_LENGTH) {
    return { error: `A marking can be at most ${MAX_MARKING_LENGTH} characters.` }
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a marking is one printed line
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(marking)) {
    return { error: 'A marking must be a single line of plain text.' }
  }
  return { marking }
}

/**
 * The settings to write: each drafted field whose value differs from the live one. An
 * unusable marking is an error, and nothing is written.
 */
export function settingsPatch(
  live: BriefingSettings,
  draft: SettingsDraft,
): { patch: Partial<BriefingSettings> } | { error: string } {
  const patch: Partial<BriefingSettings> = {}
  if (draft.markingText !== undefined) {
    const parsed = parseMarking(draft.markingText)
    if ('error' in parsed) return parsed
    if (parsed.marking !== live.marking) patch.marking = parsed.marking
  }
  if (draft.notes !== undefined && draft.notes !== live.notes) patch.notes = draft.notes
  if (draft.citationStyle !== undefined && draft.citationStyle !== live.citationStyle) {
    patch.citationStyle = draft.citationStyle
  }
  return { patch }
}

/** One line naming how citations will print, e.g. "Chicago · footnotes". */
export function settingsSummary(settings: BriefingSettings): string {
  return `${CITATION_STYLE_LABELS[settings.citationStyle].label} · ${NOTE_LABELS[settings.notes].label.toLowerCase()}`
}
