/**
 * The rooms in memory. Holds one in-flight load per room name, so a burst of clients opening
 * the same briefing loads it once, and unloads a room only when nothing needs it: no
 * connections, no pending joins, no pending writes, re-checked after every await. A room
 * whose final write fails stays in memory and tries again later.
 */
import { errorField, type Logger } from '../log/logger'
import type { DocumentStore } from '../store/documentStore'
import type { Connection } from './connection'
import type { EarlyClient } from './earlyAnswer'
import { ServerRestarting } from './errors'
import { Room, type RoomHooks, type RoomOptions } from './room'

export interface RoomRegistryOptions extends RoomOptions {
  /** How long to wait before retrying a failed unload. */
  unloadRetryMs: number
}

/** Room hooks, plus when a room enters and leaves memory (the scale-out fan-out follows them). */
export interface RegistryHooks extends Omit<RoomHooks, 'onIdle'> {
  /** The room has loaded and is ready; called once per Room object. */
  onRoomLoaded?(room: Room): void
  /** The room has been destroyed and dropped (unload, close or shutdown). */
  onRoomUnloaded?(room: Room): void
}

export const DEFAULT_ROOM_OPTIONS: RoomRegistryOptions = {
  compactAfterEntries: 500,
  maxAwarenessStateBytes: 16 * 1024,
  maxAwarenessClientsPerConnection: 4,
  maxPendingWriteBytes: 32 * 1024 * 1024,
  unloadRetryMs: 5_000,
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Room>()
  private readonly loads = new Map<string, Promise<Room>>()
  private readonly unloading = new Set<Room>()
  private readonly retryTimers = new Set<NodeJS.Timeout>()
  private shuttingDown = false

  constructor(
    private readonly store: DocumentStore,
    private readonly log: Logger,
    private readonly options: RoomRegistryOptions = DEFAULT_ROOM_OPTIONS,
    private readonly hooks: RegistryHooks = {},
  ) {}

  /** Rooms currently in memory (loaded or loading). */
  get size(): number {
    return this.rooms.size
  }

  /** The loaded room of that name, if it is in memory. */
  get(name: string): Room | undefined {
    const room = this.rooms.get(name)
    return room?.state === 'ready' ? room : undefined
  }

  /** Every room in memory. */
  all(): Room[] {
    return Array.from(this.rooms.values())
  }

  /**
   * Loads the room if needed and attaches the connection once it is ready. The reservation
   * taken synchronously here keeps the room from unloading while the load is awaited.
   */
  async join(name: string, connection: Connection, early?: EarlyClient): Promise<Room> {
    return this.withRoom(
      name,
      async (room) => {
        if (!connection.socket.isOpen) throw new Error('connection closed while the room loaded')
        room.join(connection)
        return room
      },
      early,
    )
  }

  /**
   * Runs server-side work on a loaded room (importing a source, say), holding a reservation
   * so the room cannot unload underneath it, and releasing it afterwards. `early` is a client
   * that may be answered before the room has loaded (see earlyAnswer.ts).
   */
  async withRoom<T>(
    name: string,
    work: (room: Room) => Promise<T>,
    early?: EarlyClient,
  ): Promise<T> {
    if (this.shuttingDown) throw new ServerRestarting()
    let room = this.rooms.get(name)
    if (!room || room.state === 'closed') room = this.create(name)
    const release = room.reserve()
    if (early && room.state === 'loading') room.expect(early)
    try {
      await this.loads.get(name)
      if (room.state !== 'ready') {
        throw room.closedBy ?? new Error(`room ${name} could not be loaded`)
      }
      return await work(room)
    } finally {
      release()
      if (room.idle) void this.unload(room)
    }
  }

  private create(name: string): Room {
    const room = new Room(name, this.store, this.log, this.options, {
      ...this.hooks,
      onIdle: (idle) => void this.unload(idle),
    })
    this.rooms.set(name, room)
    this.loads.set(name, this.load(room))
    return room
  }

  private async load(room: Room): Promise<Room> {
    try {
      await room.load()
      this.hooks.onRoomLoaded?.(room)
      return room
    } catch (err) {
      // A failed load leaves nothing behind: the next join starts a fresh load.
      if (this.rooms.get(room.name) === room) this.rooms.delete(room.name)
      room.destroy()
      throw err
    } finally {
      this.loads.delete(room.name)
    }
  }

  /** Unloads the room if nothing needs it, compacting its log first. */
  async unload(room: Room): Promise<void> {
    // Once shutting down, shutdown() stores and drops every room itself.
    if (this.shuttingDown || this.unloading.has(room) || room.state !== 'ready') return
    this.unloading.add(room)
    try {
      await room.flushed()
      if (room.busy) return
      await room.compact()
      if (room.busy || this.shuttingDown) return
      this.rooms.delete(room.name)
      room.destroy()
      this.hooks.onRoomUnloaded?.(room)
      this.log.debug('room unloaded', { room: room.name })
    } catch (err) {
      this.log.error('room unload failed; keeping it in memory', {
        room: room.name,
        error: errorField(err),
      })
      this.scheduleRetry(room)
    } finally {
      this.unloading.delete(room)
    }
  }

  private scheduleRetry(room: Room): void {
    if (this.shuttingDown) return
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer)
      if (!room.busy) void this.unload(room)
    }, this.options.unloadRetryMs)
    this.retryTimers.add(timer)
  }

  /**
   * Ends a room at once (the briefing was deleted): closes its connections for `cause`,
   * waits for writes already accepted, and drops it without compacting.
   */
  async close(name: string, cause: Error): Promise<void> {
    const room = this.rooms.get(name)
    if (!room) return
    await this.loads.get(name)?.catch(() => undefined)
    room.close(cause)
    await room.flushed()
    if (this.rooms.get(name) === room) this.rooms.delete(name)
    room.destroy()
    this.hooks.onRoomUnloaded?.(room)
  }

  /**
   * The first step of shutdown(), for a graceful stop that drains sockets first: no more
   * joins or unloads, while the rooms keep serving (and storing for) the connections they have.
   */
  beginShutdown(): void {
    this.shuttingDown = true
    for (const timer of this.retryTimers) clearTimeout(timer)
  }

  /**
   * Stops accepting joins, closes every connection with "server restarting", stores every
   * queued update and compacts each room. Resolves when all of that is done or failed.
   */
  async shutdown(): Promise<void> {
    this.beginShutdown()
    await Promise.allSettled(this.loads.values())
    const rooms = Array.from(this.rooms.values())
    await Promise.allSettled(
      rooms.map(async (room) => {
        room.close(new ServerRestarting())
        await room.flushed()
        try {
          await room.compact()
        } catch (err) {
          this.log.error('compaction at shutdown failed; the log is intact', {
            room: room.name,
            error: errorField(err),
          })
        }
        room.destroy()
        this.hooks.onRoomUnloaded?.(room)
      }),
    )
    this.rooms.clear()
  }
}
