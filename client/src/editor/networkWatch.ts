/**
 * Noticing a lost network fast. A browser that drops offline keeps its WebSocket "open" until
 * TCP gives up, and the stock provider only notices after 30 s without a message, so the badge
 * said "Connected" meanwhile. Two signals fix that:
 * - the browser's `offline` event drops the socket at once (the badge turns Offline) and its
 *   `online` event reconnects;
 * - a heartbeat: every HEARTBEAT_MS the client asks the server for awareness (a y-protocols
 *   query the server always answers, with an empty update when nobody is there); a socket that
 *   leaves a query unanswered for two beats is dropped and reopened, for networks that fail
 *   without the browser knowing.
 * Leaving the page while edits made since the last sync have not reached the server asks
 * first (the browser's own prompt).
 */
import { messageQueryAwareness, type WebsocketProvider } from 'y-websocket'

export const HEARTBEAT_MS = 4_000

/** Wires the network signals to `provider`; returns the unwiring. */
export function watchNetwork(provider: WebsocketProvider): () => void {
  // Set while we, not the user or a sign-out, took the provider offline.
  let pausedForNetwork = false
  // Local edits made since the provider last synced: not yet known to be on the server.
  let unsent = false
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && !provider.synced) unsent = true
  }
  const onSync = (synced: boolean) => {
    if (synced) unsent = false
  }
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (unsent) event.preventDefault()
  }
  const onOffline = () => {
    if (!provider.shouldConnect) return
    pausedForNetwork = true
    provider.disconnect()
  }
  const onOnline = () => {
    if (!pausedForNetwork) return
    pausedForNetwork = false
    provider.connect()
  }
  // When the oldest query still unanswered was sent; 0 when there is none. Measured from the
  // query, not from the last message: a background tab's timers may run once a minute, and a
  // quiet room sends nothing between them, which is no sign of a dead socket.
  let asked = 0
  const beat = () => {
    const ws = provider.ws
    if (!provider.wsconnected || ws?.readyState !== 1) return
    const answered = provider.wsLastMessageReceived >= asked
    if (!answered && Date.now() - asked >= 2 * HEARTBEAT_MS) {
      asked = 0
      provider.disconnect()
      provider.connect()
      return
    }
    if (answered) asked = Date.now()
    // The message is its type alone: one varuint, one byte.
    ws.send(new Uint8Array([messageQueryAwareness]))
  }
  const timer = setInterval(beat, HEARTBEAT_MS)
  const listeners = [
    ['offline', onOffline],
    ['online', onOnline],
    ['beforeunload', onBeforeUnload],
  ] as const
  for (const [name, listener] of listeners) window.addEventListener(name, listener)
  provider.doc.on('update', onUpdate)
  provider.on('sync', onSync)
  return () => {
    clearInterval(timer)
    for (const [name, listener] of listeners) window.removeEventListener(name, listener)
    provider.doc.off('update', onUpdate)
    provider.off('sync', onSync)
  }
}
