/**
 * Keeps what the server queues for one socket bounded. A socket that stops reading keeps
 * everything sent to it in memory (`bufferedAmount`), and a reader could ask for the whole
 * document over and over (each sync step 1 answered with every byte it lacks): measured,
 * a viewer of a 27 MB briefing took the server from 527 to 1,045 MB with 20 four-byte frames.
 *
 * So, per connection:
 * - a request (sync step 1, awareness query) is answered only while the socket has less
 *   than `answerBelowBytes` unsent: a client that reads gets its answer, one that does not
 *   stops being served;
 * - a sync step 1 repeating the state vector last answered is answered once: the client
 *   already has (or has in flight) that answer, and later changes reach it as broadcasts;
 * - a socket whose unsent bytes pass the largest answer it was sent plus `maxBacklogBytes`
 *   is closed. The allowance grows with the answers, so a slow client of a big briefing
 *   can download it whole; beyond that, only live changes pile up, and a client that far
 *   behind is better served by reconnecting.
 */

export interface SendLimits {
  /** Requests are answered only while fewer bytes than this wait to be sent. */
  answerBelowBytes: number
  /** Unsent bytes allowed beyond the largest answer sent; past it the socket is closed. */
  maxBacklogBytes: number
}

export const DEFAULT_SEND_LIMITS: SendLimits = {
  answerBelowBytes: 1024 * 1024,
  maxBacklogBytes: 8 * 1024 * 1024,
}

/** Whether a request may be answered while `unsent` bytes wait to be sent. */
export function mayAnswer(limits: SendLimits, unsent: number): boolean {
  return unsent < limits.answerBelowBytes
}

/**
 * Whether `unsent` bytes are past what a connection may hold, the largest answer it was
 * sent being `largestAnswer` bytes.
 */
export function overCap(limits: SendLimits, largestAnswer: number, unsent: number): boolean {
  return unsent > largestAnswer + limits.maxBacklogBytes
}

/**
 * What a connection keeps of the state vector it last answered: a hash rather than a copy,
 * since an idle server holds one per socket (a copy cost 0.2 KiB each, the idle benchmark).
 * Two vectors that differ but hash alike (one in 2^32) only cost a client a resync answer.
 */
export function stateVectorHash(stateVector: Uint8Array): number {
  return fnv1a(stateVector)
}

/** FNV-1a over the bytes: a non-negative 32-bit number. */
function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < bytes.byteLength; i++) {
    hash ^= bytes[i]!
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
