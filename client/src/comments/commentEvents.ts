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

/**
 * Drops comment frames while no panel listens: the stock provider would log an error for a
 * type it has no handler for. Installed once, when the provider is made.
 */
export function ignoreCommentFrames(provider: WebsocketProvider): void {
  provider.messageHandlers[MessageType.Comments] = ignore
}

function ignore(): void {}
