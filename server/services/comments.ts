/**
 * Comments: threads anchored in a briefing's text or on a quote block, replies, edits and
 * deletes of one's own comments, resolving and reopening, mentions and the inbox. Threads
 * are stored beside the document (server/store/commentStore.ts); each change is announced
 * as a `comments-changed` domain event, which reaches every open editor on every instance.
 */
import { randomUUID } from 'node:crypto'
import type * as Y from 'yjs'
import { can } from '../../shared/access'
import type { AnchorRequest, Thread } from '../../shared/api/comments'
import type { Inbox } from '../../shared/api/inbox'
import {
  type Anchor,
  AnchorNotFound,
  anchoredText,
  anchorOnQuote,
  anchorOnText,
} from '../../shared/comments/anchor'
import { type BriefingAccess, resolveAccess } from '../auth/access'
import { readDocument } from '../collab/readDocument'
import { threadsInOrder } from '../comments/threadView'
import type { ThreadRecord } from '../store/commentStore'
import { recordAudit } from './audit'
import type { Actor, ServiceDeps } from './deps'
import { notFoundError, ServiceError } from './errors'

/** Longest quoted text a thread keeps; a longer range is cut with an ellipsis. */
const MAX_QUOTED_TEXT = 2_000

export interface CommentInput {
  body: string
  mentions: readonly string[]
}

