/**
 * Makes role changes bite on open sockets at once. After a share, a team role or a
 * membership changes, the affected rooms re-resolve every connection's role: a user who lost
 * access is disconnected (4403), one downgraded to reading is switched to read-only in place
 * and told so, and one upgraded to writing is asked to reconnect (4409) to pick it up.
 */
import { can } from '../../shared/access'
import type { Room } from '../collab/room'
import type { RoomRegistry } from '../collab/roomRegistry'
import { errorField, type Logger } from '../log/logger'
import type { Stores } from '../store'
import type { AccessControl } from './access'
import type { AccessChange } from './accessChange'
import { AccessRevoked, SessionEnded, WriteAccessGranted } from './accessErrors'
import { type CredentialRef, isReadOnly, parseCredentialKey, sameCredential } from './credential'

export class LiveAccess {
  constructor(
    private readonly registry: RoomRegistry,
    private readonly access: AccessControl,
    private readonly stores: Stores,
    private readonly log: Logger,
  ) {}

  /** Applies an access change to this instance's open sockets. */
  async apply(change: AccessChange): Promise<void> {
    switch (change.kind) {
      case 'briefing':
        return this.recheckBriefing(change.id)
      case 'team':
        return this.recheckTeam(change.id)
      case 'credential': {
        const credential = parseCredentialKey(change.key)
        if (credential) this.closeCredential(credential)
        return
      }
      default: {
        const unreachable: never = change
        throw new Error(`unhandled access change ${JSON.stringify(unreachable)}`)
      }
    }
  }

  /**
   * Re-checks every open room, each on its own (one failing does not stop the rest): after
   * this instance was cut off from the others, whose access changes it may have missed.
   */
  recheckAll(): void {
    for (const room of this.registry.all()) {
      this.recheckBriefing(room.name).catch((err) =>
        this.log.error('access re-check after relink failed', { error: errorField(err) }),
      )
    }
  }

  /** Re-checks every connection to one briefing. */
  async recheckBriefing(briefingId: string): Promise<void> {
    const room = this.registry.get(briefingId)
    if (room) await this.recheckRoom(room)
  }

  /** Re-checks every open room of a team's briefings (membership changed). */
  async recheckTeam(teamId: string): Promise<void> {
    for (const room of this.registry.all()) {
      const briefing = await this.stores.briefings.get(room.name)
      if (briefing?.teamId === teamId) await this.recheckRoom(room)
    }
  }

  /** Closes every socket opened with a credential that no longer exists (sign-out, revoke). */
  closeCredential(credential: CredentialRef): void {
    for (const room of this.registry.all()) {
      for (const connection of room.connections.values()) {
        const own = connection.credential
        if (own && sameCredential(own, credential)) connection.close(new SessionEnded('signed out'))
      }
    }
  }

  /**
   * Closes sockets whose browser session has expired or was deleted on another instance.
   * Run periodically: a session is checked at the upgrade, and without this a socket could
   * outlive it for as long as the connection stays up.
   */
  async closeEndedSessions(now: Date): Promise<void> {
    const checked = new Map<string, boolean>()
    for (const room of this.registry.all()) {
      for (const connection of Array.from(room.connections.values())) {
        const credential = connection.credential
        if (credential?.kind !== 'session') continue
        const { sessionHash } = credential
        let alive = checked.get(sessionHash)
        if (alive === undefined) {
          const session = await this.stores.users.getSession(sessionHash)
          alive = !!session && session.expiresAt > now.toISOString()
          checked.set(sessionHash, alive)
        }
        if (!alive) connection.close(new SessionEnded('session ended'))
      }
    }
  }

  private async recheckRoom(room: Room): Promise<void> {
    for (const connection of Array.from(room.connections.values())) {
      if (!connection.userId) continue
      try {
        const readOnly = isReadOnly(connection.credential)
        const resolved = await this.access.roleOf(connection.userId, room.name, readOnly)
        if (!resolved) {
          connection.close(new AccessRevoked('access to this briefing was removed'))
          continue
        }
        const mayWrite = can(resolved.role, 'write')
        if (!mayWrite && connection.access === 'read-write') {
          connection.setAccess('read-only', 'read-only: your role was changed to reader')
        } else if (mayWrite && connection.access === 'read-only') {
          connection.close(new WriteAccessGranted('role changed; reconnect to edit'))
        }
      } catch (err) {
        this.log.error('access re-check failed; disconnecting to be safe', {
          room: room.name,
          error: errorField(err),
        })
        connection.close(new AccessRevoked('access could not be checked'))
      }
    }
  }
}
