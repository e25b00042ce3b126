/**
 * A y-websocket-protocol client that talks to a RoomRegistry through an in-memory
 * CollabSocket instead of a network socket, for tests where the store (not the network) is
 * the point. Frames travel in both directions on `setImmediate`, in order, like a socket's
 * would, so a room never re-enters itself from inside its own broadcast.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { Connection } from '../../server/collab/connection'
import type { Room } from '../../server/collab/room'
import type { RoomRegistry } from '../../server/collab/roomRegistry'
import type { CollabSocket } from '../../server/collab/socket'
import { encodeSyncStep1, encodeUpdate, MessageType } from '../../shared/protocol/messages'

/** Origin of updates this client applied from the server, so they are not echoed back. */
const FROM_SERVER = Symbol('from server')

export class MemoryClient {
  readonly doc = new Y.Doc()
  readonly connection: Connection
  /** Set when the server closed this client's socket. */
  closed: { code: number; reason: string } | null = null
  /** Whether the server answered this client's sync step 1. */
  synced = false
  private room: Room | null = null
  private open = true

  constructor(
    private readonly registry: RoomRegistry,
    readonly roomName: string,
    id: string,
  ) {
    const socket: CollabSocket = {
      isOpen: true,
      bufferedAmount: 0,
      send: (data) => {
        const copy = data.slice()
        setImmediate(() => this.receive(copy))
      },
      close: (code, reason) => {
        this.closed = { code, reason }
        this.disconnect()
      },
      terminate: () => this.disconnect(),
    }
    Object.defineProperty(socket, 'isOpen', { get: () => this.open })
    this.connection = new Connection(id, socket, 'read-write')
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_SERVER) this.send(encodeUpdate(update))
    })
  }

  get fragment(): Y.XmlFragment {
    return this.doc.getXmlFragment('default')
  }

  /** Joins the room and starts the handshake from the client's side. */
  async connect(): Promise<Room> {
    this.room = await this.registry.join(this.roomName, this.connection)
    this.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    return this.room
  }

  /** The client goes away, as the ws adapter reports a closed socket. */
  disconnect(): void {
    if (!this.open) return
    this.open = false
    this.room?.leave(this.connection)
  }

  private send(frame: Uint8Array): void {
    if (!this.open || !this.room) return
    const room = this.room
    setImmediate(() => {
      if (this.open) room.receive(this.connection, frame)
    })
  }

  private receive(frame: Uint8Array): void {
    if (!this.open) return
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MessageType.Sync) return // awareness is not modelled
    const reply = encoding.createEncoder()
    encoding.writeVarUint(reply, MessageType.Sync)
    const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, FROM_SERVER)
    if (step === syncProtocol.messageYjsSyncStep2) this.synced = true
    if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply))
  }
}
