/**
 * [VRC] Restoring a version while people type, with real y-websocket clients against a real
 * server, on SQLite and PostgreSQL: the restore reaches everyone, what was typed after it
 * (and typed offline, merged on reconnecting) is kept, and nothing is duplicated.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Version } from '../../shared/api/versions'
import {
  appendParagraph,
  connectClient,
  docText,
  type TestClient,
  waitSynced,
} from '../helpers/clients'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { startTestServer, type TestServer } from '../helpers/server'
import { rememberToken } from '../helpers/tokens'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

/** The Y.XmlText of the `index`-th paragraph. */
function paragraphText(client: TestClient, index: number): Y.XmlText {
  return (client.fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText
}

/** Appends `text` to the `index`-th paragraph, as typing at its end does. */
function typeAt(client: TestClient, index: number, text: string): void {
  const target = paragraphText(client, index)
  target.insert(target.length, text)
}

const occurrences = (text: string, part: string) => text.split(part).length - 1

describe.each(['sqlite', 'postgres'] as const)('[VRC] restore under typing on %s', (backend) => {
  let schema: TestSchema | undefined
  let server: TestServer
  let owner: TestUser
  let briefingId: string
  const clients: TestClient[] = []

  beforeEach(async () => {
    schema = backend === 'postgres' ? await createTestSchema() : undefined
    server = await startTestServer({
      ...(schema ? { databaseUrl: schema.url } : {}),
      versionSettleMs: 60 * 60 * 1000,
    })
    owner = await signUp(server.url, { name: 'Ada' })
    briefingId = await createBriefingAs(owner, 'Outlook')
    rememberToken(briefingId, await collabToken(owner, briefingId))
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    await schema?.drop()
  })

  async function client(): Promise<TestClient> {
    const made = connectClient(server.wsUrl, briefingId)
    clients.push(made)
    await waitSynced(made)
    return made
  }

  const roomText = () => docText(server.registry.get(briefingId)!.doc)

  it('[VRC1] typing through a restore: the restore lands, later typing and offline edits are kept, nothing is doubled', async () => {
    const ada = await client()
    appendParagraph(ada, 'Alpha.')
    appendParagraph(ada, 'Beta.')
    await waitFor(() => roomText() === 'Alpha.\nBeta.', 'the server has the first text')
    const saved = await owner.api(`/api/briefings/${briefingId}/versions`, {
      method: 'POST',
      body: { name: 'Good' },
    })
    expect(saved.status).toBe(201)
    const good = ((await saved.json()) as { version: Version }).version

    // The bad edits the restore is to undo.
    typeAt(ada, 1, ' Changed badly.')
    appendParagraph(ada, 'Bad edit.')
    await waitFor(
      () => roomText() === 'Alpha.\nBeta. Changed badly.\nBad edit.',
      'bad edits stored',
    )

    // Grace goes offline with the bad state and types there.
    const grace = await client()
    grace.provider.disconnect()
    typeAt(grace, 0, ' [offline]')

    // Bo types at the end of the first paragraph, one token at a time, through the restore.
    const bo = await client()
    const typed: string[] = []
    let typing = true
    const typist = (async () => {
      for (let i = 0; typing; i++) {
        const token = `<${i}>`
        typeAt(bo, 0, token)
        typed.push(token)
        // Stored, not necessarily still there: a token the restore reverted is gone again.
        const clock = Y.getState(bo.doc.store, bo.doc.clientID)
        await waitFor(
          () => Y.getState(server.registry.get(briefingId)!.doc.store, bo.doc.clientID) >= clock,
          `the server has ${token}`,
        )
      }
    })()
    await waitFor(() => typed.length >= 3, 'Bo has started typing')
    const restored = await owner.api(`/api/briefings/${briefingId}/versions/${good.id}/restore`, {
      method: 'POST',
    })
    expect(restored.status).toBe(200)
    const afterRestore = typed.length
    await waitFor(() => typed.length >= afterRestore + 5, 'Bo types on after the restore')
    typing = false
    await typist

    grace.provider.connect()
    const everyone = [ada, bo, grace]
    const final = await waitFor(() => {
      const text = roomText()
      return everyone.every((c) => docText(c.doc) === text) ? text : null
    }, 'everyone converges')

    // The restore took effect for everyone...
    expect(final).not.toContain('Bad edit.')
    expect(final).not.toContain('Changed badly.')
    const lines = final.split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toBe('Beta.')
    // ...nothing is doubled...
    expect(occurrences(final, 'Alpha.')).toBe(1)
    for (const token of typed) expect(occurrences(final, token)).toBeLessThanOrEqual(1)
    // ...and what was typed after the restore, and offline, is all there.
    for (const token of typed.slice(afterRestore)) expect(lines[0]).toContain(token)
    expect(occurrences(final, '[offline]')).toBe(1)
    expect(lines[0]!.startsWith('Alpha.')).toBe(true)

    // The store holds what everyone sees.
    const stored = await owner.api(`/api/briefings/${briefingId}/content`)
    const body = (await stored.json()) as { content: Array<{ content?: Array<{ text: string }> }> }
    expect(body.content.map((p) => (p.content ?? []).map((t) => t.text).join(''))).toEqual(lines)
  })
})
