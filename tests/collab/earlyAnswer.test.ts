/**
 * [EA] answerFromSnapshot, the cold-load shortcut (server/collab/earlyAnswer.ts): which
 * first frames it answers, that it waits for frames that have not arrived yet, and that it
 * answers nothing once its wait is over. The clients are small in-memory EarlyClients whose
 * first frame the test delivers when it chooses; wsAdapter.test covers the real sockets.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Connection } from '../../server/collab/connection'
import {
  answerFromSnapshot,
  asksForEverything,
  type EarlyClient,
} from '../../server/collab/earlyAnswer'
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
} from '../../shared/protocol/messages'

const EMPTY_STEP_1 = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))

class TestClient implements EarlyClient {
  readonly connection = new Connection(
    'c',
    { isOpen: true, bufferedAmount: 0, send() {}, close() {}, terminate() {} },
    'read-write',
  )
  readonly replies: Uint8Array[] = []
  private deliver: (frame: Uint8Array | null) => void = () => undefined
  private readonly first = new Promise<Uint8Array | null>((resolve) => {
    this.deliver = resolve
  })

  send(frame: Uint8Array | null): void {
    this.deliver(frame)
  }

  firstFrame(): Promise<Uint8Array | null> {
    return this.first
  }

  async answerFirstFrame(reply: Uint8Array): Promise<void> {
    this.replies.push(reply)
  }
}

function snapshot(): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'stored')
  return Y.encodeStateAsUpdate(doc)
}

describe('answerFromSnapshot', () => {
  it('[EA1] answers a client that asks for everything with the snapshot, and no other', async () => {
    const row = snapshot()
    const empty = new TestClient()
    const partial = new TestClient()
    const awarenessFirst = new TestClient()
    const closed = new TestClient()
    empty.send(EMPTY_STEP_1)
    partial.send(encodeSyncStep1(Y.encodeStateVectorFromUpdate(row)))
    awarenessFirst.send(encodeAwareness(new Uint8Array([0])))
    closed.send(null)
    const answered = await answerFromSnapshot(row, [empty, partial, awarenessFirst, closed], 60_000)
    expect([...answered]).toEqual([empty.connection])
    expect(empty.replies).toEqual([encodeSyncStep2(row)])
    expect(decodeMessage(empty.replies[0]!)).toEqual({ type: 'sync-step-2', update: row })
    for (const client of [partial, awarenessFirst, closed]) expect(client.replies).toEqual([])
  })

  it('[EA2] waits for a first frame that has not arrived yet', async () => {
    const row = snapshot()
    const late = new TestClient()
    const answering = answerFromSnapshot(row, [late], 60_000)
    late.send(EMPTY_STEP_1)
    expect([...(await answering)]).toEqual([late.connection])
    expect(late.replies).toHaveLength(1)
  })

  it('[EA3] answers nothing after its wait: a late frame is the room’s to handle', async () => {
    const row = snapshot()
    const silent = new TestClient()
    const answered = await answerFromSnapshot(row, [silent], 1)
    expect(answered.size).toBe(0)
    silent.send(EMPTY_STEP_1)
    await silent.firstFrame()
    await Promise.resolve()
    expect(silent.replies).toEqual([])
  })

  it('[EA4] recognises only sync step 1 with an empty state vector', () => {
    expect(asksForEverything(EMPTY_STEP_1)).toBe(true)
    expect(asksForEverything(encodeSyncStep1(Y.encodeStateVectorFromUpdate(snapshot())))).toBe(
      false,
    )
    expect(asksForEverything(encodeSyncStep2(snapshot()))).toBe(false)
    expect(asksForEverything(new Uint8Array([0, 0]))).toBe(false) // truncated
    expect(asksForEverything(new Uint8Array([]))).toBe(false)
  })
})
