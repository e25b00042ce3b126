/**
 * How this instance's open rooms follow a domain event (server/services/events.ts), whether
 * a service here published it or another instance did: a deleted briefing's room closes with
 * 4404 after storing what it accepted; an access change re-checks the sockets it concerns;
 * a changed comment thread is announced to the room's clients that listen for comments.
 */
import type { AccessChange, DomainEvent } from '../services/events'
import { BriefingDeleted } from './errors'
import type { RoomRegistry } from './roomRegistry'

/** The live access checks (server/auth/liveAccess.ts) an access change runs. */
export interface AccessRechecks {
  apply(change: AccessChange): Promise<void>
}

export function applyDomainEvent(
  event: DomainEvent,
  registry: RoomRegistry,
  live: AccessRechecks,
): Promise<void> {
  switch (event.type) {
    case 'briefing-deleted':
      return registry.close(event.id, new BriefingDeleted())
    case 'access-changed':
      return live.apply(event.change)
    case 'comments-changed':
      registry.get(event.briefingId)?.tellComments(event.threadId)
      return Promise.resolve()
  }
}
