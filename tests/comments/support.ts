/**
 * Helpers for the comment tests: a briefing with one person of every role, text written
 * into it over a real y-websocket client, and REST calls that check their status.
 */
import { expect } from 'vitest'
import type { BriefingRole } from '../../shared/access'
import type { Thread } from '../../shared/api/comments'
import { share } from '../access/people'
import { appendParagraph, connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

export interface Cast {
  briefingId: string
  owner: TestUser
  editor: TestUser
  commenter: TestUser
  viewer: TestUser
  /** Signed in, but nothing shared with them. */
  outsider: TestUser
  /** The owner's open client on the briefing. */
  client: TestClient
}

/** A briefing kept to its shares (team default none), its cast, and a client of the owner's. */
export async function castFor(baseUrl: string, wsUrl: string): Promise<Cast> {
  const [owner, editor, commenter, viewer, outsider] = await Promise.all(
    ['Owner', 'Editor', 'Commenter', 'Viewer', 'Outsider'].map((name) => signUp(baseUrl, { name })),
  )
  const briefingId = await createBriefingAs(owner!, 'Reviewed', { teamRole: 'none' })
  const roles: Array<[TestUser, BriefingRole]> = [
    [editor!, 'editor'],
    [commenter!, 'commenter'],
    [viewer!, 'viewer'],
  ]
  for (const [user, role] of roles) await share(owner!, briefingId, user, role)
  const client = connectClient(wsUrl, briefingId, {
    params: { token: await collabToken(owner!, briefingId) },
  })
  await waitSynced(client)
  return {
    briefingId,
    owner: owner!,
    editor: editor!,
    commenter: commenter!,
    viewer: viewer!,
    outsider: outsider!,
    client,
  }
}

/** Writes paragraphs as the owner and waits until the server's document holds them. */
export async function writeText(cast: Cast, ...paragraphs: string[]): Promise<void> {
  for (const text of paragraphs) appendParagraph(cast.client, text)
  const last = paragraphs.at(-1)!
  await waitFor(async () => {
    const res = await cast.owner.api(`/api/briefings/${cast.briefingId}/content`)
    return (await res.text()).includes(last)
  }, `the server has "${last}"`)
}

/** Calls the API as `user`, expects `status`, and returns the JSON body (or null for 204). */
export async function call<T = Record<string, unknown>>(
  user: TestUser,
  method: string,
  path: string,
  status: number,
  body?: unknown,
): Promise<T> {
  const res = await user.api(path, { method, body })
  const text = await res.text()
  expect({ method, path, status: res.status }, text).toEqual({ method, path, status })
  return (text ? JSON.parse(text) : null) as T
}

/** Starts a thread as `user` on the first occurrence of `text`; returns it. */
export async function startThread(
  cast: Cast,
  user: TestUser,
  text: string,
  body = 'Is this right?',
  mentions: string[] = [],
): Promise<Thread> {
  const { thread } = await call<{ thread: Thread }>(
    user,
    'POST',
    `/api/briefings/${cast.briefingId}/comments`,
    201,
    { anchor: { text }, body, mentions },
  )
  return thread
}

export async function threadsOf(cast: Cast, user: TestUser = cast.owner): Promise<Thread[]> {
  const { threads } = await call<{ threads: Thread[] }>(
    user,
    'GET',
    `/api/briefings/${cast.briefingId}/comments`,
    200,
  )
  return threads
}