export class CommentsService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, briefingId: string): Promise<Thread[]> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'read')
    const records = await this.deps.stores.comments.listThreads(briefing.id)
    return this.read(briefing.id, (doc) => threadsInOrder(doc, records))
  }

  async create(
    actor: Actor,
    briefingId: string,
    input: CommentInput & { anchor: AnchorRequest },
  ): Promise<Thread> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'comment')
    await this.checkMentions(briefing.id, input.mentions)
    const { anchor, quotedText } = await this.read(briefing.id, (doc) =>
      placeNew(doc, input.anchor),
    )
    const now = this.deps.now().toISOString()
    const threadId = randomUUID()
    await this.deps.stores.comments.createThread(
      {
        id: threadId,
        briefingId: briefing.id,
        anchor,
        quotedText,
        createdAt: now,
        createdBy: actor.auth.user.id,
      },
      this.newComment(actor, threadId, input, now),
    )
    return this.changed(briefing.id, threadId)
  }

  async reply(
    actor: Actor,
    briefingId: string,
    threadId: string,
    input: CommentInput,
  ): Promise<Thread> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'comment')
    await this.thread(briefing.id, threadId)
    await this.checkMentions(briefing.id, input.mentions)
    const now = this.deps.now().toISOString()
    await this.deps.stores.comments.addComment(
      briefing.id,
      this.newComment(actor, threadId, input, now),
    )
    return this.changed(briefing.id, threadId)
  }

  /** Changes the body (and mentions) of the caller's own comment. */
  async edit(
    actor: Actor,
    briefingId: string,
    threadId: string,
    commentId: string,
    input: CommentInput,
  ): Promise<Thread> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'comment')
    await this.ownComment(actor, briefing.id, threadId, commentId, 'edit')
    await this.checkMentions(briefing.id, input.mentions)
    await this.deps.stores.comments.editComment(briefing.id, commentId, {
      body: input.body,
      mentionIds: input.mentions,
      editedAt: this.deps.now().toISOString(),
    })
    return this.changed(briefing.id, threadId)
  }

  /** Deletes the caller's own comment; a thread left without comments goes with it. */
  async remove(actor: Actor, briefingId: string, threadId: string, commentId: string) {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'comment')
    const comment = await this.ownComment(actor, briefing.id, threadId, commentId, 'delete')
    const { threadDeleted } = await this.deps.stores.comments.deleteComment(threadId, commentId)
    await this.audit(actor, briefing, 'briefing.comment_deleted', {
      threadId,
      commentId,
      threadDeleted,
      body: comment.body.slice(0, 200),
    })
    await this.deps.events.publish({ type: 'comments-changed', briefingId: briefing.id, threadId })
  }

  /** Resolves or reopens: the thread's author, or an editor or owner of the briefing. */
  async setStatus(
    actor: Actor,
    briefingId: string,
    threadId: string,
    status: 'open' | 'resolved',
  ): Promise<Thread> {
    const access = await this.deps.access.require(actor.auth, briefingId, 'comment')
    const thread = await this.thread(access.briefing.id, threadId)
    if (thread.createdBy !== actor.auth.user.id && !can(access.role, 'moderate')) {
      throw new ServiceError(
        'forbidden',
        'forbidden',
        `only the thread's author, editors and owners may ${status === 'open' ? 'reopen' : 'resolve'} it`,
      )
    }
    if (thread.status !== status) {
      const resolved = status === 'resolved'
      await this.deps.stores.comments.setStatus(threadId, {
        status,
        by: resolved ? actor.auth.user.id : null,
        at: resolved ? this.deps.now().toISOString() : null,
      })
      await this.audit(
        actor,
        access.briefing,
        resolved ? 'briefing.thread_resolved' : 'briefing.thread_reopened',
        { threadId, quotedText: thread.quotedText.slice(0, 200) },
      )
    }
    return this.changed(access.briefing.id, threadId)
  }

  /** Open threads and unread mentions of every briefing the caller can see that has any. */
  async inbox(actor: Actor): Promise<Inbox> {
    const rows = await this.deps.stores.briefings.listForUser(actor.auth.user.id)
    // A team briefing kept to its shares is listed for every member; only those the caller
    // can open count, or the counts would tell of briefings they cannot see.
    const ids = rows.filter((row) => resolveAccess(row, false)).map((row) => row.id)
    return { briefings: await this.deps.stores.comments.inbox(actor.auth.user.id, ids) }
  }

  /** Marks the caller's mentions in the briefing read (the panel was opened). */
  async markRead(actor: Actor, briefingId: string): Promise<void> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'read')
    await this.deps.stores.comments.markMentionsRead(
      actor.auth.user.id,
      briefing.id,
      this.deps.now().toISOString(),
    )
  }

  private newComment(actor: Actor, threadId: string, input: CommentInput, now: string) {
    return {
      id: randomUUID(),
      threadId,
      authorId: actor.auth.user.id,
      body: input.body,
      mentionIds: input.mentions,
      createdAt: now,
    }
  }

  private read<T>(briefingId: string, read: (doc: Y.Doc) => T): Promise<T> {
    return readDocument(this.deps.registry, this.deps.stores.documents, briefingId, read)
  }

  private async thread(briefingId: string, threadId: string): Promise<ThreadRecord> {
    const thread = await this.deps.stores.comments.getThread(briefingId, threadId)
    if (!thread) throw notFoundError('thread')
    return thread
  }

  private async ownComment(
    actor: Actor,
    briefingId: string,
    threadId: string,
    commentId: string,
    verb: 'edit' | 'delete',
  ) {
    const comment = (await this.thread(briefingId, threadId)).comments.find(
      (c) => c.id === commentId,
    )
    if (!comment) throw notFoundError('comment')
    if (comment.author.id !== actor.auth.user.id) {
      throw new ServiceError('forbidden', 'forbidden', `you may only ${verb} your own comments`)
    }
    return comment
  }

  /** Everyone mentioned must be able to read the briefing, or the mention would leak it. */
  private async checkMentions(briefingId: string, userIds: readonly string[]): Promise<void> {
    for (const userId of userIds) {
      if (!(await this.deps.access.roleOf(userId, briefingId))) {
        throw new ServiceError(
          'invalid',
          'invalid_input',
          `body field "mentions": ${userId} is not someone who can read this briefing`,
          'mentions',
        )
      }
    }
  }

  /** The thread as it is now, after telling every open editor that it changed. */
  private async changed(briefingId: string, threadId: string): Promise<Thread> {
    await this.deps.events.publish({ type: 'comments-changed', briefingId, threadId })
    const record = await this.thread(briefingId, threadId)
    return this.read(briefingId, (doc) => threadsInOrder(doc, [record])[0]!)
  }

  private audit(
    actor: Actor,
    briefing: BriefingAccess['briefing'],
    action: string,
    details: Record<string, unknown>,
  ) {
    return recordAudit(
      this.deps,
      { actorId: actor.auth.user.id, ip: actor.ip },
      { teamId: briefing.teamId, action, target: briefing.id, details },
    )
  }
}

/** The stored anchor and quoted text of a new thread's requested anchor, checked on `doc`. */
function placeNew(doc: Y.Doc, request: AnchorRequest): { anchor: Anchor; quotedText: string } {
  try {
    const anchor: Anchor =
      'text' in request
        ? anchorOnText(doc, request.text)
        : 'quoteId' in request
          ? anchorOnQuote(doc, request.quoteId)
          : request
    const text = anchoredText(doc, anchor)
    const quotedText = text.length > MAX_QUOTED_TEXT ? `${text.slice(0, MAX_QUOTED_TEXT)}…` : text
    return { anchor, quotedText }
  } catch (err) {
    if (err instanceof AnchorNotFound) {
      throw new ServiceError(
        'invalid',
        'invalid_input',
        `body field "anchor": ${err.message}`,
        'anchor',
      )
    }
    throw err
  }
}
