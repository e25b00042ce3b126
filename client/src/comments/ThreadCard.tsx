/**
 * One comment thread in the panel: the words it is about (or that they were removed), its
 * comments as plain text, and, once selected, reply, resolve or reopen, and edit or delete
 * of one's own comments. What the buttons offer mirrors what the server allows.
 */
import { useState } from 'react'
import type { Comment, Thread } from '../../../shared/api/comments'
import { deleteComment, editComment, replyToThread, setThreadStatus } from '../api/comments'
import { CommentComposer, type Mentionable } from './CommentComposer'

interface ThreadCardProps {
  briefingId: string
  thread: Thread
  selected: boolean
  me: string
  mayComment: boolean
  mayModerate: boolean
  people: readonly Mentionable[]
  onSelect: () => void
  /** The server changed the thread; the list reads it again. */
  onChanged: () => void
}

export function ThreadCard({
  briefingId,
  thread,
  selected,
  me,
  mayComment,
  mayModerate,
  people,
  onSelect,
  onChanged,
}: ThreadCardProps) {
  const [error, setError] = useState<string | null>(null)
  const author = thread.comments[0]?.author.id
  const mayResolve = mayComment && (mayModerate || author === me)
  const act = (work: () => Promise<unknown>) => {
    setError(null)
    work().then(onChanged, (err: unknown) =>
      setError(err instanceof Error ? err.message : String(err)),
    )
  }

  return (
    <article
      className={`comment-thread${selected ? ' comment-thread--selected' : ''}${thread.status === 'resolved' ? ' comment-thread--resolved' : ''}`}
      data-thread-id={thread.id}
      aria-label={`Comments on “${thread.quotedText}”`}
    >
      <button type="button" className="comment-thread__anchor" onClick={onSelect}>
        <span className="comment-thread__quote">{thread.quotedText}</span>
        {thread.textRemoved && <span className="comment-thread__removed">Text removed</span>}
        {thread.status === 'resolved' && <span className="comment-thread__status">Resolved</span>}
      </button>
      <ol className="comment-thread__comments">
        {thread.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            mine={mayComment && comment.author.id === me}
            onEdit={(body) => {
              // Mentions whose names are still in the text stay.
              const kept = comment.mentions.filter((m) => body.includes(`@${m.name}`))
              const ids = kept.map((m) => m.id)
              return editComment(briefingId, thread.id, comment.id, body, ids).then(onChanged)
            }}
            onDelete={() => act(() => deleteComment(briefingId, thread.id, comment.id))}
          />
        ))}
      </ol>
      {error && (
        <p className="comment-thread__error" role="alert">
          {error}
        </p>
      )}
      {selected && (
        <div className="comment-thread__footer">
          {mayComment && thread.status === 'open' && (
            <CommentComposer
              label="Reply"
              submitLabel="Reply"
              people={people}
              onSubmit={async (body, mentions) => {
                await replyToThread(briefingId, thread.id, body, mentions)
                onChanged()
              }}
            />
          )}
          {mayResolve && (
            <button
              type="button"
              className="button button--small"
              onClick={() =>
                act(() =>
                  setThreadStatus(
                    briefingId,
                    thread.id,
                    thread.status === 'open' ? 'resolved' : 'open',
                  ),
                )
              }
            >
              {thread.status === 'open' ? 'Resolve' : 'Reopen'}
            </button>
          )}
        </div>
      )}
    </article>
  )
}

interface CommentItemProps {
  comment: Comment
  mine: boolean
  onEdit: (body: string) => Promise<void>
  onDelete: () => void
}

function CommentItem({ comment, mine, onEdit, onDelete }: CommentItemProps) {
  const [editing, setEditing] = useState(false)
  return (
    <li className="comment">
      <div className="comment__meta">
        <strong className="comment__author">{comment.author.name}</strong>
        <time dateTime={comment.createdAt}>{new Date(comment.createdAt).toLocaleString()}</time>
        {comment.editedAt && <span className="comment__edited">(edited)</span>}
      </div>
      {editing ? (
        <CommentComposer
          label="Edit comment"
          submitLabel="Save"
          people={[]}
          initial={comment.body}
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await onEdit(body)
            setEditing(false)
          }}
        />
      ) : (
        // Plain text: React escapes it, and line breaks are kept by CSS, never by markup.
        <p className="comment__body">{comment.body}</p>
      )}
      {mine && !editing && (
        <div className="comment__actions">
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="link-button" onClick={onDelete}>
            Delete
          </button>
        </div>
      )}
    </li>
  )
}
