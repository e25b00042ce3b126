/**
 * A collaboration server and y-websocket-protocol clients in one process, joined by
 * SocketPairs (socketPair.ts): rooms run exactly as behind the ws adapter, but frames move
 * only when the test flushes them and the server settles only when the test awaits it, so
 * a seeded test reproduces one exact interleaving.
 *
 * Doc client ids are chosen by the test, not at random (Yjs orders concurrent inserts by
 * client id): the clients get theirs from the caller, and each room this server loads gets
 * the next of a fixed sequence.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { type AccessMode, Connection } from '../../server/collab/connection'
import { RoomRegistry, type RoomRegistryOptions } from '../../server/collab/roomRegistry'
import type { Logger } from '../../server/log/logger'
import type { DocumentStore } from '../../server/store/documentStore'
import { encodeSyncStep1, encodeUpdate, MessageType } from '../../shared/protocol/messages'
import { type Closed, SocketPair } from './socketPair'

/** Client ids of the rooms' own docs (for the edits Yjs derives): far from any test client's. */
const FIRST_ROOM_CLIENT_ID = 1_000_000

export class MemoryCollabServer {
  registry: RoomRegistry
  private connections = 0
  private roomDocs = 0

  constructor(
    private readonly store: DocumentStore,
    private readonly log: Logger,
    private readonly options: RoomRegistryOptions,
  ) {
    this.registry = this.newRegistry()
  }

  /**
   * Opens a socket to room `name`, as an accepted upgrade would: the connection joins once
   * the room has loaded. Frames the client sends wait in the pair until flushed.
   */
  async connect(name: string, access: AccessMode = 'read-write'): Promise<SocketPair> {
    const pair = new SocketPair()
    const connection = new Connection(`c${this.connections++}`, pair.server, access)
    const room = await this.registry.join(name, connection)
    pair.onServerFrame = (frame) => room.receive(connection, frame)
    pair.onServerClose = () => room.leave(connection)
    return pair
  }

  /**
   * Lets the server finish what delivered frames started: every queued update stored and
   * applied, and the broadcast batch sent (it leaves on the next setImmediate).
   */
  async settle(): Promise<void> {
    for (;;) {
      await Promise.all(this.registry.all().map((room) => room.flushed()))
      await new Promise((resolve) => setImmediate(resolve))
      if (this.registry.all().every((room) => room.writeBacklog.updates === 0)) return
    }
  }

  /** A graceful restart: every connection closed with 1012, all stored, a fresh registry. */
  async restart(): Promise<void> {
    await this.registry.shutdown()
    this.registry = this.newRegistry()
  }

  async close(): Promise<void> {
    await this.registry.shutdown()
  }

  private newRegistry(): RoomRegistry {
    return new RoomRegistry(this.store, this.log, this.options, {
      onRoomLoaded: (room) => {
        room.doc.clientID = FIRST_ROOM_CLIENT_ID + this.roomDocs++
      },
    })
  }
}

/** Origin of updates a client applied from the server, so they are not sent back. */
const FROM_SERVER = Symbol('from server')

/**
 * A client speaking y-websocket's protocol as the stock provider does (sync step 1 on
 * open, every local update sent, the server's sync step 1 answered), minus awareness.
 */
export class SyncClient {
  readonly doc = new Y.Doc()
  /** Every close that reached this client, oldest first. */
  readonly closes: Closed[] = []
  /** Whether the server has answered this connection's sync step 1. */
  synced = false
  private pair: SocketPair | null = null

  constructor(clientId: number) {
    this.doc.clientID = clientId
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_SERVER) this.pair?.clientSend(encodeUpdate(update))
    })
  }

  get connected(): boolean {
    return this.pair?.isOpen ?? false
  }

  /** The socket, while connected. */
  get socket(): SocketPair | null {
    return this.pair
  }

  /** Starts speaking on a freshly opened socket. */
  attach(pair: SocketPair): void {
    this.pair = pair
    this.synced = false
    pair.onClientFrame = (frame) => this.receive(frame)
    pair.onClientClose = (closed) => {
      this.closes.push(closed)
      if (this.pair === pair) this.pair = null
    }
    pair.clientSend(encodeSyncStep1(Y.encodeStateVector(this.doc)))
  }

  /** Closes the socket from the client's side (a tab closing, a network drop). */
  disconnect(): void {
    const pair = this.pair
    this.pair = null
    pair?.clientClose()
  }

  private receive(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MessageType.Sync) return // awareness is not modelled
    const reply = encoding.createEncoder()
    encoding.writeVarUint(reply, MessageType.Sync)
    const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, FROM_SERVER)
    if (step === syncProtocol.messageYjsSyncStep2) this.synced = true
    if (encoding.length(reply) > 1) this.pair?.clientSend(encoding.toUint8Array(reply))
  }
}
