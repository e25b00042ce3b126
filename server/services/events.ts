/**
 * Domain events: what the services tell the rest of the server after a change is stored.
 * Collaboration (server/collab/domainEvents.ts) applies them to this instance's open rooms and
 * the Redis fanout carries them to the other instances, which apply them the same way, so a
 * deleted briefing closes its sockets with "not found" everywhere, not "access removed".
 */

import type { AccessChange } from '../auth/accessChange'
import type { Logger } from '../log/logger'
import { errorField } from '../log/logger'

export type { AccessChange }

export type DomainEvent =
  | { type: 'briefing-deleted'; id: string }
  | { type: 'access-changed'; change: AccessChange }
  /** A thread was started, answered, edited, resolved, reopened or deleted. */
  | { type: 'comments-changed'; briefingId: string; threadId: string }

export type DomainEventHandler = (event: DomainEvent) => void | Promise<void>

/**
 * The subscribers of one server. `publish` runs them in the order they subscribed and
 * resolves once each has finished, so a route answered after publishing knows no socket here
 * still works with the old access. A failing subscriber is logged and does not stop the
 * others: the change is already stored, and the periodic checks catch up with it.
 */
export class DomainEvents {
  private readonly handlers: DomainEventHandler[] = []

  constructor(private readonly log: Logger) {}

  /** Adds a subscriber; returns its remover. */
  subscribe(handler: DomainEventHandler): () => void {
    this.handlers.push(handler)
    return () => {
      const at = this.handlers.indexOf(handler)
      if (at >= 0) this.handlers.splice(at, 1)
    }
  }

  async publish(event: DomainEvent): Promise<void> {
    for (const handler of [...this.handlers]) {
      try {
        await handler(event)
      } catch (err) {
        this.log.error('a domain event subscriber failed', { event, error: errorField(err) })
      }
    }
  }
}
