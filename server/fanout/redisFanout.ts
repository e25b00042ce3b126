/**
 * Links the instances of a scaled-out deployment through Redis pub/sub (protocol in
 * ./messages.ts). Every instance holding a room subscribes to its channel; stored document
 * updates and its own clients' awareness go out on it, and what other instances send is
 * applied to the local room, which passes it on to its connections.
 *
 * Pub/sub keeps nothing, so the store is the source of truth and Redis only makes things
 * fast: whenever this instance (re)subscribes to a room it catches up from the store, and
 * whenever it could not publish it tells peers to catch up from the store once it can.
 * With Redis down an instance keeps serving its own clients; the instances converge when
 * Redis returns.
 */
import { randomUUID } from 'node:crypto'
import type { Room } from '../collab/room'
import type { RegistryHooks } from '../collab/roomRegistry'
import { errorField, type Logger } from '../log/logger'
import type { DocumentStore } from '../store/documentStore'
import {
  applyPeerAwareness,
  encodeLocalAwareness,
  localClients,
  removePeerClients,
} from './awareness'
import {
  CONTROL_CHANNEL,
  type ControlMessage,
  decodeControl,
  decodeRoomMessage,
  encodeControl,
  encodeRoomMessage,
  type RoomMessage,
  roomChannel,
  roomOfChannel,
} from './messages'
import { RedisLink } from './redisLink'

export interface RedisFanoutOptions {
  /** REDIS_URL. */
  url: string
  /** The shared document store, for catching up. */
  store: DocumentStore
  log: Logger
}

/** Control messages waiting for Redis; past this the oldest are dropped (and logged). */
const MAX_PENDING_CONTROL = 1_000
/** Retry delays for a catch-up whose store read failed. */
const CATCH_UP_RETRY_MS = { initial: 200, max: 5_000 }
/** Delay before retrying publishes that failed while the connection looked healthy. */
const REPUBLISH_DELAY_MS = 1_000

export class RedisFanout {
  /** Tags every message, so an instance can drop its own echoes. */
  readonly instanceId = randomUUID()
  private readonly link: RedisLink
  /** Rooms this instance holds. Their channels are subscribed whenever the link is up. */
  private readonly rooms = new Map<string, Room>()
  /**
   * Rooms with a publish that failed: peers may lack updates this instance stored. Each gets
   * a Resync (plus awareness) once publishing works again.
   */
  private readonly unpublished = new Set<string>()
  private readonly pendingControl: string[] = []
  private readonly controlHandlers = new Set<(message: ControlMessage) => void>()
  private readonly relinkHandlers = new Set<() => void>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private republishScheduled = false
  /** Subscriptions confirmed since the subscriber last connected. */
  private subscribed = false
  private state: 'running' | 'leaving' | 'closed' = 'running'
  /** Rooms held when shutdown began; told to resync once this instance has stored all. */
  private leavingRooms: string[] = []

  constructor(private readonly options: RedisFanoutOptions) {
    this.link = new RedisLink(options.url, `briefing-${this.instanceId}`, options.log, {
      onPublisherReady: () => this.flushUnpublished(),
      onSubscriberReady: () => void this.resubscribe(),
      onSubscriberLost: () => {
        this.subscribed = false
      },
      onMessage: (channel, data) => this.receive(channel, data),
    })
  }

  /** Registry hooks that feed rooms into the fan-out and their traffic out of it. */
  readonly hooks: RegistryHooks = {
    onPersisted: (room, origin, update) => {
      // Peer updates never reach onPersisted; loads are not news to anyone.
      if (origin.source === 'client' || origin.source === 'server') {
        this.publish(room.name, { type: 'update', update })
      }
    },
    onAwareness: (room, update, origin) => {
      // Changes a connection here made (a client's mere echoes never change the room); not
      // peers' (FANOUT_ORIGIN), nor timeouts, which every instance applies on its own.
      if (origin?.source === 'client') this.publish(room.name, { type: 'awareness', update })
    },
    onRoomLoaded: (room) => {
      this.rooms.set(room.name, room)
      if (this.link.subscriberReady) void this.subscribeRoom(room)
    },
    onRoomUnloaded: (room) => {
      if (this.rooms.get(room.name) !== room) return
      this.rooms.delete(room.name)
      if (this.state === 'running') this.link.unsubscribe(roomChannel(room.name))
    },
  }

