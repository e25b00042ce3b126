/**
 * The briefing's title at the top of the page. Saved through the REST API when the user
 * leaves the field or presses Enter; Escape puts the saved title back.
 */
import { useEffect, useState } from 'react'
import { MAX_TITLE_LENGTH } from '../../../shared/briefing'
import { errorMessage } from '../api/apiError'
import type { BriefingRecord } from '../api/briefings'
import { renameBriefing } from '../api/briefings'

interface TitleFieldProps {
  briefing: BriefingRecord
  readOnly: boolean
  onRenamed: (briefing: BriefingRecord) => void
  /** Moves focus into the document body (Enter or ArrowDown at the end of the title). */
  onExit: () => void
}

export function TitleField({ briefing, readOnly, onRenamed, onExit }: TitleFieldProps) {
  const [draft, setDraft] = useState(briefing.title)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  // Follow the saved title, e.g. after the server normalised what was typed.
  useEffect(() => setDraft(briefing.title), [briefing.title])

  const save = async () => {
    const title = draft.trim().replace(/\s+/g, ' ')
    if (title === briefing.title) return setDraft(title)
    if (!title) {
      setDraft(briefing.title)
      return setError('A briefing needs a title; the previous one was kept.')
    }
    setSaving(true)
    try {
      const renamed = await renameBriefing(briefing.id, title)
      setError(null)
      onRenamed(renamed)
    } catch (err) {
      setError(`Title not saved: ${errorMessage(err)}`)
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="title-field">
      <textarea
        className="title-field__input"
        aria-label="Briefing title"
        placeholder="Untitled briefing"
        rows={1}
        value={draft}
        maxLength={MAX_TITLE_LENGTH}
        readOnly={readOnly}
        aria-invalid={error !== null}
        aria-busy={saving}
        onChange={(event) => {
          // A title is one line: pasted newlines become spaces.
          setDraft(event.target.value.replace(/[\r\n]+/g, ' '))
          setError(null)
        }}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            onExit()
          } else if (event.key === 'Escape') {
            setDraft(briefing.title)
            setError(null)
            event.currentTarget.blur()
          }
        }}
      />
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
