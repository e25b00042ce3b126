/**
 * Comment threads over REST, on SQLite and on PostgreSQL: who may do what ([CM1]), what bad
 * input answers ([CM2]), the audit trail ([CM3]) and mentions in the inbox ([CM4]).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditPage } from '../../shared/api/fields'
import { apiToken, bearer, createTeam, joinByInvite } from '../access/people'
import { appendParagraph, connectClient, waitSynced } from '../helpers/clients'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { type Cast, call, castFor, startThread, threadsOf, writeText } from './support'

describe.each(['sqlite', 'postgres'] as const)('comments over REST (%s)', (backend) => {
  let server: TestServer
  let schema: TestSchema | undefined
  let cast: Cast
  let at: string

  beforeAll(async () => {
    schema = backend === 'postgres' ? await createTestSchema() : undefined
    server = await startTestServer(schema ? { databaseUrl: schema.url } : {})
    cast = await castFor(server.url, server.wsUrl)
    at = `/api/briefings/${cast.briefingId}/comments`
    await writeText(cast, 'The minister said talks resume on Monday.', 'Markets rose sharply.')
  })
  afterAll(async () => {
    cast?.client.destroy()
    await server?.close()
    await schema?.drop()
  })

  it('[CM1] owner, editor and commenter comment; a viewer reads; an outsider gets 404', async () => {
    const writers = [cast.owner, cast.editor, cast.commenter]
    const threads = new Map<TestUser, string>()
    for (const user of writers) {
      const thread = await startThread(cast, user, 'Markets', `asked by ${user.name}`)
      expect(thread).toMatchObject({ quotedText: 'Markets', status: 'open', textRemoved: false })
      expect(thread.comments).toMatchObject([
        { author: { id: user.id }, body: `asked by ${user.name}` },
      ])
      threads.set(user, thread.id)
    }
    const editorThread = threads.get(cast.editor)!
    const commenterThread = threads.get(cast.commenter)!
    const body = { anchor: { text: 'Markets' }, body: 'me too' }
    await call(cast.viewer, 'POST', at, 403, body)
    await call(cast.outsider, 'POST', at, 404, body)
    await call(cast.outsider, 'GET', at, 404)
    expect((await threadsOf(cast, cast.viewer)).map((t) => t.id).sort()).toEqual(
      [...threads.values()].sort(),
    )

    for (const user of writers) {
      await call(user, 'POST', `${at}/${editorThread}/replies`, 201, { body: `reply ${user.name}` })
    }
    await call(cast.viewer, 'POST', `${at}/${editorThread}/replies`, 403, { body: 'no' })
    await call(cast.outsider, 'POST', `${at}/${editorThread}/replies`, 404, { body: 'no' })

    // Resolving: the thread's author, or an editor or owner; never a viewer.
    const resolve = { status: 'resolved' }
    await call(cast.commenter, 'PATCH', `${at}/${editorThread}`, 403, resolve)
    await call(cast.viewer, 'PATCH', `${at}/${commenterThread}`, 403, resolve)
    await call(cast.outsider, 'PATCH', `${at}/${commenterThread}`, 404, resolve)
    const { thread } = await call<{ thread: { status: string; resolvedBy: { id: string } } }>(
      cast.commenter,
      'PATCH',
      `${at}/${commenterThread}`,
      200,
      resolve,
    )
    expect(thread).toMatchObject({ status: 'resolved', resolvedBy: { id: cast.commenter.id } })
    await call(cast.editor, 'PATCH', `${at}/${commenterThread}`, 200, { status: 'open' })
    await call(cast.owner, 'PATCH', `${at}/${editorThread}`, 200, resolve)

    // A read-only API token of the owner reads, and writes nothing.
    const { token } = await apiToken(cast.owner, 'reader', true)
    expect((await bearer(server.url, token, at)).status).toBe(200)
    expect((await bearer(server.url, token, at, { method: 'POST', body })).status).toBe(403)
  })

  it('[CM2] bad input is a 400 naming the field; others’ comments are 403; other threads 404', async () => {
    const thread = await startThread(cast, cast.editor, 'talks resume')
    const commentId = thread.comments[0]!.id
    const cases: Array<[unknown, string]> = [
      [{ anchor: { text: 'talks' }, body: '   ' }, 'body'],
      [{ anchor: { text: 'talks' }, body: 'x'.repeat(5_001) }, 'body'],
      [{ anchor: { text: 'not in the briefing' }, body: 'hm' }, 'anchor'],
      [{ anchor: { quoteId: 'no-such-quote' }, body: 'hm' }, 'anchor'],
      [{ anchor: { kind: 'range', start: 'AAAA', end: 'AAAA' }, body: 'hm' }, 'anchor'],
      [{ anchor: { text: 'talks' }, body: 'hm', mentions: [cast.outsider.id] }, 'mentions'],
      [{ anchor: { text: 'talks' }, body: 'hm', html: '<b>' }, 'html'],
      [{ body: 'hm' }, 'anchor'],
    ]
    for (const [body, field] of cases) {
      const error = await call<{ error: { code: string; field: string } }>(
        cast.commenter,
        'POST',
        at,
        400,
        body,
      )
      expect(error.error, JSON.stringify(body).slice(0, 80)).toMatchObject({
        code: 'invalid_input',
        field: expect.stringMatching(new RegExp(`^${field}`)),
      })
    }
    await call(cast.commenter, 'POST', `${at}/${thread.id}/replies`, 400, { body: '' })

    const own = `${at}/${thread.id}/comments/${commentId}`
    await call(cast.commenter, 'PATCH', own, 403, { body: 'rewritten' })
    await call(cast.owner, 'DELETE', own, 403)
    const { thread: edited } = await call<{
      thread: { comments: Array<{ body: string; editedAt: string }> }
    }>(cast.editor, 'PATCH', own, 200, { body: 'Is this still right?' })
    expect(edited.comments[0]).toMatchObject({
      body: 'Is this still right?',
      editedAt: expect.any(String),
    })

    // A thread is found only through its own briefing: through another briefing the caller
    // can see it is a 404, and so is the thread of a briefing the caller cannot see.
    const other = `/api/briefings/${await privateBriefing(cast.owner)}/comments/${thread.id}`
    await call(cast.owner, 'POST', `${other}/replies`, 404, { body: 'x' })
    await call(cast.owner, 'PATCH', other, 404, { status: 'resolved' })
    await call(cast.editor, 'DELETE', `${other}/comments/${commentId}`, 404)
    await call(cast.outsider, 'DELETE', own, 404)
    await call(cast.editor, 'POST', `${at}/no-such-thread/replies`, 404, { body: 'x' })
  })

  it('[CM3] resolving, reopening and deleting are audited; a thread goes with its last comment', async () => {
    const thread = await startThread(cast, cast.commenter, 'rose sharply', 'Source?')
    await call(cast.owner, 'PATCH', `${at}/${thread.id}`, 200, { status: 'resolved' })
    await call(cast.owner, 'PATCH', `${at}/${thread.id}`, 200, { status: 'open' })
    await call(
      cast.commenter,
      'DELETE',
      `${at}/${thread.id}/comments/${thread.comments[0]!.id}`,
      204,
    )
    expect((await threadsOf(cast)).some((t) => t.id === thread.id)).toBe(false)
    await call(cast.commenter, 'POST', `${at}/${thread.id}/replies`, 404, { body: 'gone?' })

    const page = await call<AuditPage>(
      cast.owner,
      'GET',
      `/api/teams/${cast.owner.personalTeamId}/audit?limit=50`,
      200,
    )
    const mine = page.entries.filter((entry) => entry.details.threadId === thread.id)
    expect(mine.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['briefing.comment_deleted', cast.commenter.id],
      ['briefing.thread_reopened', cast.owner.id],
      ['briefing.thread_resolved', cast.owner.id],
    ])
    expect(mine[0]!.details).toMatchObject({ threadDeleted: true, body: 'Source?' })
  })

  it('[CM4] a mention reaches the inbox of someone who can read the briefing, until read', async () => {
    const before = await inboxOf(cast.viewer)
    await startThread(cast, cast.commenter, 'minister', `@${cast.viewer.name} see this`, [
      cast.viewer.id,
    ])
    const after = await inboxOf(cast.viewer)
    expect(after.unreadMentions).toBe(before.unreadMentions + 1)
    expect(after.openThreads).toBe(before.openThreads + 1)
    const threads = await threadsOf(cast, cast.viewer)
    expect(threads.find((t) => t.quotedText === 'minister')!.comments[0]!.mentions).toEqual([
      { id: cast.viewer.id, name: cast.viewer.name },
    ])
    await call(cast.viewer, 'POST', `${at}/read`, 204)
    expect((await inboxOf(cast.viewer)).unreadMentions).toBe(0)
    const { briefings } = await call<{ briefings: Array<{ briefingId: string }> }>(
      cast.outsider,
      'GET',
      '/api/inbox',
      200,
    )
    expect(briefings.map((b) => b.briefingId)).not.toContain(cast.briefingId)
    // Nor does that of a team member when a team briefing is kept to its shares.
    const teamId = await createTeam(cast.owner, 'Desk')
    const member = await signUp(server.url, { name: 'Member' })
    await joinByInvite(cast.owner, teamId, member)
    const kept = await createBriefingAs(cast.owner, 'Kept', { teamId, teamRole: 'none' })
    const writer = connectClient(server.wsUrl, kept, {
      params: { token: await collabToken(cast.owner, kept) },
    })
    await waitSynced(writer)
    appendParagraph(writer, 'Only for the owner.')
    await waitFor(async () => {
      const res = await cast.owner.api(`/api/briefings/${kept}/comments`, {
        method: 'POST',
        body: { anchor: { text: 'Only' }, body: 'note to self' },
      })
      return res.status === 201
    }, 'a thread on the kept briefing')
    writer.destroy()
    const ofMember = await call<{ briefings: Array<{ briefingId: string }> }>(
      member,
      'GET',
      '/api/inbox',
      200,
    )
    expect(ofMember.briefings.map((b) => b.briefingId)).not.toContain(kept)
    const ofOwner = await call<{ briefings: Array<{ briefingId: string }> }>(
      cast.owner,
      'GET',
      '/api/inbox',
      200,
    )
    expect(ofOwner.briefings.map((b) => b.briefingId)).toContain(kept)
  })

  async function inboxOf(user: TestUser) {
    const { briefings } = await call<{
      briefings: Array<{ briefingId: string; openThreads: number; unreadMentions: number }>
    }>(user, 'GET', '/api/inbox', 200)
    return (
      briefings.find((b) => b.briefingId === cast.briefingId) ?? {
        openThreads: 0,
        unreadMentions: 0,
      }
    )
  }

  /** A new briefing of `user`'s own, shared with nobody. */
  async function privateBriefing(user: TestUser): Promise<string> {
    const { id } = await call<{ id: string }>(user, 'POST', '/api/briefings', 201, {
      title: 'Private',
    })
    return id
  }
})