  /** Whether both Redis connections are up and subscribed; for /healthz. */
  health(): { ok: boolean } {
    return { ok: this.link.publisherReady && this.subscribed }
  }

  /**
   * Sends an instance-wide message to every other instance (not to this one: the caller
   * acts locally itself). While Redis is unreachable messages wait and go out when it
   * returns, and an instance that was cut off calls `onRelinked`; so a message may arrive
   * late or, after a cut, not at all. Handlers should treat one as "re-check X", never
   * as the new state of X.
   */
  publishControl(message: ControlMessage): void {
    const text = encodeControl(this.instanceId, message)
    if (this.link.publisherReady && this.pendingControl.length === 0) {
      this.link.publish(CONTROL_CHANNEL, text).catch(() => this.queueControl(text))
      return
    }
    this.queueControl(text)
  }

  /** Registers a handler for other instances' control messages; returns its remover. */
  onControl(handler: (message: ControlMessage) => void): () => void {
    this.controlHandlers.add(handler)
    return () => this.controlHandlers.delete(handler)
  }

  /**
   * Registers a handler called each time the link is (re)established: control messages
   * sent while it was down were missed, so whatever they would have triggered should be
   * re-checked. Returns its remover.
   */
  onRelinked(handler: () => void): () => void {
    this.relinkHandlers.add(handler)
    return () => this.relinkHandlers.delete(handler)
  }

  /**
   * First step of a graceful stop, before the registry closes connections: tells peers
   * that this instance's clients are leaving, so their awareness goes at once rather than
   * after y-protocols' 30 s timeout (which is what removes them when an instance crashes).
   */
  async announceLeaving(): Promise<void> {
    if (this.state !== 'running') return
    this.state = 'leaving'
    this.leavingRooms = Array.from(this.rooms.keys())
    await Promise.allSettled(
      Array.from(this.rooms.values()).map((room) => {
        const clients = Array.from(localClients(room))
        return clients.length > 0 && this.publishNow(room.name, { type: 'left', clients })
      }),
    )
  }

  /**
   * Last step of a graceful stop, after the registry stored every queued update: rooms that
   * were open tell peers to catch up from the store (updates stored during shutdown are
   * never published), then both connections close.
   */
  async close(): Promise<void> {
    if (this.state === 'closed') return
    await Promise.allSettled(
      this.leavingRooms.map((name) => this.publishNow(name, { type: 'resync' })),
    )
    this.state = 'closed'
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    this.rooms.clear()
    await this.link.close()
  }

  private publish(room: string, message: RoomMessage): void {
    if (this.state === 'closed') return
    this.publishNow(room, message).catch(() => undefined)
  }

  /** Publishes now; on failure marks the room for a resync and rejects. */
  private async publishNow(room: string, message: RoomMessage): Promise<void> {
    try {
      await this.link.publish(
        roomChannel(room),
        Buffer.from(encodeRoomMessage(this.instanceId, message)),
      )
    } catch (err) {
      this.markUnpublished(room)
      throw err
    }
  }

  private markUnpublished(room: string): void {
    this.unpublished.add(room)
    this.scheduleRepublish()
  }

  /**
   * A publish can fail with the connection still "ready" (it dropped mid-command and has not
   * noticed yet, or Redis refused it); then no 'ready' event will come to retry it.
   */
  private scheduleRepublish(): void {
    if (this.republishScheduled || !this.link.publisherReady) return
    this.republishScheduled = true
    this.later(REPUBLISH_DELAY_MS, () => {
      this.republishScheduled = false
      this.flushUnpublished()
    })
  }

  /** After publishing failed: peers catch up from the store, and re-learn our clients. */
  private flushUnpublished(): void {
    if (this.state === 'closed' || !this.link.publisherReady) return
    for (const text of this.pendingControl.splice(0)) {
      this.link.publish(CONTROL_CHANNEL, text).catch(() => this.queueControl(text))
    }
    for (const name of Array.from(this.unpublished)) {
      this.unpublished.delete(name)
      const room = this.rooms.get(name)
      const awareness = room && encodeLocalAwareness(room)
      this.publish(name, { type: 'resync' })
      if (awareness) this.publish(name, { type: 'awareness', update: awareness })
    }
  }

