/** `GET /api/inbox`: the briefing list's comment and mention counts. */
import { type Inbox, inboxResponse } from '../../../shared/api/inbox'
import { parseWith, requestJson } from './http'

export type { Inbox }

export function getInbox(): Promise<Inbox> {
  return requestJson('GET', '/api/inbox', parseWith(inboxResponse, 'inbox'))
}
