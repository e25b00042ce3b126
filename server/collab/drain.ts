/**
 * The first step of a graceful stop: every socket is closed with "server restarting", and
 * rooms keep receiving until each client has answered the close. Whatever a client sent
 * before it saw the close (the last keystrokes in flight) is stored, not dropped.
 */
import type { WebSocketServer } from 'ws'
import { closeFor } from './closeFor'
import { ServerRestarting } from './errors'
import type { RoomRegistry } from './roomRegistry'

/** Closes every socket and resolves once all have closed; cuts off any still open at `deadlineMs`. */
export async function drainSockets(
  wss: WebSocketServer,
  registry: RoomRegistry,
  deadlineMs: number,
): Promise<void> {
  const restarting = new ServerRestarting()
  // Through the connections, so the adapter knows these closes are restarts (see wsAdapter).
  for (const room of registry.all()) {
    for (const connection of room.connections.values()) connection.close(restarting)
  }
  const open = Array.from(wss.clients).filter((ws) => ws.readyState !== ws.CLOSED)
  // Sockets whose room is still loading; a no-op for those already closing.
  const { code, reason } = closeFor(restarting)
  for (const ws of open) ws.close(code, reason)
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    Promise.all(open.map((ws) => new Promise((resolve) => ws.once('close', resolve)))),
    new Promise((resolve) => {
      timer = setTimeout(resolve, deadlineMs)
    }),
  ])
  clearTimeout(timer)
  for (const ws of open) if (ws.readyState !== ws.CLOSED) ws.terminate()
}
