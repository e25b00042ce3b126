/** [P4] Graceful shutdown of the real process: every connection learns why, nothing is lost. */
import { afterEach, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { killAllChildren, startChildServer } from '../helpers/childServer'
import { appendParagraph, connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { createBriefing, tempDir } from '../helpers/server'
import { tokenFor } from '../helpers/tokens'
import { waitFor } from '../helpers/waitFor'
import { loadStoredDoc } from './storedDoc'
import { startTyping, type Typist } from './typing'

const clients: TestClient[] = []
const typists: Typist[] = []

afterEach(async () => {
  for (const typist of typists.splice(0)) typist.stop()
  for (const client of clients.splice(0)) client.destroy()
  await killAllChildren()
})

it('[P4] SIGTERM with connected clients exits 0 and closes every client with 1012', async () => {
  const dataDir = tempDir()
  const server = await startChildServer({ dataDir })
  const rooms = [await createBriefing(server.url), await createBriefing(server.url)]
  const codes = new Map<string, number[]>()
  const record = (label: string) => {
    const list: number[] = []
    codes.set(label, list)
    return list
  }

  for (const [r, briefingId] of rooms.entries()) {
    for (let c = 0; c < 3; c++) {
      const client = connectClient(server.wsUrl, briefingId)
      clients.push(client)
      const list = record(`room ${r} client ${c}`)
      client.provider.on('connection-close', (event) => {
        if (event) list.push(event.code)
      })
    }
  }
  await Promise.all(clients.map(waitSynced))
  // A raw socket that joined and then stayed silent, as an idle browser tab would.
  const raw = new WebSocket(`${server.wsUrl}/${rooms[0]}?token=${tokenFor(rooms[0]!)}`)
  const rawCodes = record('raw idle socket')
  raw.on('close', (code) => rawCodes.push(code))
  await new Promise((resolve) => raw.once('message', resolve))

  // One client per room is typing when the signal arrives.
  appendParagraph(clients[0]!, '')
  appendParagraph(clients[3]!, '')
  await waitFor(
    () => clients.every((c) => c.fragment.length === 1),
    'typing paragraphs reached everyone',
  )
  typists.push(startTyping(clients[0]!, 0), startTyping(clients[3]!, 0))
  await waitFor(() => typists.every((t) => t.typed > 20), 'typing started')

  server.kill('SIGTERM')
  expect(await server.exited, server.stderr()).toEqual({ code: 0, signal: null })
  await waitFor(
    () => Array.from(codes.values()).every((list) => list.length > 0),
    'every connection saw its close',
  )
  for (const [label, list] of codes) {
    expect(list[0], label).toBe(CloseCode.ServerRestarting)
  }
  expect(server.lines.map((line) => line.msg)).toContain('stopped')
  // Both rooms were written and compacted to a loadable state.
  for (const briefingId of rooms) {
    const stored = await loadStoredDoc(dataDir, briefingId)
    expect(stored.getXmlFragment('default').length).toBe(1)
  }
})
