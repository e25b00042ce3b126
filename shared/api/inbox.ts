/**
 * `GET /api/inbox`: per briefing, open comment threads and the caller's unread mentions. Its
 * own module, apart from the comment schemas, so the briefing list carries only this one.
 */
import { z } from 'zod'

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

export type Inbox = z.infer<typeof inboxResponse>
