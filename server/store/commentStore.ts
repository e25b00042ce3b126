/** Comment threads, their comments and the mentions that make up each person's inbox. */
import type { Anchor } from '../../shared/comments/anchor'

export type ThreadStatus = 'open' | 'resolved'

export interface Person {
  id: string
  name: string
}

export interface CommentRecord {
  id: string
  threadId: string
  author: Person
  body: string
  mentions: Person[]
  createdAt: string
  editedAt: string | null
}

export interface ThreadRecord {
  id: string
  briefingId: string
  anchor: Anchor
  quotedText: string
  status: ThreadStatus
  createdBy: string
  createdAt: string
  resolvedBy: Person | null
  resolvedAt: string | null
  /** In the order they were written. */
  comments: CommentRecord[]
}

export interface NewComment {
  id: string
  threadId: string
  authorId: string
  body: string
  mentionIds: readonly string[]
  createdAt: string
}

export interface InboxCount {
  briefingId: string
  openThreads: number
  unreadMentions: number
}

export interface CommentStore {
  createThread(
    thread: Pick<ThreadRecord, 'id' | 'briefingId' | 'anchor' | 'quotedText' | 'createdAt'> & {
      createdBy: string
    },
    first: NewComment,
  ): Promise<void>
  /** The thread if it belongs to the briefing; a thread id of another briefing is unknown here. */
  getThread(briefingId: string, threadId: string): Promise<ThreadRecord | undefined>
  listThreads(briefingId: string): Promise<ThreadRecord[]>
  addComment(briefingId: string, comment: NewComment): Promise<void>
  editComment(
    briefingId: string,
    commentId: string,
    edit: { body: string; mentionIds: readonly string[]; editedAt: string },
  ): Promise<void>
  /** Removes the comment, and its thread with it when it was the thread's last. */
  deleteComment(threadId: string, commentId: string): Promise<{ threadDeleted: boolean }>
  setStatus(
    threadId: string,
    change: { status: ThreadStatus; by: string | null; at: string | null },
  ): Promise<void>
  /** Per briefing among `briefingIds`: open threads and the user's unread mentions. */
  inbox(userId: string, briefingIds: readonly string[]): Promise<InboxCount[]>
  /** Marks every mention of the user in the briefing read. */
  markMentionsRead(userId: string, briefingId: string, at: string): Promise<void>
}
