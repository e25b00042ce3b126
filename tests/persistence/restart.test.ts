/**
 * [P] Persistence across process restarts: the real server runs as a child process on a
 * temp data dir and is stopped gracefully (SIGTERM) or killed (SIGKILL), then started again
 * on the same data dir and port, so the stock providers reconnect by themselves.
 *
 * What a crash may lose is checked against the data dir itself, read while no server runs:
 * a reconnecting client would resend its edits and hide a loss.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { type ChildServer, killAllChildren, startChildServer } from '../helpers/childServer'
import {
  appendParagraph,
  connectClient,
  docFingerprint,
  type TestClient,
  waitSynced,
} from '../helpers/clients'
import { createBriefing, tempDir } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'
import { loadStoredDoc, stateVector } from './storedDoc'
import { expectedTyping, paragraphText, startTyping, type Typist } from './typing'

const clients: TestClient[] = []
const typists: Typist[] = []

function connect(server: ChildServer, briefingId: string): TestClient {
  const client = connectClient(server.wsUrl, briefingId)
  clients.push(client)
  return client
}

/** Close codes the client's connections ended with (locally closed ones are not listed). */
function closeCodes(client: TestClient): number[] {
  const codes: number[] = []
  client.provider.on('connection-close', (event) => {
    if (event) codes.push(event.code)
  })
  return codes
}

/** Every listed client holds the same document as `reference`. */
function converged(reference: Y.Doc, group: TestClient[]): boolean {
  const expected = docFingerprint(reference)
  return group.every((c) => c.provider.synced && docFingerprint(c.doc) === expected)
}

afterEach(async () => {
  for (const typist of typists.splice(0)) typist.stop()
  for (const client of clients.splice(0)) client.destroy()
  await killAllChildren()
})

