/** `/api/briefings/:id/comments`: comment threads anchored in a briefing, and the inbox. */
import { z } from 'zod'
import { time } from './fields'

/** Longest comment body, in characters. */
export const MAX_COMMENT_LENGTH = 5_000
/** Most people one comment may mention. */
export const MAX_MENTIONS = 20
/** Longest text a script may anchor a thread on with `{text}`. */
export const MAX_ANCHOR_TEXT = 1_000

const encodedPosition = z.string().min(1, 'must not be empty').max(512)

/**
 * Where a new thread goes: a range as the editor makes it (two encoded Yjs relative
 * positions), or, for scripts, a quote block by id or the first occurrence of some text.
 */
export const anchorRequest = z.union([
  z.object({ kind: z.literal('range'), start: encodedPosition, end: encodedPosition }).strict(),
  z.object({ kind: z.literal('quote').optional(), quoteId: z.string().min(1).max(200) }).strict(),
  z.object({ text: z.string().min(1, 'must not be empty').max(MAX_ANCHOR_TEXT) }).strict(),
])
export type AnchorRequest = z.infer<typeof anchorRequest>

/** Plain text; mentions are by user id beside it, so the body needs no markup to parse. */
const commentBody = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_COMMENT_LENGTH, `must be at most ${MAX_COMMENT_LENGTH} characters`)
const mentionIds = z
  .array(z.string().min(1).max(64))
  .max(MAX_MENTIONS, `at most ${MAX_MENTIONS} people`)
  .default([])

export const createThreadRequest = z
  .object({ anchor: anchorRequest, body: commentBody, mentions: mentionIds })
  .strict()
export const replyRequest = z.object({ body: commentBody, mentions: mentionIds }).strict()
export const editCommentRequest = z.object({ body: commentBody, mentions: mentionIds }).strict()
export const threadStatusRequest = z.object({ status: z.enum(['open', 'resolved']) }).strict()

export const anchor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('range'), start: z.string(), end: z.string() }),
  z.object({ kind: z.literal('quote'), quoteId: z.string() }),
])

export const person = z.object({ id: z.string(), name: z.string() })

export const comment = z.object({
  id: z.string(),
  author: person,
  body: z.string(),
  mentions: z.array(person),
  createdAt: time,
  editedAt: time.nullable(),
})

export const THREAD_STATUSES = ['open', 'resolved'] as const

export const thread = z.object({
  id: z.string(),
  anchor,
  /** What the anchored text said when the thread was started; kept when the text goes. */
  quotedText: z.string(),
  status: z.enum(THREAD_STATUSES),
  /** The anchored text is no longer in the document. */
  textRemoved: z.boolean(),
  createdAt: time,
  resolvedBy: person.nullable(),
  resolvedAt: time.nullable(),
  comments: z.array(comment),
})

/** Threads in document order; those whose text was removed come last, oldest first. */
export const threadListResponse = z.object({ threads: z.array(thread) })
export const threadResponse = z.object({ thread })

/** Per briefing the caller can see that has any: open threads and mentions not yet read. */
export const inboxResponse = z.object({
  briefings: z.array(
    z.object({
      briefingId: z.string(),
      openThreads: z.number().int(),
      unreadMentions: z.number().int(),
    }),
  ),
})

export type Thread = z.infer<typeof thread>
export type Comment = z.infer<typeof comment>
export type Inbox = z.infer<typeof inboxResponse>
