/**
 * Domain events (server/services/events.ts) as fan-out control messages, so a deletion, a
 * role change or a sign-out on one instance bites on every instance's open sockets. A message
 * only says what happened; each instance re-reads the current access from the store.
 */
import { z } from 'zod'
import type { DomainEvent } from '../services/events'
import { type ControlMessage, MalformedFanoutMessage } from './messages'

const accessChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('briefing'), id: z.string().min(1) }),
  z.object({ kind: z.literal('team'), id: z.string().min(1) }),
  z.object({ kind: z.literal('credential'), key: z.string().min(1) }),
])

const domainEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('briefing-deleted'), id: z.string().min(1) }),
  z.object({ type: z.literal('access-changed'), change: accessChange }),
  z.object({
    type: z.literal('comments-changed'),
    briefingId: z.string().min(1),
    threadId: z.string().min(1),
  }),
])

const EVENT_TYPES: ReadonlySet<string> = new Set([
  'briefing-deleted',
  'access-changed',
  'comments-changed',
])

/** The control message carrying `event`: the event itself, which already has a `type`. */
export function domainEventMessage(event: DomainEvent): ControlMessage {
  return { ...event }
}

/** The domain event a control message carries; null for any other kind of message. */
export function domainEventOf(message: ControlMessage): DomainEvent | null {
  if (!EVENT_TYPES.has(message.type)) return null
  const parsed = domainEvent.safeParse(message)
  if (!parsed.success) {
    throw new MalformedFanoutMessage(`invalid ${message.type} event: ${parsed.error.message}`)
  }
  return parsed.data
}
