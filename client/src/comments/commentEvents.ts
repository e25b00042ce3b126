/**
 * Hearing that a comment thread changed, over the briefing's collaboration socket: the
 * server sends a "comments" frame (docs/PROTOCOL.md, type 4) carrying the thread's id to a
 * provider that connected with `?comments=1`, and the panel reads the threads again.
 */
import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import { MessageType } from '../../../shared/protocol/messages'

/** The URL parameter that asks the server for comment frames. */
export const COMMENT_EVENTS_PARAM = { comments: '1' } as const

/** Calls `onChange` with each changed thread's id; returns the remover. */
export function listenForComments(
  provider: WebsocketProvider,
  onChange: (threadId: string) => void,
): () => void {
  provider.messageHandlers[MessageType.Comments] = (_encoder, decoder) => {
    onChange(decoding.readVarString(decoder))
  }
  return () => {
    provider.messageHandlers[MessageType.Comments] = ignore
  }
}

// Once nobody listens, frames still arriving on the open socket are dropped quietly: the stock
// provider would log an error for a type it has no handler for.
function ignore(): void {}
