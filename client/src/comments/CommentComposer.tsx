/**
 * Writing a comment: plain text, with people who can read the briefing mentioned by picking
 * them (their "@Name" goes into the text and their id beside it, so the server can check
 * and notify them without parsing the text).
 */
import { type FormEvent, useState } from 'react'
import { MAX_COMMENT_LENGTH } from '../../../shared/api/comments'

export interface Mentionable {
  id: string
  name: string
}

interface CommentComposerProps {
  label: string
  submitLabel: string
  people: readonly Mentionable[]
  initial?: string
  onSubmit: (body: string, mentions: string[]) => Promise<void>
  onCancel?: () => void
}

export function CommentComposer({
  label,
  submitLabel,
  people,
  initial = '',
  onSubmit,
  onCancel,
}: CommentComposerProps) {
  const [body, setBody] = useState(initial)
  const [mentioned, setMentioned] = useState<Mentionable[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const mention = (id: string) => {
    const person = people.find((p) => p.id === id)
    if (!person) return
    setBody((text) => `${text}${text && !text.endsWith(' ') ? ' ' : ''}@${person.name} `)
    setMentioned((list) => (list.some((p) => p.id === id) ? list : [...list, person]))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!body.trim()) return
    setBusy(true)
    setError(null)
    try {
      // A mention whose name was deleted from the text is not sent.
      const ids = mentioned.filter((p) => body.includes(`@${p.name}`)).map((p) => p.id)
      await onSubmit(body, ids)
      setBody('')
      setMentioned([])
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="comment-composer" onSubmit={submit}>
      <textarea
        className="comment-composer__text"
        aria-label={label}
        placeholder={label}
        value={body}
        maxLength={MAX_COMMENT_LENGTH}
        rows={3}
        onChange={(event) => setBody(event.target.value)}
      />
      {error && (
        <p className="comment-composer__error" role="alert">
          {error}
        </p>
      )}
      <div className="comment-composer__actions">
        {people.length > 0 && (
          <select
            className="comment-composer__mention"
            aria-label="Mention someone"
            value=""
            onChange={(event) => mention(event.target.value)}
          >
            <option value="">@ Mention…</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        )}
        {onCancel && (
          <button type="button" className="button button--small" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={busy || !body.trim()}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  )
}
