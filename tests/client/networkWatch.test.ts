/**
 * [NW] The network watch of a collaboration session (client/src/editor/networkWatch.ts), on a
 * stand-in provider: the browser's offline and online events, the heartbeat, and the guard on
 * leaving with edits the server has not had.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { HEARTBEAT_MS, watchNetwork } from '../../client/src/editor/networkWatch'

/** What watchNetwork reads and calls of a WebsocketProvider. */
function fakeProvider() {
  const listeners = new Map<string, (synced: boolean) => void>()
  const sent: Uint8Array[] = []
  const provider = {
    doc: new Y.Doc(),
    shouldConnect: true,
    wsconnected: true,
    synced: true,
    wsLastMessageReceived: Date.now(),
    ws: { readyState: 1, send: (data: Uint8Array) => sent.push(data) } as unknown,
    calls: [] as string[],
    on: (name: string, fn: (synced: boolean) => void) => listeners.set(name, fn),
    off: (name: string) => listeners.delete(name),
    disconnect() {
      this.calls.push('disconnect')
      this.shouldConnect = false
      this.wsconnected = false
      this.synced = false
    },
    connect() {
      this.calls.push('connect')
      this.shouldConnect = true
    },
    emit: (name: string, value: boolean) => listeners.get(name)?.(value),
  }
  return { provider, sent }
}

describe('[NW] network watch', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.stubGlobal('window', new EventTarget())
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('[NW1] the offline event drops the socket and online brings it back; a sign-out stays out', () => {
    const { provider } = fakeProvider()
    const stop = watchNetwork(provider as unknown as WebsocketProvider)
    window.dispatchEvent(new Event('offline'))
    window.dispatchEvent(new Event('online'))
    expect(provider.calls).toEqual(['disconnect', 'connect'])
    // Disconnected by someone else (a sign-out): coming online does not reconnect it.
    provider.disconnect()
    provider.calls.length = 0
    window.dispatchEvent(new Event('offline'))
    window.dispatchEvent(new Event('online'))
    expect(provider.calls).toEqual([])
    stop()
  })

  it('[NW2] a heartbeat asks every beat; a socket leaving a query unanswered for two beats is reopened', () => {
    const { provider, sent } = fakeProvider()
    const stop = watchNetwork(provider as unknown as WebsocketProvider)
    vi.advanceTimersByTime(HEARTBEAT_MS)
    expect(sent.map((m) => [...m])).toEqual([[3]])
    provider.wsLastMessageReceived = Date.now()
    vi.advanceTimersByTime(HEARTBEAT_MS)
    expect(sent).toHaveLength(2)
    expect(provider.calls).toEqual([])
    // Nothing heard since: after three beats of silence the socket is dropped and reopened.
    vi.advanceTimersByTime(3 * HEARTBEAT_MS)
    expect(provider.calls).toEqual(['disconnect', 'connect'])
    stop()
    const before = sent.length
    vi.advanceTimersByTime(10 * HEARTBEAT_MS)
    expect(sent).toHaveLength(before)
  })

  it('[NW2b] a socket whose every query is answered is never reopened, however long between beats', () => {
    const { provider, sent } = fakeProvider()
    ;(provider.ws as { send: (data: Uint8Array) => void }).send = (data) => {
      sent.push(data)
      provider.wsLastMessageReceived = Date.now()
    }
    const stop = watchNetwork(provider as unknown as WebsocketProvider)
    vi.advanceTimersByTime(100 * HEARTBEAT_MS)
    expect(sent).toHaveLength(100)
    expect(provider.calls).toEqual([])
    stop()
  })

  it('[NW3] leaving asks first only while edits made out of sync have not been synced', () => {
    const { provider } = fakeProvider()
    const stop = watchNetwork(provider as unknown as WebsocketProvider)
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(event)
      return event.defaultPrevented
    }
    provider.doc.getText('t').insert(0, 'synced edit')
    expect(leave()).toBe(false)
    provider.synced = false
    provider.doc.getText('t').insert(0, 'offline edit ')
    expect(leave()).toBe(true)
    provider.emit('sync', true)
    expect(leave()).toBe(false)
    stop()
    provider.synced = false
    provider.doc.getText('t').insert(0, 'after stop ')
    expect(leave()).toBe(false)
  })
})
