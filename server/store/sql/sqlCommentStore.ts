/** CommentStore on any SqlClient backend. */
import type { Anchor } from '../../../shared/comments/anchor'
import type {
  CommentRecord,
  CommentStore,
  InboxCount,
  NewComment,
  Person,
  ThreadRecord,
  ThreadStatus,
} from '../commentStore'
import type { SqlClient } from './sqlClient'

interface ThreadRow {
  id: string
  briefingId: string
  anchor: string
  quotedText: string
  status: ThreadStatus
  createdBy: string
  createdAt: string
  resolvedById: string | null
  resolvedByName: string | null
  resolvedAt: string | null
}

interface CommentRow {
  id: string
  threadId: string
  authorId: string
  authorName: string | null
  body: string
  createdAt: string
  editedAt: string | null
}

const THREAD_SELECT = `SELECT t.id, t.briefing_id AS "briefingId", t.anchor,
  t.quoted_text AS "quotedText", t.status, t.created_by AS "createdBy", t.created_at AS "createdAt",
  t.resolved_by AS "resolvedById", r.name AS "resolvedByName", t.resolved_at AS "resolvedAt"
  FROM comment_threads t LEFT JOIN users r ON r.id = t.resolved_by`

const COMMENT_SELECT = `SELECT c.id, c.thread_id AS "threadId", c.author_id AS "authorId",
  u.name AS "authorName", c.body, c.created_at AS "createdAt", c.edited_at AS "editedAt"
  FROM comments c JOIN comment_threads t ON t.id = c.thread_id LEFT JOIN users u ON u.id = c.author_id`

/** Someone whose account is gone still wrote what they wrote. */
const person = (id: string, name: string | null): Person => ({ id, name: name ?? 'Former member' })

export class SqlCommentStore implements CommentStore {
  constructor(private readonly sql: SqlClient) {}

