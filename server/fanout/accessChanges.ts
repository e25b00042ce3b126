/**
 * Access changes as fan-out control messages, so a role change or sign-out on one instance
 * bites on every instance's open sockets. The message only says what to re-check; each
 * instance re-reads the current access from the store.
 */
import { z } from 'zod'
import type { AccessChange } from '../http/context'
import { type ControlMessage, MalformedFanoutMessage } from './messages'

const ACCESS_CHANGED = 'access-changed'

const accessChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('briefing'), id: z.string().min(1) }),
  z.object({ kind: z.literal('team'), id: z.string().min(1) }),
  z.object({ kind: z.literal('credential'), key: z.string().min(1) }),
])

export function accessChangeMessage(change: AccessChange): ControlMessage {
  return { type: ACCESS_CHANGED, change }
}

/** The access change a control message carries; null for any other kind of message. */
export function accessChangeOf(message: ControlMessage): AccessChange | null {
  if (message.type !== ACCESS_CHANGED) return null
  const parsed = accessChangeSchema.safeParse(message.change)
  if (!parsed.success) {
    throw new MalformedFanoutMessage(`invalid access change: ${parsed.error.message}`)
  }
  return parsed.data
}
