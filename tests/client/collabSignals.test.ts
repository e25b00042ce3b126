/**
 * How the collaboration session reads the server's access signals off the provider: the
 * y-protocols auth "permission denied" message, and the close codes for a role upgrade (4409),
 * a removal (4403) and an ended session (4401). A real WebsocketProvider that never connects.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { messageAuth, WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { ConnectionEvent } from '../../client/src/editor/connectionState'
import { type AccessSignals, watchProvider } from '../../client/src/editor/useCollabSession'
import { CloseCode, encodePermissionDenied } from '../../shared/protocol'

class NeverOpenedSocket {}

function setup() {
  const provider = new WebsocketProvider('ws://unused.invalid/collab', 'b1', new Y.Doc(), {
    connect: false,
    WebSocketPolyfill: NeverOpenedSocket as unknown as typeof WebSocket,
  })
  const stockAuthHandler = provider.messageHandlers[messageAuth]
  const events: ConnectionEvent[] = []
  const signals: AccessSignals = {
    onWriteDenied: vi.fn(),
    onWriteRestored: vi.fn(),
    onSessionEnded: vi.fn(),
  }
  const detach = watchProvider('b1', provider, (event) => events.push(event), signals)
  return { provider, events, signals, detach, stockAuthHandler }
}

/** Feeds a server frame to the provider's handler for its message type. */
function receive(provider: WebsocketProvider, frame: Uint8Array): void {
  const decoder = decoding.createDecoder(frame)
  const type = decoding.readVarUint(decoder)
  provider.messageHandlers[type]?.(encoding.createEncoder(), decoder, provider, true, type)
}

beforeEach(() => {
  vi.stubGlobal('window', new EventTarget())
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('access signals from the collaboration socket', () => {
  it('turns "permission denied" into read-only at once, and leaves the handler as it was', () => {
    const { provider, signals, detach, stockAuthHandler } = setup()
    expect(provider.messageHandlers[messageAuth]).not.toBe(stockAuthHandler)
    receive(provider, encodePermissionDenied('read-only: your role was changed to reader'))
    expect(signals.onWriteDenied).toHaveBeenCalledTimes(1)
    detach()
    expect(provider.messageHandlers[messageAuth]).toBe(stockAuthHandler)
    provider.destroy()
  })

  it('restores writing on 4409 and keeps the provider retrying', () => {
    const { provider, events, signals } = setup()
    provider.emit('connection-close', [
      { code: CloseCode.WriteAccessGranted } as CloseEvent,
      provider,
    ])
    expect(signals.onWriteRestored).toHaveBeenCalledTimes(1)
    expect(events).toEqual([{ type: 'socket-closed', code: CloseCode.WriteAccessGranted }])
    provider.destroy()
  })

  it('reports an ended session on 4401 without closing the session for good', () => {
    const { provider, events, signals } = setup()
    provider.emit('closed', [{ code: CloseCode.Unauthorized, reason: 'signed out' }, provider])
    expect(events).toEqual([{ type: 'signed-out' }])
    expect(signals.onSessionEnded).toHaveBeenCalledTimes(1)
    expect(provider.shouldConnect).toBe(false)
    provider.destroy()
  })

  it('stops for good when access is removed (4403)', () => {
    const { provider, events, signals } = setup()
    provider.emit('closed', [{ code: CloseCode.Forbidden, reason: 'removed' }, provider])
    expect(events).toEqual([{ type: 'closed-for-good', reason: 'forbidden' }])
    expect(signals.onSessionEnded).not.toHaveBeenCalled()
    provider.destroy()
  })

  it('asks the API why an upgrade was refused: 401 means signed out', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ error: { code: 'unauthenticated', message: 'sign in' } }, { status: 401 }),
      ),
    )
    const { provider, events, signals } = setup()
    provider.emit('connection-close', [{ code: 1006 } as CloseEvent, provider])
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'signed-out' }))
    expect(signals.onSessionEnded).toHaveBeenCalledTimes(1)
    provider.destroy()
  })

  it('asks the API why an upgrade was refused: 404 means the briefing is gone', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ error: { code: 'not_found', message: 'gone' } }, { status: 404 }),
      ),
    )
    const { provider, events } = setup()
    provider.emit('connection-close', [{ code: 1006 } as CloseEvent, provider])
    await vi.waitFor(() =>
      expect(events).toContainEqual({ type: 'closed-for-good', reason: 'deleted' }),
    )
    provider.destroy()
  })
})