  async createThread(
    thread: Pick<ThreadRecord, 'id' | 'briefingId' | 'anchor' | 'quotedText' | 'createdAt'> & {
      createdBy: string
    },
    first: NewComment,
  ): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO comment_threads (id, briefing_id, anchor, quoted_text, status, created_by, created_at)
         VALUES (?, ?, ?, ?, 'open', ?, ?)`,
        [
          thread.id,
          thread.briefingId,
          JSON.stringify(thread.anchor),
          thread.quotedText,
          thread.createdBy,
          thread.createdAt,
        ],
      )
      await new SqlCommentStore(tx).addComment(thread.briefingId, first)
    })
  }

  async getThread(briefingId: string, threadId: string): Promise<ThreadRecord | undefined> {
    const row = await this.sql.get<ThreadRow>(
      `${THREAD_SELECT} WHERE t.briefing_id = ? AND t.id = ?`,
      [briefingId, threadId],
    )
    if (!row) return undefined
    return (await this.withComments([row], `t.id = ?`, [threadId]))[0]
  }

  async listThreads(briefingId: string): Promise<ThreadRecord[]> {
    const rows = await this.sql.all<ThreadRow>(
      `${THREAD_SELECT} WHERE t.briefing_id = ? ORDER BY t.created_at, t.id`,
      [briefingId],
    )
    return this.withComments(rows, `t.briefing_id = ?`, [briefingId])
  }

  /** The threads of `rows` with their comments and mentions, read by one filter on threads. */
  private async withComments(
    rows: ThreadRow[],
    where: string,
    params: unknown[],
  ): Promise<ThreadRecord[]> {
    const comments = await this.sql.all<CommentRow>(
      `${COMMENT_SELECT} WHERE ${where} ORDER BY c.seq`,
      params,
    )
    const mentions = await this.sql.all<{ commentId: string; userId: string; name: string }>(
      `SELECT m.comment_id AS "commentId", m.user_id AS "userId", u.name
       FROM comment_mentions m JOIN comments c ON c.id = m.comment_id
       JOIN comment_threads t ON t.id = c.thread_id JOIN users u ON u.id = m.user_id
       WHERE ${where} ORDER BY u.name, m.user_id`,
      params,
    )
    const mentionsOf = new Map<string, Person[]>()
    for (const m of mentions) {
      const list = mentionsOf.get(m.commentId) ?? []
      list.push({ id: m.userId, name: m.name })
      mentionsOf.set(m.commentId, list)
    }
    const commentsOf = new Map<string, CommentRecord[]>()
    for (const c of comments) {
      const list = commentsOf.get(c.threadId) ?? []
      list.push({
        id: c.id,
        threadId: c.threadId,
        author: person(c.authorId, c.authorName),
        body: c.body,
        mentions: mentionsOf.get(c.id) ?? [],
        createdAt: c.createdAt,
        editedAt: c.editedAt,
      })
      commentsOf.set(c.threadId, list)
    }
    return rows.map((row) => ({
      id: row.id,
      briefingId: row.briefingId,
      anchor: JSON.parse(row.anchor) as Anchor,
      quotedText: row.quotedText,
      status: row.status,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
      resolvedBy: row.resolvedById ? person(row.resolvedById, row.resolvedByName) : null,
      resolvedAt: row.resolvedAt,
      comments: commentsOf.get(row.id) ?? [],
    }))
  }

  async addComment(briefingId: string, comment: NewComment): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO comments (id, thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)`,
        [comment.id, comment.threadId, comment.authorId, comment.body, comment.createdAt],
      )
      await insertMentions(tx, briefingId, comment.id, comment.mentionIds)
    })
  }

  async editComment(
    briefingId: string,
    commentId: string,
    edit: { body: string; mentionIds: readonly string[]; editedAt: string },
  ): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run('UPDATE comments SET body = ?, edited_at = ? WHERE id = ?', [
        edit.body,
        edit.editedAt,
        commentId,
      ])
      // Someone mentioned before and again keeps their read mark; someone dropped loses the
      // mention; someone new gets an unread one.
      const before = await tx.all<{ userId: string }>(
        'SELECT user_id AS "userId" FROM comment_mentions WHERE comment_id = ?',
        [commentId],
      )
      const kept = new Set(edit.mentionIds)
      for (const { userId } of before) {
        if (!kept.has(userId)) {
          await tx.run('DELETE FROM comment_mentions WHERE comment_id = ? AND user_id = ?', [
            commentId,
            userId,
          ])
        }
      }
      const had = new Set(before.map((row) => row.userId))
      await insertMentions(
        tx,
        briefingId,
        commentId,
        edit.mentionIds.filter((id) => !had.has(id)),
      )
    })
  }

  async deleteComment(threadId: string, commentId: string): Promise<{ threadDeleted: boolean }> {
    return this.sql.transaction(async (tx) => {
      await tx.run('DELETE FROM comments WHERE id = ? AND thread_id = ?', [commentId, threadId])
      const left = await tx.get<{ n: number | string }>(
        'SELECT COUNT(*) AS n FROM comments WHERE thread_id = ?',
        [threadId],
      )
      if (Number(left?.n ?? 0) > 0) return { threadDeleted: false }
      await tx.run('DELETE FROM comment_threads WHERE id = ?', [threadId])
      return { threadDeleted: true }
    })
  }

  async setStatus(
    threadId: string,
    change: { status: ThreadStatus; by: string | null; at: string | null },
  ): Promise<void> {
    await this.sql.run(
      'UPDATE comment_threads SET status = ?, resolved_by = ?, resolved_at = ? WHERE id = ?',
      [change.status, change.by, change.at, threadId],
    )
  }

  async inbox(userId: string, briefingIds: readonly string[]): Promise<InboxCount[]> {
    if (briefingIds.length === 0) return []
    const list = briefingIds.map(() => '?').join(', ')
    const open = await this.sql.all<{ briefingId: string; n: number | string }>(
      `SELECT briefing_id AS "briefingId", COUNT(*) AS n FROM comment_threads
       WHERE status = 'open' AND briefing_id IN (${list}) GROUP BY briefing_id`,
      briefingIds,
    )
    const unread = await this.sql.all<{ briefingId: string; n: number | string }>(
      `SELECT briefing_id AS "briefingId", COUNT(*) AS n FROM comment_mentions
       WHERE user_id = ? AND read_at IS NULL AND briefing_id IN (${list}) GROUP BY briefing_id`,
      [userId, ...briefingIds],
    )
    const counts = new Map<string, InboxCount>()
    const entry = (briefingId: string) => {
      const found = counts.get(briefingId) ?? { briefingId, openThreads: 0, unreadMentions: 0 }
      counts.set(briefingId, found)
      return found
    }
    for (const row of open) entry(row.briefingId).openThreads = Number(row.n)
    for (const row of unread) entry(row.briefingId).unreadMentions = Number(row.n)
    return briefingIds.flatMap((id) => counts.get(id) ?? [])
  }

  async markMentionsRead(userId: string, briefingId: string, at: string): Promise<void> {
    await this.sql.run(
      'UPDATE comment_mentions SET read_at = ? WHERE user_id = ? AND briefing_id = ? AND read_at IS NULL',
      [at, userId, briefingId],
    )
  }
}

async function insertMentions(
  sql: SqlClient,
  briefingId: string,
  commentId: string,
  userIds: readonly string[],
): Promise<void> {
  for (const userId of new Set(userIds)) {
    await sql.run(
      'INSERT INTO comment_mentions (comment_id, user_id, briefing_id) VALUES (?, ?, ?)',
      [commentId, userId, briefingId],
    )
  }
}
