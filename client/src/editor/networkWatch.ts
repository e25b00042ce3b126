/**
 * Noticing a lost network fast. A browser that drops offline keeps its WebSocket "open" until
 * TCP gives up, and the stock provider only notices after 30 s without a message, so the badge
 * said "Connected" meanwhile. The browser's `offline` event now drops the socket at once (the
 * badge turns Offline) and its `online` event reconnects. Leaving the page while edits made
 * since the last sync have not reached the server asks first (the browser's own prompt).
 *
 * Not here (yet): a heartbeat for networks that fail without the browser knowing. It costs
 * about 100 bytes the editor page's script budget does not have (pageWeight); it belongs in
 * a chunk loaded after the page once something else makes room.
 */
import type { WebsocketProvider } from 'y-websocket'

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
  const listeners = [
    ['offline', onOffline],
    ['online', onOnline],
    ['beforeunload', onBeforeUnload],
  ] as const
  for (const [name, listener] of listeners) window.addEventListener(name, listener)
  provider.doc.on('update', onUpdate)
  provider.on('sync', onSync)
  return () => {
    for (const [name, listener] of listeners) window.removeEventListener(name, listener)
    provider.doc.off('update', onUpdate)
    provider.off('sync', onSync)
  }
}
