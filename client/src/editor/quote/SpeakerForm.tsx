/**
 * "Who said this?": a speaker and a role, picked from the people the importer found in the
 * source or typed. Used on a quote block (to confirm or change its speaker), in the source
 * reader's "Quote this" and in the quote list's Insert, so all three ask the same way.
 */
import { type FormEvent, type ReactNode, useId, useState } from 'react'
import type { SourcePerson } from '../../../../shared/sources'
import { roleOf } from '../../sources/speakerChoices'

/** A person's answer: the speaker and role they chose. */
export interface SpeakerAnswer {
  speaker: string | null
  speakerRole: string | null
}

interface SpeakerFormProps {
  title: string
  /** A sentence under the title: what the importer thinks, and why it asks. */
  note?: ReactNode
  initial: SpeakerAnswer
  choices: readonly SourcePerson[]
  /** The submit button's label for the speaker typed so far. */
  submitLabel: (speaker: string) => string
  onSubmit: (answer: SpeakerAnswer) => void
  onCancel: () => void
  /** A further action beside Cancel (e.g. insert without confirming). */
  extra?: ReactNode
  error?: string | null
  className?: string
}

export function SpeakerForm({
  title,
  note,
  initial,
  choices,
  submitLabel,
  onSubmit,
  onCancel,
  extra,
  error,
  className = '',
}: SpeakerFormProps) {
  const [speaker, setSpeaker] = useState(initial.speaker ?? '')
  const [role, setRole] = useState(initial.speakerRole ?? '')
  const listId = useId()

  const pick = (name: string) => {
    setSpeaker(name)
    // Picking a known person brings their role, unless one was typed already.
    const known = roleOf(choices, name)
    if (known && role.trim() === '') setRole(known)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    event.stopPropagation()
    onSubmit({ speaker: speaker.trim() || null, speakerRole: role.trim() || null })
  }

  return (
    <form className={`speaker-form ${className}`} onSubmit={submit}>
      <p className="speaker-form__title">{title}</p>
      {note && <p className="speaker-form__note">{note}</p>}
      {choices.length > 0 && (
        <fieldset className="speaker-form__choices" aria-label="People in this source">
          {choices.slice(0, 6).map((choice) => (
            <button
              key={choice.name}
              type="button"
              className={`speaker-chip${choice.name === speaker.trim() ? ' speaker-chip--on' : ''}`}
              aria-pressed={choice.name === speaker.trim()}
              onClick={() => pick(choice.name)}
            >
              {choice.name}
            </button>
          ))}
        </fieldset>
      )}
      <label className="field">
        <span className="field__label">Speaker</span>
        <input
          className="input input--small"
          // biome-ignore lint/a11y/noAutofocus: the form opens to take exactly this answer.
          autoFocus
          list={listId}
          value={speaker}
          placeholder="e.g. Marta Solberg"
          onChange={(event) => pick(event.target.value)}
        />
        <datalist id={listId}>
          {choices.map((choice) => (
            <option key={choice.name} value={choice.name} />
          ))}
        </datalist>
      </label>
      <label className="field">
        <span className="field__label">Role (optional)</span>
        <input
          className="input input--small"
          value={role}
          placeholder="e.g. lead negotiator"
          onChange={(event) => setRole(event.target.value)}
        />
      </label>
      {error && <p className="field__error">{error}</p>}
      <div className="speaker-form__actions">
        <button type="button" className="button button--ghost button--small" onClick={onCancel}>
          Cancel
        </button>
        {extra}
        <button type="submit" className="button button--primary button--small">
          {submitLabel(speaker.trim())}
        </button>
      </div>
    </form>
  )
}