describe('restarts', () => {
  it('[P1] content survives a graceful restart and open clients reconnect by themselves', async () => {
    const dataDir = tempDir()
    const first = await startChildServer({ dataDir })
    const briefingId = await createBriefing(first.url)
    const a = connect(first, briefingId)
    const b = connect(first, briefingId)
    const codes = [closeCodes(a), closeCodes(b)]
    await Promise.all([waitSynced(a), waitSynced(b)])
    for (let n = 0; n < 10; n++) {
      appendParagraph(a, `a ${n}`)
      appendParagraph(b, `b ${n}`)
    }
    await waitFor(
      () => a.fragment.length === 20 && converged(a.doc, [b]),
      'a and b hold the same 20 paragraphs',
    )

    expect(await first.stop()).toEqual({ code: 0, signal: null })
    await waitFor(
      () => codes.every((list) => list.includes(CloseCode.ServerRestarting)),
      'both clients were closed with 1012',
    )
    const stored = await loadStoredDoc(dataDir, briefingId)
    expect(docFingerprint(stored)).toBe(docFingerprint(a.doc))

    const second = await startChildServer({ dataDir, port: first.port })
    const fresh = connect(second, briefingId)
    await waitSynced(fresh)
    await waitFor(() => converged(a.doc, [a, b, fresh]), 'everyone converged after restart')
    expect(fresh.fragment.length).toBe(20)

    appendParagraph(b, 'after restart')
    await waitFor(
      () => a.fragment.length === 21 && converged(b.doc, [a, fresh]),
      'an edit after the restart reaches everyone',
    )
    expect(await second.stop()).toEqual({ code: 0, signal: null })
  })

  it('[P2] kill -9 mid-typing loses nothing a client had received, and reconnects fill the rest', async () => {
    const dataDir = tempDir()
    const first = await startChildServer({ dataDir })
    const briefingId = await createBriefing(first.url)
    const group = Array.from({ length: 4 }, () => connect(first, briefingId))
    await Promise.all(group.map(waitSynced))
    // One paragraph per typist, made by one client so every replica starts from the same tree.
    for (let i = 0; i < group.length; i++) appendParagraph(group[0]!, '')
    await waitFor(() => converged(group[0]!.doc, group), 'paragraphs reached everyone')

    // What each client had received from the server when its connection dropped: the
    // entries of its state vector for the other clients, and the other paragraphs' text.
    // No client can learn another's edits except through the server (disableBc), and the
    // server broadcasts only what it stored, so all of it must be on disk.
    const received = group.map(() => null as null | { sv: Map<number, number>; texts: string[] })
    group.forEach((client, i) => {
      client.provider.on('connection-close', () => {
        if (received[i]) return
        const sv = stateVector(client.doc)
        sv.delete(client.doc.clientID)
        received[i] = { sv, texts: group.map((_, p) => paragraphText(client.doc, p).toString()) }
      })
    })

    group.forEach((client, i) => {
      typists.push(startTyping(client, i))
    })
    await waitFor(
      () =>
        group.every((client) => group.every((_, j) => paragraphText(client.doc, j).length > 60)),
      'every client has received keystrokes from every other',
    )
    first.kill('SIGKILL')
    expect((await first.exited).signal).toBe('SIGKILL')
    await waitFor(() => received.every(Boolean), 'every client saw its connection drop')
    // Typing goes on offline; these keystrokes exist only in the clients until they reconnect.
    const atKill = typists.map((t) => t.typed)
    await waitFor(
      () => typists.every((t, i) => t.typed >= atKill[i]! + 20),
      'clients typed while offline',
    )

    const stored = await loadStoredDoc(dataDir, briefingId)
    const storedSv = stateVector(stored)
    for (const [i, seen] of received.entries()) {
      for (const [clientId, clock] of seen!.sv) {
        expect(
          storedSv.get(clientId) ?? 0,
          `client ${i} had received clock ${clock} of ${clientId}`,
        ).toBeGreaterThanOrEqual(clock)
      }
      for (const j of group.keys()) {
        if (j === i) continue
        const seenText = seen!.texts[j]!
        expect(paragraphText(stored, j).toString().slice(0, seenText.length)).toBe(seenText)
      }
    }

    const second = await startChildServer({ dataDir, port: first.port })
    await waitFor(() => group.every((c) => c.provider.synced), 'clients reconnected by themselves')
    const afterReconnect = typists.map((t) => t.typed)
    await waitFor(
      () => typists.every((t, i) => t.typed >= afterReconnect[i]! + 20),
      'clients typed after reconnecting',
    )
    for (const typist of typists) typist.stop()
    const fresh = connect(second, briefingId)
    await waitSynced(fresh)
    await waitFor(() => converged(fresh.doc, group), 'all replicas converged')

    // The union of every edit: each paragraph holds all of its typist's keystrokes, in order.
    for (const [i, typist] of typists.entries()) {
      expect(paragraphText(fresh.doc, i).toString()).toBe(expectedTyping(typist.typed))
      expect(stateVector(fresh.doc).get(group[i]!.doc.clientID)).toBe(
        stateVector(group[i]!.doc).get(group[i]!.doc.clientID),
      )
    }
    expect(await second.stop()).toEqual({ code: 0, signal: null })
    const final = await loadStoredDoc(dataDir, briefingId)
    expect(docFingerprint(final)).toBe(docFingerprint(fresh.doc))
  })

  it('[P3] edits sent right before SIGTERM are stored before the process exits', async () => {
    const dataDir = tempDir()
    const first = await startChildServer({ dataDir })
    const briefingId = await createBriefing(first.url)
    const burst = connect(first, briefingId)
    const typing = connect(first, briefingId)
    await Promise.all([waitSynced(burst), waitSynced(typing)])
    appendParagraph(typing, '')
    await waitFor(() => burst.fragment.length === 1, 'the typing paragraph reached burst')
    const typist = startTyping(typing, 0)
    typists.push(typist)
    await waitFor(() => typist.typed > 20, 'typing started')

    // A burst written to the socket in the same tick as the signal: the server reads it
    // after (or while) it begins to stop.
    for (let n = 0; n < 100; n++) appendParagraph(burst, `burst ${n}`)
    first.kill('SIGTERM')
    expect(await first.exited, first.stderr()).toEqual({ code: 0, signal: null })
    typist.stop()

    const stored = await loadStoredDoc(dataDir, briefingId)
    expect(stored.getXmlFragment('default').length).toBe(101)
    expect(stateVector(stored).get(burst.doc.clientID)).toBe(
      stateVector(burst.doc).get(burst.doc.clientID),
    )
    // Every keystroke that went onto the wire before the close is stored.
    const sent = expectedTyping(typist.sentBeforeFirstDrop)
    expect(paragraphText(stored, 0).toString().slice(0, sent.length)).toBe(sent)

    // The burst client is gone before the restart, so a fresh client can only get the burst
    // from the store.
    clients.splice(clients.indexOf(burst), 1)
    burst.destroy()
    const second = await startChildServer({ dataDir, port: first.port })
    const fresh = connect(second, briefingId)
    await waitSynced(fresh)
    expect(fresh.fragment.length).toBe(101)
    await waitFor(() => converged(fresh.doc, [typing]), 'the typing client caught up')
    expect(paragraphText(fresh.doc, 0).toString()).toBe(expectedTyping(typist.typed))
  })
})
