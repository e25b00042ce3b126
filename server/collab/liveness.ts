/**
 * Notices clients that went away without closing their socket (a laptop lid shut, a train
 * tunnel, a browser that dropped offline): their TCP connection stays "open" here for minutes,
 * and so did their caret and avatar for everyone else. Every beat the server asks each socket
 * for a sign of life, and drops one that gave none for MISSED_BEATS beats; closing it removes
 * its presence like any other departure (Room.leave), so the others stop seeing that person
 * within MISSED_BEATS + 1 beats (~15 s).
 *
 * The sign asked for depends on what the client shows the others:
 * - every socket is pinged, and the browser's network stack answers with a pong by itself;
 * - a socket that holds presence is also sent an awareness query, which any y-websocket
 *   provider answers from page script. A pong alone is not enough for it: a browser that
 *   knows it is offline (devtools' offline mode, and some captive networks) may keep the TCP
 *   connection answering pings while the page can send nothing. The answer is an event, not a
 *   timer, so a background tab whose timers run once a minute still answers at once, and it
 *   changes nothing (same awareness clock), so the others are sent nothing.
 * Counting beats rather than wall time keeps a server whose event loop stalled for a while
 * from cutting everyone at once: their answers are still queued behind the timer, and one
 * stalled beat is only one miss.
 */

/** What the check needs of a socket; CollabWebSocket provides it. */
export interface LiveSocket {
  /** Beats since the client last gave the sign of life its socket owes (see above). */
  beatsSilent(): number
  /** Counts one beat and asks for the next sign of life. */
  beat(): void
  terminate(): void
}

/** Beat length, so a silent client's presence goes within about 15 s (issue 15). */
export const DEFAULT_BEAT_MS = 5_000
/** Beats without a sign of life before a socket is dropped. */
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
