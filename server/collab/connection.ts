/** One client connection to a room. */
import { randomBytes } from 'node:crypto'
import type { CollabSocket } from './socket'

/** What a connection may do; the server enforces it, whatever the client claims. */
export type AccessMode = 'read-write' | 'read-only'

/** Who opened the connection, as decided at the upgrade. */
export interface ConnectionIdentity {
  userId: string | null
  /** The credential the socket was opened with (see credentialKey); closed on sign-out. */
  credential: string | null
  /** The credential itself is read-only (a read-only API token): never upgrade it. */
  readOnlyCredential: boolean
}

export class Connection {
  /** Awareness client ids this connection has announced, removed when it leaves. */
  readonly awarenessClients = new Set<number>()
  /** Set once a dropped write has been reported, so a read-only client is told only once. */
  toldReadOnly = false
  /** The code the server closed this connection with, if it did. */
  closedWith: number | null = null

  constructor(
    readonly id: string,
    readonly socket: CollabSocket,
    public access: AccessMode,
    readonly identity: ConnectionIdentity = {
      userId: null,
      credential: null,
      readOnlyCredential: false,
    },
  ) {}

  get userId(): string | null {
    return this.identity.userId
  }

  get credential(): string | null {
    return this.identity.credential
  }

  send(data: Uint8Array): void {
    if (this.socket.isOpen) this.socket.send(data)
  }

  close(code: number, reason: string): void {
    if (!this.socket.isOpen) return
    this.closedWith = code
    this.socket.close(code, reason)
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
