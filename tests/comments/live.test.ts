/**
 * Live delivery of comments: a new thread, a reply and a resolution reach every open client
 * that listens, at once, on one instance ([CML1]) and across two instances linked by Redis
 * ([CML2]); the socket carries no comment from a client ([CML3]).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { COMMENT_EVENTS_PARAM, listenForComments } from '../../client/src/comments/commentEvents'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { MessageType } from '../../shared/protocol/messages'
import { appendParagraph, connectClient, docText, waitSynced } from '../helpers/clients'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, type TestUser, userFor } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { type RedisProcess, startRedis } from '../scaleout/processes'
import { type Cast, call, castFor, startThread, writeText } from './support'

/** A client of `user` that records the thread ids it hears about. */
async function listener(server: TestServer, user: TestUser, briefingId: string, listen = true) {
  const params = {
    token: await collabToken(user, briefingId),
    ...(listen ? COMMENT_EVENTS_PARAM : {}),
  }
  const client = connectClient(server.wsUrl, briefingId, { params })
  const heard: string[] = []
  listenForComments(client.provider, (threadId) => heard.push(threadId))
  await waitSynced(client)
  return { client, heard }
}

describe('comments live', () => {
  const cleanups: Array<() => Promise<void> | void> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('[CML1] a thread, a reply and a resolution reach every listening client at once', async () => {
    const server = await startTestServer()
    cleanups.push(() => server.close())
    const cast = await castFor(server.url, server.wsUrl)
    cleanups.push(() => cast.client.destroy())
    await writeText(cast, 'Turnout fell to a record low.')
    const viewer = await listener(server, cast.viewer, cast.briefingId)
    const editor = await listener(server, cast.editor, cast.briefingId)
    const deaf = await listener(server, cast.commenter, cast.briefingId, false)
    cleanups.push(() => {
      for (const { client } of [viewer, editor, deaf]) client.destroy()
    })

    const thread = await startThread(cast, cast.commenter, 'record low')
    const at = `/api/briefings/${cast.briefingId}/comments/${thread.id}`
    await call(cast.owner, 'POST', `${at}/replies`, 201, { body: 'Checked: yes.' })
    await call(cast.owner, 'PATCH', at, 200, { status: 'resolved' })
    for (const { heard } of [viewer, editor]) {
      await waitFor(() => heard.length === 3, 'three changes heard')
      expect(heard).toEqual([thread.id, thread.id, thread.id])
    }
    // A client that did not ask hears nothing: an edit sent after the changes reaches it,
    // and frames on one socket arrive in order.
    appendParagraph(cast.client, 'Later text.')
    await waitFor(() => docText(deaf.client.doc).includes('Later text.'), 'the edit reached it')
    expect(deaf.heard).toEqual([])
  })

  it('[CML2] a comment made through one instance reaches clients on the other through Redis', async () => {
    const [schema, redis]: [TestSchema, RedisProcess] = await Promise.all([
      createTestSchema(),
      startRedis(),
    ])
    cleanups.push(
      () => schema.drop(),
      () => redis.kill(),
    )
    const options = { databaseUrl: schema.url, redisUrl: redis.url }
    const a = await startTestServer(options)
    cleanups.push(() => a.close())
    const b = await startTestServer(options)
    cleanups.push(() => b.close())
    const cast = await castFor(a.url, a.wsUrl)
    cleanups.push(() => cast.client.destroy())
    await writeText(cast, 'Exports grew four per cent.')
    const onB = await listener(b, cast.viewer, cast.briefingId)
    const onA = await listener(a, cast.editor, cast.briefingId)
    cleanups.push(() => {
      for (const { client } of [onA, onB]) client.destroy()
    })

    const thread = await startThread(cast, cast.commenter, 'four per cent', 'Which quarter?')
    await waitFor(() => onB.heard.includes(thread.id), 'instance B’s client heard the thread')
    await waitFor(() => onA.heard.includes(thread.id), 'instance A’s client heard the thread')
    const viewerOnB = userFor(b.url, cast.viewer)
    const { threads } = await call<{ threads: Array<{ id: string; comments: unknown[] }> }>(
      viewerOnB,
      'GET',
      `/api/briefings/${cast.briefingId}/comments`,
      200,
    )
    expect(threads.map((t) => t.id)).toContain(thread.id)

    // A reply through B reaches A's client the same way.
    await call(
      userFor(b.url, cast.editor),
      'POST',
      `/api/briefings/${cast.briefingId}/comments/${thread.id}/replies`,
      201,
      { body: 'Q3.' },
    )
    await waitFor(
      () => onA.heard.filter((id) => id === thread.id).length === 2,
      'A heard the reply',
    )
  })

  it('[CML3] the socket takes no comment from a client: a comments frame closes it with 4400', async () => {
    const server = await startTestServer()
    cleanups.push(() => server.close())
    const cast: Cast = await castFor(server.url, server.wsUrl)
    cleanups.push(() => cast.client.destroy())
    const token = await collabToken(cast.commenter, cast.briefingId)
    const ws = new WebSocket(`${server.wsUrl}/${cast.briefingId}?token=${token}&comments=1`)
    cleanups.push(() => ws.terminate())
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    await new Promise((resolve) => ws.once('open', resolve))
    ws.send(new Uint8Array([MessageType.Comments, 2, 0x68, 0x69]))
    expect(await closed).toBe(CloseCode.MalformedMessage)
  })
})
