/**
 * One collaborator, whichever server it talks to: Briefing gets the stock y-websocket
 * WebsocketProvider (Briefing speaks the y-websocket protocol), Hocuspocus its own
 * HocuspocusProvider on its own socket (one socket per document, like a y-websocket client,
 * so both servers see the same number of connections).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { ServerKind } from './processes'

// Each y-websocket provider adds a process 'exit' listener; a load generator holds thousands.
process.setMaxListeners(0)

/** What a client needs to open one document on one server. */
export interface DocAccess {
  name: string
  /** Briefing: a collab token; Hocuspocus: the wrapper's HMAC token. */
  token: string
}

export interface BenchClient {
  readonly doc: Y.Doc
  readonly synced: boolean
  /** Resolves once the first sync with the server completed. */
  whenSynced(): Promise<void>
  /** Used on the next (re)connect; Briefing tokens live 5 minutes. */
  setToken(token: string): void
  /** Drops the connection; the provider stays usable. */
  disconnect(): void
  connect(): void
  destroy(): void
}

export function openClient(
  kind: ServerKind,
  wsUrl: string,
  access: DocAccess,
  doc: Y.Doc,
): BenchClient {
  return kind === 'briefing'
    ? openYWebsocket(wsUrl, access, doc)
    : openHocuspocus(wsUrl, access, doc)
}

function openYWebsocket(wsUrl: string, access: DocAccess, doc: Y.Doc): BenchClient {
  const provider = new WebsocketProvider(wsUrl, access.name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node has a global BroadcastChannel: without this, clients in one process would sync
    // with each other directly instead of through the server under test.
    disableBc: true,
    params: { token: access.token },
    maxBackoffTime: 1_000,
  })
  return {
    doc,
    get synced() {
      return provider.synced
    },
    whenSynced: () =>
      provider.synced
        ? Promise.resolve()
        : new Promise((resolve) => {
            const onSync = (state: boolean) => {
              if (!state) return
              provider.off('sync', onSync)
              resolve()
            }
            provider.on('sync', onSync)
          }),
    setToken(token) {
      // The provider rebuilds its URL from `params` on every connect.
      provider.params = { ...provider.params, token }
    },
    disconnect: () => provider.disconnect(),
    connect: () => provider.connect(),
    destroy: () => provider.destroy(),
  }
}

function openHocuspocus(wsUrl: string, access: DocAccess, doc: Y.Doc): BenchClient {
  let token = access.token
  const socket = new HocuspocusProviderWebsocket({
    url: wsUrl,
    WebSocketPolyfill: WebSocket,
    // Reconnect as promptly as the y-websocket clients do (their backoff is capped at 1 s).
    delay: 100,
    minDelay: 100,
    maxDelay: 1_000,
  })
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: access.name,
    document: doc,
    token: () => token,
  })
  provider.attach()
  let everSynced = false
  const syncWaiters: Array<() => void> = []
  provider.on('synced', ({ state }: { state: boolean }) => {
    if (!state || everSynced) return
    everSynced = true
    for (const wake of syncWaiters.splice(0)) wake()
  })
  return {
    doc,
    get synced() {
      return provider.isSynced
    },
    whenSynced: () =>
      everSynced ? Promise.resolve() : new Promise<void>((resolve) => syncWaiters.push(resolve)),
    setToken(next) {
      token = next
    },
    disconnect: () => socket.disconnect(),
    connect: () => void socket.connect(),
    destroy() {
      provider.destroy()
      socket.destroy()
    },
  }
}
