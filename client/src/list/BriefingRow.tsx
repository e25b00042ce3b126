/** One briefing in the list: a link to open it, its last edit time, rename and delete. */
import { type FormEvent, useState } from 'react'
import { can } from '../../../shared/access'
import { MAX_TITLE_LENGTH } from '../../../shared/briefing'
import { errorMessage } from '../api/apiError'
import type { BriefingRecord } from '../api/briefings'
import { Link } from '../router/Link'
import { BRIEFING_ROLE_LABELS } from '../sharing/roles'
import { IconButton } from '../ui/IconButton'
import { DocumentIcon, PencilIcon, TrashIcon } from '../ui/icons'
import { relativeTime } from './relativeTime'

interface BriefingRowProps {
  briefing: BriefingRecord
  now: Date
  /** Open comment threads and the caller's unread mentions, when it has any. */
  comments?: { openThreads: number; unreadMentions: number }
  onRename: (title: string) => Promise<void>
  onDelete: () => void
}

export function BriefingRow({ briefing, now, comments, onRename, onDelete }: BriefingRowProps) {
  const [renaming, setRenaming] = useState(false)
  const updated = relativeTime(briefing.updatedAt, now)
  // Without a role from the server, offer everything and let the server decide.
  const mayRename = !briefing.role || can(briefing.role, 'rename')
  const mayDelete = !briefing.role || can(briefing.role, 'delete')

  if (renaming) {
    return (
      <li className="briefing-row briefing-row--editing">
        <RenameForm briefing={briefing} onRename={onRename} onDone={() => setRenaming(false)} />
      </li>
    )
  }

  return (
    <li className="briefing-row">
      <span className="briefing-row__icon">
        <DocumentIcon />
      </span>
      <Link to={{ page: 'editor', briefingId: briefing.id }} className="briefing-row__link">
        <span className="briefing-row__title">{briefing.title || 'Untitled briefing'}</span>
        <span className="briefing-row__meta">
          <time
            className="briefing-row__time"
            dateTime={briefing.updatedAt}
            title={briefing.updatedAt}
          >
            Edited {updated}
          </time>
          {briefing.role && briefing.role !== 'owner' && (
            <span className="tag">{BRIEFING_ROLE_LABELS[briefing.role]}</span>
          )}
          {comments && comments.openThreads > 0 && (
            <span className="tag" data-testid="open-threads">
              {plural(comments.openThreads, 'open comment')}
            </span>
          )}
          {comments && comments.unreadMentions > 0 && (
            <span className="tag tag--attention" data-testid="unread-mentions">
              {plural(comments.unreadMentions, 'mention')} for you
            </span>
          )}
        </span>
      </Link>
      <div className="briefing-row__actions">
        {mayRename && (
          <IconButton
            label={`Rename ${briefing.title}`}
            title="Rename"
            onClick={() => setRenaming(true)}
          >
            <PencilIcon />
          </IconButton>
        )}
        {mayDelete && (
          <IconButton label={`Delete ${briefing.title}`} title="Delete" danger onClick={onDelete}>
            <TrashIcon />
          </IconButton>
        )}
      </div>
    </li>
  )
}

interface RenameFormProps {
  briefing: BriefingRecord
  onRename: (title: string) => Promise<void>
  onDone: () => void
}

function RenameForm({ briefing, onRename, onDone }: RenameFormProps) {
  const [title, setTitle] = useState(briefing.title)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const trimmed = title.trim()
    if (trimmed === briefing.title) return onDone()
    if (!trimmed) return setError('A title cannot be empty.')
    setBusy(true)
    try {
      await onRename(trimmed)
      onDone()
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <form className="rename-form" onSubmit={submit} noValidate>
      <input
        className="input"
        aria-label="New title"
        // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this field.
        autoFocus
        value={title}
        maxLength={MAX_TITLE_LENGTH}
        aria-invalid={error !== null}
        onFocus={(event) => event.target.select()}
        onChange={(event) => {
          setTitle(event.target.value)
          setError(null)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone()
        }}
      />
      <button type="submit" className="button button--primary button--small" disabled={busy}>
        Save
      </button>
      <button type="button" className="button button--ghost button--small" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <p className="field__error rename-form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
