/** [SYNC] Real server, real y-websocket clients: convergence, late joiners, awareness. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import {
  appendParagraph,
  connectClient,
  docFingerprint,
  type TestClient,
  waitSynced,
} from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { rememberToken } from '../helpers/tokens'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

describe('collaboration sync', () => {
  let server: TestServer
  let briefingId: string
  let owner: TestUser
  const clients: TestClient[] = []
  const connect = () => {
    const client = connectClient(server.wsUrl, briefingId)
    clients.push(client)
    return client
  }

  beforeEach(async () => {
    server = await startTestServer()
    owner = await signUp(server.url, { name: 'Owner' })
    briefingId = await createBriefingAs(owner)
    rememberToken(briefingId, await collabToken(owner, briefingId))
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
  })

  it('[SYNC1] five clients converge on concurrent edits', async () => {
    const group = Array.from({ length: 5 }, connect)
    await Promise.all(group.map(waitSynced))
    group.forEach((client, i) => {
      for (let n = 0; n < 10; n++) appendParagraph(client, `client ${i} line ${n}`)
    })
    await waitFor(
      () =>
        group.every(
          (c) =>
            c.fragment.length === 50 && docFingerprint(c.doc) === docFingerprint(group[0]!.doc),
        ),
      'all five clients hold the same 50 paragraphs',
    )
    const room = server.registry.get(briefingId)!
    expect(docFingerprint(room.doc)).toBe(docFingerprint(group[0]!.doc))
  })

  it('[SYNC2] a late joiner gets everything', async () => {
    const first = connect()
    await waitSynced(first)
    for (let n = 0; n < 20; n++) appendParagraph(first, `early ${n}`)
    await waitFor(
      () => server.registry.get(briefingId)?.doc.getXmlFragment('default').length === 20,
      'server has 20',
    )
    const late = connect()
    await waitSynced(late)
    await waitFor(
      () => docFingerprint(late.doc) === docFingerprint(first.doc),
      'late joiner caught up',
    )
    expect(late.fragment.length).toBe(20)
  })

  it('[SYNC3] awareness reaches the others and is removed on disconnect', async () => {
    const a = connect()
    const b = connect()
    await Promise.all([waitSynced(a), waitSynced(b)])
    a.provider.awareness.setLocalStateField('user', { name: 'Ada', color: '#f00' })
    await waitFor(
      () => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Ada',
      'b sees a in awareness',
    )
    a.provider.disconnect()
    await waitFor(
      () => !b.provider.awareness.getStates().has(a.doc.clientID),
      'a removed from b awareness',
    )
  })

  it('[SYNC4] renders the live document as JSON and HTML through the shared schema', async () => {
    const a = connect()
    await waitSynced(a)
    appendParagraph(a, 'Hello <world> & friends')
    await waitFor(
      () => server.registry.get(briefingId)?.doc.getXmlFragment('default').length === 1,
      'stored',
    )
    const json = await (await owner.api(`/api/briefings/${briefingId}/content?format=json`)).json()
    expect(json).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { marking: null },
          content: [{ type: 'text', text: 'Hello <world> & friends' }],
        },
      ],
    })
    const html = await (await owner.api(`/api/briefings/${briefingId}/content?format=html`)).text()
    expect(html).toBe('<p>Hello &lt;world&gt; &amp; friends</p>')
  })

  it('[SYNC7] a briefing nobody has typed in renders and exports as an empty document', async () => {
    const json = await (await owner.api(`/api/briefings/${briefingId}/content?format=json`)).json()
    expect(json).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', attrs: { marking: null } }],
    })
    const md = await owner.api(`/api/briefings/${briefingId}/export?format=md`)
    expect(md.status).toBe(200)
    const pdf = await owner.api(`/api/briefings/${briefingId}/export?format=pdf`)
    expect(pdf.status).toBe(200)
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
  })

  it('[SYNC5] an upgrade without access is refused with an HTTP status and no socket', async () => {
    const status = (url: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(url, { headers })
        ws.on('unexpected-response', (_req: unknown, response: { statusCode: number }) =>
          resolve(response.statusCode),
        )
        ws.on('open', () => reject(new Error('socket opened')))
        ws.on('error', () => undefined)
      })
    expect(await status(`${server.wsUrl}/${briefingId}`)).toBe(401)
    expect(await status(`${server.wsUrl}/no-such-briefing`, { cookie: owner.cookie })).toBe(403)
    expect(await status(`${server.url.replace('http', 'ws')}/elsewhere/x`)).toBe(404)
  })

  it('[SYNC6] the server does not answer sync before the stored state has loaded', async () => {
    const a = connect()
    await waitSynced(a)
    appendParagraph(a, 'stored before unload')
    a.destroy()
    clients.length = 0
    await waitFor(() => server.registry.size === 0, 'room unloaded')
    // A fresh client whose own doc already holds content: if the server answered before
    // loading, the client would see only its own paragraph.
    const doc = new Y.Doc()
    const b = connectClient(server.wsUrl, briefingId, { doc })
    clients.push(b)
    await waitSynced(b)
    await waitFor(() => b.fragment.length === 1, 'b got the stored paragraph')
  })
})
