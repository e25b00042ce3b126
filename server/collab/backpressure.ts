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

/** One connection's send budget (see the file comment). */
export class SendBudget {
  private largestAnswer = 0
  private answeredStateVector: Uint8Array | null = null

  constructor(private readonly limits: SendLimits) {}

  /** Whether a request may be answered while `unsent` bytes wait to be sent. */
  mayAnswer(unsent: number): boolean {
    return unsent < this.limits.answerBelowBytes
  }

  /** Whether a sync step 1 with this state vector was the last one answered. */
  answeredAlready(stateVector: Uint8Array): boolean {
    return this.answeredStateVector !== null && sameBytes(this.answeredStateVector, stateVector)
  }

  /** Records an answer about to be sent: to a sync step 1 (its state vector) or to a query. */
  answering(bytes: number, stateVector: Uint8Array | null = null): void {
    if (bytes > this.largestAnswer) this.largestAnswer = bytes
    if (stateVector) this.answeredStateVector = stateVector.slice()
  }

  /** Whether `unsent` bytes are past what this connection may hold. */
  overCap(unsent: number): boolean {
    return unsent > this.largestAnswer + this.limits.maxBacklogBytes
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false
  return true
}
