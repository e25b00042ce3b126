/** The comments API (`/api/briefings/:id/comments`, `/api/inbox`), parsed with the contract. */
import {
  type AnchorRequest,
  mentionableResponse,
  type Thread,
  threadListResponse,
  threadResponse,
} from '../../../shared/api/comments'
import { parseWith, requestJson } from './http'

export type { Thread }

const commentsPath = (briefingId: string, ...rest: string[]) =>
  [
    `/api/briefings/${encodeURIComponent(briefingId)}/comments`,
    ...rest.map(encodeURIComponent),
  ].join('/')
const parseThread = parseWith(threadResponse, 'thread')

/** Threads in document order, those whose text was removed last. */
export async function listThreads(briefingId: string): Promise<Thread[]> {
  const body = await requestJson(
    'GET',
    commentsPath(briefingId),
    parseWith(threadListResponse, 'threads'),
  )
  return body.threads
}

export async function startThread(
  briefingId: string,
  anchor: AnchorRequest,
  body: string,
  mentions: string[],
): Promise<Thread> {
  return (
    await requestJson('POST', commentsPath(briefingId), parseThread, { anchor, body, mentions })
  ).thread
}

export async function replyToThread(
  briefingId: string,
  threadId: string,
  body: string,
  mentions: string[],
): Promise<Thread> {
  return (
    await requestJson('POST', commentsPath(briefingId, threadId, 'replies'), parseThread, {
      body,
      mentions,
    })
  ).thread
}

export async function setThreadStatus(
  briefingId: string,
  threadId: string,
  status: 'open' | 'resolved',
): Promise<Thread> {
  return (await requestJson('PATCH', commentsPath(briefingId, threadId), parseThread, { status }))
    .thread
}

export async function editComment(
  briefingId: string,
  threadId: string,
  commentId: string,
  body: string,
  mentions: string[],
): Promise<Thread> {
  const path = commentsPath(briefingId, threadId, 'comments', commentId)
  return (await requestJson('PATCH', path, parseThread, { body, mentions })).thread
}

export function deleteComment(briefingId: string, threadId: string, commentId: string) {
  const path = commentsPath(briefingId, threadId, 'comments', commentId)
  return requestJson('DELETE', path, () => undefined)
}

/** Marks the caller's mentions in the briefing read. */
export function markMentionsRead(briefingId: string): Promise<void> {
  return requestJson('POST', commentsPath(briefingId, 'read'), () => undefined)
}

/** People the briefing is shared with by name: whom a comment may mention. */
export async function listMentionable(
  briefingId: string,
): Promise<Array<{ id: string; name: string }>> {
  const path = `/api/briefings/${encodeURIComponent(briefingId)}/shares`
  const { shares } = await requestJson('GET', path, parseWith(mentionableResponse, 'shares'))
  return shares.map((share) => ({ id: share.userId, name: share.name }))
}
