/** `/api/briefings/:id/comments`: comment threads anchored in a briefing, and the inbox. */
import { z } from 'zod'

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

/** ISO 8601 time. Not `fields.time`: importing fields here splits it into a chunk of its own
 * on the client, a request more on the editor page (bench/lib/pageWeight.ts). */
const time = z.string()

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

/**
 * Who a comment may mention, as the comments panel reads it from `GET /api/briefings/:id/shares`
 * (shared/api/briefings.ts `sharesResponse`): only the fields it needs, so the panel does not
 * load the sharing contract.
 */
export const mentionableResponse = z.object({
  shares: z.array(z.looseObject({ userId: z.string(), name: z.string() })),
})

export type Thread = z.infer<typeof thread>
export type Comment = z.infer<typeof comment>
