/**
 * "Document settings": the handling marking, the portion-mark scheme, footnotes or endnotes,
 * and the citation style every export of the briefing uses. They live in the Y.Doc, so saving
 * shows them to every collaborator at once. Editors and owners change them; everyone else sees them read-only
 * (the server drops a viewer's writes in any case).
 */
import { type FormEvent, useId, useState } from 'react'
import type * as Y from 'yjs'
import {
  CITATION_STYLES,
  MAX_MARKING_LENGTH,
  NOTE_PLACEMENTS,
  type ReadSettings,
  settingsMap,
  writeBriefingSettings,
} from '../../../shared/briefing/settings'
import { writeMarkingScheme } from '../../../shared/markings/briefingScheme'
import { Modal } from '../ui/Modal'
import { Notice } from '../ui/Notice'
import { PortionSchemeFields, type SchemeDraft } from './PortionSchemeFields'
import {
  CITATION_STYLE_LABELS,
  MARKING_PRESETS,
  NOTE_LABELS,
  parseMarking,
  type SettingsDraft,
  settingsPatch,
  settingsView,
} from './settingsForm'

/** Why the settings cannot be changed now, if they cannot. */
export type SettingsLock = 'role' | 'offline' | null

interface DocumentSettingsDialogProps {
  doc: Y.Doc
  /** The live settings, as `useBriefingSettings` reads them. */
  current: ReadSettings
  lock: SettingsLock
  onClose: () => void
}

export function DocumentSettingsDialog({
  doc,
  current,
  lock,
  onClose,
}: DocumentSettingsDialogProps) {
  const [draft, setDraft] = useState<SettingsDraft>({})
  const [schemeDraft, setSchemeDraft] = useState<SchemeDraft>({})
  const [saveError, setSaveError] = useState<string | null>(null)
  const ids = { marking: useId(), hint: useId(), error: useId() }
  const live = current.settings
  const view = settingsView(live, draft)
  const marking = parseMarking(view.markingText)
  const result = settingsPatch(live, draft)
  const changed =
    'patch' in result &&
    (Object.keys(result.patch).length > 0 || Object.keys(schemeDraft).length > 0)
  const locked = lock !== null
  const change = (fields: SettingsDraft) => {
    setSaveError(null)
    setDraft((was) => ({ ...was, ...fields }))
  }

  const save = (event: FormEvent) => {
    event.preventDefault()
    if (locked || !('patch' in result)) return
    try {
      // Both check their values before writing anything.
      if (Object.keys(schemeDraft).length > 0) writeMarkingScheme(settingsMap(doc), schemeDraft)
      writeBriefingSettings(doc, result.patch)
      onClose()
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : String(err))
    }
  }

  return (
    <Modal title="Document settings" onDismiss={onClose} className="modal--settings">
      <form className="doc-settings" onSubmit={save} noValidate>
        <p className="modal__text">
          Every export of this briefing uses these. {locked ? 'Changes made by editors' : 'Changes'}{' '}
          reach everyone with it open at once.
        </p>
        {lock === 'role' && (
          <Notice tone="info">Only the briefing’s editors and owners can change these.</Notice>
        )}
        {lock === 'offline' && (
          <Notice tone="warning">
            Not connected. The settings can be changed once the briefing is connected again.
          </Notice>
        )}
        {current.problems.length > 0 && (
          <Notice tone="warning">
            Some stored settings were not valid and are ignored:
            <ul className="doc-settings__problems">
              {current.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </Notice>
        )}
        {saveError && <Notice tone="error">The settings were not saved. {saveError}</Notice>}

        <fieldset className="doc-settings__group" disabled={locked}>
          <label className="doc-settings__legend" htmlFor={ids.marking}>
            Handling marking
          </label>
          <input
            id={ids.marking}
            className="input"
            value={view.markingText}
            maxLength={MAX_MARKING_LENGTH}
            placeholder="No marking"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={'error' in marking || undefined}
            aria-describedby={'error' in marking ? ids.error : ids.hint}
            onChange={(event) => change({ markingText: event.target.value })}
          />
          <fieldset className="marking-presets" aria-label="Common markings">
            {MARKING_PRESETS.map((preset) => (
              <button
                key={preset.label}
                type="button"
                className="marking-preset"
                aria-pressed={'marking' in marking && marking.marking === preset.marking}
                onClick={() => change({ markingText: preset.marking ?? '' })}
              >
                {preset.label}
              </button>
            ))}
          </fieldset>
          {'error' in marking ? (
            <p id={ids.error} className="field__error" role="alert">
              {marking.error}
            </p>
          ) : (
            <p id={ids.hint} className="field__hint">
              Printed at the top and bottom of every page, and shown in the header here.
            </p>
          )}
        </fieldset>

        <PortionSchemeFields
          settings={settingsMap(doc)}
          draft={schemeDraft}
          onChange={(next) => {
            setSaveError(null)
            setSchemeDraft(next)
          }}
          disabled={locked}
        />

        <fieldset className="doc-settings__group" disabled={locked}>
          <legend className="doc-settings__legend">Notes</legend>
          <div className="choice-cards">
            {NOTE_PLACEMENTS.map((notes) => (
              <Choice
                key={notes}
                name="notes"
                checked={view.notes === notes}
                label={NOTE_LABELS[notes].label}
                description={NOTE_LABELS[notes].description}
                onChoose={() => change({ notes })}
              />
            ))}
          </div>
        </fieldset>

        <fieldset className="doc-settings__group" disabled={locked}>
          <legend className="doc-settings__legend">Citation style</legend>
          <div className="choice-cards">
            {CITATION_STYLES.map((style) => (
              <Choice
                key={style}
                name="citation-style"
                checked={view.citationStyle === style}
                label={CITATION_STYLE_LABELS[style].label}
                description={CITATION_STYLE_LABELS[style].description}
                onChoose={() => change({ citationStyle: style })}
              />
            ))}
          </div>
        </fieldset>

        <div className="modal__actions">
          {locked ? (
            <button type="button" className="button button--primary" onClick={onClose}>
              Close
            </button>
          ) : (
            <>
              <button type="button" className="button button--ghost" onClick={onClose}>
                Cancel
              </button>
              <button type="submit" className="button button--primary" disabled={!changed}>
                Save
              </button>
            </>
          )}
        </div>
      </form>
    </Modal>
  )
}

interface ChoiceProps {
  name: string
  checked: boolean
  label: string
  description: string
  onChoose: () => void
}

/** One radio choice drawn as a card: the label, and a line saying what it means. */
function Choice({ name, checked, label, description, onChoose }: ChoiceProps) {
  const descriptionId = useId()
  return (
    <label className="choice-card">
      <input
        type="radio"
        name={name}
        checked={checked}
        aria-describedby={descriptionId}
        onChange={onChoose}
      />
      <span className="choice-card__text">
        <span className="choice-card__label">{label}</span>
        <span id={descriptionId} className="choice-card__description">
          {description}
        </span>
      </span>
    </label>
  )
}
