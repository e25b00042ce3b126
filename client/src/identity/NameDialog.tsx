/**
 * Asks for a display name: required on the first visit (no way to dismiss it), optional when
 * the user chooses to change it later.
 */
import { type FormEvent, useState } from 'react'
import { Avatar } from '../ui/Avatar'
import { Modal } from '../ui/Modal'
import { MAX_NAME_LENGTH, validateName } from './identity'

interface NameDialogProps {
  initialName?: string
  /** Shown in the preview avatar; a first-time user's colour is picked on save. */
  color?: string
  onSave: (name: string) => void
  /** Present when the dialog may be closed without choosing. */
  onCancel?: () => void
}

export function NameDialog({ initialName = '', color, onSave, onCancel }: NameDialogProps) {
  const [draft, setDraft] = useState(initialName)
  const [error, setError] = useState<string | null>(null)
  const firstVisit = onCancel === undefined

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = validateName(draft)
    if ('error' in result) setError(result.error)
    else onSave(result.name)
  }

  return (
    <Modal title={firstVisit ? 'Welcome to Briefing' : 'Change your name'} onDismiss={onCancel}>
      <form onSubmit={submit} noValidate>
        <p className="modal__text">
          {firstVisit
            ? 'What should your teammates call you? Your name appears next to your cursor and in the list of people in a briefing.'
            : 'Teammates see this name next to your cursor.'}
        </p>
        <div className="name-field">
          <Avatar name={draft.trim() || '?'} color={color ?? '#94a3b8'} size="large" />
          <label className="field">
            <span className="field__label">Display name</span>
            <input
              className="input"
              // biome-ignore lint/a11y/noAutofocus: the dialog exists only to take this input.
              autoFocus
              value={draft}
              maxLength={MAX_NAME_LENGTH}
              autoComplete="name"
              placeholder="e.g. Ada Lovelace"
              aria-invalid={error !== null}
              onChange={(event) => {
                setDraft(event.target.value)
                setError(null)
              }}
            />
          </label>
        </div>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <div className="modal__actions">
          {onCancel && (
            <button type="button" className="button button--ghost" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button--primary">
            {firstVisit ? 'Continue' : 'Save'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
