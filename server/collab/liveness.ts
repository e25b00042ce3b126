/**
 * Notices clients that went away without closing their socket (a laptop lid shut, a train
 * tunnel, a browser that dropped offline): their TCP connection stays "open" here for minutes,
 * and so did their caret and avatar for everyone else. Every beat the server pings each
 * socket; the browser's network stack answers with a pong by itself (no page script involved,
 * so a throttled background tab still answers). A socket from which nothing at all (frame or
 * pong) has arrived for MISSED_BEATS beats is terminated; closing it removes its presence
 * like any other departure (Room.leave), so the others stop seeing that person within
 * MISSED_BEATS + 1 beats. Counting beats rather than wall time keeps a server whose event loop
 * stalled for a while from cutting everyone at once: their pongs are still queued behind the
 * timer, and one stalled beat is only one miss.
 */

/** What the check needs of a socket; CollabWebSocket provides it. */
export interface LiveSocket {
  /** Beats since the client was last heard; reset by any frame or pong. */
  beatsSilent(): number
  /** Counts one beat and pings. */
  beat(): void
  terminate(): void
}

/** Beat length, so a silent client's presence goes within about 15 s (issue 15). */
export const DEFAULT_BEAT_MS = 5_000
/** Beats without a word from the client before its socket is dropped. */
export const MISSED_BEATS = 2

/** Starts beating over `sockets` (read at every beat); returns the stop. */
export function watchLiveness(sockets: Iterable<LiveSocket>, beatMs = DEFAULT_BEAT_MS): () => void {
  const timer = setInterval(() => {
    for (const socket of sockets) {
      if (socket.beatsSilent() >= MISSED_BEATS) socket.terminate()
      else socket.beat()
    }
  }, beatMs)
  // Never the reason a process stays up.
  timer.unref()
  return () => clearInterval(timer)
}