  private queueControl(text: string): void {
    this.pendingControl.push(text)
    if (this.pendingControl.length > MAX_PENDING_CONTROL) {
      this.pendingControl.shift()
      this.options.log.warn('fan-out control queue full; dropped the oldest message')
    }
    this.scheduleRepublish()
  }

  /** On every subscriber (re)connect: subscribe everything, then catch each room up. */
  private async resubscribe(): Promise<void> {
    const rooms = Array.from(this.rooms.values())
    try {
      await this.link.subscribe(CONTROL_CHANNEL, ...rooms.map((room) => roomChannel(room.name)))
    } catch (err) {
      this.options.log.warn('redis subscribe failed; retrying', { error: errorField(err) })
      // A dropped connection retries on its next 'ready'; a refusal on a live one, here.
      if (this.link.subscriberReady) this.later(REPUBLISH_DELAY_MS, () => void this.resubscribe())
      return
    }
    this.subscribed = true
    for (const handler of this.relinkHandlers) handler()
    for (const room of rooms) void this.afterSubscribe(room)
  }

  private async subscribeRoom(room: Room): Promise<void> {
    try {
      await this.link.subscribe(roomChannel(room.name))
    } catch {
      return // Not connected after all; resubscribe() covers the room on reconnect.
    }
    await this.afterSubscribe(room)
  }

  /**
   * Once subscribed, everything published from now on arrives; what was stored before is
   * read from the store. Then ask who is here, and say who is here.
   */
  private async afterSubscribe(room: Room): Promise<void> {
    await this.catchUp(room)
    if (this.rooms.get(room.name) !== room) return
    this.publish(room.name, { type: 'awareness-query' })
    const awareness = encodeLocalAwareness(room)
    if (awareness) this.publish(room.name, { type: 'awareness', update: awareness })
  }

  /** Applies whatever the store holds that the room lacks; retries while the store fails. */
  private async catchUp(room: Room, attempt = 0): Promise<void> {
    try {
      const updates = await this.options.store.load(room.name)
      if (this.rooms.get(room.name) !== room || updates.length === 0) return
      // Yjs skips what the doc already has; only new content reaches the room's clients.
      // Applied as the room loads its log, in batches: merging it first is quadratic.
      room.applyPeerLog(updates)
    } catch (err) {
      if (this.rooms.get(room.name) !== room || this.state === 'closed') return
      const delay = Math.min(CATCH_UP_RETRY_MS.max, CATCH_UP_RETRY_MS.initial * 2 ** attempt)
      this.options.log.warn('catch-up from the store failed; retrying', {
        room: room.name,
        attempt: attempt + 1,
        retryInMs: delay,
        error: errorField(err),
      })
      this.later(delay, () => void this.catchUp(room, attempt + 1))
    }
  }

  private receive(channel: string, data: Buffer): void {
    try {
      if (channel === CONTROL_CHANNEL) {
        this.receiveControl(data.toString('utf8'))
        return
      }
      const name = roomOfChannel(channel)
      const room = name === null ? undefined : this.rooms.get(name)
      if (!room) return
      const { from, message } = decodeRoomMessage(data)
      if (from !== this.instanceId) this.apply(room, message)
    } catch (err) {
      this.options.log.warn('dropped a fan-out message', { channel, error: errorField(err) })
    }
  }

  private apply(room: Room, message: RoomMessage): void {
    switch (message.type) {
      case 'update':
        room.applyPeerUpdate(message.update)
        return
      case 'awareness':
        applyPeerAwareness(room, message.update, localClients(room))
        return
      case 'awareness-query': {
        const awareness = encodeLocalAwareness(room)
        if (awareness) this.publish(room.name, { type: 'awareness', update: awareness })
        return
      }
      case 'left':
        removePeerClients(room, message.clients, localClients(room))
        return
      case 'resync':
        void this.catchUp(room)
        return
      default: {
        const unreachable: never = message
        throw new Error(`unhandled fan-out message ${JSON.stringify(unreachable)}`)
      }
    }
  }

  private receiveControl(text: string): void {
    const { from, message } = decodeControl(text)
    if (from === this.instanceId) return
    for (const handler of this.controlHandlers) {
      try {
        handler(message)
      } catch (err) {
        this.options.log.error('control message handler failed', {
          type: message.type,
          error: errorField(err),
        })
      }
    }
  }

  private later(delayMs: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      if (this.state !== 'closed') run()
    }, delayMs)
    this.timers.add(timer)
  }
}
