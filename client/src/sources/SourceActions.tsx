/**
 * Corrections and removal of one source, under its title in the panel. A correction changes
 * what citations print (title, byline, publisher, date), never the text quotes are checked
 * against. Removal is refused by the server while anything cites the source; its answer names
 * each quote block and citation, and is shown as it comes.
 */
import { type FormEvent, useId, useState } from 'react'
import type { Source } from '../../../shared/sources'
import { ApiError, errorMessage } from '../api/apiError'
import { correctSource, removeSource, type SourceCorrection } from '../api/sources'
import { Notice } from '../ui/Notice'
import { sourceTitle } from './sourceLabels'

interface SourceActionsProps {
  briefingId: string
  source: Source
  /** Called once the server has removed the source, with the title it had. */
  onRemoved: (title: string) => void
}

type Mode =
  | { kind: 'idle' }
  | { kind: 'editing' }
  | { kind: 'confirm-remove' }
  | { kind: 'busy' }
  | { kind: 'refused'; message: string }

export function SourceActions({ briefingId, source, onRemoved }: SourceActionsProps) {
  const [mode, setMode] = useState<Mode>({ kind: 'idle' })
  const title = sourceTitle(source)

  const remove = async () => {
    setMode({ kind: 'busy' })
    try {
      await removeSource(briefingId, source.id)
      onRemoved(title)
    } catch (err) {
      setMode({ kind: 'refused', message: errorMessage(err) })
    }
  }

  if (mode.kind === 'editing') {
    return (
      <SourceDetailsForm
        briefingId={briefingId}
        source={source}
        onDone={() => setMode({ kind: 'idle' })}
      />
    )
  }
  return (
    <div className="source-actions">
      {mode.kind === 'confirm-remove' || mode.kind === 'busy' ? (
        <div className="source-actions__confirm">
          <span>Remove “{title}” from the briefing?</span>
          <button
            type="button"
            className="button button--danger button--small"
            disabled={mode.kind === 'busy'}
            onClick={remove}
          >
            Remove
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={mode.kind === 'busy'}
            onClick={() => setMode({ kind: 'idle' })}
          >
            Keep it
          </button>
        </div>
      ) : (
        <div className="source-actions__row">
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setMode({ kind: 'editing' })}
          >
            Edit details
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setMode({ kind: 'confirm-remove' })}
          >
            Remove source
          </button>
        </div>
      )}
      {mode.kind === 'refused' && (
        <Notice
          tone="error"
          action={{ label: 'Dismiss', onClick: () => setMode({ kind: 'idle' }) }}
        >
          <strong>This source cannot be removed.</strong> {mode.message}
        </Notice>
      )}
    </div>
  )
}

const FIELD_LABELS = {
  title: 'Title',
  byline: 'Byline',
  publisher: 'Publisher',
  publishedAt: 'Published',
} as const

/** The server's refusal, worded by the form's own label when it names one of its fields. */
function fieldError(err: unknown): { message: string; field?: string } {
  const field = err instanceof ApiError ? err.field : undefined
  if (!field || !(field in FIELD_LABELS)) return { message: errorMessage(err) }
  const reason = errorMessage(err).replace(/^Body field "[^"]*": /, '')
  return { message: `${FIELD_LABELS[field as keyof Fields]} ${reason}`, field }
}

interface Fields {
  title: string
  byline: string
  publisher: string
  publishedAt: string
}

function SourceDetailsForm({
  briefingId,
  source,
  onDone,
}: {
  briefingId: string
  source: Source
  onDone: () => void
}) {
  const [initial] = useState<Fields>(() => ({
    title: source.title ?? '',
    byline: source.byline ?? '',
    publisher: source.publisher ?? '',
    publishedAt: source.publishedAt?.slice(0, 10) ?? '',
  }))
  const [fields, setFields] = useState<Fields>(initial)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<{ message: string; field?: string } | null>(null)
  const id = useId()
  const titleProblem = fields.title.trim() === '' ? 'A source needs a title.' : null

  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (saving || titleProblem) return
    setSaving(true)
    setError(null)
    // Only what was changed is sent: an untouched date keeps the time the importer found.
    const changes = changedFields(initial, fields)
    try {
      if (Object.keys(changes).length > 0) await correctSource(briefingId, source.id, changes)
      onDone()
    } catch (err) {
      setError(fieldError(err))
      setSaving(false)
    }
  }

  const input = (name: keyof Fields, placeholder = '') => (
    <label className="field" htmlFor={`${id}-${name}`}>
      <span className="field__label">{FIELD_LABELS[name]}</span>
      <input
        id={`${id}-${name}`}
        className="input"
        value={fields[name]}
        placeholder={placeholder}
        disabled={saving}
        aria-invalid={error?.field === name || (name === 'title' && titleProblem !== null)}
        onChange={(event) => {
          setFields({ ...fields, [name]: event.target.value })
          if (error?.field === name) setError(null)
        }}
      />
    </label>
  )

  return (
    <form className="source-details-form" onSubmit={save} aria-label="Source details" noValidate>
      {input('title')}
      {input('byline', 'By Jo Smith')}
      {input('publisher', 'Coastal Times')}
      {input('publishedAt', 'YYYY-MM-DD')}
      {(error || titleProblem) && (
        <p className="field__error" role="alert">
          {error?.message ?? titleProblem}
        </p>
      )}
      <div className="source-details-form__actions">
        <button
          type="button"
          className="button button--ghost button--small"
          disabled={saving}
          onClick={onDone}
        >
          Cancel
        </button>
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={saving || titleProblem !== null}
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  )
}

function changedFields(before: Fields, after: Fields): SourceCorrection {
  const changes: SourceCorrection = {}
  if (after.title !== before.title) changes.title = after.title
  if (after.byline !== before.byline) changes.byline = after.byline
  if (after.publisher !== before.publisher) changes.publisher = after.publisher
  if (after.publishedAt !== before.publishedAt) {
    changes.publishedAt = after.publishedAt.trim() === '' ? null : after.publishedAt.trim()
  }
  return changes
}
