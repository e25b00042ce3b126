/**
 * One collaborator, whichever server it talks to: Briefing gets the stock y-websocket
 * WebsocketProvider (Briefing speaks the y-websocket protocol), Hocuspocus its own
 * HocuspocusProvider on its own socket (one socket per document, like a y-websocket client,
 * so both servers see the same number of connections).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as decoding from 'lib0/decoding'
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

export interface ClientOptions {
  /**
   * Makes a light client: document updates the server broadcasts are handed to this
   * callback and never reach the provider, so the client sends edits and receives every
   * message like any other but does not pay for applying them (see bench/workers/editors.ts).
   */
  onUpdateReceived?: (update: Uint8Array) => void
}

export function openClient(
  kind: ServerKind,
  wsUrl: string,
  access: DocAccess,
  doc: Y.Doc,
  options: ClientOptions = {},
): BenchClient {
  const socket = options.onUpdateReceived
    ? updateDiverting(kind, options.onUpdateReceived)
    : WebSocket
  return kind === 'briefing'
    ? openYWebsocket(wsUrl, access, doc, socket)
    : openHocuspocus(wsUrl, access, doc, socket)
}

/**
 * A `ws` WebSocket that diverts broadcast document updates (sync message, update subtype)
 * before any listener sees them. Both providers listen through `ws`'s EventEmitter, so
 * `emit` is the one place to do it. The initial sync (step 2) still reaches the provider.
 */
function updateDiverting(kind: ServerKind, onUpdate: (update: Uint8Array) => void) {
  return class extends WebSocket {
    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'message') {
        const update = broadcastUpdate(kind, args[0] as ArrayBuffer | Buffer)
        if (update) {
          onUpdate(update)
          return true
        }
      }
      return super.emit(event, ...args)
    }
  }
}

/** The update carried by a sync-update message, in either server's framing; else null. */
function broadcastUpdate(kind: ServerKind, data: ArrayBuffer | Buffer): Uint8Array | null {
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  const decoder = decoding.createDecoder(bytes)
  // Hocuspocus multiplexes documents: every message starts with the document name.
  if (kind === 'hocuspocus') decoding.readVarString(decoder)
  const messageSync = 0
  const syncUpdate = 2
  if (decoding.readVarUint(decoder) !== messageSync) return null
  if (decoding.readVarUint(decoder) !== syncUpdate) return null
  return decoding.readVarUint8Array(decoder)
}

function openYWebsocket(
  wsUrl: string,
  access: DocAccess,
  doc: Y.Doc,
  socket: typeof WebSocket,
): BenchClient {
  const provider = new WebsocketProvider(wsUrl, access.name, doc, {
    WebSocketPolyfill: socket as unknown as typeof globalThis.WebSocket,
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

function openHocuspocus(
  wsUrl: string,
  access: DocAccess,
  doc: Y.Doc,
  polyfill: typeof WebSocket,
): BenchClient {
  let token = access.token
  const socket = new HocuspocusProviderWebsocket({
    url: wsUrl,
    WebSocketPolyfill: polyfill,
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
