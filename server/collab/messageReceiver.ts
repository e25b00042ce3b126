/**
 * What a room does with one frame from a connection: decode it strictly, answer sync step 1
 * and awareness queries, pass updates to the write path and awareness to presence. A frame
 * that fails closes only its connection, with the code closeFor picks; the room and
 * everyone else carry on.
 */
import * as Y from 'yjs'
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep2,
  MalformedMessageError,
} from '../../shared/protocol/messages'
import { errorField, type Logger } from '../log/logger'
import { closeFor } from './closeFor'
import type { Connection } from './connection'
import type { SnapshotAnswers } from './earlyAnswer'
import type { Presence } from './presence'
import type { WritePath } from './writePath'

/** The parts of a room a message reaches. */
export interface MessageTarget {
  readonly name: string
  readonly doc: Y.Doc
  readonly presence: Presence
  readonly writes: WritePath
  readonly snapshot: SnapshotAnswers
}

export class MessageReceiver {
  constructor(
    private readonly room: MessageTarget,
    private readonly log: Logger,
  ) {}

  /** Handles one frame; closes the connection if it fails. */
  receive(connection: Connection, data: Uint8Array): void {
    try {
      this.handle(connection, data)
    } catch (err) {
      this.refuse(connection, err)
    }
  }

  /**
   * Closes a connection whose message failed, with the code closeFor picks: the client's
   * fault is a warning, anything unexpected is the server's (1011, the client retries).
   */
  refuse(connection: Connection, err: unknown): void {
    const fields = { room: this.room.name, connection: connection.id, error: errorField(err) }
    if (closeFor(err).unexpected) this.log.error('message failed; closing connection', fields)
    else if (err instanceof MalformedMessageError) {
      this.log.warn('malformed message; closing connection', fields)
    } else this.log.warn('message refused; closing connection', fields)
    connection.close(err)
  }

  private handle(connection: Connection, data: Uint8Array): void {
    const message = decodeMessage(data)
    switch (message.type) {
      case 'sync-step-1':
        this.answerSyncStep1(connection, message.stateVector)
        return
      case 'sync-step-2':
      case 'update':
        this.room.writes.receive(connection, message.update)
        return
      case 'awareness':
        this.room.presence.receive(connection, message.update)
        return
      case 'query-awareness':
        if (connection.shouldAnswerRequest()) {
          connection.answer(encodeAwareness(this.room.presence.encodeAll() ?? noAwareness()))
        }
        return
      default: {
        const unreachable: never = message
        throw new MalformedMessageError(`unhandled message ${JSON.stringify(unreachable)}`)
      }
    }
  }

  private answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    // Checked even when not answered: an invalid state vector is malformed either way.
    try {
      Y.decodeStateVector(stateVector)
    } catch (err) {
      throw new MalformedMessageError(`invalid state vector (${String(err)})`)
    }
    // Before encoding anything: a request not answered must cost nothing.
    if (!connection.shouldAnswerSyncStep1(stateVector)) return
    const diff =
      this.room.snapshot.answerFor(stateVector) ?? Y.encodeStateAsUpdate(this.room.doc, stateVector)
    connection.answer(encodeSyncStep2(diff), stateVector)
  }
}

/** An awareness update holding no client: the answer to a query when nobody is present. */
function noAwareness(): Uint8Array {
  return Uint8Array.of(0)
}
