/** Title input and button that create a briefing and open it. */
import { type FormEvent, useState } from 'react'
import { MAX_TITLE_LENGTH } from '../../../shared/briefing'
import type { BriefingRecord } from '../api/briefings'
import { useFormSubmit } from '../auth/useFormSubmit'
import { PlusIcon } from '../ui/icons'

interface CreateBriefingFormProps {
  onCreate: (title: string) => Promise<BriefingRecord>
  onCreated: (briefing: BriefingRecord) => void
}

export function CreateBriefingForm({ onCreate, onCreated }: CreateBriefingFormProps) {
  const [title, setTitle] = useState('')
  const { busy, error, setError, run } = useFormSubmit([])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = title.trim()
    const problem = trimmed ? null : { field: null, message: 'Give the briefing a title first.' }
    run(problem, async () => {
      const briefing = await onCreate(trimmed)
      setTitle('')
      onCreated(briefing)
    })
  }

  return (
    <form className="create-form" onSubmit={submit} noValidate>
      <label className="visually-hidden" htmlFor="new-briefing-title">
        Title of a new briefing
      </label>
      <input
        id="new-briefing-title"
        className="input create-form__input"
        placeholder="Title of a new briefing"
        value={title}
        maxLength={MAX_TITLE_LENGTH}
        aria-invalid={error !== null}
        aria-describedby={error ? 'new-briefing-error' : undefined}
        onChange={(event) => {
          setTitle(event.target.value)
          setError(null)
        }}
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        <PlusIcon />
        {busy ? 'Creating…' : 'New briefing'}
      </button>
      {error && (
        <p id="new-briefing-error" className="field__error create-form__error" role="alert">
          {error.message}
        </p>
      )}
    </form>
  )
}
