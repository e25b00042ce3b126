/** One client connection to a room. */
import { randomBytes } from 'node:crypto'
import { encodePermissionDenied } from '../../shared/protocol/messages'
import type { Credential } from '../auth/credential'
import {
  DEFAULT_SEND_LIMITS,
  mayAnswer,
  overCap,
  type SendLimits,
  stateVectorHash,
} from './backpressure'
import { closeFor } from './closeFor'
import { SlowReader } from './errors'
import type { CollabSocket } from './socket'

/** What a connection may do; the server enforces it, whatever the client claims. */
export type AccessMode = 'read-write' | 'read-only'

/** Who opened the connection, as decided at the upgrade. */
export interface ConnectionIdentity {
  userId: string | null
  /**
   * The credential the socket was opened with; closed on sign-out. A read-only API token
   * is read-only for good: a role change never upgrades it.
   */
  credential: Credential | null
}

export interface ConnectionHooks {
  /** The server closed this connection with `code` (for the metrics). */
  onServerClose?(code: number): void
}

const ANONYMOUS: ConnectionIdentity = { userId: null, credential: null }

export class Connection {
  /**
   * Awareness client ids this connection introduced and alone may change; removed for
   * everyone when it leaves (see awarenessOwners.ts).
   */
  readonly awarenessClients = new Set<number>()
  /** Awareness client ids this connection has claimed in its life, released or not. */
  awarenessClaims = 0
  /** Set once a dropped write has been reported, so a read-only client is told only once. */
  private toldReadOnly = false
  /** The code the server closed this connection with, if it did. */
  closedWith: number | null = null
  /** Whether the client asked for "comments changed" frames (`?comments=1`, PROTOCOL.md). */
  private commentListener = false
  /** Bytes of the largest answer sent; what the socket may hold unsent grows with it. */
  private largestAnswer = 0
  /** The hash of the state vector last answered (see backpressure.ts), or -1. */
  private answeredStateVector = -1

  constructor(
    readonly id: string,
    readonly socket: CollabSocket,
    private mode: AccessMode,
    readonly identity: ConnectionIdentity = ANONYMOUS,
    private readonly sendLimits: SendLimits = DEFAULT_SEND_LIMITS,
    private readonly hooks: ConnectionHooks = {},
  ) {}

  get userId(): string | null {
    return this.identity.userId
  }

  get credential(): Credential | null {
    return this.identity.credential
  }

  /** What this connection may do now (see setAccess). */
  get access(): AccessMode {
    return this.mode
  }

  /**
   * Changes what the connection may do, in place. A connection made read-only is told why
   * at once (and not again when its next edit is dropped).
   */
  setAccess(mode: AccessMode, why: string): void {
    if (mode === this.mode) return
    this.mode = mode
    if (mode === 'read-only') {
      this.send(encodePermissionDenied(why))
      this.toldReadOnly = true
    }
  }

  /**
   * From now on the client hears when a comment thread changes. Only clients that ask get
   * the frames: the stock provider logs an error for a message type it does not know.
   */
  listenToComments(): void {
    this.commentListener = true
  }

  get hearsComments(): boolean {
    return this.commentListener
  }

  /** A read-only connection's edit was dropped: tells the client so, once. */
  refuseWrite(): void {
    if (this.toldReadOnly) return
    this.toldReadOnly = true
    this.send(encodePermissionDenied('read-only: document updates are not accepted'))
  }

  /** Sends a frame; a socket whose unsent bytes pass its cap is closed (SlowReader). */
  send(data: Uint8Array): void {
    if (!this.socket.isOpen) return
    this.socket.send(data)
    if (overCap(this.sendLimits, this.largestAnswer, this.socket.bufferedAmount)) {
      this.close(new SlowReader(`${this.socket.bufferedAmount} bytes unsent; reconnect`))
    }
  }

  /**
   * Whether to answer a sync step 1 with this state vector: not while the socket is behind,
   * and only once for the same state vector (see backpressure.ts).
   */
  shouldAnswerSyncStep1(stateVector: Uint8Array): boolean {
    return (
      mayAnswer(this.sendLimits, this.socket.bufferedAmount) &&
      this.answeredStateVector !== stateVectorHash(stateVector)
    )
  }

  /** Whether to answer a request that is not a sync step 1: not while the socket is behind. */
  shouldAnswerRequest(): boolean {
    return mayAnswer(this.sendLimits, this.socket.bufferedAmount)
  }

  /** Sends the answer to a request; `stateVector` is the sync step 1's, if it was one. */
  answer(frame: Uint8Array, stateVector: Uint8Array | null = null): void {
    this.answering(frame, stateVector)
    this.send(frame)
  }

  /** Records an answer sent for this connection before it joined (earlyAnswer.ts). */
  answeredEarly(frame: Uint8Array, stateVector: Uint8Array): void {
    this.answering(frame, stateVector)
  }

  private answering(frame: Uint8Array, stateVector: Uint8Array | null): void {
    if (frame.byteLength > this.largestAnswer) this.largestAnswer = frame.byteLength
    if (stateVector) this.answeredStateVector = stateVectorHash(stateVector)
  }

  /** Starts speaking for an awareness client (see awarenessOwners.ts). */
  claimAwareness(clientId: number): void {
    this.awarenessClients.add(clientId)
    this.awarenessClaims++
  }

  /** Stops speaking for an awareness client. */
  releaseAwareness(clientId: number): void {
    this.awarenessClients.delete(clientId)
  }

  /**
   * Closes the connection for `cause`, with the code closeFor picks. A slow reader is cut
   * off at once: the close frame would wait behind everything it has not read, and
   * dropping that is the point.
   */
  close(cause: unknown): void {
    if (!this.socket.isOpen) return
    const { code, reason } = closeFor(cause)
    this.closedWith = code
    this.hooks.onServerClose?.(code)
    this.socket.close(code, reason)
    if (cause instanceof SlowReader) this.socket.terminate()
  }
}

/**
 * Connection ids: unique within a process, which is all rooms need (ids are map keys and
 * transaction origins, never stored or sent to another instance). The random tag keeps log
 * lines of different processes apart. Ids stay under 13 characters up to 36^5 connections,
 * so V8 keeps each one as a single small flat string, where a UUID from `randomUUID` is a
 * tree of about fourteen string pieces (~450 bytes, for every idle connection).
 */
export class ConnectionIds {
  private readonly tag = randomBytes(3).toString('hex')
  private issued = 0

  next(): string {
    return `${this.tag}.${(this.issued++).toString(36)}`
  }
}
