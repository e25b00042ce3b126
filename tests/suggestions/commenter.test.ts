/**
 * [SUG9] A commenter does not suggest: the server cannot yet prove that an update adds or
 * removes nothing but the sender's own suggestions (docs/ARCHITECTURE.md, Suggested edits), so
 * a commenter's document update is dropped even when all it holds is text marked as their own
 * insertion. Real server, real y-websocket clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, docText, waitSynced } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

describe('suggestions and the commenter role', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('[SUG9] a commenter’s update holding only their own signed insertion is dropped', async () => {
    const owner = await signUp(server.url, { name: 'Owner' })
    const commenter = await signUp(server.url, { name: 'Commenter' })
    const id = await createBriefingAs(owner, 'Suggestions by commenters')
    const shared = await owner.api(`/api/briefings/${id}/shares`, {
      method: 'PUT',
      body: { email: commenter.email, role: 'commenter' },
    })
    expect(shared.status).toBe(200)
    const ownerClient = connectClient(server.wsUrl, id, {
      params: { token: await collabToken(owner, id) },
    })
    const commenterClient = connectClient(server.wsUrl, id, {
      params: { token: await collabToken(commenter, id) },
    })
    try {
      await waitSynced(ownerClient)
      await waitSynced(commenterClient)

      const suggested = new Y.XmlText()
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [suggested])
      commenterClient.fragment.insert(0, [paragraph])
      suggested.insert(0, 'Commenter words', {
        insertion: {
          id: 's-commenter',
          by: commenter.id,
          byName: 'Commenter',
          at: new Date().toISOString(),
        },
      })

      // A later suggestion by the owner, the same shape, reaches the server and the commenter
      // (so the marks are valid and the drop is the role's); the commenter's never does.
      const ownerText = new Y.XmlText()
      const sentinel = new Y.XmlElement('paragraph')
      sentinel.insert(0, [ownerText])
      ownerClient.fragment.insert(ownerClient.fragment.length, [sentinel])
      ownerText.insert(0, 'Owner sentinel', {
        insertion: { id: 's-owner', by: owner.id, byName: 'Owner', at: new Date().toISOString() },
      })
      await waitFor(
        () =>
          docText(commenterClient.doc).includes('Owner sentinel') &&
          docText(server.registry.get(id)!.doc).includes('Owner sentinel'),
        'the owner’s edit reached the server and the commenter',
      )
      expect(docText(server.registry.get(id)!.doc)).not.toContain('Commenter words')
      expect(docText(ownerClient.doc)).not.toContain('Commenter words')
      expect(docText(server.registry.get(id)!.doc)).toContain('<insertion')
    } finally {
      ownerClient.destroy()
      commenterClient.destroy()
    }
  })
})
