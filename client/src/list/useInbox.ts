/**
 * Per briefing, its open comment threads and the caller's unread mentions (`GET /api/inbox`),
 * for the list's counts. A failed read shows no counts rather than an error: the list itself
 * is what the page is for.
 */
import { useEffect, useState } from 'react'
import { getInbox, type Inbox } from '../api/inbox'

export type InboxCounts = Inbox['briefings'][number]

export function useInbox(): ReadonlyMap<string, InboxCounts> {
  const [counts, setCounts] = useState<ReadonlyMap<string, InboxCounts>>(new Map())
  useEffect(() => {
    let live = true
    getInbox().then(
      (inbox) => {
        if (live) setCounts(new Map(inbox.briefings.map((entry) => [entry.briefingId, entry])))
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  return counts
}
